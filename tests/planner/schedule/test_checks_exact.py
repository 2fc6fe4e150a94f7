"""Every day check at its edges, and each problem's group, date, activity, site and numbers."""

import datetime as dt

import pytest

from planner.render.labels import short_date
from planner.schedule.problems import Severity
from planner.schedule.scheduler import schedule
from tests.builders import codes, day, group, site, tour, visit

MON = "2025-02-24"
MONDAY = dt.date(2025, 2, 24)
TUESDAY = dt.date(2025, 2, 25)
MEAL = {"kind": "meal", "minutes": 45}


def found(t, code):
    return [p for p in schedule(t).problems if p.code == code]


def one(t, code):
    (p,) = found(t, code)
    return p


def where(p):
    return (p.group_id, p.date, p.activity_id, p.site_id)


# --- the day window ------------------------------------------------------------------------------

@pytest.mark.parametrize(("minutes", "over"), [(600, 0), (601, 1)])
def test_a_day_may_end_exactly_when_the_window_closes(minutes, over):
    t = tour(group("a", day(MON, visit("x", minutes=minutes))), sites=[site("x")])
    problems = found(t, "day-overflow")
    if not over:
        assert problems == [] and schedule(t).plan("a", MONDAY).slack == 0
    else:
        (p,) = problems
        assert where(p) == ("a", MONDAY, None, None)
        assert (p.values()["over"], p.values()["day_end"], p.values()["window_end"]) == (1, "18:01", "18:00")


# --- closures ------------------------------------------------------------------------------------

def test_a_closed_museum_is_caught_after_a_meal_and_a_transfer_earlier_in_the_day():
    ride = {"kind": "transfer", "mode": "coach", "site": "hotel", "minutes": 10}
    t = tour(group("a", day(MON, dict(MEAL), ride, visit("museum", id="m"))),
             sites=[site("museum", "博物馆", closed_weekdays=[1])])
    p = one(t, "closed-weekday")
    assert where(p) == ("a", MONDAY, "m", "museum")
    assert (p.values()["weekday"], p.values("en")["weekday"], p.values()["site"]) == ("周一", "Monday", "博物馆")


def test_a_museum_closed_on_mondays_and_on_holidays_is_still_closed_on_an_ordinary_monday():
    t = tour(group("a", day(MON, visit("museum"))),
             sites=[site("museum", closed_weekdays=[1], closed_on_holidays=True)])
    assert codes(schedule(t).problems) == ["closed-weekday"]


def _sunday(closed_on_holidays):
    # Sunday 28 Sep 2025 is a 调休 working day.
    return tour(group("a", day("2025-09-28", visit("s", id="v"))),
                sites=[site("s", closed_weekdays=[7], closed_on_holidays=closed_on_holidays)],
                start_date="2025-09-27", end_date="2025-10-03")


def test_a_makeup_working_sunday_opens_offices_that_follow_the_working_calendar():
    assert found(_sunday(True), "closed-weekday") == []


def test_a_makeup_working_sunday_does_not_open_a_site_that_simply_closes_on_sundays():
    assert where(one(_sunday(False), "closed-weekday")) == ("a", dt.date(2025, 9, 28), "v", "s")


@pytest.mark.parametrize("closes", [True, False])
def test_a_holiday_closes_only_sites_that_close_on_holidays(closes):
    t = tour(group("a", day("2025-10-01", dict(MEAL), visit("s", id="v"))),
             sites=[site("s", "市政府", closed_on_holidays=closes)], start_date="2025-09-27", end_date="2025-10-03")
    problems = found(t, "closed-holiday")
    if closes:
        (p,) = problems
        assert where(p) == ("a", dt.date(2025, 10, 1), "v", "s")
        assert (p.values()["holiday"], p.values("en")["holiday"], p.values()["site"]) == (
            "国庆节", "National Day", "市政府")
    else:
        assert problems == []


def test_a_meal_or_lecture_without_a_site_follows_no_opening_hours():
    t = tour(group("a", day(MON, {"kind": "lecture", "minutes": 60}, start="museum", end="museum")),
             sites=[site("museum", closed_weekdays=[1], hours=[{"start": "14:00", "end": "15:00"}])])
    assert schedule(t).problems == []


# --- pins, legs, visits --------------------------------------------------------------------------

def test_a_late_pin_names_the_activity_the_pin_the_arrival_and_the_delay():
    t = tour(group("a", day(MON, visit("x", minutes=120), {"kind": "lecture", "site": "y", "pinned": "10:30",
                                                           "id": "talk", "title": "开班讲座"}, start="x")),
             sites=[site("x"), site("y", at=(30.5, 120.5))],
             travel={"overrides": [{"origin": "x", "destination": "y", "minutes": 60}]})
    p = one(t, "pinned-unreachable")
    assert where(p) == ("a", MONDAY, "talk", "y")
    v = p.values()
    assert (v["activity"], v["pinned"], v["arrive"], v["late"]) == ("开班讲座", "10:30", "11:00", 30)
    e = schedule(t).plan("a", MONDAY).entries[1]
    assert (e.start, e.pinned_late) == (660, 30)


@pytest.mark.parametrize(("minutes", "warned"), [(180, False), (181, True)])
def test_a_leg_of_exactly_the_limit_is_not_long(minutes, warned):
    t = tour(group("a", day(MON, visit("y", minutes=30, id="v"), start="hotel", end="hotel2")),
             sites=[site("y", "远方", at=(31.5, 120.5)), site("hotel2", "二号酒店", kind="hotel", at=(31.5, 120.5))],
             travel={"overrides": [{"origin": "hotel", "destination": "y", "minutes": minutes, "km": 200.4},
                                   {"origin": "y", "destination": "hotel2", "minutes": minutes}]})
    problems = found(t, "long-leg")
    if not warned:
        assert problems == []
    else:
        to_hotel, to_visit = problems  # day-level problems sort before the first activity's
        assert where(to_visit) == ("a", MONDAY, "v", "y") and where(to_hotel)[:3] == ("a", MONDAY, None)
        assert (to_visit.values()["site"], to_visit.values()["km"], to_visit.values()["minutes"]) == ("远方", 200, 181)
        assert (to_hotel.values()["site"], to_hotel.values()["limit"]) == ("二号酒店", 180)
        assert (to_hotel.values()["minutes"], to_hotel.values()["km"]) == (181, 0)  # same point: 0 km


@pytest.mark.parametrize(("count", "warned"), [(5, False), (6, True)])
def test_exactly_the_daily_maximum_of_visits_is_fine(count, warned):
    t = tour(group("a", day(MON, *(visit(f"s{i}", minutes=20) for i in range(count)), dict(MEAL))),
             sites=[site(f"s{i}") for i in range(count)], max_visits_per_day=5)
    problems = found(t, "too-many-visits")
    assert schedule(t).plan("a", MONDAY).visits == count
    if warned:
        (p,) = problems
        assert where(p) == ("a", MONDAY, None, None) and (p.values()["count"], p.values()["limit"]) == (6, 5)
    else:
        assert problems == []


def test_a_revisit_is_reported_on_the_second_visit_with_the_first_date():
    t = tour(group("a", day(MON, visit("s", minutes=30)),
                   day("2025-02-25", dict(MEAL), {"kind": "lecture", "site": "s", "minutes": 30},
                       visit("s", minutes=30, id="again"))),
             sites=[site("s", "园区")])
    p = one(t, "site-revisited")
    assert where(p) == ("a", TUESDAY, "again", "s")
    assert (p.values()["first"], p.values("en")["first"]) == (short_date(MONDAY, "zh"), short_date(MONDAY, "en"))
    assert p.values()["site"] == "园区"


# --- nights --------------------------------------------------------------------------------------

def test_a_day_starting_away_from_last_nights_hotel_names_both():
    t = tour(group("a", day(MON, visit("x", minutes=30)), day("2025-02-25", visit("x", minutes=30), start="h2")),
             sites=[site("x"), site("h2", "二号酒店", kind="hotel")])
    p = one(t, "start-mismatch")
    assert where(p) == ("a", TUESDAY, None, None)
    assert (p.values()["start"], p.values()["previous"]) == ("二号酒店", "酒店")


def test_days_with_a_gap_between_them_are_not_compared():
    t = tour(group("a", day(MON, visit("x", minutes=30)), day("2025-02-26", visit("x", minutes=30), start="h2")),
             sites=[site("x"), site("h2", kind="hotel")])
    assert found(t, "start-mismatch") == []


def test_no_hotel_is_noted_except_on_the_tours_last_day():
    t = tour(group("a", day(MON, visit("x", minutes=30), end=None), day("2025-02-28", visit("x", minutes=30),
                                                                         end=None)),
             sites=[site("x")])
    p = one(t, "no-hotel")
    assert where(p) == ("a", MONDAY, None, None) and p.severity is Severity.INFO


# --- lunch ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("minutes", "warned"), [(255, False), (256, True)])
def test_a_day_ending_by_lunch_time_needs_no_lunch(minutes, warned):
    # 08:00 + 255 = 12:15 = 11:30 + 45: the group has had its morning and lunches after the day
    t = tour(group("a", day(MON, visit("x", minutes=minutes))), sites=[site("x")])
    assert bool(found(t, "no-lunch")) is warned


@pytest.mark.parametrize(("pinned", "warned"), [("12:45", False), ("12:44", True)])
def test_a_day_starting_after_lunch_time_needs_no_lunch(pinned, warned):
    t = tour(group("a", day(MON, visit("x", minutes=240, pinned=pinned))), sites=[site("x")])
    problems = found(t, "no-lunch")
    assert bool(problems) is warned
    if warned:
        p = problems[0]
        assert where(p) == ("a", MONDAY, None, None)
        assert (p.values()["window"], p.values()["minutes"]) == ("11:30–13:30", 45)


@pytest.mark.parametrize(("free", "warned"), [(45, False), (44, True)])
def test_free_time_in_the_lunch_window_is_a_break_of_its_length(free, warned):
    t = tour(group("a", day(MON, visit("x", minutes=210), {"kind": "free", "minutes": free},
                            visit("y", minutes=240))),
             sites=[site("x"), site("y")])
    assert bool(found(t, "no-lunch")) is warned


@pytest.mark.parametrize(("pinned", "warned"), [("12:15", False), ("12:14", True)])
def test_waiting_in_the_lunch_window_is_a_break(pinned, warned):
    # the morning visit ends 11:30; waiting for a 12:15 start is a 45-minute break
    t = tour(group("a", day(MON, visit("x", minutes=210), visit("y", pinned=pinned, minutes=240))),
             sites=[site("x"), site("y")])
    assert bool(found(t, "no-lunch")) is warned


def test_a_lunch_may_fill_the_window_exactly():
    t = tour(group("a", day(MON, visit("x", minutes=120), {"kind": "meal", "pinned": "11:30", "minutes": 120},
                            visit("y", minutes=120))),
             sites=[site("x"), site("y")])
    assert schedule(t).problems == []


@pytest.mark.parametrize(("start", "warned"), [("12:45", False), ("12:46", True), ("10:45", False),
                                               ("10:44", True)])
def test_a_lunch_needs_the_lunch_length_inside_the_window(start, warned):
    t = tour(group("a", day(MON, {"kind": "meal", "pinned": start, "minutes": 90, "id": "m"})), sites=[])
    problems = found(t, "meal-outside-lunch")
    assert bool(problems) is warned
    if warned:
        assert problems[0].values()["minutes"] == 45 and where(problems[0])[:3] == ("a", MONDAY, "m")


def test_a_short_meal_counts_with_its_own_length():
    t = tour(group("a", day(MON, {"kind": "meal", "pinned": "13:00", "minutes": 30, "id": "m"})), sites=[])
    assert found(t, "meal-outside-lunch") == []
    t2 = tour(group("a", day(MON, {"kind": "meal", "pinned": "13:01", "minutes": 30, "id": "m"})), sites=[])
    assert one(t2, "meal-outside-lunch").values()["minutes"] == 30


def test_a_meal_starting_when_the_window_closes_is_a_dinner():
    t = tour(group("a", day(MON, {"kind": "meal", "pinned": "13:30", "minutes": 60, "title": "晚餐"})), sites=[])
    assert codes(schedule(t).problems) == []
    early = tour(group("a", day(MON, {"kind": "meal", "pinned": "13:29", "minutes": 60, "title": "午餐"})),
                 sites=[])
    assert one(early, "meal-outside-lunch").values()["activity"] == "午餐"


def test_an_activity_is_named_by_its_title_else_its_site_else_its_kind():
    def name_of(act, start="hotel"):
        t = tour(group("a", day(MON, act, start=start)), sites=[site("x", "园区")])
        return one(t, "meal-outside-lunch").values()["activity"]

    assert name_of({"kind": "meal", "pinned": "09:00", "title": "早午餐"}) == "早午餐"
    assert name_of({"kind": "meal", "pinned": "09:00", "site": "x"}) == "园区"
    assert name_of({"kind": "meal", "pinned": "09:00"}, start=None) == "meal"


def test_a_day_of_nothing_but_a_long_drive_needs_no_lunch():
    t = tour(group("a", day(MON, end="far")), sites=[site("far", kind="hotel", at=(31.0, 121.0))],
             travel={"overrides": [{"origin": "hotel", "destination": "far", "minutes": 300}]})
    assert codes(schedule(t).problems) == ["long-leg"]


def test_no_lunch_length_means_no_lunch_warning():
    t = tour(group("a", day(MON, visit("x", minutes=500))), sites=[site("x")], lunch_minutes=0)
    assert schedule(t).problems == []


def test_free_time_adds_up_across_the_window():
    free = {"kind": "free", "minutes": 25}
    t = tour(group("a", day(MON, visit("x", minutes=210), dict(free), visit("y", minutes=5), dict(free),
                            visit("z", minutes=240))),
             sites=[site("x"), site("y"), site("z")])
    assert found(t, "no-lunch") == []


def test_a_site_that_closed_as_the_group_arrives_is_waited_for_until_it_reopens():
    # arrive 10:00 as the morning span closes; 13:00–13:30 is too short for an hour: start 13:00, flagged
    t = tour(group("a", day(MON, visit("x", minutes=120), visit("park", minutes=60))),
             sites=[site("x"), site("park", hours=[{"start": "09:00", "end": "10:00"},
                                                   {"start": "13:00", "end": "13:30"}])])
    e = schedule(t).plan("a", MONDAY).entries[1]
    assert (e.arrive, e.start, e.hours_violation) == (600, 780, True)


def test_outside_hours_names_the_site_the_stay_and_every_opening_span():
    t = tour(group("a", day(MON, visit("park", minutes=150, id="v"))),
             sites=[site("park", "公园", hours=[{"start": "09:00", "end": "10:00"}, {"start": "14:00", "end": "15:00"}])])
    p = one(t, "outside-hours")
    assert where(p) == ("a", MONDAY, "v", "park")
    v = p.values()
    assert (v["site"], v["start"], v["end"], v["hours"]) == ("公园", "09:00", "11:30", "09:00–10:00、14:00–15:00")


@pytest.mark.parametrize(("mode", "pin", "left", "margin"), [
    ("rail", "09:20", 20, 30), ("rail", "09:30", None, 30), ("flight", "10:29", 89, 90), ("flight", "10:30", None, 90),
    ("coach", "09:00", None, 0)])
def test_a_train_or_plane_reached_within_its_boarding_margin_is_a_warning_naming_the_times(mode, pin, left, margin):
    """A 60-minute visit from 08:00 at the station's own point: the group is there at 09:00."""
    t = tour(group("a", day(MON, visit("st", minutes=60), {"kind": "transfer", "mode": mode, "origin": "st",
                                                            "site": "far", "minutes": 60, "pinned": pin,
                                                            "id": "ride", "title": "出发"})),
             sites=[site("st", "车站", kind="station"), site("far", "远方", kind="station", at=(31.5, 121.5))])
    codes = [p.code for p in schedule(t).problems]
    assert "pinned-unreachable" not in codes
    if left is None:
        assert "boarding-margin" not in codes
        return
    p = one(t, "boarding-margin")
    assert where(p) == ("a", MONDAY, "ride", "far")
    v = p.values()
    assert (v["activity"], v["arrive"], v["start"], v["left"], v["margin"]) == ("出发", "09:00", pin, left, margin)
    assert p.severity.value == "warning"


def test_the_first_train_of_a_day_sets_off_its_margin_early_and_the_margins_are_the_tours():
    t = tour(group("a", day(MON, {"kind": "transfer", "mode": "flight", "origin": "ap", "site": "far", "minutes": 60,
                                  "pinned": "11:00"})),
             sites=[site("ap", "机场", kind="station"), site("far", "远方", kind="station", at=(31.5, 121.5))],
             travel={"airport_minutes": 120, "overrides": [{"origin": "hotel", "destination": "ap", "minutes": 40}]})
    e = schedule(t).plan("a", MONDAY).entries[0]
    assert (e.depart, e.arrive, e.start, e.wait) == (8 * 60 + 20, 9 * 60, 11 * 60, 120)  # 11:00 − 120 − 40
