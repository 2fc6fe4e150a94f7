"""The schedule as a whole: counts by severity, plans per group in date order, the problem order."""

import datetime as dt

from planner.schedule.problems import Problem, Severity
from planner.schedule.scheduler import schedule, sort_problems
from tests.builders import day, group, site, tour, visit

MON, TUE = dt.date(2025, 2, 24), dt.date(2025, 2, 25)


def test_counts_by_severity_and_errors():
    # a: one visit of 11 h (day-overflow, error) and no hotel on Monday (info); b: no hotel either
    t = tour(group("a", day("2025-02-24", visit("x", minutes=660), end=None)),
             group("b", day("2025-02-24", visit("x", minutes=60), end=None)), sites=[site("x", max_groups=2)])
    s = schedule(t)
    assert sorted(p.code for p in s.problems) == ["day-overflow", "no-hotel", "no-hotel", "no-lunch"]
    assert (s.count(Severity.ERROR), s.count(Severity.WARNING), s.count(Severity.INFO)) == (1, 1, 2)
    assert s.has_errors
    fine = schedule(tour(group("a", day("2025-02-24", visit("x", minutes=60))), sites=[site("x")]))
    assert fine.problems == [] and not fine.has_errors and fine.count(Severity.ERROR) == 0


def test_plans_per_group_in_date_order_whatever_the_file_order():
    t = tour(group("a", day("2025-02-25", visit("x")), day("2025-02-24", visit("x"), end="inn")),
             group("b", day("2025-02-24")), sites=[site("x"), site("inn", kind="hotel")])
    s = schedule(t)
    assert s.tour is t
    assert [p.date for p in s.group_plans("a")] == [MON, TUE]
    assert [p.date for p in s.group_plans("b")] == [MON]
    assert s.plan("b", TUE) is None and s.plan("a", TUE).group_id == "a"
    # Tuesday follows Monday even though the file lists it first: it starts away from last night's inn
    (p,) = [p for p in s.problems if p.code == "start-mismatch"]
    assert (p.group_id, p.date) == ("a", TUE)


def test_problems_sort_errors_first_then_tour_wide_then_group_date_and_place_in_the_day():
    t = tour(group("a", day("2025-02-24", visit("x", id="v1"), visit("x", id="v2")), day("2025-02-25")),
             group("b", day("2025-02-24")), sites=[site("x")])
    given = [Problem("no-hotel", "b", MON), Problem("holidays-unknown"), Problem("no-hotel", "a", TUE),
             Problem("no-hotel", "a", MON), Problem("long-leg", "a", MON, "v2"), Problem("long-leg", "a", MON, "v1"),
             Problem("too-many-visits", "a", MON), Problem("balance-visits"), Problem("day-overflow", "b", MON),
             Problem("start-mismatch", "b", None)]
    order = [(p.code, p.group_id, p.date, p.activity_id) for p in sort_problems(t, given)]
    assert order == [("day-overflow", "b", MON, None),
                     ("too-many-visits", "a", MON, None),
                     ("long-leg", "a", MON, "v1"), ("long-leg", "a", MON, "v2"),
                     ("start-mismatch", "b", None, None),
                     ("balance-visits", None, None, None), ("holidays-unknown", None, None, None),
                     ("no-hotel", "a", MON, None), ("no-hotel", "a", TUE, None), ("no-hotel", "b", MON, None)]


def test_a_problem_reads_in_chinese_unless_asked_otherwise():
    p = Problem("no-hotel", "g1", MON, params={"group": "一组", "date": "2月24日"})
    assert p.message() == "一组 2月24日：未指定当晚住宿" == p.message("zh")
    assert p.message("en") == "一组 2月24日: no hotel for the night"


def test_a_night_or_a_start_left_open_is_no_start_mismatch():
    no_hotel = tour(group("a", day("2025-02-24", visit("x"), end=None), day("2025-02-25", visit("y"))),
                    sites=[site("x"), site("y")])
    assert [(p.code, p.date) for p in schedule(no_hotel).problems] == [("no-hotel", MON)]
    no_start = tour(group("a", day("2025-02-24", visit("x"), end="inn"), day("2025-02-25", visit("y"), start=None)),
                    sites=[site("x"), site("y"), site("inn", kind="hotel")])
    assert schedule(no_start).problems == []


def test_arriving_after_the_last_closing_starts_on_arrival_and_is_outside_hours():
    t = tour(group("a", day("2025-02-24", visit("x", minutes=180), visit("park", minutes=60, id="p"))),
             sites=[site("x"), site("park", hours=[{"start": "09:00", "end": "10:00"}])])
    e = schedule(t).plan("a", MON).entries[1]
    assert (e.arrive, e.start, e.end, e.hours_violation) == (660, 660, 720, True)
    (p,) = [p for p in schedule(t).problems if p.code == "outside-hours"]
    assert (p.group_id, p.date, p.activity_id, p.values()["start"], p.values()["end"]) == ("a", MON, "p", "11:00",
                                                                                          "12:00")
