"""Site rows into sites: every field, placing, ids, each row refusal exact, duplicates and what merge/add do."""

from __future__ import annotations

from datetime import time

import pytest

from planner.geo.datum import to_wgs
from planner.geo.offline import place
from planner.imports.cells import CellProblem
from planner.imports.site_import import prepare
from planner.imports.site_merge import Incoming, apply, merged, same_place
from planner.imports.sites import datum, kind, unused_id
from planner.imports.table import CellError, Table
from planner.model.site import Catalogue, Site, SiteKind

HEAD = ["名称", "地址", "省", "市", "区县", "类型", "时长", "开放时间", "闭馆日", "接待能力", "人数上限", "主题", "联系人",
        "讲解人", "简介", "纬度", "经度", "坐标系"]
E = [""] * len(HEAD)


def row(**cells):
    keys = ["name", "address", "province", "city", "county", "kind", "minutes", "hours", "closed", "groups",
            "people", "topics", "contact", "presenter", "intro", "lat", "lon", "datum"]
    return [cells.get(k, "") for k in keys]


def test_kinds_and_datums():
    assert [kind(v) for v in ("企业", "enterprise", "Village / community", "村", "社区", "博物馆", "科技公司")] == [
        SiteKind.ENTERPRISE, SiteKind.ENTERPRISE, SiteKind.VILLAGE, SiteKind.VILLAGE, SiteKind.VILLAGE,
        SiteKind.GOVERNMENT, SiteKind.ENTERPRISE]
    with pytest.raises(CellProblem) as caught:
        kind("xyz")
    allowed = "企业、园区、村/社区、政府/展馆、高校/会场、酒店、车站/机场"
    assert (caught.value.zh, caught.value.en) == (f"“xyz” 不是已知类型（{allowed}）", f"'xyz' is not a known kind ({allowed})")
    assert [datum(v) for v in ("高德", "百度", "WGS-84")] == ["gcj02", "bd09", "wgs84"]
    with pytest.raises(CellProblem) as caught:
        datum("UTM")
    assert (caught.value.zh, caught.value.en) == ("“UTM” 不是坐标系（WGS-84、GCJ-02/高德、BD-09/百度）",
                                                  "'UTM' is not a datum (WGS-84, GCJ-02, BD-09)")


def test_unused_ids_and_ids_from_names():
    assert unused_id("a", set()) == "a" and unused_id("a", {"a"}) == "a-2" and unused_id("a", {"a", "a-2"}) == "a-3"
    table = Table("s.csv", ["名称", "区县", "纬度", "经度"], [
        (2, ["x" * 60, "海宁市", 30.5, 120.6]), (3, ["--Old  Town, Museum!", "海宁市", 30.6, 120.6])])
    assert [i.site.id for i in prepare(table, Catalogue()).incoming] == ["x" * 56, "old-town-museum"]


def test_every_field_of_a_row_reaches_the_site():
    table = Table("s.csv", HEAD, [(2, row(name="Old Town Museum", province="浙江省", city="嘉兴市", county="海宁市",
                                          address="海昌街道 1 号", kind="园区", minutes=90, hours="9:00-12:00，13:30-17:00",
                                          closed="周一及法定节假日", groups=2, people=60, topics="文旅融合、乡村振兴",
                                          contact="张三 139", presenter="李四", intro="老街", lat=30.5, lon=120.6))],
                  encoding="UTF-8")
    imp = prepare(table, Catalogue())
    (inc,) = imp.incoming
    assert imp.errors == [] and (inc.row, inc.located, inc.duplicate, inc.action) == (2, False, None, "add")
    assert inc.site == Site(id="old-town-museum", name="Old Town Museum", kind=SiteKind.PARK, province="浙江省",
                            city="嘉兴市", county="海宁市", address="海昌街道 1 号", lat=30.5, lon=120.6, precision="site", visit_minutes=90,
                            hours=[{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "17:00"}],
                            closed_weekdays=[1], closed_on_holidays=True, max_groups=2, max_people=60,
                            topics=["文旅融合", "乡村振兴"], contact="张三 139", presenter="李四", intro="老街",
                            source="import: s.csv")
    assert inc.given == {"name", "province", "city", "county", "address", "lat", "lon", "precision", "visit_minutes", "hours",
                         "closed_weekdays", "closed_on_holidays", "max_groups", "max_people", "topics", "contact",
                         "presenter", "intro", "kind"}
    assert imp.mapping == {i: k for i, k in enumerate(
        ["name", "address", "province", "city", "county", "kind", "visit_minutes", "hours", "closed", "max_groups",
         "max_people", "topics", "contact", "presenter", "intro", "lat", "lon", "datum"])}
    assert imp.parsed.rows[0].row == 2 and imp.table is table


def test_coordinates_converted_placed_or_refused_row_by_row():
    addr = "湖南省长沙市岳麓区麓山路"
    yuelu = place(addr)
    table = Table("s.csv", HEAD, [
        (2, row(name="甲公司", county="海宁市", lat=30.51, lon=120.68, datum="高德")),
        (3, row(name="乙公司", county="海宁市", lat=30.51)),
        (4, row(name="丙公司", county="海宁市", lon=120.68)),
        (5, row(name="岳麓书院", address=addr)),
        (6, row(name="无名之地", address="某某路 1 号")),
        (7, row(name="Riverside Hotel", address="长沙市岳麓区", lat=28.2, lon=112.9)),
        (8, row(name="丁公司", county="海宁市", lat=30.5, lon=120.6, hours="9:00-12:00, 11:00-17:00")),
        (9, row(name="名" * 121, county="海宁市", lat=30.5, lon=120.6)),
        (10, row(name="戊村", county="海宁市", lat=30.5, lon=120.6, people="三十")),
        (11, row(name="岳麓区橘子洲")),
        (12, row(name="某馆", county="岳麓区")),
    ])
    imp = prepare(table, Catalogue(sites=[Site(id="enterprise", name="旧", kind="enterprise", lat=1, lon=1)]),
                  taken_ids={"enterprise-2"}, source="手工")
    a, b, c, d, e = imp.incoming
    assert [(i.row, i.located, i.site.county, i.site.lat) for i in (d, e)] == [
        (11, True, "岳麓区", yuelu.lat), (12, True, "岳麓区", yuelu.lat)]
    assert (a.row, a.site.id, a.site.kind, (a.site.lat, a.site.lon), a.site.precision, a.located, a.site.source) == \
        (2, "enterprise-3", SiteKind.ENTERPRISE, to_wgs(30.51, 120.68, "gcj02"), "site", False, "手工")
    assert (b.row, b.site.id, b.site.kind, b.located, b.site.precision) == (5, "enterprise-4", SiteKind.ENTERPRISE, True, "county")
    assert (b.site.province, b.site.city, b.site.county, b.site.lat, b.site.lon) == \
        ("湖南省", "长沙市", "岳麓区", yuelu.lat, yuelu.lon)
    assert "province" in b.given and "lat" in b.given and "kind" not in b.given
    assert (c.row, c.site.id, c.site.kind, c.located, c.site.precision, c.site.lat, c.site.lon, c.site.county) == \
        (7, "riverside-hotel", SiteKind.HOTEL, False, "site", 28.2, 112.9, "岳麓区")
    only = "只有经度或纬度之一", "only one of latitude and longitude is given"
    overlap = "opening hours overlap: 09:00–12:00 and 11:00–17:00"
    too_long = "String should have at most 120 characters"
    assert imp.errors == [
        CellError(3, 16, "经度", "", *only), CellError(4, 15, "纬度", "", *only),
        CellError(6, 1, "地址", "某某路 1 号", "没有经纬度，地址或名称中也找不到区县，无法定位",
                  "no coordinates, and no county in the address or name to place it"),
        CellError(8, None, "", "", overlap, overlap),
        CellError(9, 0, "名称", "名" * 121, too_long, too_long),
        CellError(10, 10, "人数上限", "三十", "“三十” 不是阿拉伯数字（请写作如 30）", "'三十' is not a number (write e.g. 30)")]
    assert imp.refused == [3, 4, 6, 8, 9, 10]


def test_separate_opening_columns_bound_one_side_each():
    table = Table("s.csv", ["名称", "区县", "纬度", "经度", "开门时间", "关门时间"], [
        (2, ["甲", "海宁市", 30.5, 120.6, "8:30", ""]), (3, ["乙", "海宁市", 30.5, 120.6, "", "17:00"]),
        (4, ["丙", "海宁市", 30.5, 120.6, "", ""])])
    hours = [[(h.start, h.end) for h in i.site.hours] for i in prepare(table, Catalogue()).incoming]
    assert hours == [[(time(8, 30), time(23, 59))], [(time(0, 0), time(17, 0))], []]


def _site(sid, name, lat=30.5, lon=120.5, county="海宁市", precision="site", **extra):
    return Site(id=sid, name=name, kind="enterprise", county=county, lat=lat, lon=lon, precision=precision, **extra)


def test_same_place_by_name_and_county_or_by_a_real_point():
    a = _site("a", "皮革城")
    assert same_place(a, _site("b", " 皮革 城 ", lat=31, lon=121))
    assert same_place(a, _site("b", "皮革城", county="", lat=31))
    assert same_place(_site("a", "皮革城", county=""), _site("b", "皮革城", lat=31))
    assert not same_place(a, _site("b", "皮革城", county="桐乡市", lat=31))
    assert not same_place(a, _site("b", "别处", county="桐乡市", lat=31))
    assert same_place(a, _site("b", "别名", county="桐乡市", lat=30.5005))
    assert not same_place(a, _site("b", "别名", lat=30.502))
    assert not same_place(_site("a", "甲", precision="county"), _site("b", "乙", precision="county"))
    assert not same_place(a, _site("b", "乙", precision="county"))
    assert same_place(_site("a", "Leather CITY"), _site("b", "leather city", lat=31))


@pytest.mark.parametrize("old,new", [((30.5, 120.5), (30.4999, 120.4999)), ((30.4999, 120.4999), (30.5, 120.5)),
                                     ((30.50001, 120.50001), (30.50002, 120.50002)),
                                     ((30.4999, 120.5001), (30.5001, 120.4999))])
def test_a_point_within_100_m_across_a_grid_line_is_found(old, new):
    table = Table("s.csv", ["名称", "区县", "纬度", "经度"], [(2, ["新名", "桐乡市", *new])])
    catalogue = Catalogue(sites=[_site("old", "旧名", *old)])
    (inc,) = prepare(table, catalogue).incoming
    assert (inc.duplicate.id, inc.action) == ("old", "skip")


def test_merge_takes_the_sheets_point_and_fields_and_keeps_the_rest():
    old = _site("old", "皮革城", intro="旧简介", contact="旧联系人", max_groups=3)
    new = _site("x", "皮革城", lat=30.51, lon=120.61, intro="新简介", max_groups=1)
    site = merged(old, new, frozenset({"name", "intro", "lat", "lon", "precision"}), located=False)
    assert (site.id, site.intro, site.contact, site.max_groups, site.lat, site.lon, site.precision) == \
        ("old", "新简介", "旧联系人", 3, 30.51, 120.61, "site")
    rough = _site("old", "皮革城", precision="county")
    assert (merged(rough, new, frozenset({"lat", "lon", "precision"}), located=False).precision) == "site"
    kept = merged(old, _site("x", "皮革城", lat=31, lon=121, precision="county"),
                  frozenset({"lat", "lon", "precision"}), located=True)
    assert (kept.lat, kept.lon, kept.precision) == (30.5, 120.5, "site")


def test_apply_adds_merges_and_skips_and_reports_each():
    catalogue = Catalogue(sites=[_site("x", "旧", intro="旧")])
    add1 = Incoming(2, _site("x", "甲", lat=1), frozenset({"name"}))
    add2 = Incoming(3, _site("x", "乙", lat=2), frozenset({"name"}))
    merge = Incoming(4, _site("y", "旧", intro="新"), frozenset({"intro"}), duplicate=catalogue.sites[0],
                     action="merge")
    skipped_first = Incoming(5, _site("z", "丙"), frozenset({"name"}), action="skip")
    merge_into_skipped = Incoming(6, _site("w", "丙"), frozenset({"name"}), duplicate=skipped_first.site,
                                  action="merge")
    out = apply(catalogue, [add1, add2, merge, skipped_first, merge_into_skipped])
    assert [(s.id, s.name, s.intro) for s in out.catalogue.sites] == \
        [("x", "旧", "新"), ("x-2", "甲", ""), ("x-3", "乙", "")]
    assert [s.id for s in out.added] == ["x-2", "x-3"] and [s.id for s in out.merged] == ["x"]
    assert out.skipped == [skipped_first, merge_into_skipped]
    assert catalogue.sites[0].intro == "旧"


def test_a_column_just_past_the_headers_and_a_repeated_row():
    table = Table("s.csv", ["名称", "纬度"], [(2, ["甲", 30.5, None])])
    (err,) = prepare(table, Catalogue(), mapping={0: "name", 1: "lat", 2: "lon"}).errors
    assert (err.cell, err.header, err.en) == ("C2", "", "only one of latitude and longitude is given")
    twice = Table("s.csv", ["名称", "区县", "纬度", "经度"], [(2, ["甲", "海宁市", 30.5, 120.6]),
                                                          (3, ["甲", "海宁市", 30.7, 120.9])])
    first, second = prepare(twice, Catalogue()).incoming
    assert first.duplicate is None and (second.duplicate, second.action) == (first.site, "skip")


def test_the_sheets_province_or_city_tells_apart_counties_of_the_same_name():
    table = Table("s.csv", ["名称", "省", "市", "区县"], [(2, ["甲", "北京市", "", "朝阳区"]), (3, ["乙", "", "福州市", "鼓楼区"])])
    beijing, fuzhou = prepare(table, Catalogue()).incoming
    assert (beijing.site.city, beijing.site.county, beijing.site.lat) == ("北京市", "朝阳区", place("北京市朝阳区").lat)
    assert (fuzhou.site.province, fuzhou.site.county, fuzhou.site.lat) == ("福建省", "鼓楼区", place("福州市鼓楼区").lat)


def test_an_address_naming_only_a_county_several_places_share_is_refused_with_the_places():
    """cpca alone put "西湖区" in 南昌: an import must not place a 杭州 site 500 km away without a word."""
    table = Table("s.csv", HEAD, [(2, row(name="龙井村", address="西湖区龙井路 1 号")),
                                  (3, row(name="龙井茶园", city="杭州市", address="西湖区龙井路 2 号")),
                                  (4, row(name="某馆", county="朝阳区"))])
    imp = prepare(table, Catalogue(), taken_ids=set(), source="手工")
    assert [(i.row, i.site.city, i.site.county) for i in imp.incoming] == [(3, "杭州市", "西湖区")]
    assert imp.errors == [
        CellError(2, 1, "地址", "西湖区龙井路 1 号", "“西湖区”有 2 处：浙江省杭州市、江西省南昌市；请写上所在省市",
                  "西湖区 is the name of 2 places: add the province or city"),
        CellError(4, 4, "区县", "朝阳区", "“朝阳区”有 2 处：北京市、吉林省长春市；请写上所在省市",
                  "朝阳区 is the name of 2 places: add the province or city")]
