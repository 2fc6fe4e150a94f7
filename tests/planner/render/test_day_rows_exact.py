"""A computed day as the plain rows every export prints: legs, activities, the arrival for the night."""

import datetime as dt

from planner.render.day_rows import (ACTIVITY, ARRIVAL, LEG, boarding_text, day_places, day_rows, hotel_name,
                                     kind_label, tips_text)
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.planner.render.small_tour import MON, three_day_tour

MONDAY, TUESDAY, WEDNESDAY = dt.date(2025, 2, 24), dt.date(2025, 2, 25), dt.date(2025, 2, 26)


def plain(rows):
    return [(r.role, r.start, r.end, r.kind, r.what, r.place, r.address, r.presenter, r.contact, r.notes)
            for r in rows]


def test_a_day_with_legs_visits_and_a_lunch():
    plan = schedule(three_day_tour()).plan("a", MONDAY)
    rows = day_rows(plan)
    assert plain(rows) == [
        (LEG, 480, 510, "乘车", "乘车（已知时长） 30 分钟（约 20 公里）→ 甲厂", "甲厂", "", "", "", ""),
        (ACTIVITY, 510, 600, "现场教学", "甲厂", "甲厂", "文一路1号", "张工", "王经理 13912345678", ""),
        (ACTIVITY, 690, 750, "用餐", "午餐", "甲厂", "文一路1号", "", "", ""),
        (LEG, 750, 790, "乘车", "乘车（已知时长） 40 分钟（约 25 公里）→ 乙园", "乙园", "", "", "", ""),
        (ACTIVITY, 790, 850, "现场教学", "参观乙园", "乙园", "", "", "", "带证件"),
        (ARRIVAL, 850, 886, "住宿", "乘车 36 分钟（约 14 公里）→ 酒店", "酒店", "", "", "", ""),
    ]
    assert [r.is_leg for r in rows] == [True, False, False, True, False, False]
    assert [r.entry.activity.id if r.entry else None for r in rows] == ["v1", "v1", "m1", "v2", "v2", None]
    assert day_places(plan) == ["甲厂", "乙园"]
    assert hotel_name(plan) == "酒店"


def test_transfers_show_their_mode_and_service_and_the_day_ends_at_the_hotel_without_a_leg():
    plan = schedule(three_day_tour()).plan("a", TUESDAY)
    assert plain(day_rows(plan)) == [
        (LEG, 480, 500, "乘车", "乘车（已知时长） 20 分钟（约 0 公里）→ 杭州东站", "杭州东站", "", "", "", ""),
        (LEG, 500, 530, "候车", "候车 30 分钟 · 杭州东站", "杭州东站", "", "", "", ""),  # tickets, security, boarding
        (ACTIVITY, 530, 600, "高铁", "上海虹桥站（G7311）", "上海虹桥站", "", "", "", ""),
        (ACTIVITY, 600, 630, "大巴", "上海酒店", "上海酒店", "", "", "", ""),
        (ARRIVAL, 630, 630, "住宿", "上海酒店", "上海酒店", "", "", "", ""),
    ]
    assert [kind_label(e, "en") for e in plan.entries] == ["High-speed rail", "Coach"]
    assert day_places(plan) == []
    assert hotel_name(plan) == "上海酒店"


def test_a_day_without_a_place_ends_arriving_at_a_station():
    plan = schedule(three_day_tour()).plan("a", WEDNESDAY)
    assert plain(day_rows(plan)) == [
        (ACTIVITY, 480, 540, "自由活动", "", "", "", "", "", ""),
        (ARRIVAL, 540, 540, "抵达", "杭州东站", "杭州东站", "", "", "", ""),
    ]
    assert [kind_label(e, "en") for e in plan.entries] == ["Free time"]
    assert hotel_name(plan) == "杭州东站"


def test_own_presenter_joint_note_and_no_night_place():
    t = tour(group("a", day(MON, visit("x", presenter="李老师", joint="J1", notes="签到"),
                            {"kind": "lecture", "site": "x", "title": "讲座"}, end=None)),
             sites=[site("x", "甲厂", presenter="张工", contact="王经理", address="路1号")])
    plan = schedule(t).plan("a", MONDAY)
    assert plain(day_rows(plan)) == [
        (ACTIVITY, 480, 540, "现场教学", "甲厂", "甲厂", "路1号", "李老师", "王经理", "签到（联合）"),
        (ACTIVITY, 540, 690, "专题授课", "讲座", "甲厂", "路1号", "张工", "王经理", ""),
    ]
    assert [kind_label(e) for e in plan.entries] == ["现场教学", "专题授课"]
    assert day_places(plan) == ["甲厂", "甲厂"]
    assert hotel_name(plan) == "" and hotel_name(None) == "" and day_places(None) == []


def test_tips_read_on_one_line_in_print_order():
    t = tour(group("a", {**day(MON), "tips": {"meet_time": "07:50", "meet_at": "酒店大堂", "bring": "身份证",
                                              "dress": "正装"}}), sites=[])
    plan = schedule(t).plan("a", MONDAY)
    assert tips_text(plan) == "集合 07:50 酒店大堂；着装 正装；携带 身份证"
    assert tips_text(schedule(three_day_tour()).plan("a", MONDAY)) == ""


def test_a_transfer_without_a_mode_reads_as_a_transfer_and_a_known_last_leg_says_so():
    t = tour(group("a", day(MON, {"kind": "transfer", "id": "t", "site": "y", "minutes": 45})),
             sites=[site("y", "乙园", kind="park", at=(30.5, 120.5))],
             travel={"overrides": [{"origin": "y", "destination": "hotel", "minutes": 25, "km": 12}]})
    plan = schedule(t).plan("a", MONDAY)
    assert plain(day_rows(plan)) == [
        (ACTIVITY, 480, 525, "交通", "乙园", "乙园", "", "", "", ""),
        (ARRIVAL, 525, 550, "住宿", "乘车（已知时长） 25 分钟（约 12 公里）→ 酒店", "酒店", "", "", "", ""),
    ]
    assert kind_label(plan.entries[0], "en") == "Transfer"


def test_a_leg_reads_as_an_estimate_unless_told_it_is_known():
    from planner.render.day_rows import leg_text

    assert leg_text(36, 14.5, "酒店") == "乘车 36 分钟（约 14 公里）→ 酒店"
    assert leg_text(30, 20.0, "甲厂", True) == "乘车（已知时长） 30 分钟（约 20 公里）→ 甲厂"


def test_the_arrival_row_gives_the_nights_address():
    t = tour(group("a", day(MON, visit("x"), end="h2")),
             sites=[site("x", "甲厂"), site("h2", "湖滨酒店", kind="hotel", address="湖滨路2号")])
    (_, arrival) = day_rows(schedule(t).plan("a", MONDAY))
    assert (arrival.role, arrival.start, arrival.end, arrival.kind, arrival.what, arrival.place, arrival.address) == (
        ARRIVAL, 540, 540, "住宿", "湖滨酒店", "湖滨酒店", "湖滨路2号")


def test_a_plane_waits_its_airport_margin_a_coach_and_a_tight_train_print_no_wait():
    def plan(*activities, **travel):
        t = tour(group("a", day("2025-02-24", *activities)),
                 sites=[site("ap", "萧山机场", kind="station"), site("far", "远方", kind="station", at=(31.5, 121.5))],
                 travel=travel)
        return schedule(t).plan("a", dt.date(2025, 2, 24))

    flight = {"kind": "transfer", "mode": "flight", "origin": "ap", "site": "far", "minutes": 60}
    rows = day_rows(plan(dict(flight, pinned="11:00")))
    assert [(r.role, r.start, r.end, r.kind, r.what) for r in rows[:2]] == [
        (LEG, 570, 660, "候机", "候机 90 分钟 · 萧山机场"), (ACTIVITY, 660, 720, "航班", "远方")]
    coach = plan(visit("ap", minutes=60), dict(flight, mode="coach", pinned="10:00")).entries[1]
    assert (coach.wait, boarding_text(coach)) == (60, "")  # a coach's wait is no boarding
    late = plan(visit("ap", minutes=60), dict(flight, mode="rail", pinned="09:01")).entries[1]
    assert (late.wait, boarding_text(late)) == (1, "候车 1 分钟 · 萧山机场")
    tight = plan(visit("ap", minutes=60), dict(flight, mode="rail", pinned="09:00")).entries[1]
    assert (tight.arrive, tight.start, boarding_text(tight)) == (540, 540, "")  # reached at 09:00: no wait to print
    assert boarding_text(plan(visit("ap")).entries[0]) == ""
