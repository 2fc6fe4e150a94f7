"""File names made from user text (group and site names): safe on Windows, macOS and Linux alike."""

from __future__ import annotations

import re

UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def file_stem(*parts: str, limit: int = 80) -> str:
    """`g1`, `第一组` → `g1-第一组`; slashes, colons and dots at the ends never reach the file system."""
    text = "-".join(UNSAFE.sub("_", p).strip(" ._") for p in parts if p and UNSAFE.sub("_", p).strip(" ._"))
    text = text[:limit].rstrip(" .") or "export"
    return "_" + text if text.lower().split(".")[0] in RESERVED else text
