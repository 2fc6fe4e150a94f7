"""Route maps as standalone Leaflet pages (folium), working offline with Leaflet from an installed package.

Every user-supplied string is escaped for the place it lands: folium writes tooltips into JavaScript
template literals, so HTML escaping alone is not enough (backticks, `${`, backslashes).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import xstatic.pkg.leaflet as xstatic_leaflet
from branca.element import Element, MacroElement

from planner.geo.boundaries import Bounds, Geography, geography
from planner.render.coords import identity, wgs_to_gcj
from planner.render.labels import short_date
from planner.render.map_script import RUNTIME
from planner.render.routes import HOTEL, STATION, STOP, Marker, RouteMap


def _import_folium():
    """folium imports pandas only to accept DataFrames, which we never pass: a third of a second of the
    window's and export-map's start. Imported with pandas hidden, folium does without; pandas stays
    importable afterwards (cpca needs it)."""
    import sys

    if "folium" in sys.modules or "pandas" in sys.modules:
        import folium
        return folium
    sys.modules["pandas"] = None  # type: ignore[assignment]  (makes `import pandas` an ImportError)
    try:
        import folium
    finally:
        del sys.modules["pandas"]
    return folium


folium = _import_folium()

TILES = ("none", "osm", "gaode", "tianditu")
LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)

_TIANDITU = "https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%s" \
            "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=%s"
_GAODE = "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}"

_CSS = """
.st-pin{border-radius:50%;color:#fff;font:bold 12px/22px sans-serif;text-align:center;width:22px;height:22px;
 border:2px solid #fff;box-shadow:0 0 3px rgba(0,0,0,.6)}
.st-hotel,.st-station{border-radius:3px;color:#fff;font:12px/20px "Noto Sans CJK SC",sans-serif;text-align:center;
 width:20px;height:20px;border:1px solid #fff;box-shadow:0 0 3px rgba(0,0,0,.6)}
.st-hotel{background:#5b4a8b}.st-station{background:#333}.st-pin.st-dot{width:8px;height:8px;border-width:2px}
.st-legend{position:absolute;z-index:1000;top:10px;right:10px;background:rgba(255,255,255,.92);padding:4px 8px;
 border-radius:4px;font:12px/1.5 "Noto Sans CJK SC",sans-serif;box-shadow:0 0 4px rgba(0,0,0,.3);max-width:46%;
 max-height:45%;overflow:auto}
.st-legend:empty{display:none}
/* a row never breaks inside a word ("公/里"): too long a row scrolls instead */
.st-legend div{white-space:nowrap}
.st-legend b{display:block;max-height:3em;overflow:hidden}
.st-key{display:inline-block;width:16px;height:16px;line-height:16px;font-size:10px}
/* a small map (a docked tab on a laptop) keeps its room for the routes: no legend, no note */
.st-legend i{display:inline-block;width:22px;height:4px;margin-right:6px;vertical-align:middle}
.st-note{position:absolute;z-index:1000;bottom:24px;right:10px;background:#fff8e1;padding:3px 8px;border-radius:3px;
 font:12px "Noto Sans CJK SC",sans-serif;color:#6d5200}
.st-failed{display:none;bottom:48px}
.leaflet-container{background:#e3edf5}
.st-place{white-space:nowrap;font:12px "Noto Sans CJK SC",sans-serif;color:#5a5267;
 text-shadow:0 0 2px #fff,0 0 2px #fff;transform:translate(-50%,-50%);width:auto!important;height:auto!important}
.st-place-county{font-size:11px;color:#7d7689}
@media (max-height:320px),(max-width:300px){.st-legend,.st-note{display:none}}
"""

_TEXT = {
    "zh": {"hotel": "住宿", "station": "车站/机场", "joint": "联合", "km": "公里", "stops": "站",
           "tiles_off": "在线底图已关闭：离线显示省、市、县界",
           "tiles_failed": "在线底图无法加载，已改用离线底图"},
    "en": {"hotel": "Hotel", "station": "Station / airport", "joint": "joint",
           "km": "km", "stops": "stops",
           "tiles_off": "Online tiles are off: offline province, city and county boundaries",
           "tiles_failed": "Online tiles could not be loaded: showing the offline base"},
}


def safe(text: object) -> str:
    """Escape user text for HTML that folium places inside a JavaScript template literal."""
    escaped = html.escape(str(text), quote=True)
    return escaped.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def leaflet_assets() -> tuple[str, str]:
    """Leaflet's JS and CSS from the installed xstatic package (the version folium is made for)."""
    return ((LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8"),
            (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8"))


def _tile_layers(m: folium.Map, tiles: str, tianditu_key: str) -> None:
    if tiles == "osm":
        folium.TileLayer("OpenStreetMap").add_to(m)
    elif tiles == "gaode":
        folium.TileLayer(_GAODE, attr="© 高德地图 AutoNavi", subdomains="1234", max_zoom=18).add_to(m)
    elif tiles == "tianditu" and tianditu_key:
        key = safe(tianditu_key)
        folium.TileLayer(_TIANDITU % ("vec", "vec", key), attr="© 天地图", subdomains="01234567").add_to(m)
        folium.TileLayer(_TIANDITU % ("cva", "cva", key), attr="© 天地图", subdomains="01234567",
                         overlay=True).add_to(m)


def _tooltip(marker: Marker, names: dict[str, str], lang: str, dates: dict) -> str:
    """`names`: group names already escaped; `dates`: labels of dates seen so far (a big tour has thousands
    of visits on a few dozen dates)."""
    t = _TEXT[lang]
    lines = [f"<b>{safe(marker.site.name)}</b>"]
    if marker.kind == HOTEL:
        lines.append(t["hotel"])
    elif marker.kind == STATION:
        lines.append(t["station"])
    if marker.joint:
        lines.append(t["joint"] + "：" + "、".join(names.get(g) or safe(g) for g in marker.groups))
    for v in marker.visits:
        who = "" if marker.joint else (names.get(v.group_id) or safe(v.group_id)) + " "
        title = "" if v.title == marker.site.name else " " + safe(v.title)
        day = dates.get(v.date)
        if day is None:
            day = dates[v.date] = short_date(v.date, lang)
        lines.append(f"{who}{day} {v.start}–{v.end}{title}")
    if not marker.visits and marker.kind != STOP:
        lines.append("、".join(names.get(g) or safe(g) for g in marker.groups))
    return "<br>".join(lines)


def _icon(marker: Marker, colours: dict[str, str]) -> tuple[str, str, str, int]:
    """(css class, style, label, size) of a marker's badge; the page's `mk` draws it."""
    if marker.kind in (HOTEL, STATION):
        return ("st-hotel", "", "宿", 20) if marker.kind == HOTEL else ("st-station", "", "站", 20)
    if marker.joint:
        return "st-pin", "background:#222", "联", 26
    colour = "background:" + safe(colours.get(marker.groups[0], "#555555"))
    if marker.number is None:  # passed through, not visited (a meal, a transfer's arrival): a dot, no number
        return "st-pin st-dot", colour, "", 12
    return "st-pin", colour, str(marker.number), 26


def _shifts(markers: list[Marker]) -> list[int]:
    """Side-by-side offsets for markers at the same point (county-level coordinates are often shared)."""
    seen: dict[tuple[float, float], int] = {}
    out = []
    for m in markers:
        key = (round(m.site.lat, 4), round(m.site.lon, 4))
        k = seen.get(key, 0)
        seen[key] = k + 1
        out.append(k * 24)
    return out


def build_map(route_map: RouteMap, tiles: str = "none", tianditu_key: str = "", lang: str = "zh",
              area: Bounds | None = None) -> folium.Map:
    """folium writes the page (Leaflet, tiles, our runtime, the offline geography of `area` — by default
    what the routes cover); the routes come as one data script after it, replaceable in place."""
    if tiles not in TILES:
        raise ValueError(f"tiles must be one of {', '.join(TILES)}")
    m = folium.Map(tiles=None, control_scale=False, prefer_canvas=False, zoom_start=8, location=(30.5, 120.5))
    # Only Leaflet, inlined: no jQuery/Bootstrap/Font Awesome and nothing fetched from a CDN.
    m.default_js, m.default_css = [], []
    js, css = leaflet_assets()
    root = m.get_root()
    root.header.add_child(_Raw(f"<script>{js}</script>"), name="leaflet_js")
    root.header.add_child(_Raw(f"<style>{css}\n{_CSS}</style>"), name="leaflet_css")
    root.header.add_child(_Raw(f"<title>{safe(route_map.title)}</title>"), name="title")
    _tile_layers(m, tiles, tianditu_key)
    root.html.add_child(_Raw('<div class="st-legend" id="st-legend"></div>'))
    if tiles == "none" or (tiles == "tianditu" and not tianditu_key):
        root.html.add_child(_Raw(f'<div class="st-note">{_TEXT[lang]["tiles_off"]}</div>'))
    root.html.add_child(_Raw(f'<div class="st-note st-failed" id="st-failed">{_TEXT[lang]["tiles_failed"]}'
                                "</div>"))
    _AfterMap(RUNTIME % m.get_name()).add_to(m)
    geo = geography(area or route_map.bounds(), "gcj02" if tiles == "gaode" else "wgs84")
    offline = tiles == "none" or (tiles == "tianditu" and not tianditu_key)
    _AfterMap(f"studyTourGeo({_json(geo_data(geo))}, {_json(offline)});").add_to(m)
    _AfterMap(data_script(route_map, tiles, lang, refit=True)).add_to(m)
    return m


def geo_data(geo: Geography) -> dict:
    """Outlines as flat lat, lon, lat, lon … in 1e-5 degrees (integers: a third of the text, and JSON writes
    them fast); names escaped like every other text on the page."""
    return {level: [{"name": safe(a.division.name), "at": [round(a.label[0], 5), round(a.label[1], 5)],
                     "rings": [np.rint(r[:, ::-1] * 1e5).astype(np.int64).ravel().tolist() for r in a.rings]}
                    for a in areas]
            for level, areas in geo.layers().items()}


class _Raw(Element):
    """Text placed as it is. folium's Element would compile it as a Jinja template: slow for Leaflet's
    140 KB, and a tour title holding "{{ … }}" would run as template code."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _AfterMap(MacroElement):
    """Our own script, placed after folium has created the map and its layers — as raw text: branca would
    compile a macro's output as a Jinja template, and a site named "{{ … }}" would run as template code."""

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def render(self, **kwargs) -> None:
        self.get_root().script.add_child(_Raw(self.code), name=self.get_name())


def data_script(route_map: RouteMap, tiles: str = "none", lang: str = "zh", refit: bool = False) -> str:
    """JavaScript that replaces the page's routes, stops and legend: the page's first drawing, and every
    later edit in place (`runJavaScript`), so the page is never rebuilt for an edit.

    Every string in it went through `safe` first, then JSON: text, never markup or code."""
    project: Callable[[float, float], tuple[float, float]] = wgs_to_gcj if tiles == "gaode" else identity
    names = {r.group_id: safe(r.name) for r in route_map.routes}
    colours = {r.group_id: r.colour for r in route_map.routes}
    dates: dict = {}
    out = ["studyTourDraw(function (g, mk) {"]
    for route in route_map.routes:
        if len(route.points) >= 2:
            points = [_point(project(p.lat, p.lon)) for p in route.points]
            options = {"color": safe(route.colour), "weight": 4, "opacity": 0.85}
            out.append(f"L.polyline({_json(points)}, {_json(options)}).bindTooltip({_json(safe(route.name))})"
                       ".addTo(g);")
    # hotels and stations first, so numbered stops are drawn on top of them
    ordered = sorted(route_map.markers, key=lambda mk: mk.kind == STOP)
    marks = [[*_point(project(marker.site.lat, marker.site.lon)), *_icon(marker, colours), shift,
              _tooltip(marker, names, lang, dates)] for marker, shift in zip(ordered, _shifts(ordered))]
    out.append(f"{_json(marks)}.forEach(function (m) {{ mk(g, [m[0], m[1]], m[2], m[3], m[4], m[5], m[6], m[7]); }});")
    bounds = route_map.bounds()
    if bounds is not None:
        bounds = [_point(project(*bounds[0])), _point(project(*bounds[1]))]
    info = {"legend": _legend(route_map, lang), "bounds": bounds, "refit": refit}
    out.append(f"}}, {_json(info)});")
    return "\n".join(out)


def _point(latlon: tuple[float, float]) -> list[float]:
    return [round(latlon[0], 6), round(latlon[1], 6)]


def _json(value: object) -> str:
    # "</" never reaches the page as such: the script stays one script whatever the data holds
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")).replace("</", "<\\/")


def _legend(route_map: RouteMap, lang: str) -> str:
    t = _TEXT[lang]
    rows = [f'<div><i style="background:{safe(r.colour)}"></i>{safe(r.name)} · {r.stops} {t["stops"]} · '
            f'{r.km:.0f}\u00a0{t["km"]}</div>' for r in route_map.routes]
    rows.append(f'<div><span class="st-hotel st-key">宿</span> {t["hotel"]}</div>')
    return f'<b>{safe(route_map.title)}</b>{"".join(rows)}'


def render_html(route_map: RouteMap, tiles: str = "none", tianditu_key: str = "", lang: str = "zh",
                area: Bounds | None = None) -> str:
    return build_map(route_map, tiles, tianditu_key, lang, area).get_root().render()
