"""A plan written back into a tour: the days' new order, the lunch, pins only where the plan waits, nothing lost."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.io.errors import PlannerError
from planner.model.tour import ActivityKind
from planner.schedule.scheduler import schedule
from planner.solve.apply import apply_plan
from planner.solve.model import Plan, RoutePlan, Visit
from planner.solve.pool_model import extend
from planner.solve.request import PlanRequest, PoolSite
from planner.solve.runner import Outcome, check_groups, run
from planner.solve.tour_model import build
from tests.builders import day, group, site, tour, visit

D24, D25 = dt.date(2025, 2, 24), dt.date(2025, 2, 25)
R24, R25 = "g1@2025-02-24", "g1@2025-02-25"


def _tour():
    """Every site next door to the hotel: no driving, so every start is worked out from the durations."""
    return tour(group("g1", day("2025-02-24", visit("farm", id="f1"), visit("museum", id="m1"),
                                {"kind": "meal", "id": "l1", "minutes": 60}),
                      day("2025-02-25", visit("hall", id="a1")), name="一组"),
                group("g2", day("2025-02-24", visit("zoo", id="z1", pinned="08:00")), name="二组"),
                sites=[site("farm"), site("museum"), site("hall"), site("zoo")])


def _plan(**routes: RoutePlan) -> Plan:
    return Plan(dict(routes), 0, 0, 0)


def _day(t, date):
    return [(a.id, a.kind.value, a.pinned.strftime("%H:%M") if a.pinned else None)
            for a in t.group("g1").day(date).activities]


def test_a_plan_reorders_the_days_and_pins_what_it_makes_wait():
    t = _tour()
    ti = build(t, ["g1"])
    plan = _plan(**{R24: RoutePlan(R24, 480, 810, (Visit("a1", 600), Visit("f1", 750)), 1, 690),
                    R25: RoutePlan(R25, 480, 540, (Visit("m1", 480),))})
    result = apply_plan(t, ti, plan)
    # the scheduler alone would start a1 at 08:00: pinned; lunch waits for 11:30 by itself, f1 follows it
    assert _day(t, D24) == [("a1", "visit", "10:00"), ("l1", "meal", None), ("f1", "visit", None)]
    assert _day(t, D25) == [("m1", "visit", None)]
    starts = {e.activity.id: e.start for e in result.plan("g1", D24).entries}
    assert starts == {"a1": 600, "l1": 690, "f1": 750}
    assert result.plan("g1", D25).entries[0].start == 480
    assert t.group("g2").days[0].activities[0].id == "z1"


def test_a_day_without_a_meal_gets_a_new_one_with_a_fresh_id_and_keeps_a_meal_it_does_not_plan():
    t = _tour()
    t.group("g1").day(D24).activities[2].minutes = 75      # Monday's own lunch is longer than the default
    t.group("g2").days[0].activities[0].id = "a2"           # ids of groups not planned are taken too
    ti = build(t, ["g1"])
    plan = _plan(**{R24: RoutePlan(R24, 480, 600, (Visit("f1", 480), Visit("m1", 540))),
                    R25: RoutePlan(R25, 480, 900, (Visit("a1", 800),), 0, 700)})
    apply_plan(t, ti, plan)
    # "a1" is the hall visit, "a2" g2's zoo visit: the new meal is a3, of the default 60 minutes, pinned
    assert _day(t, D25) == [("a3", "meal", "11:40"), ("a1", "visit", "13:20")]
    assert t.group("g1").day(D25).activities[0].minutes == 60
    assert _day(t, D24) == [("f1", "visit", None), ("m1", "visit", None), ("l1", "meal", None)]


def test_what_the_plan_leaves_out_stays_on_its_own_day_and_an_unused_pool_site_is_not_added():
    t = _tour()
    ti = build(t, ["g1"])
    extend(ti, t, PlanRequest(pool=[PoolSite(site="zoo", groups=["g1"])]))
    assert ti.optional == {"p1"}
    plan = _plan(**{R24: RoutePlan(R24, 480, 600, (Visit("m1", 480),)), R25: RoutePlan(R25, 480, 480, ())})
    apply_plan(t, ti, plan)
    assert _day(t, D24) == [("m1", "visit", None), ("l1", "meal", None), ("f1", "visit", None)]
    assert _day(t, D25) == [("a1", "visit", None)]
    taken = _plan(**{R24: RoutePlan(R24, 480, 600, (Visit("m1", 480), Visit("f1", 540))),
                     R25: RoutePlan(R25, 480, 600, (Visit("p1", 480), Visit("a1", 540)))})
    t2 = _tour()
    ti2 = build(t2, ["g1"])
    extend(ti2, t2, PlanRequest(pool=[PoolSite(site="zoo", groups=["g1"])]))
    apply_plan(t2, ti2, taken)
    assert [(a.id, a.site) for a in t2.group("g1").day(D25).activities] == [("p1", "zoo"), ("a1", "hall")]


def test_check_groups_names_the_unknown_group_and_the_tours_groups():
    t = _tour()
    check_groups(t, None)
    check_groups(t, ["g2", "g1"])
    with pytest.raises(PlannerError) as err:
        check_groups(t, ["g1", "g3"])
    assert str(err.value) == "no group 'g3'; the tour has g1 (一组), g2 (二组)"


def test_repair_of_a_tour_without_errors_returns_it_untouched():
    t = _tour()
    out = run(t, repair=True, time_limit=0.5)
    assert out.kept_original and out.tour is t and out.plan is None and out.before is out.after
    assert out.changed_activities == 0 and out.travel_minutes == (0, 0) and out.errors(out.after) == []


def test_a_plan_counts_each_changed_activity_once():
    t = _tour()
    t.group("g1").day(D25).activities[0].pinned = dt.time(16, 30)   # a1 late in the day: moved or re-timed
    out = run(t, ["g1"], time_limit=0.5)
    assert out.tour is not t and t.group("g1").day(D25).activities[0].pinned == dt.time(16, 30)
    ids = {c.activity_id for c in out.diff.changes if c.kind in ("moved", "retimed", "added", "removed")}
    assert out.changed_activities == len(ids)
    assert out.errors(out.after) == [] and isinstance(out, Outcome)
    meals = [a for d in out.tour.group("g1").days for a in d.activities if a.kind is ActivityKind.MEAL]
    assert len(meals) >= 1
    assert schedule(out.tour).problems == out.after.problems


def test_a_request_names_the_groups_and_dates_to_plan_when_the_call_does_not():
    from planner.solve.request import HotelChoice

    t = _tour()
    out = run(t, time_limit=0.5, request=PlanRequest(groups=["g2"]))
    assert set(out.plan.routes) == {"g2@2025-02-24"} and out.tour.group("g1") == t.group("g1")
    out = run(t, time_limit=0.5, request=PlanRequest(dates=[D25]))
    assert set(out.plan.routes) == {R25}
    out = run(t, ["g1"], time_limit=0.5, request=PlanRequest(groups=["g2"], dates=[D25]), dates={D24})
    assert set(out.plan.routes) == {R24}                  # the call's own groups and dates come first
    with pytest.raises(PlannerError, match="^request: no group 'g5' in the tour$"):
        run(t, time_limit=0.5, request=PlanRequest(groups=["g5"]))
    # a hotel choice: judged against the tour as given, its diff from it
    reports = []
    out = run(t, ["g1"], time_limit=0.5, progress=lambda *a: reports.append(a),
              request=PlanRequest(hotels=[HotelChoice(group="g1", date=D24, candidates=["hall"])],
                                  topics={"g1": ["党建"]}))
    assert out.before.problems == schedule(t).problems and out.diff is not None
    assert set(out.plan.routes) == {R24, R25} and out.uncovered == [("g1", "党建")] and reports
    assert out.tour.group("g1").day(D24).end in ("hotel", "hall") and t.group("g1").day(D24).end == "hotel"
