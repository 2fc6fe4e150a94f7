"""The offline route drawing on points whose projection is worked out by hand.

Sites at latitudes ±0.05 on either side of the equator: cos(lat₀) = 1, so x = lon and y = lat in degrees.
The drawn extent is 0.2° wide and 0.1° high; 720×480 with 36 px padding and a 24 px scale-bar strip gives
min(648/0.2, 384/0.1) = 3240 px per degree, centred on lon 0.1, lat 0:
x = 360 + (lon − 0.1)·3240, y = 228 − lat·3240.
"""

import numpy as np
import pytest

from planner.model.site import Site
from planner.render.route_svg import Frame, _nice, route_svg
from planner.render.routes import HOTEL, STATION, STOP, Marker, Route, RouteMap, Scope


def at(sid, lat, lon, kind="enterprise"):
    return Site(id=sid, name=sid, kind=kind, lat=lat, lon=lon)


HOTEL_SITE, FACTORY = at("h", -0.05, 0.0, "hotel"), at("x", 0.05, 0.2)


def small_map(colour="#d62728"):
    route = Route("a", "第一组", colour, points=[HOTEL_SITE, FACTORY], km=30.0, stops=1)
    markers = [Marker(FACTORY, STOP, 1, ["a"]), Marker(HOTEL_SITE, HOTEL, groups=["a"])]
    return RouteMap("T", Scope(), [route], markers)


def test_the_frame_puts_each_point_where_the_projection_says():
    frame = Frame.around([HOTEL_SITE, FACTORY], 720, 480, 36)
    assert (frame.kx, frame.cx, frame.cy, frame.scale) == pytest.approx((1.0, 0.1, 0.0, 3240.0))
    assert frame.xy(-0.05, 0.0) == pytest.approx((36.0, 390.0))
    assert frame.xy(0.05, 0.2) == pytest.approx((684.0, 66.0))
    (south, west), (north, east) = frame.bounds()
    assert (south, west, north, east) == pytest.approx((-228 / 3240, 0.1 - 360 / 3240, 228 / 3240, 0.1 + 360 / 3240))
    rings = (np.array([[0.0, -0.05], [0.2, 0.05]]), np.array([[0.1, 0.0]]))
    assert frame.points(rings) == ["36.0,390.0 684.0,66.0", "360.0,228.0"]
    assert frame.points(()) == []


def test_a_tall_extent_is_scaled_by_its_height_and_a_point_alone_by_the_minimum_span():
    tall = Frame.around([at("a", -0.2, 0.0), at("b", 0.2, 0.01)], 720, 480, 36)
    assert tall.scale == pytest.approx(384 / 0.4)
    alone = Frame.around([at("a", 0.0, 0.0)], 720, 480, 36)
    assert alone.scale == pytest.approx(384 / 0.004)  # a fifth of the 0.02° minimum span
    assert alone.xy(0.0, 0.0) == pytest.approx((360.0, 228.0))
    wide = Frame.around([at("a", 0.0, 0.0), at("b", 0.0, 0.5)], 720, 480, 36)
    assert wide.scale == pytest.approx(648 / 0.5)


@pytest.mark.parametrize(("km", "nice"), [(0.4, 1), (1, 1), (4.8, 2), (5, 5), (99, 50), (2000, 500)])
def test_the_scale_bar_takes_the_largest_round_length_that_fits(km, nice):
    assert _nice(km) == nice


def test_a_small_map_drawn_without_geography():
    svg = route_svg(small_map(), with_geography=False)
    # 3240 px per degree = 29.138 px per km: 140 px is 4.8 km, so a 2 km bar 58.3 px long
    assert svg == (
        '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="480" viewBox="0 0 720 480" '
        'font-family="Noto Sans CJK SC"><rect width="720" height="480" fill="#f4f6f8"/>'
        '<rect width="720" height="480" fill="none" stroke="#c8ced4"/>'
        '<polyline points="36.0,390.0 684.0,66.0" fill="none" stroke="#d62728" stroke-width="3.5" '
        'stroke-linejoin="round" stroke-opacity="0.85"/>'
        '<rect x="28.0" y="382.0" width="16" height="16" rx="2" fill="#5b4a8b" stroke="#fff"/>'
        '<text x="36.0" y="394.0" font-size="10" fill="#fff" text-anchor="middle">宿</text>'
        '<circle cx="684.0" cy="66.0" r="9" fill="#d62728" stroke="#fff" stroke-width="1.5"/>'
        '<text x="684.0" y="70.0" font-size="10" font-weight="bold" fill="#fff" text-anchor="middle">1</text>'
        '<rect x="8" y="455" width="104.3" height="22" rx="3" fill="#ffffff" fill-opacity="0.85"/>'
        '<g stroke="#333" stroke-width="2"><line x1="14" y1="468" x2="72.3" y2="468"/>'
        '<line x1="14" y1="463" x2="14" y2="468"/><line x1="72.3" y1="463" x2="72.3" y2="468"/></g>'
        '<text x="78.3" y="472" font-size="12" fill="#333">2 km</text></svg>')


def test_stops_at_one_point_sit_side_by_side_and_joint_stations_and_unknown_groups_have_their_looks():
    markers = [Marker(FACTORY, STOP, 1, ["a"]), Marker(FACTORY, STOP, None, ["a", "b"], joint=True),
               Marker(FACTORY, STOP, 3, ["zz"]), Marker(HOTEL_SITE, STATION, groups=["a"])]
    route = Route("a", "第一组", '#d62728"><script>', points=[HOTEL_SITE, FACTORY])
    svg = route_svg(RouteMap("T", Scope(), [route], markers), with_geography=False)
    assert 'stroke="#d62728&quot;&gt;&lt;script&gt;"' in svg and "<script>" not in svg
    assert ('<rect x="28.0" y="382.0" width="16" height="16" rx="2" fill="#333333" stroke="#fff"/>'
            '<text x="36.0" y="394.0" font-size="10" fill="#fff" text-anchor="middle">站</text>') in svg
    assert ('<circle cx="684.0" cy="66.0" r="9" fill="#d62728&quot;&gt;&lt;script&gt;" stroke="#fff" '
            'stroke-width="1.5"/>') in svg
    assert ('<circle cx="704.0" cy="66.0" r="9" fill="#222222" stroke="#fff" stroke-width="1.5"/>'
            '<text x="704.0" y="70.0" font-size="10" font-weight="bold" fill="#fff" text-anchor="middle">联</text>'
            ) in svg
    # 724 would run off the 720 px frame: the third goes 20 px left of the point instead
    assert ('<circle cx="664.0" cy="66.0" r="9" fill="#555555" stroke="#fff" stroke-width="1.5"/>'
            '<text x="664.0" y="70.0" font-size="10" font-weight="bold" fill="#fff" text-anchor="middle">3</text>'
            ) in svg


def test_a_lone_point_gets_a_one_km_bar_and_an_empty_map_a_blank_drawing():
    svg = route_svg(RouteMap("T", Scope(), [], [Marker(at("x", 0.0, 0.0), STOP, 1, ["a"])]), with_geography=False)
    assert '<circle cx="360.0" cy="228.0" r="9" fill="#555555"' in svg
    # 96,000 px per degree: 863.3 px per km, so even 1 km is longer than 140 px
    assert '<line x1="14" y1="468" x2="877.3" y2="468"/>' in svg and ">1 km</text>" in svg
    assert route_svg(RouteMap("T", Scope(), [], []), width=300, height=200) == (
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">'
        '<rect width="100%" height="100%" fill="#f4f6f8"/></svg>')


def test_with_geography_the_sea_colour_lies_under_the_land():
    svg = route_svg(small_map(), 360, 240, 10)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="360" height="240" viewBox="0 0 360 240" '
                          'font-family="Noto Sans CJK SC"><rect width="360" height="240" fill="#e3edf5"/>')


def test_outlines_under_names_and_only_the_names_of_what_is_drawn():
    from planner.geo.boundaries import Area, Division, Geography
    from planner.render.route_svg import _geography

    ring = (np.array([[0.0, -0.05], [0.2, 0.05]]),)
    province = Area(Division("330000", "浙江省", "province", 0, 0), ring, (0.0, 0.1))
    city = Area(Division("330100", "杭<州>", "city", 0, 0), ring, (0.0, 0.1))
    far = Area(Division("330200", "宁波", "city", 0, 0), ring, (1.0, 0.1))  # 3240 px above the top
    county = Area(Division("330106", "西湖", "county", 0, 0), ring, (0.0, 0.0))
    geo = Geography((province,), (city, far), (county,))
    frame = Frame.around([HOTEL_SITE, FACTORY], 720, 480, 36)
    pts = 'points="36.0,390.0 684.0,66.0"'
    province_look = 'fill="#fbf9f1" stroke="#8c829e" stroke-width="1.3"'
    city_look = 'fill="none" stroke="#a59db2" stroke-width="0.8" stroke-dasharray="5 4"'
    county_look = 'fill="none" stroke="#cbc5d2" stroke-width="0.5"'

    def name(x, y, size, text):
        head = f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="middle" '
        return (f'{head}fill="#ffffff" stroke="#ffffff" stroke-width="3">{text}</text>'
                f'{head}fill="#5a5267">{text}</text>')

    assert _geography(geo, frame, True, 720, 480) == [
        f'<polygon {pts} {province_look}/>', f'<polygon {pts} {city_look}/>', f'<polygon {pts} {city_look}/>',
        f'<polygon {pts} {county_look}/>',
        name("360.0", "231.7", 11, "杭&lt;州&gt;"), name("36.0", "231.0", 9, "西湖")]
    assert _geography(geo, frame, False, 720, 480) == [
        f'<polygon {pts} {province_look}/>', f'<polygon {pts} {city_look}/>', f'<polygon {pts} {city_look}/>',
        name("360.0", "231.7", 11, "杭&lt;州&gt;")]
    # a name exactly on the drawing's edge still shows; one a pixel outside does not
    assert len(_geography(geo, frame, True, 360, 228)) == 6
    assert len(_geography(geo, frame, True, 359, 480)) == 5
    assert len(_geography(geo, frame, True, 720, 227)) == 4


def test_stops_19_px_apart_are_not_moved():
    """A frame of exactly 1024 px per degree (1096 px wide, 1° of longitude, on the equator): stops 19/1024°
    apart lie exactly 19 px apart, which is apart enough."""
    step = 19 / 1024
    a, b = at("a", 0.0, 0.5), at("b", 0.0, 0.5 + step)
    c, d = at("c", step, 0.5), at("d", -step, 0.5)
    route = Route("g", "组", "#000000", points=[at("w", 0.0, 0.0), at("e", 0.0, 1.0)])
    markers = [Marker(s, STOP, i + 1, ["g"]) for i, s in enumerate([a, b, c, d])]
    svg = route_svg(RouteMap("T", Scope(), [route], markers), width=1096, with_geography=False)
    circles = [part.split('" r="9"')[0] for part in svg.split('<circle cx="')[1:]]
    assert circles == ['548.0" cy="228.0', '567.0" cy="228.0', '548.0" cy="209.0', '548.0" cy="247.0']


def test_off_the_equator_longitude_shrinks_by_the_cosine_of_the_mean_latitude():
    # at 60° N a degree of longitude is half a degree of latitude: 10.0–10.4° E is 0.2° wide, like 59.9–60.1° N
    frame = Frame.around([at("a", 59.9, 10.0), at("b", 60.1, 10.4)], 720, 480, 36)
    assert (frame.kx, frame.cx, frame.cy, frame.scale) == pytest.approx((0.5, 5.1, 60.0, 1920.0))
    assert frame.xy(60.1, 10.4) == pytest.approx((552.0, 36.0))
    assert frame.points((np.array([[10.4, 60.1], [10.0, 59.9]]),)) == ["552.0,36.0 168.0,420.0"]
    # 360 px either side is 0.1875° of x, so 0.375° of longitude; 228 px up and down is 0.11875° of latitude
    (south, west), (north, east) = frame.bounds()
    assert (south, west, north, east) == pytest.approx((59.88125, 9.825, 60.11875, 10.575))


def test_the_narrow_side_is_drawn_at_least_a_fifth_as_long_as_the_long_side():
    # 1° wide, 0.05° high: the height counts as 0.2°, so 384 px / 0.2° = 1920 px per degree (not 7680)
    flat = Frame.around([at("a", -0.025, 0.0), at("b", 0.025, 1.0)], 2000, 480, 36)
    assert flat.scale == pytest.approx(1920.0)
    # 0.05° wide, 1° high: the width counts as 0.2°, so 648 px / 0.2° = 3240 px per degree
    tall = Frame.around([at("a", -0.5, 0.0), at("b", 0.5, 0.05)], 720, 5000, 36)
    assert tall.scale == pytest.approx(3240.0)


def test_names_right_on_the_top_or_left_edge_are_drawn():
    from planner.geo.boundaries import Area, Division, Geography
    from planner.render.route_svg import _geography

    frame = Frame(kx=1.0, cx=0.5, cy=0.0, scale=1024.0, width=1096, height=480)  # x = 548 + (lon − 0.5)·1024
    ring = (np.array([[0.5, 0.0]]),)
    labels = [(0.0, 0.5 - 548 / 1024), (228 / 1024, 0.5), (0.0, 0.5 - 547.5 / 1024), (227.5 / 1024, 0.5)]
    cities = tuple(Area(Division(str(i), f"城{i}", "city", 0, 0), ring, label) for i, label in enumerate(labels))
    assert [frame.xy(*label) for label in labels] == [(0.0, 228.0), (548.0, 0.0), (0.5, 228.0), (548.0, 0.5)]
    names = [part for part in _geography(Geography(cities=cities), frame, False, 1096, 480) if 'fill="#5a5267"' in part]
    assert [n.split('fill="#5a5267">')[-1] for n in names] == ["城0</text>", "城1</text>", "城2</text>", "城3</text>"]


def test_the_scale_bar_rounds_down_a_fifth_of_the_width_just_short_of_5_km():
    from planner.render.route_svg import _scale_bar

    px_per_km = 140 / 4.99  # 140 px is 4.99 km: the bar is 2 km, 56.1 px
    assert _scale_bar(px_per_km * 111.195, 1.0, 480).endswith('<text x="76.1" y="472" font-size="12" fill="#333">2 km</text>')


def test_a_place_passed_through_is_a_small_unlabelled_dot_in_its_groups_colour():
    """A meal or a transfer's arrival at a site is no numbered stop: it must not print "None" on the map."""
    route = Route("a", "第一组", "#d62728", points=[HOTEL_SITE, FACTORY])
    svg = route_svg(RouteMap("T", Scope(), [route], [Marker(FACTORY, STOP, None, ["a"])]), with_geography=False)
    assert "None" not in svg
    assert '<circle cx="684.0" cy="66.0" r="5" fill="#d62728" stroke="#fff" stroke-width="1.5"/>' in svg
