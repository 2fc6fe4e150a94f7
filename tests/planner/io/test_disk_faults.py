"""A real full disk and a read-only file system (tmpfs, as root): saves fail cleanly, nothing is lost."""

import pytest

from planner.io.atomic import FileWriteError, atomic_write
from planner.io.fileformat import load_tour, save_tour
from planner.io.versions import list_versions
from tests.builders import day, group, site, tour, visit
from tests.faults import fill, small_disk


def plan(title, notes=""):
    t = tour(group("g1", day("2025-02-24", visit("x")), name="第一组"), sites=[site("x", "李祖村")], notes=notes)
    t.title = title
    return t


def test_a_full_disk_keeps_the_old_tour_and_leaves_no_temp_files(tmp_path):
    with small_disk(tmp_path / "disk", size_kb=64) as disk:
        path = disk / "a.tour.json"
        save_tour(plan("old"), path)
        before = path.read_bytes()
        fill(disk, leave=8192)  # room for part of the new file: the save fails half-way
        with pytest.raises(FileWriteError) as info:
            save_tour(plan("new", notes="很长的备注" * 2000), path)
        assert "磁盘已满" in str(info.value) and str(path) in str(info.value)
        assert path.read_bytes() == before and load_tour(path).title == "old"
        leftovers = [p.name for p in disk.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []
        assert all(v.path.read_bytes() != b"" for v in list_versions(path))


def test_a_read_only_file_system_is_a_plain_message(tmp_path):
    with small_disk(tmp_path / "ro", read_only=True) as disk:
        with pytest.raises(FileWriteError) as info:
            atomic_write(disk / "out.pdf", b"%PDF-1.4")
        assert "只读文件系统" in str(info.value) and "out.pdf" in str(info.value)
