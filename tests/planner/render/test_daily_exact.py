"""Daily sheets (每日行程单), exactly, for small tours whose times, legs and contacts are known by hand."""

import datetime as dt

from planner.render.daily import daily_html, daily_page, daily_pages
from planner.schedule.scheduler import schedule
from tests.builders import visit
from tests.planner.render.h22_tours import one_visit_tour, roster_tour

MON = dt.date(2025, 2, 24)
HEAD = ('<table class="grid" width="100%" cellspacing="0"><thead><tr>'
        '<th width="24%" style="font-size: 12.5pt;">时间</th><th width="52%" style="font-size: 12.5pt;">内容</th>'
        '<th width="24%" style="font-size: 12.5pt;">形式 / 地点</th></tr></thead>')


def big_row(when, text):
    return (f'<tr><td style="font-size: 15pt; white-space: nowrap;"><b>{when}</b></td>'
            f'<td colspan="2" style="font-size: 12.5pt;">{text}</td></tr>')


def leg_row(when, text):
    return (f'<tr><td style="font-size: 10.5pt; color: #555; white-space: nowrap;">{when}</td>'
            f'<td colspan="2" style="font-size: 10.5pt; color: #555;">{text}</td></tr>')


def activity_row(when, what, detail, kind, place):
    return (f'<tr><td style="font-size: 15pt; white-space: nowrap;"><b>{when}</b></td>'
            f'<td style="font-size: 15pt;"><b>{what}</b>{detail}</td>'
            f'<td style="font-size: 12.5pt;">{kind}<br/>{place}</td></tr>')


def small(text):
    return f'<br/><span style="font-size: 10.5pt; color: #333;">{text}</span>'


def line(text):
    return f'<p style="font-size: 12.5pt; margin-top: 0px; margin-bottom: 0px;">{text}</p>'


CONTACTS = '<p style="font-size: 15pt; margin-top: 8px;"><b>联系电话</b></p>'


def test_a_one_visit_day_prints_exactly():
    s = schedule(one_visit_tour())
    plan = s.plan("g1", MON)
    rows = (big_row("08:00", "从 酒店 出发")
            + leg_row("08:00–08:30", "乘车（已知时长） 30 分钟（约 20 公里）→ 甲企业")
            + activity_row("08:30–09:30", "参观&lt;展厅&gt;", small("联系：李经理&nbsp;0571&#8209;8888&nbsp;1234"),
                           "现场教学", "甲企业")
            + leg_row("09:30–09:55", "乘车（已知时长） 25 分钟（约 18 公里）→ 酒店")
            + big_row("09:55", "抵达 酒店"))
    assert daily_page(s, s.tour.group("g1"), plan) == (
        '<p style="font-size: 10.5pt; color: #555;">测试</p>'
        '<p style="font-size: 20pt; font-weight: bold; margin-top: 2px; margin-bottom: 2px;">'
        '<span style="color: #1f77b4;">■</span> 第一组 · 2月24日（周一）</p>'
        '<p style="font-size: 12.5pt; margin-bottom: 8px;">每日行程单 · 12 人 · 车程 55分钟（约 38 公里）</p>'
        + HEAD + rows + "</table>"
        '<p style="font-size: 15pt; margin-top: 10px;"><b>今晚住宿：</b>酒店</p>'
        + CONTACTS + line("甲企业：李经理&nbsp;0571&#8209;8888&nbsp;1234"))


def rich_tour():
    return schedule(roster_tour())


def test_the_participant_edition_shows_only_shared_phones_and_every_contact_once():
    s = rich_tour()
    page = daily_page(s, s.tour.group("g1"), s.plan("g1", MON), edition="participant")
    assert '<p style="font-size: 12.5pt; margin-bottom: 8px;">每日行程单 · 2 人 · 车程 1小时25分（约 55 公里）</p>' in page
    assert ('<p style="font-size: 15pt; margin-bottom: 4px;"><b>集合：</b>07:50 酒店大堂 &nbsp;·&nbsp; '
            '<b>着装：</b>正装</p>' + HEAD) in page
    assert activity_row("08:30–09:30", "甲企业", small("讲解：张讲解") + small("联系：李经理"), "现场教学", "") in page
    assert activity_row("11:30–12:30", "甲企业", "", "用餐", "") in page
    assert activity_row("13:10–14:40", "乙园区", small("带身份证"), "现场教学", "") in page
    assert ('<p style="font-size: 15pt; margin-top: 10px;"><b>今晚住宿：</b>酒店'
            '<span style="font-size: 12.5pt;">　地址：湖滨路2号</span></p>') in page
    sep = " &nbsp;·&nbsp; "
    assert (CONTACTS + line("带队：王领队 13912345678" + sep + "带队：陈老师 ")
            + line("车辆：浙A12345&nbsp;赵师傅&nbsp;13800001111" + sep + "甲企业：李经理")
            + line("酒店：前台" + sep + "医护：周护士 ") + line("医护：刘医生 ")
            + line("紧急：急救中心 120；值班室 0571&#8209;8765&nbsp;4321")
            + '<p style="font-size: 15pt; margin-top: 12px;"><b>提示与备注</b></p>'
            '<p style="font-size: 12.5pt;">· 带身份证</p>') in page
    assert page.endswith("· 带身份证</p>")


def test_the_staff_edition_shows_every_phone():
    s = rich_tour()
    page = daily_page(s, s.tour.group("g1"), s.plan("g1", MON))
    sep = " &nbsp;·&nbsp; "
    assert (CONTACTS + line("带队：王领队 13912345678" + sep + "带队：陈老师 13700000000")
            + line("车辆：浙A12345&nbsp;赵师傅&nbsp;13800001111" + sep
                   + "甲企业：李经理&nbsp;0571&#8209;8888&nbsp;1234")
            + line("酒店：前台&nbsp;0571&#8209;1234&nbsp;5678" + sep + "医护：周护士 13500000000")
            + line("医护：刘医生 13600000000")) in page
    assert small("联系：李经理&nbsp;0571&#8209;8888&nbsp;1234") in page


def test_a_host_visited_twice_is_listed_once_and_no_headcount_means_no_size():
    t = one_visit_tour()
    g = t.groups[0]
    g.headcount = 0
    g.days[0].activities.append(g.days[0].activities[0].model_validate({"kind": "discussion", "site": "a"}))
    s = schedule(t)
    page = daily_page(s, g, s.plan("g1", MON))
    assert '<p style="font-size: 12.5pt; margin-bottom: 8px;">每日行程单 · 车程 55分钟（约 38 公里）</p>' in page
    assert page.count("甲企业：李经理") == 1
    assert page.endswith(CONTACTS + line("甲企业：李经理&nbsp;0571&#8209;8888&nbsp;1234"))


def test_a_day_with_only_emergency_numbers_still_lists_them():
    t = one_visit_tour(people={"emergency": [{"name": "急救中心", "phone": "120"}]})
    t.site("a").contact = ""
    s = schedule(t)
    page = daily_page(s, t.groups[0], s.plan("g1", MON))
    assert page.endswith(CONTACTS + line("紧急：急救中心 120"))


def test_a_day_without_contacts_has_no_contact_heading():
    t = one_visit_tour()
    t.site("a").contact = ""
    s = schedule(t)
    assert "联系电话" not in daily_page(s, t.groups[0], s.plan("g1", MON))


def _two_groups_two_days():
    t = one_visit_tour()
    g = t.groups[0].model_dump(mode="json")
    g2 = {**g, "id": "g2", "name": "第二组",
          "days": [{**g["days"][0], "date": "2025-02-25", "activities": [visit("a", id="x1")]},
                   {**g["days"][0], "date": "2025-02-24", "activities": [visit("a", id="x2")]}]}
    g["days"].append({"date": "2025-02-26", "start": "hotel", "end": "hotel", "activities": []})
    return schedule(t.model_validate({**t.model_dump(mode="json"), "groups": [g, g2]}))


def test_pages_run_group_by_group_day_by_day_each_after_a_page_break():
    s = _two_groups_two_days()
    pages = daily_pages(s)
    brk = '<p style="font-size: 10.5pt; color: #555; page-break-before: always;">测试</p>'
    assert pages.startswith('<p style="font-size: 10.5pt; color: #555;">测试</p>')
    assert pages.count(brk) == 2  # three pages: g1 on the 24th (the empty 26th has none), g2 on 24th and 25th
    titles = [t.split("</p>")[0] for t in pages.split("</span> ")[1:]]
    assert titles == ["第一组 · 2月24日（周一）", "第二组 · 2月24日（周一）", "第二组 · 2月25日（周二）"]
    only = daily_pages(s, ["g2"])
    assert only.count("</span> 第二组 · ") == 2 and "第一组" not in only
    assert only.startswith('<p style="font-size: 10.5pt; color: #555;">测试</p>')


def test_the_html_document_wraps_the_pages():
    s = _two_groups_two_days()
    assert daily_html(s, ["g1"], "participant") == (
        '<html><head><meta charset="utf-8"/></head><body>'
        + daily_pages(s, ["g1"], "participant") + "</body></html>")
    assert "0571&#8209;8888" not in daily_html(s, ["g1"], "participant")
    assert "0571&#8209;8888" in daily_html(s, ["g1"])


def test_an_activity_of_no_minutes_shows_one_time_not_a_range():
    t = one_visit_tour()
    t.groups[0].days[0].activities[0].minutes = 0
    s = schedule(t)
    page = daily_page(s, t.groups[0], s.plan("g1", MON))
    assert activity_row("08:30", "参观&lt;展厅&gt;", small("联系：李经理&nbsp;0571&#8209;8888&nbsp;1234"),
                        "现场教学", "甲企业") in page


def test_notes_keep_their_spaces_and_a_drivers_private_phone_shows_for_staff():
    t = roster_tour()
    t.people.vehicles[0].phone_shared = False
    t.groups[0].days[0].activities[2].notes = "带身份证 - 原件"
    s = schedule(t)
    page = daily_page(s, t.groups[0], s.plan("g1", MON))
    assert activity_row("13:10–14:40", "乙园区", small("带身份证 - 原件"), "现场教学", "") in page
    assert "车辆：浙A12345&nbsp;赵师傅&nbsp;13800001111" in page
    shared = daily_page(s, t.groups[0], s.plan("g1", MON), edition="participant")
    assert "车辆：浙A12345&nbsp;赵师傅" + " &nbsp;·&nbsp; " in shared


def test_a_day_that_starts_nowhere_has_no_set_off_row():
    t = one_visit_tour()
    t.groups[0].days[0].start = None
    s = schedule(t)
    page = daily_page(s, t.groups[0], s.plan("g1", MON))
    assert HEAD + activity_row("08:00–09:00", "参观&lt;展厅&gt;", small("联系：李经理&nbsp;0571&#8209;8888&nbsp;1234"),
                               "现场教学", "甲企业") in page
    assert "出发" not in page
