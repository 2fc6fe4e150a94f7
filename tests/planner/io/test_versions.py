"""The last 10 versions of a tour are kept beside it; two saves in a row never lose what was there."""

import os

from planner.io.fileformat import load_tour, save_catalogue, save_tour
from planner.io.versions import KEEP, keep_version, list_versions, versions_dir
from planner.model.site import Catalogue, Site
from tests.builders import day, group, tour, visit, site


def plan(title):
    t = tour(group("g1", day("2025-02-24", visit("x", pinned="09:30"))), sites=[site("x", "李祖村")])
    t.title = title
    return t


def test_two_windows_saving_in_turn_keep_both_earlier_contents(tmp_path):
    path = tmp_path / "a.tour.json"
    save_tour(plan("first"), path)
    save_tour(plan("window A"), path)   # window A's change …
    save_tour(plan("window B"), path)   # … then window B, which never saw it, saves over it
    save_tour(plan("one more"), path)   # one more save must not push A's change out (the old .bak did)
    titles = [load_tour(v.path).title for v in list_versions(path)]
    assert titles == ["window B", "window A", "first"]
    assert load_tour(path).title == "one more"


def test_only_the_newest_ten_are_kept_newest_first(tmp_path):
    path = tmp_path / "a.tour.json"
    for i in range(KEEP + 3):
        save_tour(plan(f"v{i}"), path)
    versions = list_versions(path)
    assert len(versions) == KEEP
    assert [load_tour(v.path).title for v in versions] == [f"v{i}" for i in range(KEEP + 1, 1, -1)]
    assert all(v.path.parent == versions_dir(path) for v in versions)
    assert len(list(versions_dir(path).iterdir())) == KEEP


def test_saving_unchanged_content_adds_no_version(tmp_path):
    path = tmp_path / "a.tour.json"
    save_tour(plan("same"), path)
    save_tour(plan("changed"), path)
    save_tour(plan("changed"), path)
    save_tour(plan("changed"), path)
    assert [load_tour(v.path).title for v in list_versions(path)] == ["same"]


def test_versions_keep_the_mode_and_save_time_of_the_file_they_came_from(tmp_path):
    path = tmp_path / "a.tour.json"
    save_tour(plan("private"), path)
    path.chmod(0o640)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    save_tour(plan("next"), path)
    (version,) = list_versions(path)
    assert version.path.stat().st_mode & 0o777 == 0o640
    assert version.path.stat().st_mtime == 1_700_000_000
    assert version.saved_at.timestamp() == 1_700_000_000
    assert path.stat().st_mode & 0o777 == 0o640


def test_versions_saved_within_one_second_stay_in_order(tmp_path):
    path = tmp_path / "a.tour.json"
    for i in range(4):
        path.write_text(f"content {i}")
        os.utime(path, (1_700_000_000, 1_700_000_000))
        keep_version(path)
    assert [v.path.read_text() for v in list_versions(path)] == [f"content {i}" for i in (3, 2, 1, 0)]


def test_a_catalogue_keeps_versions_too(tmp_path):
    path = tmp_path / "mine.sites.json"
    one = Catalogue(sites=[Site(id="a", name="甲", kind="village", lat=29.0, lon=120.0)])
    two = Catalogue(sites=[Site(id="b", name="乙", kind="village", lat=29.0, lon=120.0)])
    save_catalogue(one, path)
    save_catalogue(two, path)
    save_catalogue(one, path)
    assert len(list_versions(path)) == 2


def test_no_versions_for_a_file_never_saved_twice(tmp_path):
    assert list_versions(tmp_path / "nothing.tour.json") == []
