"""Online geocoding through geopy against a local fake of Baidu and Nominatim (tests/fake_maps.py)."""

from __future__ import annotations

import socket

import pytest

from planner.geo.cache import GeoCache
from planner.geo.datum import to_wgs
from planner.geo.locate import locate
from planner.geo.online import GeoError, OnlineGeocoder, Services
from tests.fake_maps import FakeMaps, maps  # noqa: F401  (the fixture)


def test_baidu_answer_is_converted_from_bd09_and_cached(maps, tmp_path):
    cache = GeoCache(tmp_path / "geocache.json")
    geo = OnlineGeocoder("my-ak", cache, maps)
    point = geo.locate("天安门")
    assert (point.lat, point.lon) == to_wgs(39.9163, 116.4102, "bd09")
    assert abs(point.lat - 39.9087) < 0.0005 and abs(point.lon - 116.3975) < 0.0005
    assert point.service == "baidu" and point.precision == "site"
    again = OnlineGeocoder("my-ak", GeoCache(tmp_path / "geocache.json"), maps).locate("天安门")
    assert again == point and FakeMaps.log == [("baidu", "天安门")]  # the second answer came from disk


def test_an_area_level_answer_is_county_precision(maps):
    point = OnlineGeocoder("ak", None, maps, use_nominatim=False).locate("浙江省嘉兴市海宁市")
    assert point.precision == "county"


def test_without_a_key_nominatim_answers_in_wgs84(maps):
    geo = OnlineGeocoder("", None, maps)
    assert geo.services == ["nominatim"]
    point = geo.locate("长沙市岳麓区麓山南路932号")
    assert (point.lat, point.lon, point.service, point.precision) == (28.175, 112.938, "nominatim", "site")
    assert FakeMaps.log == [("nominatim", "长沙市岳麓区麓山南路932号")]


def test_quota_error_falls_back_to_nominatim_then_reports_both(maps):
    geo = OnlineGeocoder("ak", None, maps)
    assert geo.locate("配额") is None  # Baidu refused, Nominatim answered "not found"
    with pytest.raises(GeoError, match="配额已用完"):
        OnlineGeocoder("ak", None, maps, use_nominatim=False).locate("配额")


def test_not_found_is_none_and_remembered(maps, tmp_path):
    cache = GeoCache(tmp_path / "c.json")
    assert OnlineGeocoder("ak", cache, maps).locate("没有") is None
    assert OnlineGeocoder("ak", cache, maps).locate("没有") is None
    assert FakeMaps.log == [("baidu", "没有"), ("nominatim", "没有")]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_network_down_is_one_clear_message():
    host = f"127.0.0.1:{_closed_port()}"
    down = Services(scheme="http", nominatim_domain=host, proxies={"http": f"http://{host}"},
                    nominatim_delay=0, baidu_delay=0, error_wait=0, timeout=2)
    with pytest.raises(GeoError) as e:
        OnlineGeocoder("ak", None, down).locate("天安门")
    assert "百度地图" in str(e.value) and "Nominatim" in str(e.value) and "无法连接" in str(e.value)


def test_locate_prefers_the_online_point_and_keeps_the_county(maps):
    found = locate("海宁市", online=OnlineGeocoder("ak", None, maps, use_nominatim=False), region="浙江省嘉兴市")
    assert (found.county, found.source, found.precision) == ("海宁市", "baidu", "county")


def test_locate_drops_a_far_away_answer_and_offline_stands_when_the_network_fails(maps):
    geo = OnlineGeocoder("ak", None, maps, use_nominatim=False)
    found = locate("浙江省嘉兴市海宁市远方", online=geo)
    assert found.source == "county" and found.county == "海宁市" and "60" in found.warning
    host = f"127.0.0.1:{_closed_port()}"
    down = OnlineGeocoder("ak", None, Services(scheme="http", proxies={"http": f"http://{host}"},
                                               baidu_delay=0, error_wait=0, timeout=2), use_nominatim=False)
    found = locate("浙江省海宁市海昌街道", online=down)
    assert found.precision == "county" and "无法连接" in found.warning
    assert locate("浙江省海宁市海昌街道").source == "county"
    assert locate("某某路 1 号") is None
