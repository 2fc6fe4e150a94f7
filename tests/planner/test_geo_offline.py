"""Offline placing (cpca) and the on-disk cache of online answers."""

from __future__ import annotations

import json

from geopy.distance import great_circle

from planner.geo import cache as cache_module
from planner.geo.cache import GeoCache
from planner.geo.datum import datum_named, to_wgs
from planner.geo.offline import place, place_many
from planner.render.coords import wgs_to_gcj


def test_county_from_address_or_name_with_its_centre_in_wgs84():
    p = place("浙江省海宁市海昌街道皮革城")
    assert (p.province, p.city, p.county, p.precision) == ("浙江省", "嘉兴市", "海宁市", "county")
    assert abs(p.lat - 30.51) < 0.05 and abs(p.lon - 120.68) < 0.05
    assert place("", "韶山毛泽东同志纪念馆").county == "韶山市"  # the name, when the address is empty


def test_municipalities_and_city_only_addresses():
    p = place("北京市东城区东长安街")
    assert (p.province, p.city, p.county) == ("北京市", "北京市", "东城区")
    city_only = place("长沙市")
    assert (city_only.city, city_only.county, city_only.lat) == ("长沙市", "", None)  # no county: no point
    assert place_many(["某某路 1 号", "长沙市岳麓区"])[0] is None


def test_gcj02_centres_are_shifted_to_wgs84():
    wgs = (30.514024, 120.676032)
    gcj = wgs_to_gcj(*wgs)
    assert great_circle(wgs, gcj).m > 300  # the offset that puts a GCJ-02 point on the wrong street
    assert great_circle(wgs, to_wgs(*gcj, "gcj02")).m < 1
    assert to_wgs(10.0, 10.0, "gcj02") == (10.0, 10.0)  # outside China GCJ-02 is WGS-84
    assert [datum_named(t) for t in ("WGS-84", "gcj_02", "高德", "百度坐标", "BD09LL", "火星?", "UTM")] == \
        ["wgs84", "gcj02", "gcj02", "bd09", "bd09", "gcj02", None]


def test_cache_survives_a_damaged_file_and_keeps_the_newest(tmp_path, monkeypatch):
    path = tmp_path / "geocache.json"
    path.write_text("{not json", encoding="utf-8")
    cache = GeoCache(path)
    assert cache.get("baidu|x") is GeoCache.MISSING
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 2)
    for q in ("a", "b", "c"):
        cache.put(f"baidu|{q}", {"lat": 1.0} if q != "b" else None)
    assert json.loads(path.read_text(encoding="utf-8")) == {"baidu|b": None, "baidu|c": {"lat": 1.0}}
    assert GeoCache(path).get("baidu|b") is None and GeoCache(path).get("baidu|a") is GeoCache.MISSING


def test_a_cache_that_cannot_be_written_costs_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = GeoCache(blocker / "geocache.json")  # its folder is a file
    cache.put("k", None)
    assert cache.get("k") is None
