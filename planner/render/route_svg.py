"""A route map drawn without any network: SVG from the plan's coordinates (handbook pages, previews).

Equirectangular projection scaled by cos(latitude): over a few hundred km the distortion is far
smaller than what a reader can see, and it keeps the drawing free of tile servers and projections.
Under the routes: the offline geography of the drawn area (planner/geo/boundaries.py) — land and
province outlines, city outlines and names, and counties once the map covers little more than a city.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import numpy as np

from planner.geo.boundaries import Geography, geography
from planner.render.clip import clip_rings
from planner.render.routes import HOTEL, STATION, STOP, RouteMap

KM_PER_DEG = 111.195
NICE_KM = (1, 2, 5, 10, 20, 50, 100, 200, 500)
CLIP_MARGIN = 8  # px beyond the drawing where outlines are cut: wider than any stroke, so no cut shows


def _nice(km: float) -> int:
    return max([n for n in NICE_KM if n <= km] or [NICE_KM[0]])


@dataclass(frozen=True)
class Frame:
    """Where the map's degrees land on the drawing: x = lon·cos(lat₀), centred, one scale for both axes."""
    kx: float
    cx: float
    cy: float
    scale: float
    width: int
    height: int

    @classmethod
    def around(cls, sites, width: int, height: int, pad: int) -> Frame:
        lat0 = sum(s.lat for s in sites) / len(sites)
        kx = math.cos(math.radians(lat0))
        xs, ys = [s.lon * kx for s in sites], [s.lat for s in sites]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 0.02)
        scale = min((width - 2 * pad) / max(max(xs) - min(xs), span * 0.2),
                    (height - 2 * pad - 24) / max(max(ys) - min(ys), span * 0.2))
        return cls(kx, (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, scale, width, height)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (self.width / 2 + (lon * self.kx - self.cx) * self.scale,
                (self.height - 24) / 2 - (lat - self.cy) * self.scale)

    def points(self, rings: tuple[np.ndarray, ...]) -> list[str]:
        """Each ring's (lon, lat) rows as SVG points, cut to the drawing (rings wholly outside are left out):
        `xy` over all rings at once (the same arithmetic in the same order, so the same figures) — per-point
        Python calls were most of a handbook's map time."""
        if not rings:
            return []
        every = np.concatenate(rings)
        drawn = np.empty_like(every)
        drawn[:, 0] = self.width / 2 + (every[:, 0] * self.kx - self.cx) * self.scale
        drawn[:, 1] = (self.height - 24) / 2 - (every[:, 1] - self.cy) * self.scale
        cut = clip_rings(drawn, [len(r) for r in rings],
                         (-CLIP_MARGIN, -CLIP_MARGIN, self.width + CLIP_MARGIN, self.height + CLIP_MARGIN))
        if not cut:
            return []
        every = np.concatenate(cut)
        pairs = list(map("{:.1f},{:.1f}".format, every[:, 0].tolist(), every[:, 1].tolist()))
        ends = np.cumsum([len(ring) for ring in cut]).tolist()
        return [" ".join(pairs[start:end]) for start, end in zip([0] + ends, ends)]

    def bounds(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The drawn area, (south, west), (north, east)."""
        half_h, half_w = (self.height - 24) / 2 / self.scale, self.width / 2 / self.scale
        return (self.cy - half_h, (self.cx - half_w) / self.kx), (self.cy + half_h, (self.cx + half_w) / self.kx)


def route_svg(route_map: RouteMap, width: int = 720, height: int = 480, pad: int = 36,
              with_geography: bool = True) -> str:
    sites = [p for r in route_map.routes for p in r.points] + [m.site for m in route_map.markers]
    if not sites:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
                f'<rect width="100%" height="100%" fill="#f4f6f8"/></svg>')
    frame = Frame.around(sites, width, height, pad)
    xy = frame.xy
    # one family, the handbook's own: Qt's SVG renderer read "X, sans-serif" as one unknown name and drew the
    # names in the Japanese CJK face and DejaVu — two more fonts in a printed handbook, other glyph shapes
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="Noto Sans CJK SC">',
           f'<rect width="{width}" height="{height}" fill="{WATER if with_geography else "#f4f6f8"}"/>']
    if with_geography:
        out += _geography_svg(frame)
    out.append(f'<rect width="{width}" height="{height}" fill="none" stroke="#c8ced4"/>')
    for route in route_map.routes:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(p.lat, p.lon) for p in route.points))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{escape(route.colour)}" stroke-width="3.5" '
                   'stroke-linejoin="round" stroke-opacity="0.85"/>')
    colours = {r.group_id: r.colour for r in route_map.routes}
    markers = sorted(route_map.markers, key=lambda mk: mk.kind == STOP)
    # a marker is 20 px across: one whose centre is past width − 12 would be cut by the frame
    for m, (x, y) in zip(markers, _side_by_side([xy(m.site.lat, m.site.lon) for m in markers], width - 12)):
        if m.kind in (HOTEL, STATION):
            fill, label = ("#5b4a8b", "宿") if m.kind == HOTEL else ("#333333", "站")
            out.append(f'<rect x="{x - 8:.1f}" y="{y - 8:.1f}" width="16" height="16" rx="2" fill="{fill}" '
                       f'stroke="#fff"/><text x="{x:.1f}" y="{y + 4:.1f}" font-size="10" fill="#fff" '
                       f'text-anchor="middle">{label}</text>')
        elif m.number is None and not m.joint:  # passed through, not visited (a meal, a transfer's arrival)
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{escape(colours.get(m.groups[0], "#555555"))}" '
                       'stroke="#fff" stroke-width="1.5"/>')
        else:
            fill = "#222222" if m.joint else escape(colours.get(m.groups[0], "#555555"))
            label = "联" if m.joint else str(m.number)
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{fill}" stroke="#fff" stroke-width="1.5"/>'
                       f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="10" font-weight="bold" fill="#fff" '
                       f'text-anchor="middle">{label}</text>')
    out.append(_scale_bar(frame.scale, frame.kx, height))
    out.append("</svg>")
    return "".join(out)


def _side_by_side(points: list[tuple[float, float]], right: float = math.inf) -> list[tuple[float, float]]:
    """Where each marker goes: 20 px right of its point until no placed marker lies within 19 px in both x
    and y, so stops at (nearly) the same point sit side by side instead of hiding each other. Past `right`
    (the drawing's edge) the search goes on leftwards from 20 px left of the point: a pile near the edge
    stays on the map instead of running off it.

    Placed markers are kept in 20 px cells (only the 3×3 cells around a spot can hold a clash), and a marker
    whose point equals an earlier one's resumes where that one stopped — every spot before was taken then and
    still is, and the same additions give the same figures. Comparing with every placed marker was quadratic
    (cubic for a pile of stops on one site)."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    resume: dict[tuple[float, float], tuple[float, float]] = {}
    out = []
    for start in points:
        (x, step), y = resume.get(start, (start[0], 20.0)), start[1]
        row = int(y // 20)
        while any(abs(x - px) < 19 and abs(y - py) < 19
                  for column in range(int(x // 20) - 1, int(x // 20) + 2) for r in (row - 1, row, row + 1)
                  for px, py in cells.get((column, r), ())):
            x += step
            if step > 0 and x > right:
                x, step = start[0] - 20, -20.0
        resume[start] = (x, step)
        cells.setdefault((int(x // 20), row), []).append((x, y))
        out.append((x, y))
    return out

WATER = "#e3edf5"
_LOOK = {"province": 'fill="#fbf9f1" stroke="#8c829e" stroke-width="1.3"',
         "city": 'fill="none" stroke="#a59db2" stroke-width="0.8" stroke-dasharray="5 4"',
         "county": 'fill="none" stroke="#cbc5d2" stroke-width="0.5"'}


@lru_cache(maxsize=32)
def _geography_svg(frame: Frame) -> tuple[str, ...]:
    """The land, outlines and names of one frame, kept: exporting the handbook again (or a phone image of
    the same map) draws the same frames, and formatting ~60,000 vertices is most of a map's time."""
    geo = geography(frame.bounds(), detail=1.2 / frame.scale)  # one pixel's worth of detail
    (_, west), (_, east) = frame.bounds()
    return tuple(_geography(geo, frame, (east - west) < 1.6, frame.width, frame.height))


def _geography(geo: Geography, frame: Frame, counties: bool, width: int, height: int) -> list[str]:
    """Land and outlines first, names last (on top of every outline, under the routes drawn after)."""
    out, names = [], []
    for level, areas in geo.layers().items():
        if level == "county" and not counties:
            continue
        for area in areas:
            out += [f'<polygon points="{points}" {_LOOK[level]}/>' for points in frame.points(area.rings)]
            x, y = frame.xy(*area.label)
            if level != "province" and 0 <= x <= width and 0 <= y <= height:  # names of what is drawn only
                size = 11 if level == "city" else 9
                text = f'<text x="{x:.1f}" y="{y + size / 3:.1f}" font-size="{size}" text-anchor="middle" '
                name = escape(area.division.name)
                # a white halo first, then the name: Qt's SVG renderer has no paint-order
                names.append(f'{text}fill="#ffffff" stroke="#ffffff" stroke-width="3">{name}</text>'
                             f'{text}fill="#5a5267">{name}</text>')
    return out + names


def _scale_bar(scale: float, kx: float, height: int) -> str:
    """A bar of a round number of km, about a fifth of the drawing wide."""
    px_per_km = scale / KM_PER_DEG  # degrees of latitude per km, in pixels (x is already scaled by kx)
    km = _nice(140 / px_per_km)
    length = km * px_per_km
    x0, y0 = 14, height - 12
    label = f"{km} km"
    # a light backing: the bar and its label stay readable over the outlines and place names beneath
    backing = (f'<rect x="{x0 - 6}" y="{y0 - 13}" width="{length + 18 + 7 * len(label):.1f}" height="22" rx="3" '
               'fill="#ffffff" fill-opacity="0.85"/>')
    return (f'{backing}<g stroke="#333" stroke-width="2">'
            f'<line x1="{x0}" y1="{y0}" x2="{x0 + length:.1f}" y2="{y0}"/>'
            f'<line x1="{x0}" y1="{y0 - 5}" x2="{x0}" y2="{y0}"/>'
            f'<line x1="{x0 + length:.1f}" y1="{y0 - 5}" x2="{x0 + length:.1f}" y2="{y0}"/></g>'
            f'<text x="{x0 + length + 6:.1f}" y="{y0 + 4}" font-size="12" fill="#333">{label}</text>')
