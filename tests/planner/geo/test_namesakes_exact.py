"""County names several places share (西湖区: 杭州 and 南昌): settled by the province or city the text names,
by an online answer near one of them, or refused with the list of places — never a silent guess.

cpca alone took "西湖区" for 南昌 and "朝阳区" for 长春: an organizer in 杭州 got a site 500 km away."""

from __future__ import annotations

import pytest

from planner.geo.datum import to_wgs
from planner.geo.locate import Located, locate
from planner.geo.offline import Place, place, place_many
from planner.geo.online import GeoError, OnlineGeocoder
from tests import fake_maps
from tests.fake_maps import maps  # noqa: F401  (the fixture)

XIHU = "“西湖区”有 2 处：浙江省杭州市、江西省南昌市；请写上所在省市"
XIHU_EN = "西湖区 is the name of 2 places: add the province or city"


def _centre(text: str) -> tuple[float, float]:
    found = place(text)
    return found.lat, found.lon


def test_a_county_name_alone_that_several_places_share_has_no_point_and_lists_them_in_code_order():
    found = place("西湖区龙井路 1 号")
    assert (found.province, found.city, found.county, found.lat, found.lon) == ("", "", "西湖区", None, None)
    assert [(p.province, p.city, p.county, p.lat, p.lon) for p in found.namesakes] == [
        ("浙江省", "杭州市", "西湖区", *_centre("浙江省杭州市西湖区")),
        ("江西省", "南昌市", "西湖区", *_centre("江西省南昌市西湖区"))]
    assert found.ambiguity_parts() == (XIHU, XIHU_EN) and found.ambiguity() == f"{XIHU} ({XIHU_EN})"
    beijing = place("朝阳区建国路")  # a municipality is named once: 北京市, not 北京市北京市
    assert beijing.ambiguity_parts()[0] == "“朝阳区”有 2 处：北京市、吉林省长春市；请写上所在省市"


@pytest.mark.parametrize("text, province, city", [
    ("杭州西湖区龙井路", "浙江省", "杭州市"),          # the city by its first two characters
    ("南昌市西湖区", "江西省", "南昌市"),
    ("浙江省普陀区", "浙江省", "舟山市"),              # the province alone settles 普陀区 (上海 is not 浙江)
    ("北京朝阳区", "北京市", "北京市"),
])
def test_the_province_or_city_the_text_names_settles_it(text, province, city):
    found = place(text)
    assert (found.province, found.city, found.namesakes) == (province, city, ())
    assert (found.lat, found.lon) == _centre(f"{province}{city if city != province else ''}{found.county}")


def test_a_province_with_two_of_the_name_still_leaves_it_open():
    found = place("江苏省鼓楼区中山路")
    assert [p.city for p in found.namesakes] == ["南京市", "徐州市"] and found.lat is None


def test_a_name_no_other_county_has_is_placed_as_before_and_nothing_else_changes():
    assert place_many(["余杭区", "某某路"]) == [Place("浙江省", "杭州市", "余杭区", *_centre("浙江省杭州市余杭区")),
                                                None]
    assert place("余杭区").namesakes == () and place("余杭区").ambiguity() == ""
    assert place("余杭区").ambiguity_parts() == ("", "")


def test_a_settled_namesake_is_at_its_centre_converted_from_gcj02():
    """cpca's centres are GCJ-02 (高德): the settled county's point is its centre in WGS-84, about 500 m away."""
    from planner.geo.boundaries import divisions
    from planner.geo.datum import to_wgs

    zhoushan = next(d for d in divisions().values() if d.name == "普陀区" and d.code.startswith("33"))
    found = place("浙江省普陀区")
    assert (found.lat, found.lon) == to_wgs(zhoushan.lat, zhoushan.lon, "gcj02") != (zhoushan.lat, zhoushan.lon)


def test_offline_an_open_county_name_is_refused_with_its_places():
    with pytest.raises(GeoError) as refused:
        locate("西湖区龙井路 1 号")
    assert str(refused.value) == f"{XIHU} ({XIHU_EN})"


def test_an_online_answer_near_one_of_the_places_settles_it(maps, monkeypatch):
    near_west_lake = {"status": 0, "result": {"location": {"lng": 120.1551, "lat": 30.2541}, "precise": 1,
                                              "level": "门址"}}
    monkeypatch.setitem(fake_maps.BAIDU, "西湖区龙井路 1 号", near_west_lake)
    found = locate("西湖区龙井路 1 号", online=OnlineGeocoder("ak", None, maps, use_nominatim=False))
    assert found == Located("浙江省", "杭州市", "西湖区", *to_wgs(30.2541, 120.1551, "bd09"), "site", "baidu")


def test_an_online_answer_near_none_of_them_is_refused_too(maps, monkeypatch):
    monkeypatch.setitem(fake_maps.BAIDU, "西湖区龙井路 1 号", fake_maps.BAIDU["天安门"])
    with pytest.raises(GeoError) as refused:
        locate("西湖区龙井路 1 号", online=OnlineGeocoder("ak", None, maps, use_nominatim=False))
    assert str(refused.value) == f"{XIHU} ({XIHU_EN})"


def test_when_the_services_fail_the_refusal_names_the_places_and_the_failure():
    from tests.planner.geo.test_locate_exact import _down

    with pytest.raises(GeoError) as refused:
        locate("西湖区龙井路 1 号", online=OnlineGeocoder("ak", None, _down(), use_nominatim=False))
    assert str(refused.value).startswith(f"{XIHU} ({XIHU_EN}); ") and len(str(refused.value)) > len(XIHU) + 60
