"""The one atomic writer: mode, symlinks, read-only targets, temp files on every failure path."""

import os
import time

import pytest

from planner.io.atomic import FileWriteError, ReadOnlyTargetError, atomic_write, sweep_stale_temps
from planner.io.errors import PlannerError


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_str_as_utf8_and_bytes_as_is(tmp_path):
    atomic_write(tmp_path / "a.txt", "行程 ok")
    atomic_write(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "a.txt").read_bytes() == "行程 ok".encode("utf-8")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"
    assert names(tmp_path) == ["a.txt", "b.bin"]


def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_mode(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    kept.chmod(0o664)
    atomic_write(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o664 and kept.read_text() == "new"


def test_writes_through_a_symlink_and_keeps_the_link(tmp_path):
    real_dir = tmp_path / "shared"
    real_dir.mkdir()
    real = real_dir / "plan.tour.json"
    real.write_text("old")
    link = tmp_path / "plan.tour.json"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    assert names(real_dir) == ["plan.tour.json"] and names(tmp_path) == ["plan.tour.json", "shared"]


def test_a_read_only_target_is_refused_with_a_message_naming_it(tmp_path):
    path = tmp_path / "locked.tour.json"
    path.write_text("keep me")
    path.chmod(0o444)
    with pytest.raises(ReadOnlyTargetError) as info:
        atomic_write(path, "overwrite")
    assert isinstance(info.value, PlannerError) and isinstance(info.value, OSError)
    assert str(path) in str(info.value) and "read-only" in str(info.value)
    assert path.read_text() == "keep me" and names(tmp_path) == ["locked.tour.json"]


@pytest.mark.parametrize("kind", ["folder", "no-folder"])
def test_unwritable_places_give_a_plain_error(tmp_path, kind):
    target = tmp_path / "out.pdf" if kind == "folder" else tmp_path / "missing" / "out.pdf"
    if kind == "folder":
        target.mkdir()
    with pytest.raises(FileWriteError) as info:
        atomic_write(target, b"%PDF")
    assert str(target) in str(info.value)
    assert "folder" in str(info.value)


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), RuntimeError("bug"),
                                   KeyboardInterrupt()])
def test_every_failure_removes_the_temp_file_and_keeps_the_old_content(tmp_path, monkeypatch, error):
    path = tmp_path / "a.tour.json"
    path.write_text("old")

    def fail(_fd):
        raise error

    monkeypatch.setattr(os, "fsync", fail)  # the disk is the machine boundary
    with pytest.raises(type(error) if not isinstance(error, OSError) else FileWriteError):
        atomic_write(path, "new", backup=True)
    assert path.read_text() == "old" and names(tmp_path) == ["a.tour.json"]


def test_a_full_disk_reads_as_such(tmp_path, monkeypatch):
    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileWriteError) as info:
        atomic_write(tmp_path / "x.json", "{}")
    assert "磁盘已满" in str(info.value) and info.value.errno == 28


def test_sweep_removes_only_our_stale_temp_files(tmp_path):
    stale = tmp_path / ".plan.tour.json.ab12cd_9.tmp"
    fresh = tmp_path / ".plan.tour.json.zz99yy00.tmp"
    theirs = [tmp_path / "notes.tmp", tmp_path / ".hidden.tmp", tmp_path / "plan.tour.json"]
    for p in [stale, fresh, *theirs]:
        p.write_text("x")
    old = time.time() - 120
    for p in [stale, *theirs]:
        os.utime(p, (old, old))
    assert sweep_stale_temps(tmp_path) == [stale]
    assert not stale.exists() and fresh.exists() and all(p.exists() for p in theirs)


def test_sweep_of_a_missing_folder_is_quiet(tmp_path):
    assert sweep_stale_temps(tmp_path / "nope") == []


def test_saving_a_file_sweeps_the_stale_temp_files_of_that_file_only(tmp_path):
    ours = tmp_path / ".a.tour.json.k3j9x_2q.tmp"
    other = tmp_path / ".b.tour.json.k3j9x_2q.tmp"
    for p in (ours, other):
        p.write_text("left by a crash")
        os.utime(p, (time.time() - 120, time.time() - 120))
    atomic_write(tmp_path / "a.tour.json", "{}")
    assert not ours.exists() and other.exists()
