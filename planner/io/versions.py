"""Earlier versions of a tour or catalogue, kept beside it in `NAME.versions/` (the newest 10).

Each save first copies the file it is about to replace into that folder, named by when that content was
saved: `hunan.tour.json.versions/2026-11-24_09-30-05_hunan.tour.json` (local time; `-2`, `-3`… when two
saves share a second). Every version opens as an ordinary file. So two windows saving one file in turn, or
two quick saves, never lose what was there before: it is the newest version.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

KEEP = 10
_NAME = re.compile(r"^(\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d)(?:-(\d+))?_(.+)$")


@dataclass(frozen=True)
class Version:
    path: Path
    saved_at: dt.datetime  # local time, to the second
    size: int


def versions_dir(path: Path | str) -> Path:
    p = Path(path)
    return p.with_name(p.name + ".versions")


def list_versions(path: Path | str) -> list[Version]:
    """Versions of `path`, newest first (empty if none)."""
    folder = versions_dir(path)
    name = Path(path).name
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        m = _NAME.match(entry.name)
        if not m or m.group(3) != name or not entry.is_file(follow_symlinks=False):
            continue
        when = dt.datetime.strptime(m.group(1), "%Y-%m-%d_%H-%M-%S")
        found.append((_order(entry.name), Version(Path(entry.path), when, entry.stat().st_size)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [v for _, v in found]


def keep_version(path: Path | str, keep: int = KEEP, replacing_with: bytes | None = None) -> Path | None:
    """Copy the current content of `path` into its versions folder (unless the newest version already holds
    it, or the save about to happen writes the same bytes) and prune to `keep`; returns the new version. Raises FileWriteError when it cannot: a save
    that cannot keep the previous version does not go ahead."""
    from planner.io.atomic import FileWriteError, atomic_write, sweep_stale_temps

    p = Path(path)
    try:
        current = p.read_bytes()
        st = p.stat()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise FileWriteError(p, f"cannot read the previous version ({e.strerror})", e.errno) from None
    existing = list_versions(p)
    if current == replacing_with or (existing and _same(existing[0].path, current)):
        return None
    folder = versions_dir(p)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise FileWriteError(folder, f"cannot create the versions folder ({e.strerror})", e.errno) from None
    stamp = dt.datetime.fromtimestamp(st.st_mtime).strftime("%Y-%m-%d_%H-%M-%S")
    # After the newest of that second, even if older ones were pruned (names must keep sorting by age).
    n = 1 + max((_order(v.path.name)[1] for v in existing if _order(v.path.name)[0] == stamp), default=0)
    target = folder / (f"{stamp}_{p.name}" if n == 1 else f"{stamp}-{n}_{p.name}")
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{n}_{p.name}"
    # Prune first, so a crash in between leaves at most `keep` versions (the newest content is in the file).
    for old in existing[max(0, keep - 1):]:
        try:
            old.path.unlink()
        except OSError:
            pass
    atomic_write(target, current)
    sweep_stale_temps(folder)  # the folder is ours alone: temp files a crash left there go too
    os.chmod(target, st.st_mode & 0o777)  # a version is as private as the file it came from
    os.utime(target, (st.st_atime, st.st_mtime))
    return target


def _order(name: str) -> tuple[str, int]:
    m = _NAME.match(name)
    return (m.group(1), int(m.group(2) or 1)) if m else ("", 0)


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False
