"""The tour file format: exact round trips, versions, atomic saves that never lose data."""

import json
import os

import pytest

from planner.io import fileformat
from planner.io.atomic import FileWriteError
from planner.io.errors import TourFileError
from planner.io.fileformat import load_tour, save_tour, tour_to_json
from planner.io.versions import list_versions
from tests.builders import day, group, site, tour, visit


def sample():
    return tour(group("g1", day("2025-02-24", visit("x", pinned="09:30", notes="带身份证"),
                                {"kind": "meal", "minutes": 50}), name="第一组", headcount=33),
                sites=[site("x", "义乌国际商贸城", hours=[{"start": "09:00", "end": "17:00"}],
                            closed_weekdays=[1], topics=["现代服务业"])],
                notes="须知：准时集合")


def test_save_and_load_round_trip_exactly(tmp_path):
    path = tmp_path / "a.tour.json"
    original = sample()
    save_tour(original, path)
    loaded = load_tour(path)
    assert loaded == original
    first = path.read_bytes()
    save_tour(loaded, path)
    assert path.read_bytes() == first
    doc = json.loads(first)
    assert doc["format"] == "study-tour/tour" and doc["version"] == fileformat.SCHEMA_VERSION
    assert "义乌国际商贸城" in first.decode("utf-8")  # UTF-8, not \u escapes


def test_a_tour_file_carries_its_sites():
    doc = json.loads(tour_to_json(sample()))
    assert [s["id"] for s in doc["sites"]] == ["hotel", "x"]


def test_save_keeps_the_previous_version(tmp_path):
    path = tmp_path / "a.tour.json"
    t = sample()
    save_tour(t, path)
    before = path.read_bytes()
    t.title = "改过的标题"
    save_tour(t, path)
    assert list_versions(path)[0].path.read_bytes() == before
    assert load_tour(path).title == "改过的标题"


def test_a_failed_save_leaves_the_old_file_and_no_temp_files(tmp_path, monkeypatch):
    path = tmp_path / "a.tour.json"
    save_tour(sample(), path)
    before = path.read_bytes()

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    changed = sample()
    changed.title = "新"
    with pytest.raises(FileWriteError):
        save_tour(changed, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tour.json"]


@pytest.mark.parametrize("content, expected", [
    (b"{not json", "第 1 行第 2 列"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
    (b"[1, 2]", "JSON 对象"),
    (b'{"format": "something/else", "version": 1}', "format = 'something/else'"),
    (b'{"format": "study-tour/tour", "version": 99}', "version = 99"),
    (b'{"format": "study-tour/tour"}', "version = None"),
])
def test_unusable_files_say_what_is_wrong(tmp_path, content, expected):
    path = tmp_path / "bad.tour.json"
    path.write_bytes(content)
    with pytest.raises(TourFileError) as info:
        load_tour(path)
    assert expected in info.value.describe()
    assert str(path) in info.value.describe()


def test_a_missing_file(tmp_path):
    with pytest.raises(TourFileError) as info:
        load_tour(tmp_path / "nope.tour.json")
    assert "文件不存在" in info.value.describe()


def test_older_versions_migrate_on_open(tmp_path, monkeypatch):
    # Pretend the schema moved to version 2, renaming `organizer` from an old `host` field.
    def v1_to_v2(doc):
        doc["organizer"] = doc.pop("host", "")
        return doc

    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(fileformat.MIGRATIONS, fileformat.TOUR_FORMAT, {1: v1_to_v2})
    doc = json.loads(tour_to_json(sample()))
    doc["version"] = 1
    doc["host"] = "湖南省委组织部"
    doc.pop("organizer", None)
    path = tmp_path / "old.tour.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert load_tour(path).organizer == "湖南省委组织部"


def test_missing_activity_ids_are_filled_in_and_kept_unique():
    t = sample()
    ids = [a.id for d in t.groups[0].days for a in d.activities]
    assert len(set(ids)) == len(ids) and all(ids)


def test_saved_files_get_ordinary_permissions_not_the_temp_files(tmp_path):
    path = tmp_path / "shared.tour.json"
    old = os.umask(0o022)
    try:
        save_tour(sample(), path)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o664)
    save_tour(sample(), path)
    assert path.stat().st_mode & 0o777 == 0o664  # an existing file keeps its mode


def test_a_catalogue_round_trips_and_is_not_a_tour(tmp_path):
    from planner.io.fileformat import load_catalogue, save_catalogue
    from planner.model.site import Catalogue, Site

    cat = Catalogue(title="教学点库", sites=[Site(id="lizu", name="李祖村", kind="village", lat=29.3, lon=120.1,
                                                   topics=["乡村振兴"], hours=[{"start": "08:00", "end": "17:00"}])])
    path = tmp_path / "mine.sites.json"
    save_catalogue(cat, path)
    assert load_catalogue(path) == cat
    with pytest.raises(TourFileError) as info:
        load_tour(path)
    assert "study-tour/sites" in info.value.describe()


def test_the_plans_own_revision_label_round_trips_beside_the_schema_version(tmp_path):
    t = sample()
    t.revision = "第2版"
    path = tmp_path / "rev.tour.json"
    save_tour(t, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == fileformat.SCHEMA_VERSION and doc["revision"] == "第2版"
    assert load_tour(path).revision == "第2版"
