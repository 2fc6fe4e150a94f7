"""The handbook's HTML section by section on the hand-worked tour of small_tour.py: cover, contents, notes,
overview, each group's days, teaching sites, contacts and problems, in both editions."""

import datetime as dt

import pytest

from planner.render.handbook import (HandbookOptions, handbook_file_name, handbook_html, section_anchors,
                                     strip_phones)
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.planner.render.small_tour import MON, three_day_tour

BREAK = '<p style="page-break-after: always;"></p>'
HEAD = '<html><head><meta charset="utf-8"/></head><body>'
PRINTED = dt.date(2025, 2, 1)
COLUMNS = ('<tr><th width="13%">时间</th><th width="24%">内容</th><th width="10%">形式</th><th width="19%">地点</th>'
           '<th width="11%">带队/讲解</th><th width="11%">联系人</th><th width="12%">备注</th></tr></thead>')
GRID = '<table class="grid" width="100%" cellspacing="0"><thead>'
EMPTY = "<td>&nbsp;</td>"


def pages(edition="staff", **options):
    t = three_day_tour(organizer="某党校", notes="第一条\n\n  第二条  ", revision="第3版")
    html = handbook_html(schedule(t), HandbookOptions(edition=edition, print_date=PRINTED, **options))
    assert html.startswith(HEAD) and html.endswith("</body></html>")
    return html[len(HEAD):-len("</body></html>")].split(BREAK)


def contents(titles, numbers=None):
    numbers = numbers or [""] * len(titles)
    rows = "".join(f'<tr><td width="85%">{t}</td><td align="right">{n}</td></tr>' for t, n in zip(titles, numbers))
    return f'<h2><a name="contents">目录</a></h2><table width="100%" cellpadding="4">{rows}</table>'


STAFF_TITLES = ["须知", "日程总览", "第一组 行程", "第二组 行程", "住宿安排", "教学点简介", "通讯录", "待处理问题"]


def test_cover_and_contents_of_the_staff_edition():
    cover, toc, *_ = pages()
    assert cover == ('<p style="margin-top: 160px;"></p><h1>测试</h1><p class="cover">行 程 手 册（工作人员版）</p>'
                     '<p class="cover"><br/>某党校</p><p class="cover">2025年2月23日 至 2月28日</p>'
                     '<p class="cover muted"><br/><br/>版本 第3版 · 打印日期 2025-02-01</p>')
    assert toc == contents(STAFF_TITLES)


def test_the_participant_edition_has_no_problems_section_and_contents_get_their_page_numbers():
    numbers = {"notes": 3, "overview": 4, "group-a": 5, "group-b": 7, "hotels": 8, "sites": 9, "contacts": 10,
               "daily": 11, "problems": 99}
    cover, toc, *rest = pages("participant", toc_pages=numbers, daily=True)
    assert '<p class="cover">行 程 手 册（学员版）</p>' in cover
    titles = [t for t in STAFF_TITLES if t != "待处理问题"] + ["每日行程单"]
    assert toc == contents(titles, [3, 4, 5, 7, 8, 9, 10, 11])
    assert '<a name="problems">' not in "".join(rest)
    assert '<h2><a name="daily">每日行程单</a></h2>' in rest[-1]


def test_a_tour_without_revision_organizer_or_notes():
    t = tour(group("a", day(MON), name="甲"), sites=[])
    html = handbook_html(schedule(t), HandbookOptions(print_date=PRINTED))
    assert '<p class="cover muted"><br/><br/>打印日期 2025-02-01</p>' in html
    assert '<p class="cover"><br/></p>' in html
    assert f'<h2><a name="notes">须知</a></h2><p>（无）</p>{BREAK}' in html


def test_notes_one_paragraph_per_line_and_the_overview_by_date_and_group():
    _, _, notes, overview, *_ = pages()
    assert notes == '<h2><a name="notes">须知</a></h2><p>第一条</p><p>  第二条</p>'
    rows = [("2月23日（周日）", "", ""),
            ("2月24日（周一）", '甲厂 → 乙园<br/><span class="muted">住：酒店</span>', ""),
            ("2月25日（周二）", '<br/><span class="muted">住：上海酒店</span>', ""),  # a rail day visits nothing
            ("2月26日（周三）", '<br/><span class="muted">住：杭州东站</span>', ""),
            ("2月27日（周四）", "", ""), ("2月28日（周五）", "", "")]
    assert overview == ('<h2><a name="overview">日程总览</a></h2>' + GRID + '<tr><th>日期</th><th>第一组</th>'
                        '<th>第二组</th></tr></thead>'
                        + "".join(f"<tr><td>{d}</td><td>{a}</td><td>{b}</td></tr>" for d, a, b in rows) + "</table>")


def test_a_groups_days_with_legs_activities_and_the_night():
    group_a = pages()[4]
    assert group_a == (
        '<h2><a name="group-a">第一组 行程</a></h2><p><b>路线：</b>杭州市西湖区 → 杭州市余杭区</p>'
        # 59.9 km in all; only the model's 36-min ride back counts as coach time (the others are known)
        '<p><b>现场教学</b> 2 场 · <b>行车</b> 60 公里 · <b>车程</b> 36分钟</p>'
        '<p><img src="route-a" width="640" height="426"/></p><p>人数 12 人</p>'
        + GRID + '<tr><td class="dayhead" colspan="7">2月24日（周一）　08:00 从 酒店 出发</td></tr><tr>' + COLUMNS[4:]
        + '<tr><td class="leg">08:00–08:30</td><td class="leg" colspan="6">乘车（已知时长） 30 分钟（约 20 公里）→ 甲厂</td></tr>'
        '<tr><td>08:30–10:00</td><td>甲厂</td><td>现场教学</td><td>甲厂</td><td>张工</td><td>王经理 13912345678</td>'
        + EMPTY + '</tr>'
        '<tr><td>11:30–12:30</td><td>午餐</td><td>用餐</td><td>甲厂</td>' + EMPTY * 3 + '</tr>'
        '<tr><td class="leg">12:30–13:10</td><td class="leg" colspan="6">乘车（已知时长） 40 分钟（约 25 公里）→ 乙园</td></tr>'
        '<tr><td>13:10–14:10</td><td>参观乙园</td><td>现场教学</td><td>乙园</td>' + EMPTY * 2 + '<td>带证件</td></tr>'
        '<tr><td>14:46</td><td colspan="6">乘车 36 分钟（约 14 公里）→ 酒店</td></tr></table><p></p>'
        + GRID + '<tr><td class="dayhead" colspan="7">2月25日（周二）　08:00 从 酒店 出发</td></tr><tr>' + COLUMNS[4:]
        + '<tr><td class="leg">08:00–08:20</td><td class="leg" colspan="6">乘车（已知时长） 20 分钟（约 0 公里）→ 杭州东站</td></tr>'
        # at the station by 08:20; the train 30 minutes later, once the class has boarded
        '<tr><td class="leg">08:20–08:50</td><td class="leg" colspan="6">候车 30 分钟 · 杭州东站</td></tr>'
        '<tr><td>08:50–10:00</td><td>上海虹桥站（G7311）</td><td>高铁</td><td>上海虹桥站</td>' + EMPTY * 3 + '</tr>'
        '<tr><td>10:00–10:30</td><td>上海酒店</td><td>大巴</td><td>上海酒店</td>' + EMPTY * 3 + '</tr>'
        '<tr><td>10:30</td><td colspan="6">上海酒店</td></tr></table><p></p>'
        + GRID + '<tr><td class="dayhead" colspan="7">2月26日（周三）</td></tr><tr>' + COLUMNS[4:]
        + '<tr><td>08:00–09:00</td>' + EMPTY + '<td>自由活动</td>' + EMPTY * 4 + '</tr>'
        '<tr><td>09:00</td><td colspan="6">杭州东站</td></tr></table><p></p>')


def test_a_group_with_nothing_planned_prints_four_columns_and_says_so():
    group_b = pages(image_width=300)[5]
    assert group_b == (
        '<h2><a name="group-b">第二组 行程</a></h2><p><b>现场教学</b> 0 场 · <b>行车</b> 0 公里 · <b>车程</b> 0分钟</p>'
        '<p><img src="route-b" width="300" height="200"/></p><p>人数 5 人</p>'
        + GRID + '<tr><td class="dayhead" colspan="4">2月24日（周一）　08:00 从 酒店 出发</td></tr>'
        '<tr><th width="13%">时间</th><th width="58%">内容</th><th width="10%">形式</th><th width="19%">地点</th></tr>'
        '</thead><tr><td colspan="4">当天未安排活动</td></tr><tr><td>08:00</td><td colspan="3">酒店</td></tr></table>'
        '<p></p>')


def test_teaching_sites_contacts_and_no_problems():
    *_, sites, contacts, problems = pages()
    assert sites == ('<h2><a name="sites">教学点简介</a></h2><h3>甲厂</h3>'
                     '<p class="muted">浙江省杭州市西湖区 · 企业 · 数字经济</p><p>地址：文一路1号</p><p>甲厂简介</p>'
                     '<h3>乙园</h3><p class="muted">浙江省杭州市余杭区 · 园区</p><p></p>')
    assert contacts == ('<h2><a name="contacts">通讯录</a></h2>' + GRID + '<tr><th>分组</th></tr></thead>'
                        '<tr><td>第一组</td></tr><tr><td>第二组</td></tr></table><h3>教学点联系人</h3>' + GRID
                        + '<tr><th>教学点</th><th>联系人</th></tr></thead><tr><td>甲厂</td><td>王经理 13912345678</td>'
                        '</tr></table>')
    assert problems == '<h2><a name="problems">待处理问题</a></h2><p>没有错误或警告。</p>'


def test_participants_see_no_phone_numbers_and_no_host_contacts():
    everything = "".join(pages("participant"))
    assert "13912345678" not in everything and "教学点联系人" not in everything
    assert "<td>张工</td><td>王经理</td>" in everything


def test_problems_list_errors_and_warnings_but_not_info():
    t = tour(group("a", day(MON, visit("x"), end=None), name="第一组"),
             group("b", day(MON, visit("x", minutes=600)), name="第二组"),
             sites=[site("x", "甲<厂>", closed_weekdays=[1])])
    result = schedule(t)
    html = handbook_html(result, HandbookOptions(print_date=PRINTED))
    shown = [p for p in result.problems if p.severity.value != "info"]
    assert [p.code for p in shown] == ["closed-weekday", "closed-weekday", "over-capacity-groups", "no-lunch"]
    expected = "".join(f'<p><span class="{"err" if p.code != "no-lunch" else "warn"}">'
                       f'[{"错误" if p.code != "no-lunch" else "警告"}]</span> '
                       f'{p.message().replace("<", "&lt;").replace(">", "&gt;")}</p>' for p in shown)
    assert html.endswith(f'{BREAK}<h2><a name="problems">待处理问题</a></h2>{expected}</body></html>')
    assert "甲&lt;厂&gt;" in html and "甲<厂>" not in html
    # no hotel for 第一组's night: its overview cell names the visit only
    assert ('<tr><td>2月24日（周一）</td><td>甲&lt;厂&gt;</td>'
            '<td>甲&lt;厂&gt;<br/><span class="muted">住：酒店</span></td></tr>') in html


def chosen_groups_tour():
    """乙组: 甲厂 and 乙厂 (杭州市, at the hotel), lunch at 湖州 (not a visit), then 丙所 (嘉兴市) 0.1° north:
    the model's 36 min (14.5 km) each way. 甲组 has no headcount, 乙组 a leader and a coach from the roster."""
    people = {"vehicles": [{"id": "c1", "group": "b", "plate": "浙A12345", "driver": "刘师傅",
                            "driver_phone": "13800001111", "phone_shared": False}]}
    return tour(group("a", day(MON, visit("x"), {"kind": "transfer", "site": "y", "minutes": 30}), name="甲组",
                      headcount=0),
                {**group("b", {**day(MON, visit("x", presenter="李老师", joint="J"), visit("y"),
                                     {"kind": "meal", "site": "w"}, visit("z")), "tips": {"dress": "正装"}},
                         name="乙组", headcount=20), "leader": "张三", "contact": "13900002222"},
                sites=[site("x", "甲厂", contact="王 0571-88881234", city="杭州市", county="杭州市",
                            topics=["数字经济", "产业发展"]),
                       site("y", "乙厂", city="杭州市", county="杭州市", contact="赵主任"), site("w", "湖州饭店", city="湖州市"),
                       site("z", "丙所", city="嘉兴市", at=(30.37, 120.15))], people=people)


def test_chosen_groups_only_and_what_their_tables_show():
    result = schedule(chosen_groups_tour())
    html = handbook_html(result, HandbookOptions(groups=["b"], print_date=PRINTED))
    assert "<th>甲组</th>" not in html and '<a name="group-a">' not in html and "<td>甲组</td>" not in html
    assert '<p><b>路线：</b>杭州市 → 嘉兴市</p>' in html  # lunch in 湖州 is no stop of the route
    assert "<p>人数 20 人 · 带队 张三 13900002222 · 车辆 浙A12345 刘师傅 13800001111</p>" in html
    assert '<tr><td colspan="7"><b>每日提示</b>　着装 正装</td></tr>' in html
    assert ('<tr><td>08:00–09:00</td><td>甲厂</td><td>现场教学</td><td>甲厂</td><td>李老师</td>'
            '<td>王 0571-88881234</td><td>（联合）</td></tr>') in html
    assert ('<tr><td class="leg">12:30–13:06</td><td class="leg" colspan="6">乘车 36 分钟（约 14 公里）→ 丙所</td></tr>'
            ) in html
    assert '<tr><td>14:42</td><td colspan="6">乘车 36 分钟（约 14 公里）→ 酒店</td></tr>' in html
    assert section_anchors(result, HandbookOptions(groups=["b"], daily=True)) == [
        "notes", "overview", "group-b", "hotels", "coaches", "staff", "sites", "contacts", "problems", "daily"]
    assert section_anchors(result, HandbookOptions(edition="participant")) == [
        "notes", "overview", "group-a", "group-b", "hotels", "coaches", "staff", "sites", "contacts"]
    contacts = html[html.index('<a name="contacts">'):]
    assert '<th>分组</th><th>带队及电话</th><th>车辆</th></tr></thead><tr><td>乙组</td>' in contacts
    assert ">张三 13900002222</td>" in contacts and ">浙A12345 刘师傅 13800001111</td></tr></table>" in contacts
    assert ('<tr><th>教学点</th><th>联系人</th></tr></thead><tr><td>甲厂</td><td>王 0571-88881234</td></tr>'
            '<tr><td>乙厂</td><td>赵主任</td></tr></table>') in contacts
    assert '<p class="muted">杭州市杭州市 · 企业 · 数字经济、产业发展</p>' in html
    participant = handbook_html(result, HandbookOptions(edition="participant", groups=["b"]))
    assert "<td>李老师</td><td>王</td>" in participant
    contacts = participant[participant.index('<a name="contacts">'):]
    assert ">张三</td>" in contacts and ">浙A12345 刘师傅</td></tr></table>" in contacts
    assert "<p>人数 20 人 · 带队 张三 · 车辆 浙A12345 刘师傅</p>" in participant


def test_a_group_without_headcount_or_leader_prints_no_roster_line():
    html = handbook_html(schedule(chosen_groups_tour()), HandbookOptions(groups=["a"], print_date=PRINTED))
    group_a = html[html.index('<a name="group-a">'):html.index('<table class="grid"', html.index('<a name="group-a">'))]
    assert group_a.endswith('<p><img src="route-a" width="640" height="426"/></p>')
    assert "人数" not in group_a
    assert '<tr><td>09:00–09:30</td><td>乙厂</td><td>交通</td><td>乙厂</td><td>&nbsp;</td></tr>' in html  # no mode


def test_a_tour_without_teaching_sites_says_so():
    t = tour(group("a", day(MON, {"kind": "lecture", "site": "hotel", "title": "开班式"})), sites=[])
    html = handbook_html(schedule(t), HandbookOptions(print_date=PRINTED))
    assert f'<h2><a name="sites">教学点简介</a></h2><p>（本次行程没有现场教学点）</p>{BREAK}' in html


@pytest.mark.parametrize(("text", "stripped"), [
    ("王经理 13912345678", "王经理"), ("李 0571-88881234", "李"), ("孙 0571 8888 1234 / 8888-4321", "孙"),
    ("电话：(0571) 8888-1234，", "电话"), ("赵主任", "赵主任"), ("X光室 13912345678", "X光室"),
    ("房间 12", "房间 12")])
def test_phone_numbers_are_stripped_with_their_separators(text, stripped):
    assert strip_phones(text) == stripped


def test_each_edition_has_its_own_file_name():
    assert handbook_file_name("浙江/研学", "staff") == "浙江_研学-行程手册-工作人员版.pdf"
    assert handbook_file_name("浙江研学", "participant") == "浙江研学-行程手册-学员版.pdf"


def test_the_daily_sheets_follow_the_chosen_groups_and_the_edition():
    result = schedule(chosen_groups_tour())
    html = handbook_html(result, HandbookOptions(groups=["b"], daily=True))
    daily = html[html.index('<h2><a name="daily">每日行程单</a></h2>'):]
    assert "乙组 · 2月24日（周一）" in daily and "甲组 · " not in daily
    assert "带队：张三 13900002222" in daily
    participant = handbook_html(result, HandbookOptions(edition="participant", groups=["b"], daily=True))
    daily = participant[participant.index('<h2><a name="daily">每日行程单</a></h2>'):]
    assert "带队：张三" in daily and "13900002222" not in daily
