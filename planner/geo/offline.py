"""Offline placing: province, city and county from an address or a name, with the county's centroid.

The `cpca` package recognises Chinese administrative names in free text and ships the centroid of
every county (GCJ-02; data CC BY 4.0, see the README). A county centroid is only good to a few
kilometres — enough to check a day's driving roughly — so the point is marked precision "county"
until a geocoder or the user gives the site's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from planner.geo.datum import to_wgs


@dataclass(frozen=True)
class Place:
    province: str
    city: str
    county: str
    lat: float | None = None      # WGS-84; None when the text names no county
    lon: float | None = None
    precision: Literal["site", "county"] = "county"


def _cpca():
    import cpca  # loads pandas and its table (~0.5 s): only when something is placed

    return cpca


def _str(value: object) -> str:
    return "" if value is None or value != value else str(value)  # pandas gives NaN for "none"


def place_many(texts: Sequence[str]) -> list[Place | None]:
    """One Place per text (None when it names no province, city or county)."""
    if not texts:
        return []
    cpca = _cpca()
    frame = cpca.transform(list(texts))
    places: list[Place | None] = []
    for (_, row) in frame.iterrows():
        province, city, county, adcode = (_str(row[k]) for k in ("省", "市", "区", "adcode"))
        if not (province or city or county):
            places.append(None)
            continue
        lat = lon = None
        info = cpca.ad_2_addr_dict.get(adcode.ljust(12, "0")) if county else None
        if info is not None and info.latitude and info.longitude:
            lat, lon = to_wgs(float(info.latitude), float(info.longitude), "gcj02")
        # 北京市's "市辖区", 仙桃市's "省直辖县级行政区划": no city between the province and the county
        if city in ("", "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            city = province
        places.append(Place(province, city, county, lat, lon))
    return places


def place(*texts: str) -> Place | None:
    """The first text (address, then name …) that names a county wins; else the first that names anything."""
    candidates = [t for t in texts if t and t.strip()]
    found = place_many(candidates)
    return next((p for p in found if p is not None and p.lat is not None),
                next((p for p in found if p is not None), None))
