"""Locate a site: its county offline, always; its own point online, when the user allows it.

An online answer far from the county the address names is a wrong match (Baidu happily returns a
namesake in another province), so it is dropped in favour of the county centre, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from geopy.distance import great_circle

from planner.geo.offline import Place, place
from planner.geo.online import GeoError, OnlineGeocoder

FAR_KM = 60.0


@dataclass(frozen=True)
class Located:
    province: str
    city: str
    county: str
    lat: float
    lon: float
    precision: Literal["site", "county"]
    source: str            # "county" (offline centre), "baidu" or "nominatim"
    warning: str = ""      # why the online answer is missing or was not used
    offline: bool = False  # the online services could not be reached (network, key, quota)


def query_for(address: str, name: str, where: Place | None) -> str:
    """What to ask a geocoder: the address with its region in front, or the name within its city."""
    region = f"{where.province}{where.city if where.city != where.province else ''}" if where else ""
    if address.strip():
        return address if region and address.startswith(region[:2]) else region + address
    return f"{region}{where.county if where else ''}{name}"


def locate(address: str, name: str = "", online: OnlineGeocoder | None = None,
           region: str = "") -> Located | None:
    """`region` (province + city + county typed in the form) helps when the address omits them.

    Raises GeoError when nothing can be said: no county offline and every service failed, or a county name
    several places share (西湖区: 杭州 and 南昌) with no province or city, and no online answer near one of them.
    """
    where = place(region + address, address, name)
    centre = (where.lat, where.lon) if where is not None and where.lat is not None else None
    warning, failed = "", False
    if online is not None:
        try:
            point = online.locate(query_for(address, name, where))
        except GeoError as e:
            if centre is None:
                raise GeoError(f"{where.ambiguity()}; {e}") if where is not None and where.namesakes else e
            point, warning, failed = None, str(e), True
        if point is not None and where is not None and where.namesakes:
            where = _namesake_at(where, point.lat, point.lon)  # the one the online answer lies in, if any
            if where.namesakes:
                raise GeoError(where.ambiguity())
            centre = (where.lat, where.lon)
        if point is not None and centre is not None and great_circle(centre, (point.lat, point.lon)).km > FAR_KM:
            warning = (f"在线结果距 {where.county} 超过 {FAR_KM:.0f} 公里，已改用区县中心 "
                       f"(the online answer lies over {FAR_KM:.0f} km from {where.county}; kept the county centre)")
            point = None
        if point is not None:
            return Located(*_names(where), point.lat, point.lon, point.precision, point.service, warning)
        if not warning:
            warning = "在线地图没有找到这个地址 (not found online)"
    if centre is None:
        if where is not None and where.namesakes:  # say which places the county name could be
            raise GeoError(where.ambiguity())
        return None
    return Located(*_names(where), centre[0], centre[1], "county", "county", warning, failed)


def _namesake_at(where: Place, lat: float, lon: float) -> Place:
    """The namesake within FAR_KM of an online answer (that settles which county is meant); else `where`."""
    near = [p for p in where.namesakes if great_circle((p.lat, p.lon), (lat, lon)).km <= FAR_KM]
    return near[0] if len(near) == 1 else where


def _names(where: Place | None) -> tuple[str, str, str]:
    return (where.province, where.city, where.county) if where is not None else ("", "", "")
