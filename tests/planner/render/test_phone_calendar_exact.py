"""Phone calendars (.ics), read back with icalendar: every event's times, text, place, alarm and identity."""

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from icalendar import Calendar

from planner.render.phone_calendar import at, calendar_files, event_uid, group_calendar, tour_key
from planner.schedule.scheduler import schedule
from tests.planner.render.h22_tours import joint_tour, roster_tour

CN = ZoneInfo("Asia/Shanghai")
STAMP = dt.datetime(2025, 3, 1, 1, 2, tzinfo=dt.timezone.utc)
SEQUENCE = (366 + 31 + 28) * 1440 + 62  # minutes from 1 Jan 2024 (a leap year) to 1 Mar 2025 01:02 UTC
KEY = hashlib.sha1("测试".encode()).hexdigest()[:12]


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(cal):
    return [c for c in cal.walk("VEVENT")]


def test_ids_are_stable_per_tour_group_and_activity():
    assert tour_key(" 测试 ") == tour_key("测试") == KEY
    assert event_uid("测试", "g1", "a7") == f"{KEY}.g1.a7@study-tour-planner"


def test_times_past_midnight_fall_on_the_next_day_in_china_time():
    d = dt.date(2025, 2, 24)
    assert at(d, 510) == dt.datetime(2025, 2, 24, 8, 30, tzinfo=CN)
    assert at(d, 1450) == dt.datetime(2025, 2, 25, 0, 10, tzinfo=CN)


def test_the_calendar_is_named_and_coloured_for_the_group():
    s = schedule(roster_tour())
    cal = parse(group_calendar(s, s.tour.group("g1"), STAMP).to_ical())
    assert [str(cal[k]) for k in ("prodid", "version", "calscale", "method", "x-wr-calname", "x-wr-timezone",
                                  "x-apple-calendar-color")] == [
        "-//Study-Tour Planner//研学行程//ZH", "2.0", "GREGORIAN", "PUBLISH", "测试 · 第一组", "Asia/Shanghai", "#1f77b4"]
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_each_activity_is_an_event_with_its_times_place_and_what_to_know():
    s = schedule(roster_tour())
    evs = events(parse(group_calendar(s, s.tour.group("g1"), STAMP).to_ical()))
    assert [str(e["uid"]) for e in evs] == [f"{KEY}.g1.a{i}@study-tour-planner" for i in (1, 2, 3)]
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in evs] == [
        (dt.datetime(2025, 2, 24, h1, m1, tzinfo=CN), dt.datetime(2025, 2, 24, h2, m2, tzinfo=CN))
        for h1, m1, h2, m2 in ((8, 30, 9, 30), (11, 30, 12, 30), (13, 10, 14, 40))]
    assert [str(e["summary"]) for e in evs] == ["甲企业", "甲企业", "乙园区"]
    assert [str(e["location"]) for e in evs] == ["甲企业，西湖路1号", "甲企业，西湖路1号", "乙园区"]
    assert [(e["geo"].latitude, e["geo"].longitude) for e in evs] == [(30.37, 120.15), (30.37, 120.15),
                                                                      (30.17, 120.15)]
    assert [e["categories"].cats for e in evs] == [["现场教学"], ["用餐"], ["现场教学"]]
    for e in evs:
        assert e.decoded("dtstamp") == STAMP and e.decoded("last-modified") == STAMP
        assert e["sequence"] == SEQUENCE
    assert [str(e["description"]) for e in evs] == [
        "现场教学：甲企业\n集合：07:50 酒店大堂\n着装：正装\n车程约 30 分钟（20 公里），08:00 乘车出发\n讲解/主讲：张讲解\n"
        "接待联系人：李经理\n带队：王领队 13912345678、陈老师\n车辆：浙A12345 赵师傅 13800001111",
        "用餐：甲企业\n带队：王领队 13912345678、陈老师\n车辆：浙A12345 赵师傅 13800001111",
        "现场教学：乙园区\n车程约 40 分钟（26 公里），12:30 乘车出发\n带队：王领队 13912345678、陈老师\n"
        "车辆：浙A12345 赵师傅 13800001111\n备注：带身份证"]


def test_a_coach_leg_rings_ten_minutes_before_the_coach_leaves():
    s = schedule(roster_tour())
    evs = events(parse(group_calendar(s, s.tour.group("g1"), STAMP).to_ical()))
    alarms = [[(str(a["action"]), str(a["description"]), a.decoded("trigger")) for a in e.walk("VALARM")]
              for e in evs]
    assert alarms == [[("DISPLAY", "08:00 乘车前往 甲企业", -dt.timedelta(minutes=40))], [],
                      [("DISPLAY", "12:30 乘车前往 乙园区", -dt.timedelta(minutes=50))]]


def test_the_staff_edition_shows_host_and_leader_phones():
    s = schedule(roster_tour())
    ev = events(parse(group_calendar(s, s.tour.group("g1"), STAMP, edition="staff").to_ical()))[0]
    assert "\n接待联系人：李经理 0571-8888 1234\n带队：王领队 13912345678、陈老师 13700000000\n" in str(ev["description"])


def test_a_joint_session_and_a_site_presenter_are_noted():
    s = schedule(joint_tour())
    evs = events(parse(group_calendar(s, s.tour.group("g2"), STAMP).to_ical()))
    assert str(evs[0]["description"]) == ("座谈交流：甲企业\n车程约 30 分钟（20 公里），08:00 乘车出发\n讲解/主讲：张主任\n"
                                          "接待联系人：李经理\n带队：李领队\n联合活动（多组同场）")
    assert str(evs[1]["description"]).startswith("现场教学：甲企业\n车程约 30 分钟（20 公里），08:00 乘车出发\n"
                                                 "讲解/主讲：王讲解\n")
    assert str(evs[2]["summary"]) == "产业座谈" and not evs[2].walk("VALARM")


def test_one_file_per_chosen_group_named_for_it():
    s = schedule(joint_tour())
    files = calendar_files(s, stamp=STAMP)
    assert [name for name, _ in files] == ["g1-第一组.ics", "g2-第二组.ics"]
    assert files[1][1] == group_calendar(s, s.tour.group("g2"), STAMP).to_ical()
    only = calendar_files(s, ["g2"], STAMP, edition="staff")
    assert [name for name, _ in only] == ["g2-第二组.ics"]
    assert only[0][1] == group_calendar(s, s.tour.group("g2"), STAMP, "staff").to_ical()
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    ev = events(parse(calendar_files(s, ["g1"])[0][1]))[0]
    assert before <= ev.decoded("dtstamp") <= dt.datetime.now(dt.timezone.utc)


def test_a_leg_of_no_minutes_gives_no_set_off_time():
    t = roster_tour()
    t.travel.overrides[0].minutes, t.travel.overrides[0].km = 0, 2
    s = schedule(t)
    ev = events(parse(group_calendar(s, s.tour.group("g1"), STAMP).to_ical()))[0]
    assert "\n着装：正装\n车程约 0 分钟（2 公里）\n讲解/主讲：张讲解\n" in str(ev["description"])
    assert [a.decoded("trigger") for a in ev.walk("VALARM")] == [-dt.timedelta(minutes=10)]


def test_an_export_stamped_before_2024_has_sequence_zero():
    s = schedule(roster_tour())
    old = dt.datetime(2023, 12, 31, 23, 59, tzinfo=dt.timezone.utc)
    ev = events(parse(group_calendar(s, s.tour.group("g1"), old).to_ical()))[0]
    assert ev["sequence"] == 0
    on_epoch = events(parse(group_calendar(s, s.tour.group("g1"), old + dt.timedelta(minutes=1)).to_ical()))[0]
    assert on_epoch["sequence"] == 0
    assert events(parse(group_calendar(s, s.tour.group("g1"), old + dt.timedelta(minutes=2)).to_ical()))[0][
        "sequence"] == 1


def test_an_untitled_activity_without_a_site_is_named_by_its_kind():
    t = roster_tour()
    t.groups[0].days.append(t.groups[0].days[0].model_validate(  # starts nowhere: the lecture has no place
        {"date": "2025-02-25", "start": None, "end": None, "activities": [{"kind": "lecture", "id": "x1"}]}))
    s = schedule(t)
    ev = events(parse(group_calendar(s, s.tour.group("g1"), STAMP).to_ical()))[-1]
    assert (str(ev["summary"]), ev.get("location"), ev.get("geo")) == ("专题授课", None, None)
    assert str(ev["description"]).startswith("专题授课：\n")
