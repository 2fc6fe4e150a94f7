"""The one way the app writes a file: all of the new content, or the old file untouched.

    atomic_write(path, data, backup=False)   # bytes or str (UTF-8); raises FileWriteError
    sweep_stale_temps(folder)                # call at start-up: removes our temp files a crash left behind

How: a temp file `.NAME.xxxxxxxx.tmp` in the target's own folder (same file system, so the final rename is
atomic), written, flushed and fsync'ed, then renamed over the target and the folder fsync'ed. The target's
mode is kept (a new file gets the usual 0666 & ~umask, not mkstemp's 0600); a symlink is written through (the
link stays, the file it points to changes); a read-only target is refused rather than silently replaced.
Any failure — OSError, a bug, KeyboardInterrupt — removes the temp file, so a full disk does not fill up.
With backup=True the current content is first kept in `NAME.versions/` (see planner.io.versions).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from planner.io.errors import PlannerError

STALE_AFTER_S = 60
_TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # mkstemp(prefix=".NAME.", suffix=".tmp")


class FileWriteError(PlannerError, OSError):
    """A file could not be written; the previous content is intact. Also an OSError for old callers."""

    def __init__(self, path: Path | str, reason: str, err: int | None = None):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: 无法保存，原文件未改动 (cannot write; the previous file is intact): {reason}")
        self.errno = err

    def __str__(self) -> str:
        return self.args[0]


class ReadOnlyTargetError(FileWriteError):
    """The target is marked read-only (e.g. 0444): the user or a colleague chose to protect it."""


def atomic_write(path: Path | str, data: str | bytes, backup: bool = False) -> None:
    """Replace `path` with `data` in one step; raise FileWriteError (the old file untouched) on failure."""
    target = Path(os.path.realpath(path))  # through symlinks: replace the real file, keep the link
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    mode = _check_target(Path(path), target)
    try:
        tmp = _write_temp(target, payload, mode)
        try:
            if backup:  # only once the new content is safely on disk
                from planner.io.versions import keep_version

                keep_version(Path(path), replacing_with=payload)
            os.replace(tmp, target)
        except BaseException:
            _unlink(tmp)
            raise
    except FileWriteError:
        raise
    except OSError as e:
        raise FileWriteError(path, _reason(e), e.errno) from None
    _fsync_folder(target.parent)
    sweep_stale_temps(target.parent, only=target.name)  # what a crash of an earlier save of this file left


def _check_target(shown: Path, target: Path) -> int:
    """The mode the new file gets; refuse targets we must not replace."""
    try:
        st = target.stat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise FileWriteError(shown, f"文件夹不存在 (no folder {target.parent})", errno.ENOENT) from None
        return 0o666 & ~current_umask()
    except OSError as e:
        raise FileWriteError(shown, _reason(e), e.errno) from None
    if stat.S_ISDIR(st.st_mode):
        raise FileWriteError(shown, "这是一个文件夹 (is a folder)", errno.EISDIR)
    if not stat.S_ISREG(st.st_mode):
        raise FileWriteError(shown, "不是普通文件 (not a regular file)", errno.EINVAL)
    # Mode bits, not os.access: root may write anything, but 0444 still means "do not change this".
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnlyTargetError(shown, "文件是只读的 (the file is read-only)", errno.EACCES)
    return stat.S_IMODE(st.st_mode)


def _write_temp(target: Path, payload: bytes, mode: int) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        try:
            os.fchmod(fd, mode)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; some file systems refuse to open folders, which is no failure.
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _reason(e: OSError) -> str:
    zh = {errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出磁盘配额", errno.EACCES: "没有写入权限",
          errno.EPERM: "没有写入权限", errno.EROFS: "只读文件系统", errno.ENOENT: "文件夹不存在",
          errno.EISDIR: "这是一个文件夹"}.get(e.errno or 0)
    text = e.strerror or type(e).__name__
    return f"{zh} ({text})" if zh else text


def current_umask() -> int:
    """The process umask, read without changing it where /proc allows (os.umask is racy across threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sweep_stale_temps(folder: Path | str, older_than_s: float = STALE_AFTER_S, only: str | None = None) -> list[Path]:
    """Remove our `.NAME.xxxxxxxx.tmp` files older than a minute (a crash mid-save left them); never fails.
    `only`: just those of the file named so."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP.match(entry.name) or (only is not None and not entry.name.startswith(f".{only}.")):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > older_than_s:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
