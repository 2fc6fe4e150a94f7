"""The roster in the exports: 分组名单, 住宿安排, 乘车安排 in the handbook, the workbook's sheets, notices."""

import io

import openpyxl

from planner.render.handbook import HandbookOptions, handbook_html
from planner.render.notices import notices_html
from planner.render.people_tables import hotel_table, roster_table
from planner.render.workbook import workbook_bytes
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.people_builders import roster

LEADER, MEDIC, DRIVER = "13700000001", "13700000002", "13700000003"


def people_tour(**people):
    base = {"participants": roster(6),
            "staff": [{"id": "s1", "role": "leader", "name": "周领队", "phone": LEADER, "group": "g1",
                       "phone_shared": True},
                      {"id": "s2", "role": "medic", "name": "吴医生", "phone": MEDIC}],
            "vehicles": [{"id": "c1", "group": "g1", "plate": "浙A12345", "seats": 53, "driver": "孙师傅",
                          "driver_phone": DRIVER, "phone_shared": False}],
            "nights": [{"group": "g1", "date": "2025-02-24", "notes": "14:00 后入住，含早餐"}],
            "rooms": [{"group": "g1", "date": "2025-02-24", "number": "801", "occupants": ["p1", "p3"]}]}
    base.update(people)
    return tour(group("g1", day("2025-02-24", visit("x")), name="第一组"),
                group("g2", day("2025-02-24", visit("y")), name="第二组"),
                sites=[site("x", "皮革城"), site("y", "经编园")], people=base)


def test_handbook_has_roster_hotel_and_coach_sections_in_the_contents():
    html = handbook_html(schedule(people_tour()), HandbookOptions(edition="staff"))
    for title in ("分组名单", "住宿安排", "乘车安排"):
        assert html.count(title) == 2  # the contents and the section heading
    p1 = roster(6)[0]
    assert p1["name"] in html and p1["unit"] in html and p1["phone"] in html and p1["room"] in html
    assert "801：" in html and "14:00 后入住，含早餐" in html and "浙A12345" in html and DRIVER in html


def test_participant_edition_has_no_participant_phones_rooms_or_seats():
    html = handbook_html(schedule(people_tour()), HandbookOptions(edition="participant"))
    assert "分组名单" in html
    for p in roster(6):
        assert p["name"] in html and p["phone"] not in html and p["id_number"] not in html
    assert "<th>房间</th>" not in html and "801：" not in html
    assert DRIVER not in html and "孙师傅" in html


def test_empty_columns_are_dropped_and_sections_without_content_left_out():
    people = roster(4)
    for p in people:
        p["unit"] = ""
    headers, rows = roster_table(people_tour(participants=people).model_copy(), "g1", "staff")
    assert "单位职务" not in headers and "电话" in headers and len(rows) == 2
    html = handbook_html(schedule(people_tour(participants=[], vehicles=[], nights=[], rooms=[])))
    assert "分组名单" not in html and "乘车安排" not in html
    assert "住宿安排" in html  # the plan's hotels are content of their own
    assert hotel_table(people_tour(), [], "staff")[1] == []


def test_workbook_has_roster_sheets_with_phones_for_the_office():
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(people_tour()))))
    assert wb.sheetnames == ["总览", "第一组", "第二组", "名单", "住宿", "车辆", "工作人员", "教学点", "问题"]
    ws = wb["名单"]
    head = next(r for r in range(1, 6) if ws.cell(r, 1).value == "序号")
    headers = [c.value for c in ws[head]]
    first = {h: ws.cell(head + 1, i + 1).value for i, h in enumerate(headers)}
    assert first["姓名"] == roster(6)[0]["name"] and first["电话"] == roster(6)[0]["phone"]
    assert ws.print_title_rows.replace("$", "") == f"{head}:{head}" and ws.page_setup.orientation == "landscape"
    lean = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(people_tour()), edition="participant")))
    values = [v for ws in lean.worksheets for r in ws.iter_rows(values_only=True) for v in r if v]
    assert not any(p["phone"] in str(v) for p in roster(6) for v in values) and MEDIC not in str(values)


def test_host_notices_name_the_roster_leader_with_phone():
    html = notices_html(schedule(people_tour()), ["x"])
    assert "周领队" in html and LEADER in html and MEDIC not in html
