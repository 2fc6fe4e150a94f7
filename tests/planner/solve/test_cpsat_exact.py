"""CP-SAT on instances small enough to solve by hand: the optimum, its objective and the plan's times.

Locations: 0 the hotel, 1 and 2 two sites; 10 min hotel–1, 20 min hotel–2, 15 min 1–2.
Every solve is tiny (≤ 0.5 s limit, fixed seed); `objective(inst, plan)` must agree with the solver's value.
"""

from __future__ import annotations

from dataclasses import replace

from planner.solve.cpsat import Options, _windows_bounds, solve
from planner.solve.model import (DROP_WEIGHT, Booking, Break, Cover, Instance, Limit, Resource, Route, Stop, Window,
                                 objective)

TRAVEL = [[0, 10, 20], [10, 0, 15], [20, 15, 0]]
DAY = Route("d", 0, 0, 480, 1080, day=1)
OPTS = Options(time_limit=0.5, seed=0)


def _solve(*stops: Stop, routes=(DAY,), **extra):
    inst = Instance(TRAVEL, list(routes), list(stops), travel_weight=1, span_weight=1, **extra)
    plan = solve(inst, OPTS)
    assert plan.objective == objective(inst, plan)
    return inst, plan


def _visits(plan, rid: str = "d") -> list[tuple[str, int]]:
    return [(v.stop, v.start) for v in plan.routes[rid].visits]


def test_window_bounds_clip_the_windows_to_what_the_route_can_reach():
    s = Stop("s", 1, 10, (Window(100, 200), Window(300, 400)))
    assert _windows_bounds(s, 0, 1000) == (100, 400)
    assert _windows_bounds(s, 150, 350) == (150, 350)
    assert _windows_bounds(s, 201, 299) is None
    assert _windows_bounds(s, 200, 299) == (200, 200)
    assert _windows_bounds(s, 0, 100) == (100, 100)
    assert _windows_bounds(replace(s, windows=()), 30, 70) == (30, 70)
    assert _windows_bounds(replace(s, pinned_start=250), 0, 1000) == (250, 250)   # a pin overrides windows
    assert _windows_bounds(replace(s, pinned_start=250), 251, 1000) is None


def test_one_required_stop_is_served_as_tightly_as_possible():
    a = Stop("a", 1, 60, (Window(540, 600),), required=True)
    inst, plan = _solve(a)
    rp = plan.routes["d"]
    assert rp.visits[0].stop == "a" and 540 <= rp.visits[0].start <= 600
    assert rp.arrive - rp.depart == 10 + 60 + 10 and rp.arrive == rp.visits[0].start + 70
    assert (plan.score, plan.travel, plan.objective) == (0, 20, -20 - 80)
    assert plan.stopped == "optimal" and plan.optimal and plan.unvisited(inst) == []


def test_a_pinned_stop_starts_at_its_pin():
    inst, plan = _solve(Stop("p", 2, 30, required=True, pinned_start=700))
    assert _visits(plan) == [("p", 700)] and (plan.routes["d"].depart, plan.routes["d"].arrive) == (680, 750)


def test_an_optional_stop_is_taken_only_when_its_score_pays_for_the_detour():
    worth = Stop("s", 2, 30)                # costs 40 driving + 70 of day: 110
    site = {"resources": {"x": Resource("x")}}   # not a plain orienteering instance: the greedy start
    inst, plan = _solve(replace(worth, score=111), **site)
    assert _visits(plan) and plan.score == 111 and plan.objective == 1
    inst, plan = _solve(replace(worth, score=109), **site)
    assert _visits(plan) == [] and plan.objective == 0 and plan.travel == 0


def test_lunch_sits_inside_its_window_between_the_visits():
    a = Stop("a", 1, 150, required=True)
    b = Stop("b", 2, 150, required=True)
    route = replace(DAY, lunch=Break(60, Window(690, 765)))
    inst, plan = _solve(a, b, routes=(route,))
    rp = plan.routes["d"]
    assert plan.objective == -45 - (45 + 150 + 150 + 60)      # driving, and a day with no waiting
    assert 690 <= rp.lunch_start <= 765 and rp.lunch_after in (0, 1, 2)
    ends = [v.start + 150 for v in rp.visits]
    assert rp.lunch_after == 0 or ends[rp.lunch_after - 1] <= rp.lunch_start
    assert rp.lunch_after == 2 or rp.lunch_start + 60 <= rp.visits[rp.lunch_after].start


def test_a_short_day_may_skip_lunch_when_allowed_and_must_take_it_otherwise():
    b = Stop("b", 2, 30, required=True)
    route = replace(DAY, lunch=Break(60, Window(690, 765), skip_until=735))
    inst, plan = _solve(b, routes=(route,))
    assert plan.routes["d"].lunch_after is None and plan.objective == -40 - 70
    inst, plan = _solve(b, routes=(replace(route, lunch=Break(60, Window(690, 765))),))
    assert plan.routes["d"].lunch_after in (0, 1) and plan.objective == -40 - 130
    late = replace(route, lunch=Break(60, Window(690, 765), skip_from=800))
    inst, plan = _solve(replace(b, pinned_start=820), routes=(late,))
    assert plan.routes["d"].lunch_after is None and plan.objective == -40 - 70


def test_max_stops_keeps_the_better_scoring_stop():
    one = replace(DAY, max_stops=1)
    inst, plan = _solve(Stop("x", 1, 10, score=500), Stop("y", 2, 10, score=400), routes=(one,))
    assert [v for v, _ in _visits(plan)] == ["x"] and plan.objective == 500 - 20 - 30
    inst, plan = _solve(Stop("x", 1, 10, score=500), Stop("y", 2, 10, score=400, counts=False), routes=(one,))
    assert sorted(v for v, _ in _visits(plan)) == ["x", "y"] and plan.objective == 900 - 45 - 65


def test_a_booked_site_is_served_after_the_booking():
    c = Stop("c", 1, 60, (Window(540, 700),), required=True, resource="site", people=30)
    busy = [Booking("site", 1, 500, 100, 20)]
    inst, plan = _solve(c, resources={"site": Resource("site", 1)}, busy=busy)
    assert _visits(plan) == [("c", 600)]
    inst, plan = _solve(c, resources={"site": Resource("site", 2, 50)}, busy=busy)
    assert _visits(plan) == [("c", 540)]                      # 30 + 20 people fit
    inst, plan = _solve(c, resources={"site": Resource("site", 2, 49)}, busy=busy)
    assert _visits(plan) == [("c", 600)]
    inst, plan = _solve(c, resources={"site": Resource("site", 1)}, busy=[replace(busy[0], day=2)])
    assert _visits(plan) == [("c", 540)]
    two = busy + [replace(busy[0], start=520, duration=60)]   # two groups there until 09:40 and 09:20
    inst, plan = _solve(c, resources={"site": Resource("site", 2)}, busy=two)
    assert _visits(plan) == [("c", 580)]                      # a third group waits for the first to leave


def test_a_required_stop_that_cannot_fit_is_dropped_at_its_price():
    # no route can reach z in its window: CP-SAT's objective still counts it dropped, as objective() does,
    # so a warm start is compared with CP-SAT's plan on the same scale
    late = Stop("z", 2, 30, (Window(1070, 1080),), required=True)
    inst, plan = _solve(late, Stop("a", 1, 10, required=True))
    assert plan.unvisited(inst) == ["z"] and plan.objective == -20 - 30 - DROP_WEIGHT


def test_a_shared_pool_site_goes_to_one_group_and_covers_are_met():
    g1, g2 = replace(DAY, id="g1"), replace(DAY, id="g2")
    p1 = Stop("p1", 1, 30, routes=("g1",), score=300)
    p2 = Stop("p2", 1, 30, routes=("g2",), score=300)
    inst, plan = _solve(p1, p2, routes=(g1, g2), limits=[Limit(("p1", "p2"), 1)])
    assert plan.score == 300 and plan.objective == 300 - 20 - 50
    cover = Cover("g2:topic", ("g2",), ("p2",), weight=1000)
    inst, plan = _solve(p1, p2, routes=(g1, g2), limits=[Limit(("p1", "p2"), 1)], covers=[cover])
    assert _visits(plan, "g2") and not _visits(plan, "g1") and plan.objective == 300 - 20 - 50


def test_joint_stops_start_together():
    h1 = Stop("h1", 1, 60, (Window(540, 700),), routes=("g1",), required=True)
    h2 = Stop("h2", 1, 60, (Window(600, 700),), routes=("g2",), required=True)
    g1, g2 = replace(DAY, id="g1"), replace(DAY, id="g2")
    inst, plan = _solve(h1, h2, routes=(g1, g2), joints=[("h1", "h2")])
    assert _visits(plan, "g1")[0][1] == _visits(plan, "g2")[0][1] >= 600


def test_progress_reports_the_warm_start_first_then_each_better_plan():
    seen: list[tuple[int, int, float]] = []
    a = Stop("a", 1, 60, (Window(540, 600),), required=True)
    inst = Instance(TRAVEL, [DAY], [a, Stop("b", 2, 10, score=1000)], travel_weight=1, span_weight=1)
    plan = solve(inst, Options(time_limit=0.5, on_progress=lambda o, t, s: seen.append((o, t, s))))
    assert len(seen) >= 1 and seen[0][0] <= plan.objective     # the warm start first, never better than the end
    assert seen[-1][:2] == (plan.objective, plan.travel) == (1000 - 45 - (10 + 60 + 15 + 10 + 20), 45)
    assert all(s >= 0 for _, _, s in seen) and [o for o, _, _ in seen] == sorted(o for o, _, _ in seen)


def test_a_solve_cancelled_before_it_starts_says_so_and_still_returns_a_plan():
    from planner.solve.control import Cancel

    cancel = Cancel()
    cancel.cancel()
    a = Stop("a", 1, 60, (Window(540, 600),), required=True)
    inst = Instance(TRAVEL, [DAY], [a], resources={"x": Resource("x")})
    plan = solve(inst, Options(time_limit=0.5), cancel)
    assert plan.stopped == "cancelled" and plan.unvisited(inst) == [] and cancel.cancelled


def test_repair_starts_from_the_current_plan_and_keeps_its_times():
    from planner.solve.model import Plan, RoutePlan, Visit

    a = Stop("a", 1, 60, (Window(540, 700),), required=True, prefer_route="d", prefer_start=620)
    b = Stop("b", 2, 30, required=True, prefer_route="d", prefer_start=700)
    inst = Instance(TRAVEL, [DAY], [a, b], travel_weight=1, span_weight=1, change_weight=100)
    hint = Plan({"d": RoutePlan("d", 600, 750, (Visit("a", 620), Visit("b", 700)))}, 0, 0, 0)
    plan = solve(inst, Options(time_limit=0.5, hint=hint))
    assert _visits(plan) == [("a", 620), ("b", 700)] and plan.objective == objective(inst, plan) == -45 - 140


def test_balance_charges_the_spread_of_driving_and_of_visits_between_groups():
    g1, g2 = replace(DAY, id="g1"), replace(DAY, id="g2")
    a = Stop("a", 2, 30, routes=("g1",), required=True)     # g1 drives 40
    c = Stop("c", 2, 30, routes=("g1",), required=True)     # at the same place: no more driving
    b = Stop("b", 1, 30, routes=("g2",), required=True)     # g2 drives 20
    inst, plan = _solve(a, c, b, routes=(g1, g2), balance=[("g1",), ("g2",)], balance_weight=3,
                        balance_visits_weight=7)
    assert plan.objective == -(40 + 20) - (100 + 50) - 3 * (40 - 20) - 7 * (2 - 1) == -277
    inst, plan = _solve(a, b, routes=(g1, g2), balance=[("g1",), ("g2",)], balance_weight=3)
    assert plan.objective == -(40 + 20) - (70 + 50) - 3 * 20
