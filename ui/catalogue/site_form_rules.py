"""What the site form decides without asking the user: ids, the China area, coordinate pairs, defaults.

Plain Python (no Qt), so each rule is tested on its own.
"""

from __future__ import annotations

import hashlib
import re

from planner.model.site import Site, SiteKind

LIST_SEPARATORS = re.compile(r"[,，、;；]+")
_SPAN = re.compile(r"^\s*(\S+?)\s*(?:-|–|—|~|～|至|到)\s*(\S+)\s*$")


def parse_hours(text: str) -> list[dict[str, str]] | None:
    """"09:00-11:30, 13:30-17:00" → spans for the Site model; "" → [] (all day); None: not that shape.

    Only the shape is checked here; whether "25:00" is a time is the model's answer.
    """
    spans = []
    for piece in filter(str.strip, LIST_SEPARATORS.split(text)):
        m = _SPAN.match(piece)
        if m is None:
            return None
        spans.append({"start": m.group(1), "end": m.group(2)})
    return spans


def suggest_id(name: str, taken: set[str]) -> str:
    """An unused id: the Latin letters of the name when it has some ("Geely 吉利" → geely), else
    "site-" and a short hash of the name (a Chinese name has no letters to spell it with)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:56]
    if len(base) < 2:
        base = "site-" + hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:6]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


CHINA_AREA = ((3.5, 53.6), (73.4, 135.1))
"""(lat, lon) ranges boxing mainland China, its islands and the South China Sea (WGS-84)."""

NO_VISIT_KINDS = {SiteKind.HOTEL, SiteKind.STATION}
"""Places a group sleeps at or boards from: nothing to visit there, so no visit time by default."""


def default_visit_minutes(kind: SiteKind) -> int:
    return 0 if kind in NO_VISIT_KINDS else int(Site.model_fields["visit_minutes"].default)


def in_china_area(lat: float, lon: float) -> bool:
    (lat_lo, lat_hi), (lon_lo, lon_hi) = CHINA_AREA
    return lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi


_NUMBER = r"(-?\d+(?:\.\d+)?)"
_PAIR = re.compile(rf"^\s*[(\[]?\s*{_NUMBER}\s*(?:[,，;；/\s]\s*)\s*{_NUMBER}\s*[)\]]?\s*$")


def coordinate_pair(text: str) -> tuple[float, float] | None:
    """"30.27, 120.15" or "120.15,30.27" (map sites give longitude first) → (lat, lon); None if not a pair.

    The order is the one that puts the point in China; failing that, a number beyond ±90 is the longitude.
    """
    m = _PAIR.match(text)
    if m is None:
        return None
    a, b = float(m.group(1)), float(m.group(2))
    if in_china_area(a, b):
        return a, b
    if in_china_area(b, a) or abs(a) > 90 >= abs(b):
        return b, a
    return a, b
