"""Roster tables (名单, 住宿, 乘车, 工作人员) and the group facts exports print, exactly, for a small roster."""

from planner.render.people_tables import (coach_table, crew_table, drop_empty, emergency_table, hotel_table,
                                          people_sections, roster_table, staff_section, staff_table, table_html)
from planner.render.people_view import group_size, leader_text, leaders, private_for, vehicle_text
from tests.planner.render.h22_tours import joint_tour, one_visit_tour, roster_tour

NOWRAP = '<td style="white-space: nowrap; border: 1px solid #8a949e; padding: 3px;">'
TABLE = '<table class="grid" width="100%" cellspacing="0"><thead><tr>'


def test_columns_empty_in_every_row_are_dropped_but_the_first_ones_stay():
    assert drop_empty(["a", "b", "c", "d"], [["", "", "", "x"], ["", "", "", ""]]) == (
        ["a", "b", "d"], [["", "", "x"], ["", "", ""]])
    assert drop_empty(["a", "b", "c"], [["", "", ""]], keep=1) == (["a"], [[""]])
    assert drop_empty(["a", "b"], []) == (["a", "b"], [[], []][:0])


def test_a_groups_roster_with_and_without_phones():
    t = roster_tour()
    assert roster_table(t, "g1", "staff") == (["序号", "姓名", "性别", "单位职务", "电话"],
                                              [["1", "甲", "男", "嘉兴市商务局 副局长", "13911112222"],
                                               ["2", "乙", "", "", ""]])
    assert roster_table(t, "g1", "participant") == (["序号", "姓名", "性别", "单位职务"],
                                                    [["1", "甲", "男", "嘉兴市商务局 副局长"], ["2", "乙", "", ""]])


def test_the_whole_roster_names_each_group_or_unassigned_and_every_staff_field():
    t = roster_tour()
    p2 = t.people.participants[1]
    p2.group, p2.gender, p2.room, p2.seat, p2.ethnicity, p2.diet, p2.notes = None, "female", "302", "5", "回族", "清真", "晚到"
    headers, rows = roster_table(t, None, "staff", id_numbers=True)
    assert headers == ["序号", "姓名", "性别", "单位职务", "分组", "电话", "房间", "座位", "民族", "饮食", "备注", "证件号"]
    assert rows == [["1", "甲", "男", "嘉兴市商务局 副局长", "第一组", "13911112222", "", "", "", "", "", "330400199001011234"],
                    ["2", "乙", "女", "", "未分组", "", "302", "5", "回族", "清真", "晚到", ""]]
    assert roster_table(t, None, "participant", id_numbers=True)[0] == ["序号", "姓名", "性别", "单位职务", "分组"]


def test_hotels_by_night_and_group_with_rooms_only_for_staff():
    t = roster_tour()
    assert hotel_table(t, t.groups, "staff") == (
        ["日期", "分组", "酒店", "地址", "酒店电话", "入住说明", "房间安排"],
        [["2月24日", "第一组", "酒店", "湖滨路2号", "前台 0571-1234 5678", "14:00 入住", "301：甲、王领队"]])
    assert hotel_table(t, t.groups, "participant")[0] == ["日期", "分组", "酒店", "地址", "酒店电话", "入住说明"]
    t.people.rooms[0].occupants.append("zz")
    assert hotel_table(t, t.groups, "staff")[1][0][-1] == "301：甲、王领队、zz"


def test_hotels_run_date_by_date_then_group_by_group():
    t = joint_tour()
    assert hotel_table(t, t.groups, "staff") == (["日期", "分组", "酒店"], [
        ["2月24日", "第一组", "酒店"], ["2月24日", "第二组", "酒店"], ["2月25日", "第二组", "酒店"]])
    assert hotel_table(t, t.groups[1:], "staff")[1] == [["2月24日", "第二组", "酒店"], ["2月25日", "第二组", "酒店"]]
    t.groups[1].days[1].end = None
    assert len(hotel_table(t, t.groups, "staff")[1]) == 2


def test_coaches_list_seats_driver_and_who_rides():
    t = roster_tour()
    assert coach_table(t, t.groups, "staff") == (
        ["分组", "车牌", "座位", "司机", "司机电话", "乘车人员"],
        [["第一组", "浙A12345", "45", "赵师傅", "13800001111", "6 人：甲、乙、王领队、陈老师、周护士、钱联络"]])
    t.people.vehicles[0].phone_shared, t.people.vehicles[0].seats = False, 0
    assert coach_table(t, t.groups, "participant") == (
        ["分组", "车牌", "司机", "乘车人员"], [["第一组", "浙A12345", "赵师傅", "6 人：甲、乙、王领队、陈老师、周护士、钱联络"]])
    t.people.participants.clear()
    t.people.staff.clear()
    assert coach_table(t, t.groups, "staff") == (["分组", "车牌", "司机", "司机电话"],
                                                 [["第一组", "浙A12345", "赵师傅", "13800001111"]])


def test_staff_by_role_with_whom_they_serve():
    t = roster_tour()
    t.people.staff[2].notes = "随团"
    assert staff_table(t, t.groups, "participant") == (["职责", "姓名", "服务", "电话", "备注"], [
        ["班主任", "陈老师", "第一组", "", ""], ["领队", "王领队", "第一组", "13912345678", ""],
        ["联络员", "钱联络", "第一组", "", ""], ["医护", "刘医生", "全团", "", "随团"], ["医护", "周护士", "第一组", "", ""]])
    assert staff_table(t, [], "staff") == (["职责", "姓名", "服务", "电话", "备注"],
                                           [["医护", "刘医生", "全团", "13600000000", "随团"]])


def test_a_groups_crew_adds_its_drivers_once():
    t = roster_tour()
    assert crew_table(t, "g1", "participant") == (["职责", "姓名", "电话", "备注"], [
        ["班主任", "陈老师", "", ""], ["领队", "王领队", "13912345678", ""], ["联络员", "钱联络", "", ""],
        ["医护", "周护士", "", ""], ["司机", "赵师傅", "13800001111", "车牌 浙A12345"]])
    assert crew_table(t, None, "staff") == (["职责", "姓名", "电话"], [["医护", "刘医生", "13600000000"]])
    t.people.staff.append(t.people.staff[0].model_validate({"id": "s6", "role": "driver", "name": "赵师傅",
                                                            "group": "g1"}))
    t.people.vehicles[0].plate = ""
    rows = crew_table(t, "g1", "staff")[1]
    assert [r[1] for r in rows].count("赵师傅") == 1 and rows[-1][0] == "司机"
    t.people.staff.pop()
    assert crew_table(t, "g1", "staff")[1][-1] == ["司机", "赵师傅", "13800001111"]  # no plate: no notes


def test_emergency_numbers_show_in_every_edition():
    t = roster_tour()
    t.people.emergency[0].address = "解放路88号"
    assert emergency_table(t) == (["名称", "电话", "地址"], [["急救中心", "120", "解放路88号"],
                                                         ["值班室", "0571-8765 4321", ""]])
    t.people.emergency[1].phone = ""
    t.people.emergency[0].phone = t.people.emergency[0].address = ""
    assert emergency_table(t) == (["名称"], [["急救中心"], ["值班室"]])


def test_a_table_as_html_keeps_phone_numbers_whole_and_empty_cells_bordered():
    html = table_html((["姓名", "电话", "车辆"], [["<甲>", "139 1111", ""], ["乙", "", "浙A"]]))
    assert html == (TABLE + "<th>姓名</th><th>电话</th><th>车辆</th></tr></thead>"
                    f"<tr><td>&lt;甲&gt;</td>{NOWRAP}139 1111</td>{NOWRAP}&nbsp;</td></tr>"
                    f"<tr><td>乙</td>{NOWRAP}&nbsp;</td>{NOWRAP}浙A</td></tr></table>")
    assert table_html((["备注", "带队及电话"], [["", "x"]])) == (
        TABLE + f"<th>备注</th><th>带队及电话</th></tr></thead><tr><td>&nbsp;</td>{NOWRAP}x</td></tr></table>")
    for col in ("司机电话", "酒店电话"):
        assert table_html(([col], [["1"]])).endswith(f"{NOWRAP}1</td></tr></table>")


def test_the_staff_section_has_the_whole_tour_then_each_group_then_emergency():
    t = roster_tour()
    assert staff_section(t, t.groups, "staff") == (
        "<h3>全团</h3>" + table_html(crew_table(t, None, "staff"))
        + "<h3>第一组</h3>" + table_html(crew_table(t, "g1", "staff"))
        + "<h3>紧急联系</h3>" + table_html(emergency_table(t)))
    t.people.staff.clear()
    t.people.vehicles.clear()
    t.people.emergency.clear()
    assert staff_section(t, t.groups, "staff") == ""


def test_the_handbooks_roster_sections_in_print_order():
    t = roster_tour()
    t.groups[0].name = "一<组>"
    sections = people_sections(t, t.groups, "participant")
    assert [(a, b) for a, b, _ in sections] == [("roster", "分组名单"), ("hotels", "住宿安排"), ("coaches", "乘车安排"),
                                                ("staff", "工作人员及紧急联系")]
    assert sections[0][2] == "<h3>一&lt;组&gt;（2 人）</h3>" + table_html(roster_table(t, "g1", "participant"))
    assert sections[1][2] == table_html(hotel_table(t, t.groups, "participant"))
    assert sections[2][2] == table_html(coach_table(t, t.groups, "participant"))
    assert sections[3][2] == staff_section(t, t.groups, "participant")
    assert people_sections(one_visit_tour(), one_visit_tour().groups, "staff") == [
        ("hotels", "住宿安排", table_html((["日期", "分组", "酒店"], [["2月24日", "第一组", "酒店"]])))]


def test_leaders_come_from_the_roster_else_from_the_group():
    t = roster_tour()
    g = t.groups[0]
    g.leader, g.contact, g.vehicle = "旧领队", "旧电话 13900000000", "旧车"
    assert leaders(t, "g1", "staff") == [("王领队", "13912345678"), ("陈老师", "13700000000")]
    assert leaders(t, "g1", "participant") == [("王领队", "13912345678"), ("陈老师", "")]
    assert leader_text(t, "g1", "participant") == "王领队 13912345678、陈老师"
    t.people.staff.clear()
    assert leaders(t, "g1", "staff") == [("旧领队", "旧电话 13900000000")]
    assert leaders(t, "g1", "participant") == [("旧领队", "旧电话")]
    assert leader_text(t, "g1", "staff") == "旧领队 旧电话 13900000000"
    g.leader, g.contact = "", "13900000000"
    assert leader_text(t, "g1", "participant") == ""
    g.contact = ""
    assert leaders(t, "g1", "staff") == [] and leader_text(t, "g1", "staff") == ""


def test_group_size_is_the_rosters_count_once_anyone_is_on_it():
    t = roster_tour()
    assert group_size(t, "g1") == 2
    t.people.participants.clear()
    assert group_size(t, "g1") == 12


def test_vehicles_from_the_roster_else_the_groups_own_field():
    t = roster_tour()
    t.groups[0].vehicle = "旧车"
    t.people.vehicles.append(t.people.vehicles[0].model_validate({"id": "v2", "group": "g1", "driver_phone": "1380",
                                                                  "phone_shared": False}))
    assert vehicle_text(t, "g1", "staff") == "浙A12345 赵师傅 13800001111、1380"
    assert vehicle_text(t, "g1", "participant") == "浙A12345 赵师傅 13800001111、"
    t.people.vehicles.clear()
    assert vehicle_text(t, "g1", "staff") == "旧车"


def test_free_text_contacts_lose_their_phones_outside_the_staff_edition():
    assert private_for("staff")("李经理 0571-8888 1234") == "李经理 0571-8888 1234"
    assert private_for("participant")("李经理 0571-8888 1234") == "李经理"


def test_rooms_of_another_night_or_group_stay_out_of_a_nights_row():
    t = joint_tour(people={"participants": [{"id": "p1", "name": "甲", "group": "g1"},
                                            {"id": "p2", "name": "乙", "group": "g2"}],
                           "rooms": [{"group": "g1", "date": "2025-02-24", "number": "301", "occupants": ["p1"]},
                                     {"group": "g2", "date": "2025-02-24", "number": "302", "occupants": ["p2"]},
                                     {"group": "g2", "date": "2025-02-25", "number": "303", "occupants": ["p2"]},
                                     {"group": "g2", "date": "2025-02-25", "number": "304"}]})
    assert [r[-1] for r in hotel_table(t, t.groups, "staff")[1]] == ["301：甲", "302：乙", "303：乙；304："]
    sections = people_sections(t, t.groups, "staff")
    assert sections[0] == ("roster", "分组名单",
                           "<h3>第一组（1 人）</h3>" + table_html(roster_table(t, "g1", "staff"))
                           + "<h3>第二组（1 人）</h3>" + table_html(roster_table(t, "g2", "staff")))


def test_nights_without_notes_are_blank_and_emergency_notes_are_a_column():
    t = joint_tour(people={"nights": [{"group": "g1", "date": "2025-02-24", "notes": "14:00 入住"}],
                           "emergency": [{"name": "急救中心", "phone": "120", "notes": "24小时"}]})
    assert hotel_table(t, t.groups, "staff")[1] == [["2月24日", "第一组", "酒店", "14:00 入住"],
                                                    ["2月24日", "第二组", "酒店", ""], ["2月25日", "第二组", "酒店", ""]]
    assert emergency_table(t) == (["名称", "电话", "备注"], [["急救中心", "120", "24小时"]])


def test_the_staff_handbook_shows_a_drivers_private_phone_in_the_coach_section():
    t = roster_tour()
    t.people.vehicles[0].phone_shared = False
    coaches = dict((a, h) for a, _, h in people_sections(t, t.groups, "staff"))["coaches"]
    assert f"{NOWRAP}13800001111</td>" in coaches
