"""Datum conversion at known points, to the tolerance the published transform allows.

Expected WGS-84 values are stated to 6 decimals (what `to_wgs` keeps, ~0.1 m); each is checked against the
published forward transform (prcoords' wgs_gcj / wgs_bd): converting it back lands within the rounding,
1e-6°, of the point we started from.
"""

from __future__ import annotations

import warnings

import numpy as np
import prcoords
import pytest

from planner.geo.datum import datum_named, to_wgs
from planner.geo.gcj_arrays import gcj_to_wgs, wgs_to_gcj

TIANANMEN_BD09 = (39.9163, 116.4102)       # as Baidu answers for 天安门
TIANANMEN_WGS = (39.908557, 116.397583)
XIHU_GCJ02 = (30.259463, 120.130194)       # 西湖区's centre as cpca ships it
XIHU_WGS = (30.261749, 120.125425)


def _forward(lat_lon, to):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = (prcoords.wgs_bd if to == "bd09" else prcoords.wgs_gcj)(lat_lon)
    return c.lat, c.lon


def test_bd09_and_gcj02_points_come_back_to_wgs84_to_a_tenth_of_a_metre():
    assert to_wgs(*TIANANMEN_BD09, "bd09") == TIANANMEN_WGS
    assert _forward(TIANANMEN_WGS, "bd09") == pytest.approx(TIANANMEN_BD09, abs=1e-6)
    assert to_wgs(*XIHU_GCJ02, "gcj02") == XIHU_WGS
    assert _forward(XIHU_WGS, "gcj02") == pytest.approx(XIHU_GCJ02, abs=1e-6)


def test_wgs84_and_points_outside_china_pass_unchanged_and_unrounded():
    assert to_wgs(30.12345678, 120.12345678, "wgs84") == (30.12345678, 120.12345678)
    assert to_wgs(48.85661234, 2.35222189, "bd09") == (48.85661234, 2.35222189)   # Paris
    assert to_wgs(48.85661234, 2.35222189, "gcj02") == (48.85661234, 2.35222189)


def test_datum_names_as_spreadsheets_write_them():
    assert [datum_named(t) for t in ("wgs84", " GPS ", "天地图", "OSM", "GCJ-02", "腾讯地图", "火星坐标",
                                     "bd09", "Baidu", "百度坐标", "bd09ll", "高 德", "", "墨卡托")] == \
        ["wgs84", "wgs84", "wgs84", "wgs84", "gcj02", "gcj02", "gcj02",
         "bd09", "bd09", "bd09", "bd09", "gcj02", None, None]


EDGES = [(72.004, 30.0), (137.8347, 30.0), (100.0, 0.8293), (100.0, 55.8271)]       # prcoords' China box
OUTSIDE = [(72.0039, 30.0), (137.8348, 30.0), (100.0, 0.8292), (100.0, 55.8272)]


def test_the_arrays_shift_exactly_where_the_published_transform_does_including_its_edges():
    points = np.array(EDGES + OUTSIDE)
    expected = np.array([_forward((lat, lon), "gcj02")[::-1] for lon, lat in points])
    assert wgs_to_gcj(points) == pytest.approx(expected, abs=1e-12)
    assert (wgs_to_gcj(np.array(OUTSIDE)) == np.array(OUTSIDE)).all()
    assert (np.abs(wgs_to_gcj(np.array(EDGES)) - np.array(EDGES)) > 5e-4).all()  # tens of metres or more


def test_the_inverse_is_two_fixed_point_steps_of_the_published_forward_transform():
    gcj = np.array([[XIHU_GCJ02[1], XIHU_GCJ02[0]], [116.40371156, 39.91008749], [87.6, 43.8]])
    steps = gcj.copy()
    for _ in range(2):
        steps = steps - (np.array([_forward((lat, lon), "gcj02")[::-1] for lon, lat in steps]) - gcj)
    assert gcj_to_wgs(gcj) == pytest.approx(steps, abs=1e-11)
    assert gcj_to_wgs(gcj)[0] == pytest.approx(XIHU_WGS[::-1], abs=1e-6)
    assert (gcj == np.array([[XIHU_GCJ02[1], XIHU_GCJ02[0]], [116.40371156, 39.91008749], [87.6, 43.8]])).all()
