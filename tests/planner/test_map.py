"""Route maps: content per scope, offline assets, escaping, WGS-84 → GCJ-02."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from planner.render.coords import wgs_to_gcj
from planner.io.fileformat import load_tour
from planner.render.map_html import render_html, safe
from planner.render.routes import HOTEL, STOP, Scope, build_route_map
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REMOTE = re.compile(r"<script[^>]+src\s*=\s*[\"']?(https?:)?//|<link[^>]+href\s*=\s*[\"']?(https?:)?//", re.I)


@pytest.fixture(scope="module")
def hunan():
    return schedule(load_tour(SEEDS / "hunan-2025.tour.json"))


def test_one_line_per_group_through_its_places_in_order(hunan):
    rm = build_route_map(hunan)
    assert [r.group_id for r in rm.routes] == ["g1", "g2", "g3"]
    for route in rm.routes:
        group = hunan.tour.group(route.group_id)
        expected = []
        for d in sorted(group.days, key=lambda d: d.date):
            plan = hunan.plan(group.id, d.date)
            for s in [plan.start_site, *[x for e in plan.entries for x in (e.leg_to, e.site)], plan.end_site]:
                if s is not None and (not expected or expected[-1] != s.id):
                    expected.append(s.id)
        assert [p.id for p in route.points] == expected
        assert route.stops == sum(1 for d in group.days for a in d.activities if a.kind.value == "visit")


def test_the_joint_opening_shows_once_with_all_groups(hunan):
    joint = [m for m in build_route_map(hunan).markers if m.joint]
    assert len(joint) == 1 and joint[0].groups == ["g1", "g2", "g3"]


def test_scopes_narrow_the_map(hunan):
    group = build_route_map(hunan, Scope("g2"))
    assert [r.group_id for r in group.routes] == ["g2"]
    one_day = build_route_map(hunan, Scope("g2", dt.date(2025, 2, 25)))
    numbers = sorted(m.number for m in one_day.markers if m.kind == STOP and m.number)
    assert numbers == list(range(1, 5))  # 巨石, 濮院, 乌镇, 越丰村
    assert any(m.kind == HOTEL for m in one_day.markers)


def test_the_page_references_no_remote_script_or_stylesheet(hunan):
    for tiles in ("none", "osm", "gaode", "tianditu"):
        page = render_html(build_route_map(hunan), tiles, tianditu_key="k123")
        assert not REMOTE.search(page), tiles
        assert "L.map(" in page and "Leaflet" in page  # Leaflet itself is inlined
    assert "底图已关闭" in render_html(build_route_map(hunan), "none")


def test_tiles_are_a_choice_and_the_tianditu_key_goes_only_into_the_page(hunan):
    assert "autonavi" in render_html(build_route_map(hunan), "gaode")
    assert "tianditu.gov.cn" in render_html(build_route_map(hunan), "tianditu", tianditu_key="abc")
    assert "openstreetmap" in render_html(build_route_map(hunan), "osm").lower()
    assert "tianditu" not in load_tour(SEEDS / "hunan-2025.tour.json").model_dump_json()


def polyline_points(page: str) -> list[float]:
    """The first route line's coordinates, flattened: lat, lon, lat, lon …"""
    points = json.loads(re.search(r"L\.polyline\(\s*(\[\[.*?\]\])", page, re.S).group(1))
    return [v for point in points for v in point]


def test_gaode_tiles_draw_everything_in_gcj02(hunan):
    rm = build_route_map(hunan, Scope("g1", dt.date(2025, 2, 24)))
    wgs = [v for p in rm.routes[0].points for v in (p.lat, p.lon)]
    gcj = [v for p in rm.routes[0].points for v in wgs_to_gcj(p.lat, p.lon)]
    assert polyline_points(render_html(rm, "osm")) == pytest.approx(wgs)
    assert polyline_points(render_html(rm, "gaode")) == pytest.approx(gcj)
    assert polyline_points(render_html(rm, "gaode")) != pytest.approx(wgs)


@pytest.mark.parametrize("wgs, gcj", [
    # published reference pairs (eviltransform's test vectors)
    ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),
    ((22.543847, 113.912316), (22.540796131694766, 113.9171764808363)),
])
def test_wgs84_to_gcj02_matches_reference_values(wgs, gcj):
    lat, lon = wgs_to_gcj(*wgs)
    assert lat == pytest.approx(gcj[0], abs=1e-9) and lon == pytest.approx(gcj[1], abs=1e-9)


def test_points_outside_china_are_not_shifted():
    assert wgs_to_gcj(48.85, 2.35) == (48.85, 2.35)


EVIL = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "`${alert(3)}`\\"]


@pytest.mark.parametrize("evil", EVIL)
def test_hostile_names_show_as_text_and_run_nothing(evil):
    t = tour(group("g1", day("2025-02-24", visit("x", title=evil)), name=evil),
             sites=[site("x", evil, at=(30.3, 120.2))], title=evil)
    page = render_html(build_route_map(schedule(t)))
    assert evil not in page
    assert "<img src=x" not in page and "alert(2)</script>" not in page and "${alert(3)}" not in page
    assert safe(evil) in page


def test_safe_escapes_what_breaks_out_of_html_or_template_literals():
    assert safe("<a>&`$\\\"'") == "&lt;a&gt;&amp;&#96;&#36;&#92;&quot;&#x27;"


def test_names_that_look_like_template_code_show_literally():
    """folium's branca compiles text it is given as Jinja templates: names must never reach that step."""
    t = tour(group("g1", day("2025-02-24", visit("x")), name="{{ 6*7 }}组"),
             sites=[site("x", "{{ 7*7 }}馆", at=(30.3, 120.2))], title="{{ 5*5 }}班")
    page = render_html(build_route_map(schedule(t)))
    assert "{{ 7*7 }}馆" in page and "{{ 6*7 }}组" in page and "<title>{{ 5*5 }}班</title>" in page
    assert "49馆" not in page and "42组" not in page and "25班" not in page
