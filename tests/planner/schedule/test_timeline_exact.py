"""Exact timelines at the edges: opening hours to the minute, default durations, positions."""

import datetime as dt

import pytest

from planner.schedule.scheduler import schedule
from planner.schedule.timeline import plan_day
from planner.schedule.travel import TravelEstimator
from tests.builders import codes, day, group, site, tour, visit

MON = "2025-02-24"
MONDAY = dt.date(2025, 2, 24)
HOURS = [{"start": "09:00", "end": "10:00"}]


def plan_of(t):
    return schedule(t).plan("a", MONDAY)


def test_a_visit_lasts_its_sites_visit_minutes_and_entries_know_their_position():
    t = tour(group("a", day(MON, visit("x"), {"kind": "lecture", "site": "x"}, visit("y"))),
             sites=[site("x", visit_minutes=75), site("y", visit_minutes=0)])
    plan = plan_of(t)
    assert [e.duration for e in plan.entries] == [75, 150, 0]
    assert [e.index for e in plan.entries] == [0, 1, 2]
    assert [(e.start, e.end) for e in plan.entries] == [(480, 555), (555, 705), (705, 705)]


def test_a_visit_whose_site_is_gone_lasts_an_hour():
    # plan_day is given the tour's sites; a site deleted a moment ago is simply missing from them
    t = tour(group("a", day(MON, visit("x"))), sites=[site("x", visit_minutes=75)])
    sites = {s.id: s for s in t.sites if s.id != "x"}
    plan = plan_day(t, "a", t.groups[0].days[0], sites, TravelEstimator(t.travel))
    assert plan.entries[0].duration == 60


@pytest.mark.parametrize(("minutes", "fits"), [(60, True), (61, False)])
def test_an_unpinned_visit_may_end_exactly_at_closing(minutes, fits):
    t = tour(group("a", day(MON, visit("park", minutes=minutes))), sites=[site("park", hours=HOURS)])
    result = schedule(t)
    e = result.plan("a", MONDAY).entries[0]
    assert e.start == 9 * 60
    assert ("outside-hours" in codes(result.problems)) is not fits


@pytest.mark.parametrize(("pinned", "fits"), [("09:00", True), ("08:59", False), ("09:01", False)])
def test_a_pinned_visit_must_lie_inside_the_opening_hours(pinned, fits):
    t = tour(group("a", day(MON, visit("park", pinned=pinned, minutes=60, id="v"))),
             sites=[site("park", "公园", hours=HOURS)])
    result = schedule(t)
    found = [p for p in result.problems if p.code == "outside-hours"]
    assert result.plan("a", MONDAY).entries[0].start == int(pinned[:2]) * 60 + int(pinned[3:])
    if fits:
        assert found == []
    else:
        (p,) = found
        assert (p.group_id, p.date, p.activity_id, p.site_id) == ("a", MONDAY, "v", "park")
        assert (p.values()["start"], p.values()["hours"]) == (pinned, "09:00–10:00")


def test_a_visit_waits_for_the_afternoon_opening_when_the_morning_is_too_short():
    t = tour(group("a", day(MON, visit("x", minutes=30), visit("park", minutes=90))),
             sites=[site("x"), site("park", hours=[{"start": "08:00", "end": "09:30"},
                                                   {"start": "13:30", "end": "17:00"}])])
    e = plan_of(t).entries[1]
    assert (e.arrive, e.start, e.wait, e.hours_violation) == (510, 810, 300, False)


def test_a_pinned_time_reached_exactly_is_not_late():
    t = tour(group("a", day(MON, visit("x", minutes=60), visit("y", pinned="09:30"), start="x")),
             sites=[site("x"), site("y", at=(30.5, 120.5))],
             travel={"overrides": [{"origin": "x", "destination": "y", "minutes": 30}]})
    result = schedule(t)
    e = result.plan("a", MONDAY).entries[1]
    assert (e.arrive, e.start, e.wait, e.pinned_late) == (570, 570, 0, 0)
    assert "pinned-unreachable" not in codes(result.problems)


def test_a_transfer_boards_at_its_origin_and_the_day_continues_from_its_destination():
    t = tour(group("a", day(MON, {"kind": "transfer", "mode": "rail", "origin": "st", "site": "st2",
                                  "minutes": 60, "pinned": "10:00"}, visit("y", minutes=30), end="y")),
             sites=[site("st", kind="station"), site("st2", kind="station", at=(31.0, 121.0)),
                    site("y", at=(31.0, 121.0))],
             travel={"overrides": [{"origin": "hotel", "destination": "st", "minutes": 40, "km": 12}]})
    plan = plan_of(t)
    ride, v = plan.entries
    # at the station the train's 30 minutes of boarding before 10:00, so off at 08:50 for the 40-minute drive
    assert (ride.depart, ride.arrive, ride.start, ride.end, ride.wait) == (530, 570, 600, 660, 30)
    assert (ride.leg.km, ride.leg_to.id, ride.site.id) == (12, "st", "st2")
    assert (v.depart, v.arrive, v.leg.minutes, v.start) == (660, 660, 0, 660)
    assert plan.travel_minutes == 100 and plan.coach_minutes == 0 and plan.activity_minutes == 30
