"""Chinese map datums to WGS-84, the datum sites are stored in.

Baidu answers in BD-09, 高德 and cpca's county centroids are GCJ-02; a point left in either sits
hundreds of metres off on any other map. The iterative ("bored") inversions are accurate to
centimetres, the plain ones only to metres.
"""

from __future__ import annotations

import warnings
from typing import Literal

import prcoords

Datum = Literal["wgs84", "gcj02", "bd09"]


def to_wgs(lat: float, lon: float, datum: Datum) -> tuple[float, float]:
    if datum == "wgs84" or not prcoords.sanity_in_china_p(prcoords.Coords(lat, lon)):
        return lat, lon  # both Chinese datums are WGS-84 outside China
    convert = prcoords.gcj_wgs_bored if datum == "gcj02" else prcoords.bd_wgs_bored
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # prcoords warns for points outside China; they pass unchanged
        c = convert((lat, lon))
    return round(c.lat, 6), round(c.lon, 6)


_NAMES = {"wgs84": "wgs84", "wgs": "wgs84", "gps": "wgs84", "天地图": "wgs84", "osm": "wgs84",
          "gcj02": "gcj02", "gcj": "gcj02", "高德": "gcj02", "腾讯": "gcj02", "火星": "gcj02",
          "bd09": "bd09", "bd09ll": "bd09", "bd": "bd09", "百度": "bd09", "baidu": "bd09"}


def datum_named(text: str) -> Datum | None:
    """'WGS-84', 'GCJ-02', '百度', 'bd09ll' … → the datum, or None when the name is unknown."""
    key = text.strip().lower().replace("-", "").replace("_", "").replace(" ", "")
    return next((d for name, d in _NAMES.items() if key == name or key.startswith(name)), None)  # type: ignore[return-value]
