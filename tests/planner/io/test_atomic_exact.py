"""The atomic writer's refusals word for word, where its temp file lives, partial writes, and the sweep's age
limit. Faults are made at the machine boundary (os calls, a FIFO, file modes), never in our own code."""

from __future__ import annotations

import errno
import os
import re
import time
from pathlib import Path

import pytest

from planner.io.atomic import STALE_AFTER_S, FileWriteError, ReadOnlyTargetError, atomic_write, current_umask, \
    sweep_stale_temps

INTACT = "无法保存，原文件未改动 (cannot write; the previous file is intact)"


def _refusal(target, data=b"x"):
    with pytest.raises(FileWriteError) as info:
        atomic_write(target, data)
    e = info.value
    return type(e), str(e), e.errno, e.path


def test_each_target_that_cannot_be_replaced_is_refused_with_its_reason(tmp_path):
    missing = tmp_path / "gone" / "a.tour.json"
    assert _refusal(missing) == (FileWriteError, f"{missing}: {INTACT}: 文件夹不存在 (no folder {missing.parent})",
                                 errno.ENOENT, str(missing))
    folder = tmp_path / "folder"
    folder.mkdir()
    assert _refusal(folder) == (FileWriteError, f"{folder}: {INTACT}: 这是一个文件夹 (is a folder)", errno.EISDIR,
                                str(folder))
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert _refusal(pipe) == (FileWriteError, f"{pipe}: {INTACT}: 不是普通文件 (not a regular file)", errno.EINVAL,
                              str(pipe))
    through_a_file = tmp_path / "plain" / "a.json"
    (tmp_path / "plain").write_text("", encoding="utf-8")
    assert _refusal(through_a_file) == (FileWriteError, f"{through_a_file}: {INTACT}: Not a directory",
                                        errno.ENOTDIR, str(through_a_file))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pipe", "plain"]


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o040, 0o555])
def test_a_file_without_write_bits_is_left_alone_even_for_root(tmp_path, mode):
    path = tmp_path / "locked.tour.json"
    path.write_text("keep me", encoding="utf-8")
    path.chmod(mode)
    assert _refusal(path, "new") == (ReadOnlyTargetError, f"{path}: {INTACT}: 文件是只读的 (the file is read-only)",
                                     errno.EACCES, str(path))
    assert path.read_text(encoding="utf-8") == "keep me"


def test_a_file_with_any_write_bit_is_replaced_keeping_its_mode(tmp_path):
    path = tmp_path / "shared.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o624)
    atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and path.stat().st_mode & 0o777 == 0o624


def test_the_temp_file_is_beside_the_target_and_named_for_it(tmp_path, monkeypatch):
    moves = []
    real_replace = os.replace

    def replace(src, dst):
        moves.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    atomic_write(tmp_path / "a.tour.json", "{}")
    [(temp, target)] = moves
    assert target == tmp_path / "a.tour.json" and temp.parent == tmp_path
    assert re.fullmatch(r"\.a\.tour\.json\.[a-z0-9_]{8}\.tmp", temp.name)


def test_a_disk_that_takes_a_few_bytes_at_a_time_still_gets_everything(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:3])))
    text = "研学行程 · Study-Tour\n" * 20
    atomic_write(tmp_path / "slow.txt", text)
    assert (tmp_path / "slow.txt").read_text(encoding="utf-8") == text


def test_a_folder_that_cannot_be_synced_is_no_failure(tmp_path, monkeypatch):
    real_fsync = os.fsync

    def fsync(fd):
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write(tmp_path / "a.json", "{}")
    real_open = os.open

    def open_(path, flags, *args):  # a file system that refuses to open folders
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_)
    atomic_write(tmp_path / "a.json", "[]")
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "[]"


def test_the_umask_is_read_without_changing_it():
    old = os.umask(0o027)
    try:
        assert current_umask() == 0o027
        os.umask(0o002)
        assert current_umask() == 0o002
    finally:
        os.umask(old)


@pytest.mark.parametrize("umask, mode", [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_a_new_file_gets_the_umasks_mode(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        atomic_write(tmp_path / "new.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == mode


def test_a_failed_rename_leaves_no_temp_file_and_names_the_target(tmp_path, monkeypatch):
    path = tmp_path / "a.tour.json"
    path.write_text("old", encoding="utf-8")

    def replace(_src, _dst):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(FileWriteError) as info:
        atomic_write(path, "new")
    assert (str(info.value), info.value.path) == (f"{path}: {INTACT}: Invalid cross-device link", str(path))
    assert [p.name for p in tmp_path.iterdir()] == ["a.tour.json"] and path.read_text(encoding="utf-8") == "old"


def test_the_sweep_takes_temp_files_older_than_a_minute_and_only_the_named_files(tmp_path):
    assert STALE_AFTER_S == 60
    now = time.time()
    aged = {}
    for name, age in ((".a.json.abcdefgh.tmp", 61), (".a.json.abcdefg1.tmp", 55), (".b.json.abcdefgh.tmp", 61),
                      (".a.json.abcdefg2.tmp", 3600)):
        (tmp_path / name).write_text("x", encoding="utf-8")
        os.utime(tmp_path / name, (now - age, now - age))
        aged[name] = tmp_path / name
    assert sweep_stale_temps(tmp_path, only="b.json") == [aged[".b.json.abcdefgh.tmp"]]
    assert sorted(p.name for p in sweep_stale_temps(tmp_path)) == [".a.json.abcdefg2.tmp", ".a.json.abcdefgh.tmp"]
    assert sweep_stale_temps(tmp_path, older_than_s=10) == [aged[".a.json.abcdefg1.tmp"]]
    (tmp_path / ".c.json.abcdefgh.tmp").mkdir()
    os.utime(tmp_path / ".c.json.abcdefgh.tmp", (now - 120, now - 120))
    assert sweep_stale_temps(tmp_path) == [] and (tmp_path / ".c.json.abcdefgh.tmp").is_dir()  # not ours


def test_bytes_are_written_as_given_and_text_as_utf8(tmp_path):
    atomic_write(tmp_path / "b", bytearray(b"\x00\xff"))
    atomic_write(tmp_path / "t", "行程")
    assert (tmp_path / "b").read_bytes() == b"\x00\xff" and (tmp_path / "t").read_bytes() == "行程".encode("utf-8")


def test_without_proc_the_umask_is_read_and_put_back(monkeypatch):
    """macOS and Windows have no /proc: the fallback sets a umask for an instant and restores it."""
    real_read_text = Path.read_text

    def read_text(self, *args, **kwargs):
        if str(self) == "/proc/self/status":
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(self))
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    old = os.umask(0o027)
    try:
        assert current_umask() == 0o027 and current_umask() == 0o027
    finally:
        os.umask(old)


def test_the_sweep_leaves_a_link_named_like_a_temp_file(tmp_path):
    target = tmp_path / "someone-elses.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / ".a.json.abcdefgh.tmp"
    link.symlink_to(target)
    old = time.time() - 3600
    os.utime(link, (old, old), follow_symlinks=False)
    os.utime(target, (old, old))
    assert sweep_stale_temps(tmp_path) == [] and link.is_symlink()
