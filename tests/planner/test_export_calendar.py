"""Phone calendars, read back with icalendar as a phone's calendar app would import them."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from planner.io.fileformat import load_tour, save_tour
from planner.model.people import People
from planner.render.phone_calendar import calendar_files
from planner.schedule.scheduler import schedule
from tests.builders import day, site, tour, visit
from ui.cli import main

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"
CHINA = ZoneInfo("Asia/Shanghai")
STAMP = dt.datetime(2025, 2, 20, 9, 0, tzinfo=dt.timezone.utc)


def _events(data: bytes) -> list:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_one_file_per_group_and_every_event_at_the_schedulers_time(tmp_path):
    assert main(["export-ics", str(HUNAN), "-o", str(tmp_path / "ics")]) == 0
    files = sorted((tmp_path / "ics").glob("*.ics"))
    assert [f.name for f in files] == ["g1-第一组.ics", "g2-第二组.ics", "g3-第三组.ics"]
    result = schedule(load_tour(HUNAN))
    for f, g in zip(files, result.tour.groups):
        cal = icalendar.Calendar.from_ical(f.read_bytes())
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
        events = _events(f.read_bytes())
        expected = [(dt.datetime.combine(p.date, dt.time(0), CHINA) + dt.timedelta(minutes=e.start),
                     dt.datetime.combine(p.date, dt.time(0), CHINA) + dt.timedelta(minutes=e.end), e.activity.id)
                    for p in sorted(result.group_plans(g.id), key=lambda p: p.date) for e in p.entries]
        got = [(ev.start, ev.end, str(ev["UID"]).split(".")[2].split("@")[0]) for ev in events]
        assert got == expected and len(got) > 10
        assert all(ev.start.tzinfo.key == "Asia/Shanghai" for ev in events)


def _small():
    return tour({"id": "g1", "name": "第一组", "headcount": 30, "leader": "张带队", "contact": "13912345678",
                 "days": [day("2025-02-24", visit("far", id="v1", presenter="王讲解"))]},
                sites=[site("far", "远方工厂", at=(30.5, 120.4), address="某路1号", contact="李主任 0571-88886666")])


def test_event_has_place_address_coordinates_and_the_leaders_phone():
    [(name, data)] = calendar_files(schedule(_small()), stamp=STAMP, edition="staff")
    [ev] = _events(data)
    assert str(ev["LOCATION"]) == "远方工厂，某路1号"
    assert (ev["GEO"].latitude, ev["GEO"].longitude) == (30.5, 120.4)
    text = str(ev["DESCRIPTION"])
    assert "张带队 13912345678" in text and "王讲解" in text and "李主任 0571-88886666" in text
    assert ev.get("VALARM") is None and [a for a in ev.walk("VALARM")]  # reminder before the coach leaves
    assert name == "g1-第一组.ics"


def test_participants_calendars_show_the_roster_leaders_shared_phone_only():
    t = _small()
    t.people = People.model_validate({"staff": [
        {"id": "s1", "role": "leader", "name": "周领队", "phone": "13700000001", "group": "g1", "phone_shared": True},
        {"id": "s2", "role": "medic", "name": "吴医生", "phone": "13700000002", "group": "g1"}],
        "vehicles": [{"id": "c1", "group": "g1", "plate": "浙A12345", "driver": "孙师傅",
                      "driver_phone": "13700000003", "phone_shared": False}]})
    [(_, data)] = calendar_files(schedule(t), stamp=STAMP)
    text = str(_events(data)[0]["DESCRIPTION"])
    assert "带队：周领队 13700000001" in text and "浙A12345 孙师傅" in text
    assert "13700000003" not in text and "0571" not in text and "13912345678" not in text


def test_uids_are_stable_and_a_later_export_has_a_higher_sequence():
    s = schedule(_small())
    [(_, first)] = calendar_files(s, stamp=STAMP)
    [(_, later)] = calendar_files(s, stamp=STAMP + dt.timedelta(days=2))
    a, b = _events(first)[0], _events(later)[0]
    assert a["UID"] == b["UID"] and int(b["SEQUENCE"]) > int(a["SEQUENCE"])
    assert a["DTSTAMP"].dt == STAMP
    moved = _small()
    moved.groups[0].days[0].activities[0].pinned = dt.time(15, 0)
    [(_, after)] = calendar_files(schedule(moved), stamp=STAMP + dt.timedelta(days=3))
    c = _events(after)[0]
    assert c["UID"] == a["UID"] and c.start.time() == dt.time(15, 0) != a.start.time()


def test_hostile_text_is_escaped_not_interpreted(tmp_path):
    t = _small()
    t.site("far").name = "厂;名,有\n换行:BEGIN:VEVENT"
    [(_, data)] = calendar_files(schedule(t), stamp=STAMP)
    events = _events(data)
    assert len(events) == 1 and str(events[0]["SUMMARY"]) == "厂;名,有\n换行:BEGIN:VEVENT"


def test_output_folder_that_is_a_file_exits_2(tmp_path, capsys):
    path = tmp_path / "t.tour.json"
    save_tour(_small(), path)
    blocker = tmp_path / "out"
    blocker.write_text("x")
    assert main(["export-ics", str(path), "-o", str(blocker)]) == 2
    assert "not a folder" in capsys.readouterr().err
