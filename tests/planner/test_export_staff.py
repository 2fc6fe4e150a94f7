"""工作人员及紧急联系: staff by role (whole tour, then each group, with its drivers) and the emergency numbers,
in the handbook and the workbook; phones as visible_phone allows; emergency contacts saved in the tour file."""

import io
import json
import re

import openpyxl

from planner.io.fileformat import load_tour, save_tour, tour_to_json
from planner.render.handbook import HandbookOptions, handbook_html
from planner.render.workbook import workbook_bytes
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit

HOSPITAL, DUTY, SECRET, SHARED, DRIVER = "0731-83929120", "13900000000", "13711110000", "13722220000", "13733330000"
EMERGENCY = [{"name": "湖南省人民医院急诊", "phone": HOSPITAL, "address": "长沙市解放西路61号"},
             {"name": "主办方值班电话", "phone": DUTY, "notes": "24小时"}]


def staffed_tour(**people):
    base = {"staff": [{"id": "s1", "role": "guide", "name": "讲解小李", "phone": SECRET, "group": "g1"},
                      {"id": "s2", "role": "leader", "name": "周领队", "phone": SHARED, "group": "g1",
                       "phone_shared": True},
                      {"id": "s3", "role": "medic", "name": "吴医生", "phone": SECRET},
                      {"id": "s4", "role": "head_teacher", "name": "郑老师", "phone": SHARED, "phone_shared": True}],
            "vehicles": [{"id": "v1", "group": "g1", "plate": "湘A12345", "driver": "孙师傅",
                          "driver_phone": DRIVER, "phone_shared": False}],
            "emergency": EMERGENCY}
    base.update(people)
    return tour(group("g1", day("2025-02-24", visit("x")), name="第一组"),
                group("g2", day("2025-02-24", visit("x")), name="第二组"),
                sites=[site("x", "皮革城")], people=base)


def section(html: str) -> str:
    start = html.index('<a name="staff">')
    return html[start:html.index("page-break-after", start)]


def test_the_section_lists_staff_by_role_whole_tour_first_then_each_group_with_its_drivers():
    html = handbook_html(schedule(staffed_tour()), HandbookOptions(edition="staff"))
    assert html.count("工作人员及紧急联系") == 2  # the contents and the heading
    part = section(html)
    order = [part.index(x) for x in ("<h3>全团</h3>", "郑老师", "吴医生", "<h3>第一组</h3>", "周领队", "讲解小李",
                                     "孙师傅", "<h3>紧急联系</h3>", "湖南省人民医院急诊", "主办方值班电话")]
    assert order == sorted(order)  # 班主任 before 医护; 领队 before 讲解 before the coach's driver
    assert "<h3>第二组</h3>" not in part  # a group with nobody gets no empty table
    assert "湘A12345" in part and "长沙市解放西路61号" in part and "24小时" in part
    for phone in (HOSPITAL, DUTY, SECRET, SHARED, DRIVER):
        # a phone never wraps, and its cell keeps its borders (Qt drops them for a styled cell otherwise)
        assert re.search(f'<td style="white-space: nowrap; border: 1px solid[^"]*">{phone}</td>', part)
    assert not re.search(r"<td[^>]*></td>", part)  # an empty cell holds &nbsp;: Qt draws no borders round it


def test_the_participant_edition_shows_only_shared_phones_and_every_emergency_number():
    part = section(handbook_html(schedule(staffed_tour()), HandbookOptions(edition="participant")))
    assert SHARED in part and HOSPITAL in part and DUTY in part
    assert SECRET not in part and DRIVER not in part
    assert "吴医生" in part and "孙师傅" in part  # who they are stays; only the number is withheld


def test_no_section_without_staff_drivers_or_emergency_numbers_and_empty_columns_are_dropped():
    html = handbook_html(schedule(staffed_tour(staff=[], vehicles=[], emergency=[])))
    assert "工作人员及紧急联系" not in html
    only = staffed_tour(staff=[], vehicles=[], emergency=[{"name": "110"}])
    part = section(handbook_html(schedule(only)))
    assert "<th>名称</th>" in part and not re.search("<th>(电话|地址|备注)</th>", part)


def test_the_workbook_has_the_emergency_numbers_in_its_own_sheet():
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(staffed_tour()))))
    values = [[c.value for c in row] for row in wb["紧急联系"].iter_rows()]
    assert ["湖南省人民医院急诊", HOSPITAL, "长沙市解放西路61号", None] in values
    staff = [[c.value for c in row] for row in wb["工作人员"].iter_rows()]
    roles = [r[0] for r in staff if r[0] in ("班主任", "领队", "医护", "讲解")]
    assert roles == ["班主任", "领队", "医护", "讲解"]


def test_emergency_contacts_are_saved_and_a_file_without_them_still_opens(tmp_path):
    t = staffed_tour()
    path = tmp_path / "t.tour.json"
    save_tour(t, path)
    assert load_tour(path).people.emergency == t.people.emergency
    doc = json.loads(tour_to_json(staffed_tour(emergency=[])))
    assert "emergency" not in doc["people"]  # nothing written when there are none
    (tmp_path / "old.tour.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert load_tour(tmp_path / "old.tour.json").people.emergency == []


def test_the_daily_sheet_gives_the_bus_leader_the_medic_and_the_emergency_numbers():
    from planner.render.daily import daily_html

    staff = daily_html(schedule(staffed_tour()), ["g1"], "staff")
    assert "医护：吴医生" in staff and SECRET.replace("-", "&#8209;") in staff
    assert f"紧急：湖南省人民医院急诊 0731&#8209;83929120；主办方值班电话 {DUTY}" in staff
    participant = daily_html(schedule(staffed_tour()), ["g1"], "participant")
    assert "紧急：湖南省人民医院急诊" in participant and SECRET not in participant


def test_the_participant_workbook_has_no_problems_sheet_and_no_withheld_phone():
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(staffed_tour()), edition="participant")))
    assert "问题" not in wb.sheetnames and "紧急联系" in wb.sheetnames
    cells = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert SECRET not in cells and DRIVER not in cells and SHARED in cells and HOSPITAL in cells
    assert "问题" in openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(staffed_tour())))).sheetnames


def test_the_wechat_image_carries_the_emergency_numbers():
    from planner.render.share_card import card_html

    s = schedule(staffed_tour())
    html = card_html(s, s.tour.groups[0], edition="participant")
    assert f"紧急：湖南省人民医院急诊 {HOSPITAL}" in html and f"紧急：主办方值班电话 {DUTY}" in html
    assert SECRET not in html and DRIVER not in html


def test_the_organizers_workbook_lists_id_numbers_as_text_the_participant_one_never():
    from tests.people_builders import roster

    people = roster(5, ("g1", "g2"))
    t = staffed_tour(participants=people)
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(t))))
    rows = list(wb["名单"].iter_rows(values_only=True))
    column = rows[2].index("证件号")
    assert [r[column] for r in rows[3:]] == [p["id_number"] for p in people]  # text: all 18 characters kept
    participant = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(t), edition="participant")))
    cells = " ".join(str(c) for r in participant["名单"].iter_rows(values_only=True) for c in r)
    assert "证件号" not in cells and not any(p["id_number"] in cells for p in people)
    assert "证件号" not in handbook_html(schedule(t), HandbookOptions(edition="staff"))
