"""Kept versions by name: the stamp of the replaced content's save, the order within a second, what is not a
version, pruning to `keep`, and the refusals when the previous content cannot be kept."""

from __future__ import annotations

import datetime as dt
import errno
import os
import time

import pytest

from planner.io.atomic import FileWriteError
from planner.io.versions import KEEP, Version, keep_version, list_versions, versions_dir

T0 = time.mktime((2026, 11, 24, 9, 30, 5, 0, 0, -1))  # local time, as versions are named
STAMP = "2026-11-24_09-30-05"


def _file(tmp_path, content="v0", when=T0):
    path = tmp_path / "hunan.tour.json"
    path.write_text(content, encoding="utf-8")
    os.utime(path, (when, when))
    return path


def test_a_version_is_named_by_when_the_replaced_content_was_saved(tmp_path):
    path = _file(tmp_path)
    kept = keep_version(path)
    assert kept == tmp_path / "hunan.tour.json.versions" / f"{STAMP}_hunan.tour.json"
    assert versions_dir(path) == kept.parent and KEEP == 10
    assert list_versions(path) == [Version(kept, dt.datetime(2026, 11, 24, 9, 30, 5), 2)]
    assert kept.read_text(encoding="utf-8") == "v0" and kept.stat().st_mtime == T0


def test_versions_of_one_second_are_numbered_and_listed_newest_first(tmp_path):
    names = []
    for i in range(4):
        path = _file(tmp_path, f"v{i}")
        names.append(keep_version(path).name)
    assert names == [f"{STAMP}_hunan.tour.json", f"{STAMP}-2_hunan.tour.json", f"{STAMP}-3_hunan.tour.json",
                     f"{STAMP}-4_hunan.tour.json"]
    assert [v.path.read_text(encoding="utf-8") for v in list_versions(tmp_path / "hunan.tour.json")] == \
        ["v3", "v2", "v1", "v0"]
    later = _file(tmp_path, "v9", T0 + 61)
    assert keep_version(later).name == "2026-11-24_09-31-06_hunan.tour.json"
    assert list_versions(later)[0].saved_at == dt.datetime(2026, 11, 24, 9, 31, 6)


def test_only_files_named_as_versions_of_this_file_are_listed(tmp_path):
    path = _file(tmp_path)
    folder = versions_dir(path)
    folder.mkdir()
    for name in (f"{STAMP}_other.tour.json", "notes.txt", f"{STAMP}_hunan.tour.json.bak", "2026-11-24_hunan.tour.json"):
        (folder / name).write_text("x", encoding="utf-8")
    (folder / f"{STAMP}-2_hunan.tour.json").mkdir()
    assert list_versions(path) == []
    (folder / f"{STAMP}_hunan.tour.json").write_text("abc", encoding="utf-8")
    assert [(v.path.name, v.size) for v in list_versions(path)] == [(f"{STAMP}_hunan.tour.json", 3)]


def test_pruning_keeps_the_newest_and_numbers_after_the_newest_of_that_second(tmp_path):
    for i in range(5):
        keep_version(_file(tmp_path, f"v{i}"), keep=3)
    path = tmp_path / "hunan.tour.json"
    kept = list_versions(path)
    assert [v.path.read_text(encoding="utf-8") for v in kept] == ["v4", "v3", "v2"]
    assert [v.path.name.split("_hunan")[0] for v in kept] == [f"{STAMP}-5", f"{STAMP}-4", f"{STAMP}-3"]


def test_nothing_is_kept_twice_or_for_a_file_never_saved(tmp_path):
    assert keep_version(tmp_path / "hunan.tour.json") is None
    path = _file(tmp_path)
    assert keep_version(path, replacing_with=b"v0") is None and not versions_dir(path).exists()
    assert keep_version(path) is not None
    assert keep_version(path) is None and len(list_versions(path)) == 1


def test_a_version_is_as_private_as_its_file(tmp_path):
    path = _file(tmp_path)
    path.chmod(0o600)
    assert keep_version(path).stat().st_mode & 0o777 == 0o600


def test_when_the_previous_content_cannot_be_kept_the_save_is_refused(tmp_path):
    path = _file(tmp_path)
    versions_dir(path).write_text("a file in the way", encoding="utf-8")
    with pytest.raises(FileWriteError) as info:
        keep_version(path)
    assert str(info.value) == (f"{versions_dir(path)}: 无法保存，原文件未改动 (cannot write; the previous file is "
                               "intact): cannot create the versions folder (File exists)")
    folder_as_file = tmp_path / "dir.tour.json"
    folder_as_file.mkdir()
    with pytest.raises(FileWriteError) as info:
        keep_version(folder_as_file)
    assert str(info.value).endswith("cannot read the previous version (Is a directory)")


def test_a_link_or_folder_named_like_a_version_is_not_one_and_is_not_overwritten(tmp_path):
    path = _file(tmp_path)
    folder = versions_dir(path)
    folder.mkdir()
    (folder / f"{STAMP}_hunan.tour.json").mkdir()
    (folder / f"{STAMP}-2_hunan.tour.json").mkdir()
    (folder / f"{STAMP}-9_hunan.tour.json").symlink_to(path)
    assert list_versions(path) == []
    assert keep_version(path).name == f"{STAMP}-3_hunan.tour.json"


def test_two_names_for_the_same_place_in_order_are_both_listed(tmp_path):
    path = _file(tmp_path)
    folder = versions_dir(path)
    folder.mkdir()
    for name in (f"{STAMP}_hunan.tour.json", f"{STAMP}-1_hunan.tour.json"):  # "-1" is what the first is
        (folder / name).write_text("x", encoding="utf-8")
    assert len(list_versions(path)) == 2


def test_keeping_one_leaves_only_the_newest_and_sweeps_the_folders_temp_files(tmp_path):
    path = _file(tmp_path, "v0")
    keep_version(path, keep=1)
    stale = versions_dir(path) / ".anything.abcdefgh.tmp"
    stale.write_text("left by a crash", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    keep_version(_file(tmp_path, "v1", T0 + 1), keep=1)
    assert [v.path.read_text(encoding="utf-8") for v in list_versions(path)] == ["v1"]
    assert not stale.exists()


def test_a_refusal_carries_the_path_and_the_cause(tmp_path):
    path = _file(tmp_path)
    versions_dir(path).write_text("", encoding="utf-8")
    with pytest.raises(FileWriteError) as info:
        keep_version(path)
    assert (info.value.path, info.value.errno) == (str(versions_dir(path)), errno.EEXIST)
    folder_as_file = tmp_path / "dir.tour.json"
    folder_as_file.mkdir()
    with pytest.raises(FileWriteError) as info:
        keep_version(folder_as_file)
    assert (info.value.path, info.value.errno) == (str(folder_as_file), errno.EISDIR)
