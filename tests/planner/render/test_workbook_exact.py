"""The Excel workbook of a small tour, read back with openpyxl: every cell, style, width and print setting."""

import datetime as dt
import io

import openpyxl
import pytest

from planner.model.clock import TimeSpan
from planner.render.workbook import clock, sheet_name, workbook_bytes
from planner.schedule.scheduler import schedule
from tests.builders import site, visit
from tests.planner.render.h22_tours import joint_tour, one_visit_tour, roster_tour

STAMP = dt.datetime(2025, 3, 1, 9, 30)
D24 = dt.datetime(2025, 2, 24)
T = dt.time


def _tour():
    t = roster_tour(organizer="省委组织部", revision="第3版")
    a, b = t.site("a"), t.site("b")
    a.closed_on_holidays = True
    t.people.vehicles[0].phone_shared = False  # the office still sees the driver's phone
    b.hours = [TimeSpan(start="08:00", end="12:00"), TimeSpan(start="13:00", end="17:30")]
    b.closed_weekdays, b.closed_on_holidays, b.max_groups, b.max_people = [6, 7], True, 2, 50
    b.province, b.city, b.county, b.topics = "浙江省", "杭州市", "西湖区", ["数字经济", "产业发展"]
    return t


def book(t, **kw):
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(t), stamp=STAMP, **kw)))


@pytest.fixture(scope="module")
def staff_book():
    return book(_tour())


@pytest.fixture(scope="module")
def participant_book():
    return book(_tour(), edition="participant")


def rows(ws, first):
    return [r for r in ws.iter_rows(min_row=first, values_only=True)]


def heights(ws):
    return {k: v.height for k, v in ws.row_dimensions.items() if v.height}


def widths(ws, n):
    return [ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width for i in range(1, n + 1)]


def test_the_sheets_in_order_and_the_files_properties(staff_book, participant_book):
    assert staff_book.sheetnames == ["总览", "第一组", "名单", "住宿", "车辆", "工作人员", "紧急联系", "教学点", "问题"]
    assert participant_book.sheetnames == ["总览", "第一组", "名单", "住宿", "车辆", "工作人员", "紧急联系", "教学点"]
    p = staff_book.properties
    assert (p.title, p.creator, p.created) == ("测试", "研学行程 · Study-Tour Planner", STAMP)


def test_overview_has_a_row_per_date_with_the_places_and_the_night(staff_book):
    ws = staff_book["总览"]
    assert rows(ws, 1)[:4] == [("测试", None, None), ("省委组织部 · 2025-02-23 至 2025-02-28 · 版本 第3版", None, None),
                               (None, None, None), ("日期", "星期", "第一组")]
    assert rows(ws, 5) == [(dt.datetime(2025, 2, 23), "周日", None), (D24, "周一", "甲企业 → 乙园区\n住：酒店"),
                           (dt.datetime(2025, 2, 25), "周二", None), (dt.datetime(2025, 2, 26), "周三", None),
                           (dt.datetime(2025, 2, 27), "周四", None), (dt.datetime(2025, 2, 28), "周五", None)]
    assert widths(ws, 3) == [9, 6, 38]
    assert heights(ws) == {6: 32}  # two lines: the places, then the hotel
    assert [ws.cell(6, c).style for c in (1, 2, 3)] == ["body-date", "body", "body"]
    assert ws["A1"].font.sz == 14 and ws["A1"].font.b and ws["A1"].font.name == "等线"
    sub = ws["A2"].font
    assert (sub.sz, sub.i, sub.color.rgb, sub.name) == (10, True, "00555555", "等线")


def test_a_group_sheet_lists_tips_set_off_legs_activities_and_the_night(staff_book):
    ws = staff_book["第一组"]
    assert rows(ws, 1)[:4] == [
        ("第一组 行程",) + (None,) * 9,
        ("人数 2 人 · 带队 王领队 13912345678、陈老师 13700000000 · 车辆 浙A12345 赵师傅 13800001111",) + (None,) * 9,
        (None,) * 10, ("日期", "开始", "结束", "类别", "内容", "地点", "地址", "讲解/带队", "联系人", "备注")]
    n = None
    assert rows(ws, 5) == [
        (D24, T(7, 50), n, "每日提示", "集合 07:50 酒店大堂；着装 正装", "酒店大堂", n, n, n, n),
        (D24, T(8, 0), n, "出发", "从 酒店 出发", "酒店", "湖滨路2号", n, n, n),
        (D24, T(8, 0), T(8, 30), "乘车", "乘车（已知时长） 30 分钟（约 20 公里）→ 甲企业", "甲企业", n, n, n, n),
        (D24, T(8, 30), T(9, 30), "现场教学", "甲企业", "甲企业", "西湖路1号", "张讲解", "李经理 0571-8888 1234", n),
        (D24, T(11, 30), T(12, 30), "用餐", "甲企业", "甲企业", "西湖路1号", n, n, n),
        (D24, T(12, 30), T(13, 10), "乘车", "乘车（已知时长） 40 分钟（约 26 公里）→ 乙园区", "乙园区", n, n, n, n),
        (D24, T(13, 10), T(14, 40), "现场教学", "乙园区", "乙园区", n, n, n, "带身份证"),
        (D24, T(14, 40), T(14, 55), "住宿", "乘车（已知时长） 15 分钟（约 9 公里）→ 酒店", "酒店", "湖滨路2号", n, n, n)]
    assert [ws.cell(r, 1).style for r in range(5, 13)] == [
        "body-date", "muted-date", "muted-date", "body-date", "body-date", "muted-date", "body-date", "body-date"]
    assert [ws.cell(r, 2).style for r in range(5, 13)] == [
        "body-time", "muted-time", "muted-time", "body-time", "body-time", "muted-time", "body-time", "body-time"]
    assert [ws.cell(r, 4).style for r in (5, 6, 8)] == ["body", "muted", "body"]
    assert ws["B5"].number_format == "hh:mm" and ws["A5"].number_format == 'm"月"d"日"'
    assert ws["D5"].number_format == "General"
    body, muted = ws["D5"].font, ws["D6"].font
    assert (body.name, body.sz, body.i, body.b) == ("等线", 10.5, False, False)
    assert (muted.name, muted.sz, muted.i, muted.color.rgb) == ("等线", 10, True, "00555555")
    assert ws.auto_filter.ref == "A4:J12"
    assert widths(ws, 10) == [9, 7, 7, 10, 30, 24, 30, 12, 18, 20]
    # legs (46 units in a 30-wide column), tips (30 units) and the contact (21 units in 18) take two lines
    assert heights(ws) == {5: 32, 7: 32, 8: 32, 10: 32, 12: 32}


def test_the_participant_edition_hides_phones_from_the_group_sheet(participant_book):
    ws = participant_book["第一组"]
    assert ws["A2"].value == "人数 2 人 · 带队 王领队 13912345678、陈老师 · 车辆 浙A12345 赵师傅"
    assert ws["I8"].value == "李经理"


def test_headers_are_white_bold_on_dark_blue_with_a_grid(staff_book):
    for ws in staff_book.worksheets:
        head = 4 if ws.title in ("总览", "第一组") else 3
        c = ws.cell(head, 1)
        assert (c.font.b, c.font.sz, c.font.color.rgb, c.font.name) == (True, 10.5, "00FFFFFF", "等线")
        assert (c.fill.fill_type, c.fill.fgColor.rgb) == ("solid", "001A3D6D")
        assert (c.border.left.style, c.border.bottom.color.rgb) == ("thin", "008A949E")
        assert (c.alignment.horizontal, c.alignment.vertical) == ("center", "top")
        body = ws.cell(head + 1, 5 if ws.max_column >= 5 else 2)
        assert body.alignment.wrap_text and body.alignment.vertical == "top" and body.border.top.style == "thin"


def test_every_sheet_prints_on_a4_landscape_one_page_wide_titled_and_numbered(staff_book):
    titles = {"总览": "测试", "第一组": "测试 · 第一组", "教学点": "教学点一览", "问题": "检查发现的问题"}
    for ws in staff_book.worksheets:
        head = 4 if ws.title in ("总览", "第一组") else 3
        ps = ws.page_setup
        assert (ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight) == ("landscape", 9, 1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_title_rows == f"${head}:${head}" and ws.freeze_panes == f"A{head + 1}"
        assert ws.print_options.horizontalCentered is True
        assert (ws.page_margins.left, ws.page_margins.right) == (0.4, 0.4)
        assert ws.oddHeader.center.text == titles.get(ws.title, ws.title)
        assert ws.oddHeader.center.font == "等线" and ws.oddFooter.center.font == "等线"
        assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"


def test_an_ampersand_in_the_title_prints_as_itself_in_the_page_header():
    t = one_visit_tour()
    t.title = "A&B 班"
    assert book(t)["总览"].oddHeader.center.text == "A&&B 班"


def test_sites_sheet_lists_teaching_sites_with_hours_closures_and_visits(staff_book, participant_book):
    ws = staff_book["教学点"]
    assert rows(ws, 1)[:3] == [("教学点一览",) + (None,) * 13, (None,) * 14,
                               ("名称", "类别", "地区", "地址", "纬度", "经度", "开放时间", "闭馆", "最多组数", "最多人数",
                                "专题", "联系人", "讲解", "安排")]
    assert rows(ws, 4) == [
        ("甲企业", "企业", None, "西湖路1号", 30.37, 120.15, "不限", "法定节假日", 1, None, None,
         "李经理 0571-8888 1234", None, "2月24日（周一） 08:30 第一组\n2月24日（周一） 11:30 第一组"),
        ("乙园区", "园区", "浙江省杭州市西湖区", None, 30.17, 120.15, "08:00–12:00、13:00–17:30",
         "周六、周日、法定节假日", 2, 50, "数字经济、产业发展", None, None, "2月24日（周一） 13:10 第一组")]
    assert ws.auto_filter.ref == "A3:N5"
    assert widths(ws, 14) == [28, 10, 18, 30, 9, 9, 14, 14, 8, 8, 20, 18, 12, 28]
    assert heights(ws) == {4: 61, 5: 32}  # two visits of two lines each; 地区, hours, closures two lines
    assert participant_book["教学点"]["L4"].value == "李经理"


def test_problems_sheet_lists_each_problem_with_level_code_group_date_and_message(staff_book):
    ws = staff_book["问题"]
    assert ws["A1"].value == "检查发现的问题" and ws["A1"].font.sz == 14
    assert rows(ws, 3) == [("级别", "代码", "分组", "日期", "说明"),
                           ("警告", "roster-headcount", "第一组", None, "第一组：名单 2 人，与计划人数 12 人不符")]
    assert widths(ws, 5) == [7, 20, 14, 9, 90]
    assert ws.auto_filter.ref is None


def test_a_clash_of_two_groups_names_both_and_its_date():
    d = joint_tour().model_dump(mode="json")
    d["sites"].append(site("c", "丙村", kind="village"))
    for g in d["groups"]:
        g["days"].append({"date": "2025-02-26", "start": "hotel", "end": "hotel", "activities": [visit("c")]})
    t = type(joint_tour()).model_validate(d)
    s = schedule(t)
    ws = book(t)["问题"]
    assert rows(ws, 4) == [
        ("错误", "over-capacity-groups", "第一组、第二组", dt.datetime(2025, 2, 26), s.problems[0].message()),
        ("警告", "no-lunch", "第一组", D24, s.problems[1].message())]
    assert ws["D4"].style == "body-date"


def test_a_plan_without_problems_says_so():
    ws = book(one_visit_tour())["问题"]
    assert rows(ws, 4) == [(None, None, None, None, "没有发现问题。")]
    assert ws["E4"].style == "body"


def test_people_sheets_list_roster_rooms_coaches_staff_and_emergency_numbers(staff_book):
    def sheet(name):
        ws = staff_book[name]
        assert ws["A1"].value == name and ws["A1"].font.sz == 14 and ws["A2"].value is None
        return ws, rows(ws, 3)

    ws, got = sheet("名单")
    assert got == [("序号", "姓名", "性别", "单位职务", "分组", "电话", "证件号"),
                   ("1", "甲", "男", "嘉兴市商务局 副局长", "第一组", "13911112222", "330400199001011234"),
                   ("2", "乙", None, None, "第一组", None, None)]
    assert widths(ws, 7) == [6, 6, 6, 21, 8, 13, 20]  # the longest entry + 2, CJK counted double; at least 6
    assert ws.auto_filter.ref == "A3:G5" and ws.print_title_rows == "$3:$3" and ws.freeze_panes == "A4"
    assert ws.oddHeader.center.text == "名单"
    assert ws["B4"].style == "body"
    ws, got = sheet("住宿")
    assert got == [("日期", "分组", "酒店", "地址", "酒店电话", "入住说明", "房间安排"),
                   ("2月24日", "第一组", "酒店", "湖滨路2号", "前台 0571-1234 5678", "14:00 入住", "301：甲、王领队")]
    assert widths(ws, 7) == [9, 8, 6, 11, 21, 12, 17]
    ws, got = sheet("车辆")
    assert got == [("分组", "车牌", "座位", "司机", "司机电话", "乘车人员"),
                   ("第一组", "浙A12345", "45", "赵师傅", "13800001111", "6 人：甲、乙、王领队、陈老师、周护士、钱联络")]
    assert widths(ws, 6) == [8, 10, 6, 8, 13, 46]  # 44 units of riders + 2
    ws, got = sheet("工作人员")
    assert got == [("职责", "姓名", "服务", "电话"), ("班主任", "陈老师", "第一组", "13700000000"),
                   ("领队", "王领队", "第一组", "13912345678"), ("联络员", "钱联络", "第一组", "13400000000"),
                   ("医护", "刘医生", "全团", "13600000000"), ("医护", "周护士", "第一组", "13500000000")]
    ws, got = sheet("紧急联系")
    assert got == [("名称", "电话"), ("急救中心", "120"), ("值班室", "0571-8765 4321")]
    assert ws.auto_filter.ref == "A3:B5"


def test_the_participant_edition_keeps_phones_ids_and_rooms_out(participant_book):
    assert rows(participant_book["名单"], 3) == [("序号", "姓名", "性别", "单位职务", "分组"),
                                                ("1", "甲", "男", "嘉兴市商务局 副局长", "第一组"),
                                                ("2", "乙", None, None, "第一组")]
    assert rows(participant_book["住宿"], 3)[1] == ("2月24日", "第一组", "酒店", "湖滨路2号", "前台 0571-1234 5678",
                                                  "14:00 入住")
    assert rows(participant_book["工作人员"], 3)[1:3] == [("班主任", "陈老师", "第一组", None),
                                                       ("领队", "王领队", "第一组", "13912345678")]


def test_chosen_groups_only_and_no_empty_people_sheets():
    t = joint_tour()
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(t), ["g2"], stamp=STAMP)))
    assert wb.sheetnames == ["总览", "第二组", "住宿", "教学点", "问题"]
    assert rows(wb["总览"], 4)[0] == ("日期", "星期", "第二组")
    assert rows(wb["教学点"], 4)[0][-1] == "2月24日（周一） 08:30 第二组\n2月25日（周二） 08:30 第二组\n2月25日（周二） 09:30 第二组"
    assert rows(wb["教学点"], 4)[1][-1] is None  # 乙园区: only 第一组 goes there
    # two lines: the coach legs (6, 8, 10, 13) and 甲企业's contact (7, 11, 12); not the set-off rows (5, 9)
    assert heights(wb["第二组"]) == {6: 32, 7: 32, 8: 32, 10: 32, 11: 32, 12: 32, 13: 32}


def test_without_a_stamp_the_file_is_dated_now():
    before = dt.datetime.now().replace(microsecond=0)
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(one_visit_tour()))))
    assert before <= wb.properties.created <= dt.datetime.now()


def test_a_group_sheet_without_facts_starts_its_header_on_row_three():
    t = one_visit_tour()
    t.groups[0].headcount = 0
    ws = book(t)["第一组"]
    assert rows(ws, 1)[:3] == [("第一组 行程",) + (None,) * 9, (None,) * 10,
                               ("日期", "开始", "结束", "类别", "内容", "地点", "地址", "讲解/带队", "联系人", "备注")]
    assert ws.auto_filter.ref == "A3:J7" and ws.freeze_panes == "A4"


def test_times_are_excel_times_until_midnight_then_text():
    assert (clock(0), clock(8 * 60 + 5), clock(1439)) == (T(0, 0), T(8, 5), T(23, 59))
    assert (clock(1440), clock(1450), clock(-5)) == ("24:00", "24:10", "-00:05")


@pytest.mark.parametrize("name, taken, expected", [
    ("a[b]:c*?/\\d", set(), "a_b_c_d"), ("'引号'", set(), "引号"), ("", set(), "分组"), ("'", set(), "分组"),
    ("History", set(), "History_"), ("history", set(), "history_"), ("x" * 40, set(), "x" * 31),
    ("第一组", {"第一组"}, "第一组(2)"), ("ABC", {"abc", "abc(2)"}, "ABC(3)"),
    ("y" * 31, {"y" * 31}, "y" * 28 + "(2)"), ("教学点", {"总览", "教学点", "问题"}, "教学点(2)")])
def test_sheet_names_follow_excels_rules(name, taken, expected):
    taken = set(taken)
    assert sheet_name(name, taken) == expected
    assert expected.lower() in taken


def test_a_very_long_entry_widens_its_column_only_up_to_48():
    t = one_visit_tour(people={"participants": [{"id": "p1", "name": "甲", "group": "g1", "unit": "研" * 30}]})
    assert widths(book(t)["名单"], 4) == [6, 6, 48, 8]


def test_without_an_organizer_the_overview_subtitle_starts_with_the_dates():
    ws = book(one_visit_tour())["总览"]
    assert ws["A2"].value == "2025-02-23 至 2025-02-28"


def test_text_that_looks_like_a_formula_stays_text_and_control_characters_are_dropped():
    t = one_visit_tour()
    t.groups[0].name = "=SUM(A1:A9)"
    t.site("a").name = "甲\x07企业"
    wb = book(t)
    assert wb.sheetnames[1] == "=SUM(A1_A9)"
    ws = wb["总览"]
    assert (ws["C4"].value, ws["C4"].data_type) == ("=SUM(A1:A9)", "s")
    assert ws["C6"].value == "甲企业\n住：酒店"
    assert wb["=SUM(A1_A9)"]["A1"].value == "=SUM(A1:A9) 行程"


def test_a_day_without_activities_has_only_its_night_in_the_group_sheet():
    t = one_visit_tour()
    t.groups[0].days.append(t.groups[0].days[0].model_validate({"date": "2025-02-25", "start": "hotel",
                                                                "end": "hotel"}))
    ws = book(t)["第一组"]
    assert [r[0] for r in rows(ws, 5)] == [D24] * 4 + [dt.datetime(2025, 2, 25)]  # no 出发 on the 25th
    assert rows(ws, 9)[0][3:6] == ("住宿", "酒店", "酒店") and ws.auto_filter.ref == "A4:J9"


def test_a_group_named_like_a_fixed_sheet_gets_its_own_name():
    t = joint_tour()
    t.groups[0].name, t.groups[1].name = "问题", "总览"
    assert book(t).sheetnames == ["总览", "问题(2)", "总览(2)", "住宿", "教学点", "问题"]
