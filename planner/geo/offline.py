"""Offline placing: province, city and county from an address or a name, with the county's centroid.

The `cpca` package recognises Chinese administrative names in free text and ships the centroid of
every county (GCJ-02; data CC BY 4.0, see the README). A county centroid is only good to a few
kilometres — enough to check a day's driving roughly — so the point is marked precision "county"
until a geocoder or the user gives the site's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from planner.geo.datum import to_wgs
from planner.model.site import CITY_PLACEHOLDERS

if TYPE_CHECKING:
    from planner.geo.boundaries import Division

# no city between the province and the county: 北京市's "市辖区", 仙桃市's "省直辖县级行政区划"
NO_CITY = ("", *CITY_PLACEHOLDERS)


@dataclass(frozen=True)
class Place:
    province: str
    city: str
    county: str
    lat: float | None = None      # WGS-84; None when the text names no county
    lon: float | None = None
    precision: Literal["site", "county"] = "county"
    namesakes: tuple[Place, ...] = ()  # a county name the text leaves open: each place of that name (no point)

    def ambiguity(self) -> str:
        """The message for a county name shared by several places, none of them named: which to add."""
        chinese, english = self.ambiguity_parts()
        return f"{chinese} ({english})" if chinese else ""

    def ambiguity_parts(self) -> tuple[str, str]:
        if not self.namesakes:
            return "", ""
        where = "、".join(p.province if p.city == p.province else p.province + p.city for p in self.namesakes)
        return (f"“{self.county}”有 {len(self.namesakes)} 处：{where}；请写上所在省市",
                f"{self.county} is the name of {len(self.namesakes)} places: add the province or city")


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
    for text, (_, row) in zip(texts, frame.iterrows()):
        province, city, county, adcode = (_str(row[k]) for k in ("省", "市", "区", "adcode"))
        if not (province or city or county):
            places.append(None)
            continue
        lat = lon = None
        info = cpca.ad_2_addr_dict.get(adcode.ljust(12, "0")) if county else None
        if info is not None and info.latitude and info.longitude:
            lat, lon = to_wgs(float(info.latitude), float(info.longitude), "gcj02")
        city = province if city in NO_CITY else city
        found = Place(province, city, county, lat, lon)
        places.append(_settled(found, text) if county else found)
    return places


def _settled(found: Place, text: str) -> Place:
    """cpca takes a county name shared by several places ("西湖区": 杭州 and 南昌) for one of them, even when
    the text names neither its province nor its city. Only the namesakes whose province or city the text
    names are kept; one left is the place, several leave the county open (no point, and which they are)."""
    options = _counties_named().get(found.county, [])
    if len(options) < 2:
        return found
    named = [d for d in options if any(part in text for part in _region_words(d))] or options
    places = tuple(_place_of(d) for d in named)
    return places[0] if len(places) == 1 else Place("", "", found.county, namesakes=places)


def _place_of(county: Division) -> Place:
    lat, lon = to_wgs(county.lat, county.lon, "gcj02")
    return Place(*_province_city(county), county.name, lat, lon)


@lru_cache(maxsize=1)
def _counties_named() -> dict[str, list[Division]]:
    """Every county by its name, in code order (one scan of cpca's table, not one per address)."""
    from planner.geo.boundaries import COUNTY, divisions  # numpy: loaded when an address is placed, not at start

    found: dict[str, list[Division]] = {}
    for d in sorted(divisions().values(), key=lambda d: d.code):
        if d.level == COUNTY:
            found.setdefault(d.name, []).append(d)
    return found


def _province_city(county: Division) -> tuple[str, str]:
    from planner.geo.boundaries import divisions

    table = divisions()
    province = table[county.code[:2] + "0000"].name if county.code[:2] + "0000" in table else ""
    city = table.get(county.code[:4] + "00")
    return province, (province if city is None or city.name in NO_CITY else city.name)


def _region_words(county: Division) -> list[str]:
    """How a text may name the county's province or city: in full, or by its first two characters (南京, 浙江)."""
    words = []
    for name in _province_city(county):
        words += [name, name[:2]] if len(name) > 2 else [name]
    return [w for w in words if w]


def place(*texts: str) -> Place | None:
    """The first text (address, then name …) that names a county wins; else the first that names anything."""
    candidates = [t for t in texts if t and t.strip()]
    found = place_many(candidates)
    return next((p for p in found if p is not None and p.lat is not None),
                next((p for p in found if p is not None), None))
