"""Handbook route maps: the routes drawn over the offline geography of just the drawn area."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.etree import ElementTree

import numpy as np

from planner.io.fileformat import load_tour
from planner.geo.boundaries import geography
from planner.render.clip import clip_ring
from planner.render.route_svg import CLIP_MARGIN, Frame, route_svg
from planner.render.routes import Scope, build_route_map
from planner.schedule.scheduler import schedule

SEED = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"
SVG = "{http://www.w3.org/2000/svg}"


def names(svg: str) -> set[str]:
    return {t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}text") if t.text}


def test_a_groups_map_shows_land_outlines_and_city_names_under_the_route():
    result = schedule(load_tour(SEED))
    svg = route_svg(build_route_map(result, Scope("g2")))
    root = ElementTree.fromstring(svg)
    kinds = [el.tag.removeprefix(SVG) for el in root]
    assert kinds.index("polygon") < kinds.index("polyline")  # the geography lies under the route
    assert {"杭州市", "苏州市", "上海市"} <= names(svg)
    assert "西湖区" not in names(svg)  # counties only on a map of about a city's size


def test_a_days_map_adds_counties_and_leaves_out_what_it_does_not_show():
    result = schedule(load_tour(SEED))
    svg = route_svg(build_route_map(result, Scope("g2", dt.date(2025, 2, 25))))  # around 嘉兴
    shown = names(svg)
    assert {"南湖区", "秀洲区"} <= shown
    assert "杭州市" not in shown and "上海市" not in shown  # beyond the drawn area: not named


def test_without_geography_only_the_routes_are_drawn():
    svg = route_svg(build_route_map(schedule(load_tour(SEED)), Scope("g2")), with_geography=False)
    assert "<polygon" not in svg and re.search(r"<polyline", svg)


def test_every_outline_is_drawn_point_for_point_where_the_routes_projection_puts_it():
    """The outlines are projected a whole ring at a time (for speed); each vertex must still land exactly
    where the per-point projection of the routes and names puts it (then cut to the drawing), for every
    group's map."""
    result = schedule(load_tour(SEED))
    for group in result.tour.groups:
        route_map = build_route_map(result, Scope(group.id))
        sites = [p for r in route_map.routes for p in r.points] + [m.site for m in route_map.markers]
        frame = Frame.around(sites, 720, 480, 36)
        (_, west), (_, east) = frame.bounds()
        geo = geography(frame.bounds(), detail=1.2 / frame.scale)
        box = (-CLIP_MARGIN, -CLIP_MARGIN, 720 + CLIP_MARGIN, 480 + CLIP_MARGIN)
        projected = [clip_ring(np.array([frame.xy(float(lat), float(lon)) for lon, lat in ring]), box)
                     for level, areas in geo.layers().items() if level != "county" or east - west < 1.6
                     for area in areas for ring in area.rings]
        expected = [" ".join(f"{x:.1f},{y:.1f}" for x, y in ring.tolist()) for ring in projected if len(ring)]
        drawn = [el.get("points") for el in ElementTree.fromstring(route_svg(route_map)).iter(f"{SVG}polygon")]
        assert len(expected) > 50 and drawn == expected, group.id


def test_drawing_a_map_again_reuses_its_geography_and_a_new_size_draws_it_anew():
    from planner.render.route_svg import _geography_svg

    route_map = build_route_map(schedule(load_tour(SEED)), Scope("g1"))
    first = route_svg(route_map)
    hits = _geography_svg.cache_info().hits
    assert route_svg(route_map) == first and _geography_svg.cache_info().hits == hits + 1
    smaller = route_svg(route_map, 360, 240)
    outline = re.compile(r'<polygon points="([^"]*)"')
    assert outline.findall(smaller) and outline.findall(smaller) != outline.findall(first)
