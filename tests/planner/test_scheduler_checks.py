"""Each scheduler check against a small tour whose answer is worked out by hand."""

import datetime as dt

from planner.schedule.problems import Severity
from planner.schedule.scheduler import schedule
from tests.builders import codes, day, group, site, tour, visit

MON = "2025-02-24"


def errors(result):
    return [p for p in result.problems if p.severity is Severity.ERROR]


def test_two_groups_overlapping_30_minutes_at_a_one_group_site_give_one_error_naming_both():
    # A: 10:00–11:30, B: 11:00–12:00 at the same showroom (takes one group): they share 11:00–11:30.
    t = tour(group("a", day(MON, visit("show", pinned="10:00", minutes=90)), name="第一组"),
             group("b", day(MON, visit("show", pinned="11:00", minutes=60)), name="第二组"),
             sites=[site("show", "展厅", max_groups=1)])
    result = schedule(t)
    clashes = [p for p in result.problems if p.code == "over-capacity-groups"]
    assert len(clashes) == 1
    assert set(clashes[0].groups) == {"a", "b"}
    assert "第一组" in clashes[0].message() and "第二组" in clashes[0].message()
    assert "11:00–11:30" in clashes[0].message()
    assert errors(result) == clashes


def test_back_to_back_bookings_do_not_clash():
    t = tour(group("a", day(MON, visit("show", pinned="10:00", minutes=60))),
             group("b", day(MON, visit("show", pinned="11:00", minutes=60))),
             sites=[site("show", max_groups=1)])
    assert "over-capacity-groups" not in codes(schedule(t).problems)


def test_a_joint_session_counts_once_for_groups_but_all_its_people_count():
    # Three groups of 30 at one opening: one booking for a hall that takes one group; 90 people fit 100.
    opening = {"kind": "lecture", "site": "hall", "pinned": "14:30", "minutes": 90, "joint": "opening"}
    t = tour(*(group(g, day("2025-02-23", dict(opening))) for g in ("a", "b", "c")),
             sites=[site("hall", kind="venue", max_groups=1, max_people=100)])
    assert errors(schedule(t)) == []
    small = tour(*(group(g, day("2025-02-23", dict(opening))) for g in ("a", "b", "c")),
                 sites=[site("hall", kind="venue", max_groups=1, max_people=80)])
    over = [p for p in schedule(small).problems if p.code == "over-capacity-people"]
    assert len(over) == 1 and over[0].values()["people"] == 90


def test_two_small_groups_exceed_a_people_limit_together():
    t = tour(group("a", day(MON, visit("lab", pinned="10:00")), headcount=30),
             group("b", day(MON, visit("lab", pinned="10:30")), headcount=30),
             sites=[site("lab", max_groups=2, max_people=50)])
    result = schedule(t)
    assert codes(errors(result)) == ["over-capacity-people"]
    assert errors(result)[0].values()["people"] == 60


def test_a_day_that_ends_45_minutes_late_overflows_by_45():
    # 08:00–18:00 at the factory (600 min, no travel: same point), then a known 45-minute leg to the hotel.
    t = tour(group("a", day(MON, visit("far", minutes=600), start="far", end="hotel")),
             sites=[site("far")],
             travel={"overrides": [{"origin": "far", "destination": "hotel", "minutes": 45}]})
    result = schedule(t)
    plan = result.plan("a", dt.date(2025, 2, 24))
    assert plan.day_end == 18 * 60 + 45
    assert plan.slack == -45
    overflow = [p for p in result.problems if p.code == "day-overflow"]
    assert len(overflow) == 1 and overflow[0].values()["over"] == 45
    assert "45 分钟" in overflow[0].message()


def test_a_monday_visit_to_a_site_closed_on_mondays_is_one_closed_day_error():
    t = tour(group("a", day(MON, visit("museum"))),
             sites=[site("museum", "博物馆", kind="government", closed_weekdays=[1])])
    result = schedule(t)
    assert codes(errors(result)) == ["closed-weekday"]
    assert "周一" in errors(result)[0].message()
    assert "Monday" in errors(result)[0].message("en")


def test_the_same_site_on_tuesday_is_fine():
    t = tour(group("a", day("2025-02-25", visit("museum"))),
             sites=[site("museum", kind="government", closed_weekdays=[1])])
    assert errors(schedule(t)) == []


def test_public_holiday_closes_a_site_that_closes_on_holidays():
    # 1 Oct 2025 is National Day; a 调休 Saturday (28 Sep 2025) is a working day for offices.
    sites = [site("office", kind="government", closed_weekdays=[6, 7], closed_on_holidays=True)]
    holiday = tour(group("a", day("2025-10-01", visit("office"))), sites=sites,
                   start_date="2025-09-27", end_date="2025-10-03")
    found = [p for p in schedule(holiday).problems if p.code == "closed-holiday"]
    assert len(found) == 1 and "国庆节" in found[0].message()
    makeup = tour(group("a", day("2025-09-28", visit("office"))), sites=sites,
                  start_date="2025-09-27", end_date="2025-10-03")
    assert errors(schedule(makeup)) == []


def test_waits_for_opening_and_flags_a_stay_past_closing():
    # Leave at 08:00, no travel; the site opens 09:00–11:00; a 150-minute visit cannot fit.
    t = tour(group("a", day(MON, visit("park", minutes=150))),
             sites=[site("park", hours=[{"start": "09:00", "end": "11:00"}])])
    result = schedule(t)
    assert codes(errors(result)) == ["outside-hours"]
    ok = tour(group("a", day(MON, visit("park", minutes=90))),
              sites=[site("park", hours=[{"start": "09:00", "end": "11:00"}])])
    plan = schedule(ok).plan("a", dt.date(2025, 2, 24))
    # the first visit: the group sets off in time for the 09:00 opening instead of waiting an hour
    assert (plan.entries[0].start, plan.entries[0].wait, plan.day_start) == (9 * 60, 0, 9 * 60)


def test_a_pinned_time_that_cannot_be_reached():
    # Visit 1 runs 08:00–10:00; a known 60-minute leg; visit 2 is pinned at 10:30: arrives 11:00, 30 late.
    t = tour(group("a", day(MON, visit("x", minutes=120), visit("y", pinned="10:30"), start="x")),
             sites=[site("x"), site("y", at=(30.5, 120.5))],
             travel={"overrides": [{"origin": "x", "destination": "y", "minutes": 60}]})
    late = [p for p in schedule(t).problems if p.code == "pinned-unreachable"]
    assert len(late) == 1 and late[0].values()["late"] == 30
    assert "10:30" in late[0].message() and "11:00" in late[0].message()


def test_a_long_coach_leg_is_a_warning():
    t = tour(group("a", day(MON, visit("x", minutes=30), visit("y", minutes=30), start="x", end="y")),
             sites=[site("x"), site("y", at=(32.0, 120.15))])  # ~193 km north: ~2h50 plus boarding
    result = schedule(t)
    legs = [p for p in result.problems if p.code == "long-leg"]
    assert len(legs) == 1 and legs[0].severity is Severity.WARNING


def test_no_lunch_in_the_lunch_window_is_a_warning_and_a_meal_clears_it():
    busy = tour(group("a", day(MON, visit("x", minutes=240), visit("x2", minutes=240))),
                sites=[site("x"), site("x2")])
    assert "no-lunch" in codes(schedule(busy).problems)
    fed = tour(group("a", day(MON, visit("x", minutes=240), {"kind": "meal"}, visit("x2", minutes=180))),
               sites=[site("x"), site("x2")])
    assert "no-lunch" not in codes(schedule(fed).problems)


def test_more_visits_than_the_day_allows_and_a_site_visited_twice():
    sites = [site(f"s{i}") for i in range(6)]
    t = tour(group("a", day(MON, *(visit(f"s{i}", minutes=30) for i in range(6))),
                   day("2025-02-25", visit("s0", minutes=30))),
             sites=sites, max_visits_per_day=5)
    found = codes(schedule(t).problems)
    assert found.count("too-many-visits") == 1
    assert found.count("site-revisited") == 1


def test_a_day_that_starts_away_from_last_nights_hotel():
    t = tour(group("a", day(MON, visit("x", minutes=30), end="hotel"),
                   day("2025-02-25", visit("x", minutes=30), start="other")),
             sites=[site("x"), site("other", kind="hotel")])
    assert codes(schedule(t).problems).count("start-mismatch") == 1


def test_balance_across_groups_is_information():
    near, far = (30.37, 120.15), (30.27, 121.15)  # ~11 km and ~96 km from the hotel
    t = tour(group("a", day(MON, visit("near", minutes=30))),
             group("b", day(MON, visit("far", minutes=30))),
             sites=[site("near", at=near, topics=["乡村振兴"]), site("far", at=far, topics=["产业发展"])])
    result = schedule(t)
    info = [p for p in result.problems if p.severity is Severity.INFO]
    assert "balance-driving" in codes(info)
    assert codes(info).count("balance-topics") == 2


def test_same_input_same_output():
    t = tour(group("a", day(MON, visit("show", pinned="10:00", minutes=90))),
             group("b", day(MON, visit("show", pinned="11:00", minutes=60))),
             sites=[site("show")])
    first = [p.to_json() for p in schedule(t).problems]
    assert first == [p.to_json() for p in schedule(t).problems]


def test_a_long_drive_to_tonights_hotel_is_a_warning_too():
    # The visit is next to the start; tonight's hotel is ~193 km north (about 2h50 plus boarding).
    t = tour(group("a", day(MON, visit("x", minutes=30), start="x", end="far-hotel")),
             sites=[site("x"), site("far-hotel", "远方酒店", kind="hotel", at=(32.0, 120.15))])
    legs = [p for p in schedule(t).problems if p.code == "long-leg"]
    assert len(legs) == 1 and "远方酒店" in legs[0].message()


def test_a_capacity_clash_names_the_activities_of_both_groups():
    t = tour(group("a", day(MON, visit("show", pinned="10:00", minutes=90, id="va"))),
             group("b", day(MON, visit("show", pinned="11:00", minutes=60, id="vb"))),
             sites=[site("show", max_groups=1)])
    (clash,) = [p for p in schedule(t).problems if p.code == "over-capacity-groups"]
    assert clash.involves("va") and clash.involves("vb")
    assert sorted(clash.to_json()["activities"]) == ["va", "vb"]


def test_a_transfer_without_a_boarding_point_is_the_journey_itself():
    # A chartered coach from the hotel to a far city, 150 minutes known: no model leg on top of it.
    t = tour(group("a", day(MON, {"kind": "transfer", "mode": "coach", "site": "far", "minutes": 150},
                         start="hotel", end="far")),
             sites=[site("far", "珠海", kind="hotel", at=(22.27, 113.57))])
    plan = schedule(t).plan("a", dt.date(2025, 2, 24))
    (entry,) = plan.entries
    assert entry.leg.minutes == 0 and (entry.start, entry.end) == (8 * 60, 8 * 60 + 150)
    assert plan.day_end == 8 * 60 + 150 and plan.travel_minutes == 150


def test_a_transfer_from_a_station_first_drives_to_the_station():
    t = tour(group("a", day(MON, {"kind": "transfer", "mode": "rail", "origin": "station", "site": "far",
                                  "minutes": 60, "pinned": "10:00"}, start="hotel", end="far")),
             sites=[site("station", "杭州东站", kind="station", at=(30.29, 120.21)),
                    site("far", "上海虹桥站", kind="station", at=(31.19, 121.32))])
    (entry,) = schedule(t).plan("a", dt.date(2025, 2, 24)).entries
    assert entry.leg.minutes > 0 and entry.leg_to.id == "station"
    assert (entry.start, entry.end) == (10 * 60, 11 * 60)


def test_a_day_that_starts_late_is_not_idle_before_it_starts():
    # The group arrives for a 14:30 opening: the morning is not waiting time, the day runs 14:30–16:00.
    t = tour(group("a", day(MON, {"kind": "lecture", "site": "hall", "pinned": "14:30", "minutes": 90},
                         start="hall", end="hall")),
             sites=[site("hall", kind="venue")])
    plan = schedule(t).plan("a", dt.date(2025, 2, 24))
    assert (plan.day_start, plan.day_end) == (14 * 60 + 30, 16 * 60)
    assert plan.idle_minutes == 0 and plan.used_minutes == 90 and plan.slack == 120
