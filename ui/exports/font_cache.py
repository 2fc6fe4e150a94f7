"""What the text-layer fix derives from a system font, kept on disk between runs.

Reading the CJK font's cmap and substitution tables took ~0.7 s and ~100 MB in every `study-tour export-pdf`
for a few hundred small entries. They depend only on the font file: kept in the app's cache folder, keyed
by the file's path, face, size and modification time, so an updated font is read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from planner.geo.boundaries import cache_folder

T = TypeVar("T")
VERSION = 1  # bump when what is derived changes


def _file(kind: str, path: str, index: int) -> Path | None:
    folder = cache_folder()
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = f"{VERSION}|{kind}|{os.path.abspath(path)}|{index}|{stat.st_size}|{stat.st_mtime_ns}"
    name = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()
    return folder.parent / "fonts" / f"{kind}-{name}.json" if folder is not None else None


def remembered(kind: str, path: str, index: int, compute: Callable[[], T],
               encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
    """compute() once per font file; later runs read the stored answer (a damaged one is computed again)."""
    stored = _file(kind, path, index)
    if stored is not None:
        try:
            return decode(json.loads(stored.read_text("utf-8")))
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            pass
    result = compute()
    if stored is not None:
        try:  # written beside and renamed into place: a reader never sees half a file
            stored.parent.mkdir(parents=True, exist_ok=True)
            temp = stored.with_name(f".{stored.stem}-{os.getpid()}.json")
            temp.write_text(json.dumps(encode(result)), "utf-8")
            os.replace(temp, stored)
        except OSError:
            pass  # failing to cache only costs reading the font again next time
    return result
