"""Online geocoding through geopy: Baidu v3 with the user's own key, Nominatim as the keyless fallback.

Every request goes through geopy's RateLimiter (Nominatim's policy is one request a second), every
answer — "not found" included — is cached on disk, and every point is converted to WGS-84 (Baidu
answers in BD-09). Network failures, refused keys and exhausted quotas become one `GeoError` whose
message says what happened; callers show it and carry on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Literal

from geopy import exc as geo_exc
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import BaiduV3, Nominatim

from planner.geo.cache import GeoCache
from planner.geo.datum import to_wgs
from planner.io.errors import PlannerError

USER_AGENT = "study-tour-planner/0.1 (desktop app for study-tour organizers)"
# Answers at these levels name an area, not the site: they keep precision "county".
_BAIDU_AREA_LEVELS = {"国家", "省份", "城市", "区县", "乡镇", "村庄", "开发区", "商圈", "UNKNOWN"}
_OSM_AREA_TYPES = {"country", "state", "province", "region", "city", "county", "district", "town",
                   "municipality", "suburb", "village", "administrative", "city_district"}


class GeoError(PlannerError):
    """No answer could be had (network, key, quota); the message is for the user."""


@dataclass(frozen=True)
class Point:
    lat: float                             # WGS-84
    lon: float
    precision: Literal["site", "county"]
    service: str                           # "baidu" or "nominatim"
    label: str = ""                        # what the service says it found


@dataclass
class Services:
    """Where the services are; tests point these at a local server, users may need a proxy."""

    scheme: str = "https"
    nominatim_domain: str = "nominatim.openstreetmap.org"
    proxies: dict[str, str] | None = None
    timeout: float = 10
    nominatim_delay: float = 1.0
    baidu_delay: float = 0.34              # Baidu's free tier allows a few requests a second
    error_wait: float = 2.0


class OnlineGeocoder:
    def __init__(self, baidu_key: str = "", cache: GeoCache | None = None, services: Services | None = None,
                 use_nominatim: bool = True):
        s = services or Services()
        self.cache = cache or GeoCache(None)
        self._chain: list[tuple[str, Callable[[str], object]]] = []
        common = dict(scheme=s.scheme, timeout=s.timeout, user_agent=USER_AGENT,
                      proxies=s.proxies if s.proxies is not None else {})
        if baidu_key.strip():
            baidu = BaiduV3(api_key=baidu_key.strip(), **common)
            self._chain.append(("baidu", self._limited(baidu.geocode, s.baidu_delay, s.error_wait)))
        if use_nominatim:
            osm = Nominatim(domain=s.nominatim_domain, **common)
            self._chain.append(("nominatim", self._limited(
                lambda q: osm.geocode(q, country_codes="cn"), s.nominatim_delay, s.error_wait)))

    @staticmethod
    def _limited(func: Callable, delay: float, wait: float) -> Callable:
        return RateLimiter(func, min_delay_seconds=delay, max_retries=1, error_wait_seconds=max(wait, delay),
                           swallow_exceptions=False)

    @property
    def services(self) -> list[str]:
        return [name for name, _ in self._chain]

    def locate(self, query: str) -> Point | None:
        """The first service's answer (cached); None when every service answered "not found".

        Raises GeoError only when no service answered at all, naming each one's failure.
        """
        query = " ".join(query.split())
        if not query:
            return None
        failures: list[str] = []
        for name, geocode in self._chain:
            key = f"{name}|{query}"
            cached = self.cache.get(key)
            if cached is not GeoCache.MISSING:
                if cached is not None:
                    return Point(**cached)
                continue
            try:
                found = geocode(query)
            except (geo_exc.GeopyError, TypeError, KeyError, ValueError) as e:
                # geopy's parsers raise plain errors on an answer they do not expect (Baidu without "level")
                failures.append(describe(name, e))
                continue
            point = _point(name, found) if found is not None else None
            self.cache.put(key, asdict(point) if point is not None else None)
            if point is not None:
                return point
        if failures and len(failures) == len(self._chain):
            raise GeoError("；".join(failures))
        return None


def _point(service: str, found) -> Point:
    raw = found.raw or {}
    if service == "baidu":
        lat, lon = to_wgs(found.latitude, found.longitude, "bd09")
        area = raw.get("level") in _BAIDU_AREA_LEVELS
        label = str(raw.get("level") or "")
    else:
        lat, lon = round(found.latitude, 6), round(found.longitude, 6)
        area = raw.get("addresstype") in _OSM_AREA_TYPES or raw.get("class") in ("boundary", "place")
        label = str(found.address or "")
    return Point(lat, lon, "county" if area else "site", service, label)


_SERVICE_NAMES = {"baidu": "百度地图 (Baidu)", "nominatim": "OpenStreetMap Nominatim"}


def describe(service: str, e: Exception) -> str:
    """One sentence per failure, in Chinese with the English in brackets, as the app's messages are."""
    who = _SERVICE_NAMES.get(service, service)
    if isinstance(e, geo_exc.GeocoderQuotaExceeded) or isinstance(e, geo_exc.GeocoderRateLimited):
        what = "配额已用完或请求过多，请稍后再试 (quota exhausted or too many requests)"
    elif isinstance(e, (geo_exc.GeocoderAuthenticationFailure, geo_exc.GeocoderInsufficientPrivileges)):
        what = "密钥无效或未授权，请在设置中检查百度地图 AK (key refused)"
    elif isinstance(e, geo_exc.GeocoderTimedOut):
        what = "连接超时 (timed out)"
    elif isinstance(e, geo_exc.GeocoderUnavailable):
        what = "无法连接，请检查网络 (service unreachable)"
    else:
        what = f"服务出错 (service error: {e})"
    return f"{who}：{what}"
