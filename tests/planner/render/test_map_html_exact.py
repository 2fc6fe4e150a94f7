"""The map page's data script to the value: lines, badges, tooltips, side-by-side offsets, legend, bounds."""

import datetime as dt
import json
import re

import numpy as np
import pytest

from planner.geo.boundaries import Area, Division, Geography
from planner.model.site import Site
from planner.render.coords import wgs_to_gcj
from planner.render.map_html import _icon, _json, _legend, _shifts, _tooltip, data_script, geo_data, render_html
from planner.render.routes import HOTEL, STATION, STOP, Marker, Route, RouteMap, Scope, Visit

MONDAY = dt.date(2025, 2, 24)


def at(sid, lat, lon, kind="enterprise", name=None):
    return Site(id=sid, name=name or sid, kind=kind, lat=lat, lon=lon)


H, X = at("h", -0.05, 0.0, "hotel", "酒店"), at("x", 0.05, 0.2, name="甲厂")


def small_map():
    route = Route("a", "第一组", "#d62728", points=[H, X], km=30.4, stops=1)
    stop = Marker(X, STOP, 1, ["a"], visits=[Visit("a", MONDAY, "08:30", "10:00", "参观甲厂")])
    return RouteMap("T", Scope(), [route], [stop, Marker(H, HOTEL, groups=["a"])])


def parts(script):
    """The script's lines, and its marker list and info object read back as JSON."""
    lines = script.split("\n")
    marks = json.loads(lines[-2][:lines[-2].index(".forEach")])
    info = json.loads(lines[-1][len("}, "):-len(");")])
    return lines, marks, info


def test_the_data_script_draws_each_line_then_hotels_under_numbered_stops():
    lines, marks, info = parts(data_script(small_map()))
    assert len(lines) == 4
    assert lines[0] == "studyTourDraw(function (g, mk) {"
    assert lines[1] == ('L.polyline([[-0.05, 0.0], [0.05, 0.2]], {"color": "#d62728", "weight": 4, "opacity": 0.85})'
                        '.bindTooltip("第一组").addTo(g);')
    assert lines[2].startswith('[[-0.05, 0.0, "st-hotel", "", "宿", 20, 0, "<b>酒店<\\/b><br>住宿<br>第一组"], ')
    assert lines[2].endswith(".forEach(function (m) { mk(g, [m[0], m[1]], m[2], m[3], m[4], m[5], m[6], m[7]); });")
    assert marks == [[-0.05, 0.0, "st-hotel", "", "宿", 20, 0, "<b>酒店</b><br>住宿<br>第一组"],
                     [0.05, 0.2, "st-pin", "background:#d62728", "1", 26, 0,
                      "<b>甲厂</b><br>第一组 2月24日 08:30–10:00 参观甲厂"]]
    assert info == {"legend": '<b>T</b><div><i style="background:#d62728"></i>第一组 · 1 站 · 30\u00a0公里</div>'
                              '<div><span class="st-hotel st-key">宿</span> 住宿</div>',
                    "bounds": [[-0.05, 0.0], [0.05, 0.2]], "refit": False}
    assert "</" not in data_script(small_map())


def test_english_labels_and_a_refit():
    _, marks, info = parts(data_script(small_map(), lang="en", refit=True))
    assert marks[0][7] == "<b>酒店</b><br>Hotel<br>第一组"
    assert marks[1][7] == "<b>甲厂</b><br>第一组 24 Feb 08:30–10:00 参观甲厂"
    assert info["legend"] == ('<b>T</b><div><i style="background:#d62728"></i>第一组 · 1 stops · 30\u00a0km</div>'
                              '<div><span class="st-hotel st-key">宿</span> Hotel</div>')
    assert info["refit"] is True


def test_gaode_moves_points_inside_china_to_gcj02():
    inside = RouteMap("T", Scope(), [Route("a", "甲", "#000000", points=[at("p", 31.1774276, 121.5272106),
                                                                        at("q", 31.2, 121.5)])], [])
    lines, marks, info = parts(data_script(inside, tiles="gaode"))
    assert lines[1].startswith("L.polyline([[31.175304, 121.531542], ")
    south_west, north_east = (wgs_to_gcj(31.1774276, 121.5), wgs_to_gcj(31.2, 121.5272106))
    assert info["bounds"] == [[round(v, 6) for v in south_west], [round(v, 6) for v in north_east]]
    assert info["bounds"][0] != [31.1774276, 121.5]
    assert parts(data_script(inside, tiles="osm"))[2]["bounds"] == [[31.177428, 121.5], [31.2, 121.527211]]


def test_a_route_of_one_point_draws_no_line_and_an_empty_map_has_no_bounds():
    one = RouteMap("T", Scope(), [Route("a", "甲", "#000000", points=[H])], [])
    lines, marks, info = parts(data_script(one))
    assert len(lines) == 3 and marks == []
    assert info["bounds"] == [[-0.05, 0.0], [-0.05, 0.0]]
    lines, marks, info = parts(data_script(RouteMap("空", Scope(), [], [])))
    assert (marks, info["bounds"], info["legend"]) == ([], None, '<b>空</b><div><span class="st-hotel st-key">宿</span> 住宿</div>')


def test_tooltips_of_joint_visits_stations_and_unknown_groups():
    names = {"a": "甲组", "b": "乙组"}
    joint = Marker(X, STOP, None, ["a", "b", "c<"], joint=True,
                   visits=[Visit("a", MONDAY, "08:00", "09:00", "甲厂"), Visit("b", MONDAY, "08:00", "09:00", "甲厂")])
    dates = {}
    assert _tooltip(joint, names, "zh", dates) == (
        "<b>甲厂</b><br>联合：甲组、乙组、c&lt;<br>2月24日 08:00–09:00<br>2月24日 08:00–09:00")
    assert dates == {MONDAY: "2月24日"}
    assert _tooltip(joint, names, "en", {}).startswith("<b>甲厂</b><br>joint：甲组、乙组、c&lt;<br>24 Feb 08:00–09:00")
    station = Marker(at("s", 0, 0, "station", "东站"), STATION, groups=["a", "z"])
    assert _tooltip(station, names, "zh", {}) == "<b>东站</b><br>车站/机场<br>甲组、z"
    assert _tooltip(station, names, "en", {}) == "<b>东站</b><br>Station / airport<br>甲组、z"
    lone = Marker(X, STOP, 4, ["q"], visits=[Visit("q", MONDAY, "10:00", "11:00", "<i>")])
    assert _tooltip(lone, names, "zh", {MONDAY: "周一那天"}) == "<b>甲厂</b><br>q 周一那天 10:00–11:00 &lt;i&gt;"
    assert _tooltip(Marker(X, STOP, 5, ["a"]), names, "zh", {}) == "<b>甲厂</b>"


def test_badges_by_kind():
    colours = {"a": "#d62728"}
    assert _icon(Marker(H, HOTEL), colours) == ("st-hotel", "", "宿", 20)
    assert _icon(Marker(H, STATION), colours) == ("st-station", "", "站", 20)
    assert _icon(Marker(X, STOP, None, ["a"], joint=True), colours) == ("st-pin", "background:#222", "联", 26)
    assert _icon(Marker(X, STOP, 7, ["a"]), colours) == ("st-pin", "background:#d62728", "7", 26)
    assert _icon(Marker(X, STOP, 8, ["zz"]), colours) == ("st-pin", "background:#555555", "8", 26)
    # a place passed through but not visited (a meal, a transfer's arrival): a small dot, never "None"
    assert _icon(Marker(X, STOP, None, ["a"]), colours) == ("st-pin st-dot", "background:#d62728", "", 12)


def test_markers_at_the_same_point_to_four_places_sit_side_by_side():
    near = at("n", 0.05 + 4e-6, 0.2 - 4e-6)  # the same point once rounded to 4 places
    apart, east, close = at("m", 0.0502, 0.2), at("e", 0.05, 0.21), at("c", 0.05, 0.20004)
    markers = [Marker(s, STOP, i) for i, s in enumerate([X, near, apart, X, east, close])]
    assert _shifts(markers) == [0, 24, 0, 48, 0, 72]


def test_json_keeps_chinese_and_never_closes_a_script():
    assert _json({"a": ["宿", "</script>"], "b": 1}) == '{"a": ["宿", "<\\/script>"], "b": 1}'


def test_outlines_travel_as_integer_lat_lon_pairs_with_escaped_names():
    ring = np.array([[120.123456, 30.5], [120.2, 30.654321]])
    area = Area(Division("330100", "<杭州>", "city", 120.15, 30.28), (ring,), (30.2812345, 120.1512345))
    data = geo_data(Geography(cities=(area,)))
    assert data == {"province": [], "city": [{"name": "&lt;杭州&gt;", "at": [30.28123, 120.15123],
                                              "rings": [[3050000, 12012346, 3065432, 12020000]]}],
                    "county": []}
    assert all(type(v) is int for v in data["city"][0]["rings"][0])  # integers: a third of the text


def test_the_page_says_which_base_it_shows_and_refuses_unknown_tiles():
    with pytest.raises(ValueError, match="tiles must be one of none, osm, gaode, tianditu"):
        render_html(small_map(), "bing")
    page = render_html(small_map(), "none")
    assert "<title>T</title>" in page
    assert '<div class="st-note">在线底图已关闭：离线显示省、市、县界</div>' in page
    assert '<div class="st-note st-failed" id="st-failed">在线底图无法加载，已改用离线底图</div>' in page
    assert '<div class="st-legend" id="st-legend"></div>' in page
    assert re.search(r"studyTourGeo\(\{.*\}, true\);", page)
    osm = render_html(small_map(), "osm", lang="en")
    assert '<div class="st-note">' not in osm
    assert "Online tiles could not be loaded: showing the offline base" in osm
    assert re.search(r"studyTourGeo\(\{.*\}, false\);", osm)
    keyless = render_html(small_map(), "tianditu")
    assert '<div class="st-note">在线底图已关闭' in keyless and "tianditu.gov.cn" not in keyless
    assert re.search(r"studyTourGeo\(\{.*\}, true\);", keyless)
    keyed = render_html(small_map(), "tianditu", tianditu_key="k<1>")
    assert '<div class="st-note">' not in keyed and "tk=k\\u0026lt;1\\u0026gt;" in keyed
    assert "tianditu.gov.cn/vec_w/" in keyed and "tianditu.gov.cn/cva_w/" in keyed and "LAYER=cva" in keyed
    assert re.search(r"studyTourGeo\(\{.*\}, false\);", keyed)


def tile_layers(page):
    """(url, attribution, subdomains, max zoom) of each tile layer the page adds."""
    found = re.findall(r'L\.tileLayer\(\s*("(?:[^"\\]|\\.)*"),\s*(\{.*?\})\s*\)', page, re.S)
    out = []
    for url, options in found:
        opts = json.loads(re.sub(r",\s*\}$", "}", options))
        out.append((json.loads(url), opts["attribution"], opts["subdomains"], opts["maxZoom"]))
    return out


def test_each_base_map_asks_its_own_tile_server():
    assert tile_layers(render_html(small_map(), "none")) == []
    assert tile_layers(render_html(small_map(), "tianditu")) == []  # no key: offline
    assert tile_layers(render_html(small_map(), "gaode")) == [
        ("https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
         "© 高德地图 AutoNavi", "1234", 18)]
    wmts = ("https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%s&STYLE=default"
            "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k1")
    assert tile_layers(render_html(small_map(), "tianditu", tianditu_key="k1")) == [
        (wmts % ("vec", "vec"), "© 天地图", "01234567", 18), (wmts % ("cva", "cva"), "© 天地图", "01234567", 18)]
    (osm,) = tile_layers(render_html(small_map(), "osm"))
    assert osm[0] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def test_an_empty_map_opens_over_zhejiang_drawn_as_svg_with_one_scale_bar():
    page = render_html(RouteMap("空", Scope(), [], []))
    assert "center: [30.5, 120.5]," in page and '"zoom": 8,' in page and '"preferCanvas": false' in page
    assert page.count("L.control.scale(") == 1  # the page's own, in kilometres only
    assert "<title>空</title>" in page and page.count("<title>") == 1
    assert page.count("<script>") == page.count("</script>")


def geo_of(page):
    """The offline outlines the page was given: {level: [{name, at, rings}]}."""
    found = re.search(r"studyTourGeo\((\{.*?\}), (true|false)\);", page, re.S)
    return json.loads(found.group(1))


def test_the_page_inlines_leaflet_and_its_runtime_and_outlines_what_it_shows():
    from planner.render.map_html import leaflet_assets

    hangzhou = RouteMap("杭州", Scope(), [Route("a", "甲", "#000000", points=[at("p", 30.27, 120.15),
                                                                          at("q", 30.30, 120.20)])], [])
    page = render_html(hangzhou, "osm")
    js, css = leaflet_assets()
    assert f"<script>{js}</script>" in page and f"<style>{css}\n" in page
    assert "window.studyTourMap = map;" in page  # the page's runtime, after the map
    assert re.search(r'>\s*<div class="st-legend" id="st-legend"></div>\s*<', page)
    wgs = geo_of(page)
    assert [a["name"] for a in wgs["province"]] == ["浙江省"]
    gcj = geo_of(render_html(hangzhou, "gaode"))
    assert [a["name"] for a in gcj["province"]] == ["浙江省"]
    assert gcj["province"][0]["rings"] != wgs["province"][0]["rings"]  # 高德 draws in GCJ-02
    from planner.geo.boundaries import geography

    assert wgs == json.loads(json.dumps(geo_data(geography(hangzhou.bounds(), "wgs84"))))
    assert gcj == json.loads(json.dumps(geo_data(geography(hangzhou.bounds(), "gcj02"))))
    assert '"refit": true}' in page  # the first drawing fits the map to the routes
    assert "1 stops" in render_html(small_map(), "osm", lang="en")  # the legend in the page's language
    beijing = geo_of(render_html(hangzhou, "osm", area=((39.8, 116.3), (40.0, 116.5))))
    assert "北京市" in [a["name"] for a in beijing["province"]] and "浙江省" not in [a["name"] for a in beijing["province"]]


def test_a_map_built_with_defaults_is_offline_and_chinese():
    from planner.render.map_html import build_map

    page = build_map(small_map()).get_root().render()
    assert '<div class="st-note">在线底图已关闭：离线显示省、市、县界</div>' in page and "1 站" in page
    keyless = build_map(small_map(), "tianditu").get_root().render()
    assert '<div class="st-note">在线底图已关闭' in keyless and tile_layers(keyless) == []
