"""Locating a site, field by field: what is asked online, which answer wins, and every warning's words.

The web services are the local fake of tests/fake_maps.py; answers a test needs are added to its tables."""

from __future__ import annotations

import dataclasses
import json
import socket
import time

import pytest
from geopy import exc as geo_exc

from planner.geo.cache import GeoCache
from planner.geo.datum import to_wgs
from planner.geo.locate import Located, locate, query_for
from planner.geo.offline import Place, place, place_many
from planner.geo.online import USER_AGENT, GeoError, OnlineGeocoder, Point, Services, describe
from tests import fake_maps
from tests.fake_maps import FakeMaps, maps  # noqa: F401  (the fixture)

HAINING = Place("浙江省", "嘉兴市", "海宁市", 30.514024, 120.676032)   # cpca's centre, in WGS-84
LEATHER_CITY_BD09 = (30.5301, 120.6903)                               # fake_maps' answer for the address
NOT_FOUND = "在线地图没有找到这个地址 (not found online)"
UNREACHABLE = "无法连接，请检查网络 (service unreachable)"


def _down() -> Services:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        host = f"127.0.0.1:{s.getsockname()[1]}"
    return Services(scheme="http", nominatim_domain=host, proxies={"http": f"http://{host}"},
                    nominatim_delay=0, baidu_delay=0, error_wait=0, timeout=2)


def test_what_is_asked_online():
    assert query_for("浙江海宁海昌街道", "", HAINING) == "浙江海宁海昌街道"       # already starts with its region
    assert query_for("海昌街道皮革城", "", HAINING) == "浙江省嘉兴市海昌街道皮革城"
    beijing = Place("北京市", "北京市", "东城区")
    assert query_for("东长安街", "", beijing) == "北京市东长安街"                   # a municipality once
    assert query_for("", "故宫博物院", beijing) == "北京市东城区故宫博物院"
    assert query_for("  ", "皮革城", HAINING) == "浙江省嘉兴市海宁市皮革城"
    assert query_for("", "天安门", None) == "天安门" and query_for("人民路 1 号", "x", None) == "人民路 1 号"


def test_offline_the_first_text_naming_a_county_wins():
    assert place("长沙市", "浙江省海宁市") == HAINING        # 长沙市 names no county: no point
    assert place("长沙市", "某某路") == Place("湖南省", "长沙市", "", None, None)
    assert place() is None and place("", "  ") is None


def test_an_online_point_near_the_county_is_the_sites_own(maps):
    found = locate("浙江省海宁市海昌街道皮革城", online=OnlineGeocoder("ak", None, maps, use_nominatim=False))
    assert found == Located("浙江省", "嘉兴市", "海宁市", *to_wgs(*LEATHER_CITY_BD09, "bd09"), "site", "baidu")
    assert FakeMaps.log == [("baidu", "浙江省海宁市海昌街道皮革城")]


def test_the_region_typed_in_the_form_places_an_address_that_omits_it(maps, monkeypatch):
    monkeypatch.setitem(fake_maps.BAIDU, "浙江省嘉兴市海昌街道皮革城", fake_maps.BAIDU["浙江省海宁市海昌街道皮革城"])
    geo = OnlineGeocoder("ak", None, maps, use_nominatim=False)
    found = locate("海昌街道皮革城", online=geo, region="浙江省嘉兴市海宁市")
    assert (found.county, found.precision, found.source, found.warning) == ("海宁市", "site", "baidu", "")
    assert FakeMaps.log == [("baidu", "浙江省嘉兴市海昌街道皮革城")]
    assert locate("海昌街道皮革城") is None  # without the region nothing names a county


def test_a_name_alone_is_asked_within_its_county_and_not_found_keeps_the_centre(maps):
    found = locate("", "韶山毛泽东同志纪念馆", online=OnlineGeocoder("ak", None, maps, use_nominatim=False))
    assert found == Located("湖南省", "湘潭市", "韶山市", 27.918394, 112.521243, "county", "county", NOT_FOUND, False)
    assert FakeMaps.log == [("baidu", "湖南省湘潭市韶山市韶山毛泽东同志纪念馆")]


def test_an_online_point_with_no_county_offline_still_counts(maps, monkeypatch):
    monkeypatch.setitem(fake_maps.OSM, "人民路 1 号", [{"lat": "28.1", "lon": "112.9", "display_name": "人民路 1 号",
                                                     "class": "building", "addresstype": "building"}])
    found = locate("人民路 1 号", online=OnlineGeocoder("", None, maps))
    assert found == Located("", "", "", 28.1, 112.9, "site", "nominatim")


def test_a_far_answer_is_replaced_by_the_county_centre_with_a_warning(maps):
    found = locate("浙江省嘉兴市海宁市远方", online=OnlineGeocoder("ak", None, maps, use_nominatim=False))
    assert found == Located("浙江省", "嘉兴市", "海宁市", HAINING.lat, HAINING.lon, "county", "county",
                            "在线结果距 海宁市 超过 60 公里，已改用区县中心 "
                            "(the online answer lies over 60 km from 海宁市; kept the county centre)", False)


def test_no_network_keeps_the_county_and_says_so_or_fails_when_nothing_is_known():
    geo = OnlineGeocoder("ak", None, _down())
    found = locate("浙江省海宁市海昌街道", online=geo)
    both = f"百度地图 (Baidu)：{UNREACHABLE}；OpenStreetMap Nominatim：{UNREACHABLE}"
    assert found == Located("浙江省", "嘉兴市", "海宁市", HAINING.lat, HAINING.lon, "county", "county", both, True)
    with pytest.raises(GeoError) as e:
        locate("人民路 1 号", online=geo)
    assert str(e.value) == both


def test_queries_are_tidied_and_an_empty_one_asks_nobody(maps, tmp_path):
    cache = GeoCache(tmp_path / "geo.json")
    geo = OnlineGeocoder(" ak ", cache, maps)
    assert geo.services == ["baidu", "nominatim"]
    assert geo.locate(" \n ") is None and FakeMaps.log == []
    point = geo.locate("  天安门\n")
    assert point == Point(*to_wgs(39.9163, 116.4102, "bd09"), "site", "baidu", "旅游景点")
    assert FakeMaps.log == [("baidu", "天安门")]
    assert json.loads((tmp_path / "geo.json").read_text(encoding="utf-8")) == {
        "baidu|天安门": {"lat": point.lat, "lon": point.lon, "precision": "site", "service": "baidu",
                        "label": "旅游景点"}}


def test_a_remembered_not_found_moves_on_to_the_next_service(maps, monkeypatch):
    monkeypatch.setitem(fake_maps.OSM, "天安门", [{"lat": "39.9087", "lon": "116.3975", "display_name": "天安门, 北京",
                                                "class": "historic", "addresstype": "historic"}])
    cache = GeoCache(None)
    cache.put("baidu|天安门", None)
    point = OnlineGeocoder("ak", cache, maps).locate("天安门")
    assert point == Point(39.9087, 116.3975, "site", "nominatim", "天安门, 北京")
    assert FakeMaps.log == [("nominatim", "天安门")]
    assert cache.get("nominatim|天安门") == {"lat": 39.9087, "lon": 116.3975, "precision": "site",
                                             "service": "nominatim", "label": "天安门, 北京"}


@pytest.mark.parametrize("raw, precision", [
    ({"class": "boundary", "addresstype": "road"}, "county"),
    ({"class": "place", "addresstype": "road"}, "county"),
    ({"class": "highway", "addresstype": "city_district"}, "county"),
    ({"class": "highway", "addresstype": "road"}, "site")])
def test_an_osm_area_is_county_precision(maps, monkeypatch, raw, precision):
    monkeypatch.setitem(fake_maps.OSM, "某地", [{"lat": "28.123456789", "lon": "112.987654321", "display_name": "",
                                              **raw}])
    point = OnlineGeocoder("", None, maps).locate("某地")
    assert (point.lat, point.lon, point.precision, point.label) == (28.123457, 112.987654, precision, "")  # 6 decimals


def test_a_baidu_answer_with_an_empty_level_has_no_label(maps, monkeypatch):
    monkeypatch.setitem(fake_maps.BAIDU, "某厂", {"status": 0, "result": {"location": {"lng": 120.0, "lat": 30.0},
                                                              "level": ""}})
    point = OnlineGeocoder("ak", None, maps, use_nominatim=False).locate("某厂")
    assert (point.label, point.precision, point.service) == ("", "site", "baidu")


def test_a_refused_request_is_tried_once_more_then_reported(maps):
    with pytest.raises(GeoError) as e:
        OnlineGeocoder("ak", None, maps, use_nominatim=False).locate("配额")
    assert str(e.value) == "百度地图 (Baidu)：配额已用完或请求过多，请稍后再试 (quota exhausted or too many requests)"
    assert FakeMaps.log == [("baidu", "配额"), ("baidu", "配额")]


def test_each_failure_in_words():
    assert describe("baidu", geo_exc.GeocoderRateLimited("x")) == \
        "百度地图 (Baidu)：配额已用完或请求过多，请稍后再试 (quota exhausted or too many requests)"
    key = "密钥无效或未授权，请在设置中检查百度地图 AK (key refused)"
    assert describe("baidu", geo_exc.GeocoderAuthenticationFailure("x")) == f"百度地图 (Baidu)：{key}"
    assert describe("baidu", geo_exc.GeocoderInsufficientPrivileges("x")) == f"百度地图 (Baidu)：{key}"
    assert describe("nominatim", geo_exc.GeocoderTimedOut("x")) == "OpenStreetMap Nominatim：连接超时 (timed out)"
    assert describe("other", geo_exc.GeocoderQueryError("bad query")) == "other：服务出错 (service error: bad query)"


def test_the_services_default_to_the_public_ones_at_their_polite_rates():
    assert Services() == Services(scheme="https", nominatim_domain="nominatim.openstreetmap.org", proxies=None,
                                  timeout=10, nominatim_delay=1.0, baidu_delay=0.34, error_wait=2.0)
    assert OnlineGeocoder().services == ["nominatim"] and OnlineGeocoder(use_nominatim=False).services == []
    assert OnlineGeocoder(use_nominatim=False).locate("天安门") is None
    assert USER_AGENT.startswith("study-tour-planner/")


def test_an_address_naming_its_own_county_wins_over_a_region_that_does_not(maps):
    found = locate("浙江省海宁市海昌街道", region="湖南省长沙市")   # the form's region is stale or wrong
    assert found == Located("浙江省", "嘉兴市", "海宁市", HAINING.lat, HAINING.lon, "county", "county")


def test_nothing_to_ask_asks_nobody(maps):
    assert locate("", online=OnlineGeocoder("ak", None, maps)) is None and FakeMaps.log == []


def test_place_many_keeps_one_answer_per_text_in_order():
    assert place_many(["某某路 1 号", "长沙市岳麓区", "湖南省"]) == [
        None, Place("湖南省", "长沙市", "岳麓区", 28.238063, 112.925893), Place("湖南省", "湖南省", "")]


def test_a_county_under_its_province_directly_gets_no_placeholder_for_a_city():
    """cpca names the "city" of 仙桃市 or 石河子市 "省直辖县级行政区划": printed in a handbook ("省直辖县级行政区划
    仙桃市") or sent to a geocoder, it reads as nonsense; like 北京市's 市辖区 it becomes the province."""
    assert [(p.province, p.city, p.county) for p in place_many(["湖北省仙桃市", "新疆维吾尔自治区石河子市", "重庆市城口县"])] \
        == [("湖北省", "湖北省", "仙桃市"), ("新疆维吾尔自治区", "新疆维吾尔自治区", "石河子市"), ("重庆市", "重庆市", "城口县")]
    assert query_for("", "排湖风景区", place("湖北省仙桃市")) == "湖北省仙桃市排湖风景区"


def test_the_users_key_is_sent_trimmed(maps):
    OnlineGeocoder(" my-ak\n", None, maps, use_nominatim=False).locate("天安门")
    assert [p["ak"] for p in FakeMaps.params] == [["my-ak"]]


def test_nominatim_is_asked_within_china_at_its_polite_rate(maps):
    osm = OnlineGeocoder("", None, dataclasses.replace(maps, nominatim_delay=0.3))
    start = time.monotonic()
    osm.locate("长沙市岳麓区麓山南路932号")
    osm.locate("没有")
    assert time.monotonic() - start >= 0.3
    assert [p["countrycodes"] for p in FakeMaps.params] == [["cn"], ["cn"]]


def test_a_slow_service_gives_up_at_the_set_time_limit(maps, monkeypatch):
    monkeypatch.setattr(FakeMaps, "delay", 0.3)  # geopy's own default would wait a second
    with pytest.raises(GeoError) as e:
        OnlineGeocoder("", None, dataclasses.replace(maps, timeout=0.05)).locate("长沙市岳麓区麓山南路932号")
    assert str(e.value) == f"OpenStreetMap Nominatim：{UNREACHABLE}"  # requests' retries end as "unreachable"


def test_without_a_proxy_in_the_settings_none_from_the_environment_is_used(maps, monkeypatch):
    for name in ("no_proxy", "NO_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    dead = _down().nominatim_domain
    monkeypatch.setenv("http_proxy", f"http://{dead}")
    monkeypatch.setenv("HTTP_PROXY", f"http://{dead}")
    point = OnlineGeocoder("", None, dataclasses.replace(maps, proxies=None)).locate("长沙市岳麓区麓山南路932号")
    assert (point.lat, point.lon) == (28.175, 112.938)


def test_a_malformed_answer_is_that_services_failure_not_a_crash(maps, monkeypatch):
    # geopy's Baidu parser raises TypeError when "level" is missing: the user reads one line, not a traceback
    monkeypatch.setitem(fake_maps.BAIDU, "某厂", {"status": 0, "result": {"location": {"lng": 120.0, "lat": 30.0}}})
    with pytest.raises(GeoError) as e:
        OnlineGeocoder("ak", None, maps, use_nominatim=False).locate("某厂")
    assert str(e.value).startswith("百度地图 (Baidu)：服务出错 (service error: ")
    assert FakeMaps.log == [("baidu", "某厂")]  # not retried: the same answer would come again
