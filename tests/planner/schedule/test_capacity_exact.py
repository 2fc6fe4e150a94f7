"""Site capacity at its limits, every clash reported, with its groups, times and numbers."""

import datetime as dt

import pytest

from planner.schedule.scheduler import schedule
from tests.builders import codes, day, group, site, tour, visit

MON = "2025-02-24"
MONDAY = dt.date(2025, 2, 24)


def clashes(t, code):
    return [p for p in schedule(t).problems if p.code == code]


@pytest.mark.parametrize(("second", "over"), [(25, False), (26, True)])
def test_a_booking_exactly_at_the_people_limit_fits(second, over):
    t = tour(group("a", day(MON, visit("lab", pinned="10:00", id="va")), headcount=25, name="第一组"),
             group("b", day(MON, visit("lab", pinned="10:30", minutes=90, id="vb")), headcount=second, name="第二组"),
             sites=[site("lab", "实验室", max_groups=2, max_people=50)])
    found = clashes(t, "over-capacity-people")
    if not over:
        assert found == []
        return
    (p,) = found
    assert (p.group_id, p.date, p.activity_id, p.site_id) == ("b", MONDAY, "vb", "lab")
    assert p.groups == ("a", "b") and p.activities == ("va", "vb")
    v = p.values()
    assert (v["people"], v["limit"], v["start"], v["end"], v["groups"], v["site"]) == (
        51, 50, "10:30", "11:00", "第一组、第二组", "实验室")


@pytest.mark.parametrize(("groups", "over"), [(2, False), (3, True)])
def test_exactly_the_group_limit_fits(groups, over):
    t = tour(*(group(f"g{i}", day(MON, visit("hall", pinned=f"{9 + i}:00", minutes=240))) for i in range(groups)),
             sites=[site("hall", max_groups=2)])
    found = clashes(t, "over-capacity-groups")
    assert bool(found) is over
    if over:
        (p,) = found
        assert (p.values()["count"], p.values()["limit"], p.values()["start"], p.values()["end"]) == (
            3, 2, "11:00", "13:00")  # all three are there from 11:00 until the first leaves
        assert p.group_id == "g2" and p.groups == ("g0", "g1", "g2")


def test_every_clash_is_reported_not_only_the_last():
    # Two sites, each double-booked at a different time; a meal earlier in the day changes nothing.
    meal = {"kind": "meal", "pinned": "08:00", "minutes": 30}
    t = tour(group("a", day(MON, dict(meal), visit("s1", pinned="09:00"), visit("s2", pinned="14:00"))),
             group("b", day(MON, dict(meal), visit("s1", pinned="09:30"), visit("s2", pinned="14:30"))),
             sites=[site("s1", max_groups=1), site("s2", max_groups=1)])
    found = clashes(t, "over-capacity-groups")
    assert sorted((p.site_id, p.values()["start"]) for p in found) == [("s1", "09:30"), ("s2", "14:30")]


def test_meals_at_a_site_do_not_book_it():
    t = tour(group("a", day(MON, {"kind": "meal", "site": "hall", "pinned": "12:00"})),
             group("b", day(MON, {"kind": "meal", "site": "hall", "pinned": "12:00"})),
             sites=[site("hall", max_groups=1)])
    assert codes(schedule(t).problems) == []


def test_a_joint_session_counts_once_even_with_other_groups_there():
    # a and b share one session; c comes separately: two bookings at a site that takes two
    opening = {"kind": "lecture", "site": "hall", "pinned": "09:00", "minutes": 60, "joint": "open"}
    t = tour(group("a", day(MON, dict(opening))), group("b", day(MON, dict(opening))),
             group("c", day(MON, visit("hall", pinned="09:30", minutes=60))),
             sites=[site("hall", max_groups=2, max_people=90)])
    assert codes(schedule(t).problems) == []
    t.sites[-1].max_people = 89
    (p,) = clashes(t, "over-capacity-people")
    assert p.values()["people"] == 90 and p.groups == ("a", "b", "c")


def test_a_clash_reads_its_date_in_the_readers_language():
    t = tour(group("a", day(MON, visit("s", pinned="09:00"))), group("b", day(MON, visit("s", pinned="09:30"))),
             sites=[site("s", max_groups=1)])
    (p,) = clashes(t, "over-capacity-groups")
    assert (p.values()["date"], p.values("en")["date"]) == ("2月24日", "24 Feb")
