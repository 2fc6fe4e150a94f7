"""The phone share card's HTML, exactly, for small tours whose times and legs are known by hand."""

import datetime as dt

import pytest

from planner.render.share_card import MAP_H, MAP_W, card_html, on_colour
from planner.schedule.scheduler import schedule
from tests.builders import day, site
from tests.planner.render.h22_tours import one_visit_tour, two_visit_tour

MON = dt.date(2025, 2, 24)


def row(when, what, colour, size, place="", bold=False):
    sub = (f'<br/><span style="font-size: {size - 8}px; color: #555555; font-weight: normal;">{place}</span>'
           if place else "")
    return (f'<tr><td width="30%" style="font-size: {size}px; color: {colour}; white-space: nowrap;">{when}</td>'
            f'<td style="font-size: {size}px; color: {colour}; font-weight: {"bold" if bold else "normal"};">'
            f'{what}{sub}</td></tr>')


def card(bg, header, parts):
    return ('<html><body>'
            f'<table width="100%" cellspacing="0" cellpadding="48" bgcolor="{bg}"><tr><td>{header}</td></tr></table>'
            f'<table width="100%" cellspacing="0" cellpadding="48"><tr><td>{parts}</td></tr></table>'
            '</body></html>')


IMG = '<p><img src="route" width="984" height="656"/></p>'
FOOT = '<p style="font-size: 22px; color: #999999; margin-top: 30px;">研学行程 · Study-Tour Planner'


def test_map_is_the_card_width_less_margins_and_two_thirds_as_tall():
    assert (MAP_W, MAP_H) == (984, 656)


@pytest.mark.parametrize("colour, ink", [
    ("#000000", "#ffffff"), ("#ffffff", "#111111"), ("#1f77b4", "#ffffff"), ("#ff0000", "#ffffff"),
    ("#00ff00", "#111111"), ("#0000ff", "#ffffff"), ("#00b000", "#ffffff"), ("#b0b0b0", "#111111"),
    ("#a0a0a0", "#ffffff"), ("#ffff00", "#111111"), ("#ff00ff", "#ffffff"), ("#00ffff", "#111111"),
    ("#0a0a0a", "#ffffff"), ("#d0b000", "#111111"), ("#a9a9a9", "#ffffff"), ("#aaaaaa", "#111111"),
    ("#07c50a", "#ffffff"), ("#08c508", "#111111")])  # a hair under / over the threshold with a channel in the
#   linear segment (c <= 0.03928): only the exact WCAG formula puts them on the right side
def test_text_is_white_on_dark_colours_and_near_black_on_light_ones(colour, ink):
    assert on_colour(colour) == ink


def test_a_days_card_shows_its_timeline_exactly():
    s = schedule(one_visit_tour())
    g = s.tour.group("g1")
    header = ('<p style="font-size: 28px; color: #ffffff;">测试</p>'
              '<p style="font-size: 60px; font-weight: bold; color: #ffffff; margin-top: 6px;">第一组</p>'
              '<p style="font-size: 34px; color: #ffffff;">2月24日（周一） · 12 人</p>')
    rows = (row("08:00", "从 酒店 出发", "#555555", 30)
            + row("08:00–08:30", "乘车（已知时长） 30 分钟（约 20 公里）→ 甲企业", "#777777", 26)
            + row("08:30–09:30", "参观&lt;展厅&gt;", "#111111", 36, place="甲企业", bold=True)
            + row("09:30–09:55", "乘车（已知时长） 25 分钟（约 18 公里）→ 酒店", "#777777", 26)
            + row("09:55", "抵达 酒店", "#333333", 30))
    day_part = ('<p style="font-size: 40px; font-weight: bold; color: #1f77b4; margin-top: 28px; '
                'margin-bottom: 8px;">2月24日（周一）</p>'
                f'<table width="100%" cellspacing="0" cellpadding="10">{rows}</table>'
                '<p style="font-size: 30px; margin-top: 6px;">今晚住宿：酒店</p>')
    assert card_html(s, g, MON) == card("#1f77b4", header, IMG + day_part + FOOT + "</p>")


def _route_tour():
    t = two_visit_tour(revision="第3版", people={
        "vehicles": [{"id": "v1", "group": "g1", "plate": "浙A12345", "driver": "赵师傅",
                      "driver_phone": "13800001111", "phone_shared": False}],
        "emergency": [{"name": "急救<中心>", "phone": "120"}]})
    g = t.groups[0]
    g.colour, g.leader, g.contact = "#ffeeaa", "王领队", "13912345678"
    g.days[0].tips.meet_at, g.days[0].tips.dress = "酒店大堂", "正装"
    t2 = t.model_validate({**t.model_dump(mode="json"),
                           "sites": [*t.model_dump(mode="json")["sites"], site("st", "杭州东站", kind="station")]})
    t2.groups[0].days.append(t2.groups[0].days[0].model_validate(
        day("2025-02-25", {"kind": "lecture", "minutes": 60, "title": "专题课"}, start=None, end="st")))
    return schedule(t2)


def test_a_whole_route_card_lists_each_days_places_and_where_the_night_is():
    s = _route_tour()
    g = s.tour.group("g1")
    header = ('<p style="font-size: 28px; color: #111111;">测试</p>'
              '<p style="font-size: 60px; font-weight: bold; color: #111111; margin-top: 6px;">第一组</p>'
              '<p style="font-size: 34px; color: #111111;">2月24日 – 2月25日 · 12 人 · 浙A12345 赵师傅</p>')
    days = ('<p style="font-size: 34px; font-weight: bold; color: #ffeeaa; margin-top: 22px; margin-bottom: 4px;">'
            '2月24日（周一）</p><p style="font-size: 30px;"><span style="color: #555555;">08:00 出发　</span>'
            '甲企业 → 乙园区<br/><span style="font-size: 26px; color: #555555;">住：酒店</span></p>'
            '<p style="font-size: 34px; font-weight: bold; color: #ffeeaa; margin-top: 22px; margin-bottom: 4px;">'
            '2月25日（周二）</p><p style="font-size: 30px;">（无现场教学）'
            '<br/><span style="font-size: 26px; color: #555555;">抵达：杭州东站</span></p>')
    tail = ('<p style="font-size: 30px; margin-top: 30px;">带队：王领队</p>'
            '<p style="font-size: 26px; color: #555555;">紧急：急救&lt;中心&gt; 120</p>'
            + FOOT + " · 版本 第3版</p>")
    assert card_html(s, g) == card("#ffeeaa", header, IMG + days + tail)


def test_the_staff_edition_card_shows_the_leaders_and_drivers_phones():
    s = _route_tour()
    html = card_html(s, s.tour.group("g1"), edition="staff")
    assert "· 12 人 · 浙A12345 赵师傅 13800001111</p>" in html
    assert '<p style="font-size: 30px; margin-top: 30px;">带队：王领队 13912345678</p>' in html


def test_a_days_card_shows_the_days_tips_above_its_timeline():
    s = _route_tour()
    html = card_html(s, s.tour.group("g1"), MON)
    assert ('margin-bottom: 8px;">2月24日（周一）</p>'
            '<p style="font-size: 30px; margin-bottom: 4px;"><b>集合：</b>酒店大堂</p>'
            '<p style="font-size: 30px; margin-bottom: 4px;"><b>着装：</b>正装</p>'
            '<table width="100%" cellspacing="0" cellpadding="10">') in html
    assert row("08:30–09:30", "甲企业", "#111111", 36, bold=True) in html  # place = what: not repeated
    assert row("11:30–12:30", "甲企业", "#111111", 36, bold=True) in html
    assert row("13:10–14:40", "乙园区", "#111111", 36, bold=True) in html
    assert "2月25日" not in html


def test_a_day_without_a_start_site_or_hotel_has_no_set_off_or_night_line():
    s = _route_tour()
    html = card_html(s, s.tour.group("g1"), dt.date(2025, 2, 25))
    assert ('<table width="100%" cellspacing="0" cellpadding="10">' + row("08:00–09:00", "专题课", "#111111", 36,
                                                                          bold=True)) in html
    assert "出发" not in html
    assert row("09:00", "抵达 杭州东站", "#333333", 30) + "</table>" in html
    assert '<p style="font-size: 30px; margin-top: 6px;">今晚住宿：杭州东站</p>' in html


def test_a_group_with_no_planned_day_gets_a_card_without_dates():
    s = schedule(one_visit_tour())
    g = s.tour.groups[0]
    g.days.clear()
    html = card_html(schedule(s.tour), g)
    assert '<p style="font-size: 34px; color: #ffffff;"> · 12 人</p>' in html


def test_an_activity_of_no_minutes_shows_one_time_not_a_range():
    t = one_visit_tour()
    t.groups[0].days[0].activities[0].minutes = 0
    s = schedule(t)
    html = card_html(s, t.groups[0], MON)
    assert row("08:30", "参观&lt;展厅&gt;", "#111111", 36, place="甲企业", bold=True) in html


def test_a_day_ending_nowhere_and_a_group_of_unknown_size_print_no_night_or_size():
    t = one_visit_tour()
    g = t.groups[0]
    g.headcount, g.days[0].end = 0, None
    s = schedule(t)
    day_card = card_html(s, g, MON)
    assert '<p style="font-size: 34px; color: #ffffff;">2月24日（周一）</p>' in day_card
    assert day_card.count("<tr>") == 2 + 3  # the two colour/body tables' rows; set off, coach, visit
    assert ('<table width="100%" cellspacing="0" cellpadding="10">' + row("08:00", "从 酒店 出发", "#555555", 30)
            + row("08:00–08:30", "乘车（已知时长） 30 分钟（约 20 公里）→ 甲企业", "#777777", 26)
            + row("08:30–09:30", "参观&lt;展厅&gt;", "#111111", 36, place="甲企业", bold=True)
            + "</table>" + FOOT) in day_card
    route = card_html(s, g)
    assert ('<p style="font-size: 34px; color: #ffffff;">2月24日 – 2月24日</p>' in route)
    assert ('<p style="font-size: 30px;"><span style="color: #555555;">08:00 出发　</span>甲企业</p>' + FOOT) in route
