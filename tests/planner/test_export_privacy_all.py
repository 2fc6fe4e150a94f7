"""Every output a participant gets — handbook, daily sheet, workbook, phone calendars, WeChat image and the
class's 变更通知 — holds no participant phone or ID number and no staff or driver phone that is not shared,
even when the change is a new leader or coach."""

import io

import openpyxl
from icalendar import Calendar

from planner.diff.changes import compare
from planner.diff.report import change_notice_html
from planner.render.daily import daily_html
from planner.render.handbook import HandbookOptions, handbook_html
from planner.render.phone_calendar import calendar_files
from planner.render.share_card import card_html
from planner.render.workbook import workbook_bytes
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.people_builders import roster

OLD_LEAD, NEW_LEAD, OLD_DRIVER, NEW_DRIVER, SHARED = ("13711110001", "13711110002", "13722220001",
                                                      "13722220002", "13733330000")


def people_tour(leader_phone=OLD_LEAD, driver_phone=OLD_DRIVER, leader="周领队", driver="孙师傅"):
    return tour(group("g1", day("2025-02-24", visit("x")), name="第一组"),
                group("g2", day("2025-02-24", visit("x")), name="第二组"),
                sites=[site("x", "皮革城")],
                people={"participants": roster(100),
                        "staff": [{"id": "s1", "role": "leader", "name": leader, "phone": leader_phone, "group": "g1"},
                                  {"id": "s2", "role": "head_teacher", "name": "郑老师", "phone": SHARED,
                                   "phone_shared": True}],
                        "vehicles": [{"id": "v1", "group": "g1", "plate": "浙A12345", "driver": driver,
                                      "driver_phone": driver_phone, "phone_shared": False}]})


def participant_outputs(s) -> dict[str, str]:
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(s, edition="participant")))
    ics = [str(c.get("DESCRIPTION", "")) + str(c.get("LOCATION", ""))
           for _, data in calendar_files(s) for c in Calendar.from_ical(data).walk("VEVENT")]
    return {"handbook": handbook_html(s, HandbookOptions(edition="participant", daily=True)),
            "daily": daily_html(s, None, "participant"),
            "workbook": " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row),
            "calendars": " ".join(ics),
            "images": " ".join(card_html(s, g, d, "participant") for g in s.tour.groups
                               for d in (None, *s.tour.dates()))}


def test_no_participant_output_holds_a_phone_it_may_not_show():
    s = schedule(people_tour())
    secret = [p["phone"] for p in roster(100)] + [p["id_number"] for p in roster(100)] + [OLD_LEAD, OLD_DRIVER]
    for name, text in participant_outputs(s).items():
        assert [x for x in secret if x in text] == [], name
        assert "周领队" in text or name == "workbook", name  # the people are named, only numbers withheld
    assert SHARED in participant_outputs(s)["handbook"]


def test_the_class_change_notice_names_a_new_leader_and_coach_without_their_private_phones():
    import datetime as dt

    diff = compare(people_tour(), people_tour(NEW_LEAD, NEW_DRIVER, "王领队", "钱师傅"))
    assert {c.kind for c in diff.changes} == {"leader", "vehicle"}
    notice = change_notice_html(diff, dt.date(2025, 2, 20))
    assert "周领队 → 王领队" in notice and "孙师傅 → 浙A12345 钱师傅" in notice
    assert not [x for x in (OLD_LEAD, NEW_LEAD, OLD_DRIVER, NEW_DRIVER) if x in notice]
    only_numbers = compare(people_tour(), people_tour(NEW_LEAD, NEW_DRIVER))
    assert {c.kind for c in only_numbers.changes} == {"leader", "vehicle"}  # the organizer's diff sees it
    assert "带队" not in change_notice_html(only_numbers, dt.date(2025, 2, 20)).replace("联系带队", "")
