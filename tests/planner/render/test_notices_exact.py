"""Host notices (接待通知单), exactly, for a small tour with a joint session and a two-item visit."""

import datetime as dt

from planner.render.notices import host_sites, notice_page, notices_html, unbroken, visits_table
from planner.render.site_visits import site_visits
from planner.schedule.scheduler import schedule
from tests.planner.render.h22_tours import joint_tour, one_visit_tour

PRINTED = dt.date(2025, 3, 1)


def _joint():
    t = joint_tour(organizer="省委组织部", revision="第3版", people={"staff": [
        {"id": "s1", "role": "leader", "name": "王领队", "phone": "139 1234 5678", "group": "g1"}]})
    return schedule(t)


def td(text, num=False):
    return f'<td class="num">{text}</td>' if num else f"<td>{text}</td>"


def test_a_hosts_notice_has_every_visit_with_groups_counts_leaders_and_presenters():
    s = _joint()
    head = ('<th width="13%">日期</th><th width="7%">到达</th><th width="7%">离开</th><th width="12%">分组</th>'
            '<th width="7%">人数</th><th width="20%">带队及联系方式</th><th width="24%">内容</th>'
            '<th width="10%">讲解</th>')
    joint = (td("2月24日（周一）", 1) + td("08:30", 1) + td("10:00", 1) + td("第一组、第二组<br/>（联合）")
             + td("42 人", 1) + td("王领队<br/>139&nbsp;1234&nbsp;5678（第一组）<br/>李领队（第二组）", 1)
             + td("座谈交流") + td("张主任"))
    alone = (td("2月25日（周二）", 1) + td("08:30", 1) + td("11:00", 1) + td("第二组") + td("30 人", 1)
             + td("李领队", 1) + td("现场教学<br/>座谈交流：产业座谈") + td("王讲解"))
    assert notice_page(s, "a", site_visits(s)["a"], PRINTED) == (
        "<h1>接 待 通 知 单</h1>"
        '<p class="site">甲企业：</p>'
        '<p class="body">省委组织部举办的“测试”拟安排学员到贵单位学习考察，共 2 批次、72 人次。具体安排如下，请予接待。</p>'
        f'<table class="grid" width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>'
        f"<tr>{joint}</tr><tr>{alone}</tr></table>"
        '<p class="body">希望重点介绍：数字经济、产业发展。</p>'
        '<p class="muted">地址：西湖路1号　贵单位联系人：李经理 0571-8888 1234</p>'
        '<p class="body">如时间有变动，我们将提前告知；如贵单位有不便，请及时与带队联系。</p>'
        '<p class="sign"><br/>省委组织部<br/>2025年3月1日（版本 第3版）</p>')


def test_columns_empty_in_every_row_are_left_out_and_the_widths_rescaled():
    s = schedule(one_visit_tour())
    visits = site_visits(s)["a"]
    assert visits_table(visits) == (
        '<table class="grid" width="100%" cellspacing="0"><thead><tr>'
        '<th width="18%">日期</th><th width="10%">到达</th><th width="10%">离开</th><th width="17%">分组</th>'
        '<th width="10%">人数</th><th width="34%">内容</th></tr></thead>'
        "<tr>" + td("2月24日（周一）", 1) + td("08:30", 1) + td("09:30", 1) + td("第一组") + td("12 人", 1)
        + td("现场教学：参观&lt;展厅&gt;") + "</tr></table>")


def test_a_plain_notice_names_the_course_office_and_only_the_facts_known():
    t = one_visit_tour()
    t.site("a").contact = ""
    s = schedule(t)
    page = notice_page(s, "a", site_visits(s)["a"], dt.date(2025, 12, 9))
    assert '<p class="body">培训班举办的“测试”拟安排学员到贵单位学习考察，共 1 批次、12 人次。' in page
    assert '<p class="muted">地址：西湖路1号</p>' in page
    assert "希望重点介绍" not in page
    assert page.endswith('<p class="sign"><br/>培训班<br/>2025年12月9日</p>')
    t.site("a").address = ""
    page = notice_page(s, "a", site_visits(s)["a"], PRINTED)
    assert 'class="muted"' not in page


def test_the_document_has_a_page_per_visited_site_in_the_order_they_are_first_visited():
    s = _joint()
    assert host_sites(s) == ["a", "b"]
    html = notices_html(s, print_date=PRINTED)
    pages = [notice_page(s, sid, site_visits(s)[sid], PRINTED) for sid in ("a", "b")]
    assert html == ('<html><head><meta charset="utf-8"/></head><body>'
                    + '<p style="page-break-after: always;"></p>'.join(pages) + "</body></html>")
    assert '<p class="site">乙园区：</p>' in pages[1] and "共 1 批次、12 人次" in pages[1]


def test_sites_and_groups_can_be_chosen():
    s = _joint()
    only_b = notices_html(s, ["b"], PRINTED)
    assert "乙园区：" in only_b and "甲企业：" not in only_b and "page-break" not in only_b
    g2 = notices_html(s, print_date=PRINTED, groups=["g2"])
    assert "乙园区" not in g2 and "共 2 批次、60 人次" in g2 and "第一组" not in g2


def test_without_a_print_date_the_notice_is_signed_today():
    s = _joint()
    today = dt.date.today()
    assert f"<br/>{today.year}年{today.month}月{today.day}日（版本 第3版）</p>" in notices_html(s, ["b"])


def test_phone_numbers_never_break_inside():
    assert unbroken("0571-8888 1234 <b>") == "0571&#8209;8888&nbsp;1234&nbsp;&lt;b&gt;"


def test_every_presenter_of_a_visit_is_named_once():
    t = joint_tour()
    t.groups[1].days[1].activities[1].presenter = "赵教授"
    s = schedule(t)
    assert "<td>王讲解、赵教授</td></tr></table>" in notice_page(s, "a", site_visits(s)["a"], PRINTED)
