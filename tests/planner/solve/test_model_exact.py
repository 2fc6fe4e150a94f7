"""The objective any plan is measured by (warm starts against CP-SAT), term by term on a hand-built plan."""

from __future__ import annotations

from dataclasses import replace

from planner.solve.model import (COVER_WEIGHT, DROP_WEIGHT, Break, Cover, Instance, Plan, Route, RoutePlan, Stop,
                                 Visit, Window, missed_covers, objective, route_travel, spread)

TRAVEL = [[0, 4, 9], [4, 0, 6], [9, 6, 0]]


def _inst(change_weight: int = 0) -> Instance:
    routes = [Route("a", 0, 0, 100, 500, lunch=Break(30, Window(200, 260), prefer_start=210)),
              Route("b", 0, 1, 100, 500), Route("c", 2, 2, 100, 500)]
    stops = [Stop("s1", 1, 10, score=40, prefer_route="a", prefer_start=120),
             Stop("s2", 2, 5, required=True, prefer_route="b"),
             Stop("s3", 1, 5, required=True, counts=False),
             Stop("s4", 2, 5, score=9),
             Stop("s5", 2, 5, required=True),     # never visited: a dropped required stop
             Stop("s6", 1, 5, score=3)]           # never visited, optional: costs nothing
    covers = [Cover("g:x", ("a",), ("s4",), weight=13), Cover("g:y", ("b",), ("s2",), weight=17)]
    return Instance(TRAVEL, routes, stops, covers=covers, balance=[("a",), ("b",), ("c",)], travel_weight=3,
                    span_weight=2, change_weight=change_weight, balance_weight=5, balance_visits_weight=11)


def _plan(s1_start: int = 125) -> Plan:
    a = RoutePlan("a", 100, 300, (Visit("s1", s1_start), Visit("s3", 140)), lunch_after=2, lunch_start=210)
    b = RoutePlan("b", 100, 250, (Visit("s2", 150), Visit("s4", 160)))
    return Plan({"a": a, "b": b}, score=49, travel=23, objective=0)   # route c: not in the plan


def test_route_travel_walks_start_stops_end_and_an_unused_route_drives_start_to_end():
    inst, plan = _inst(), _plan()
    a, b, c = inst.routes
    assert route_travel(inst, a, plan.routes["a"]) == 4 + 0 + 4
    assert route_travel(inst, b, plan.routes["b"]) == 9 + 0 + 6
    assert route_travel(inst, b, None) == 4
    assert route_travel(inst, c, None) == 0


def test_missed_covers_need_a_stop_on_one_of_the_covers_routes():
    inst, plan = _inst(), _plan()
    assert [c.label for c in missed_covers(inst, plan)] == ["g:x"]   # s4 is visited, but on b, not a
    moved = Plan({"a": replace(plan.routes["a"], visits=(Visit("s4", 130),)), "b": plan.routes["b"]}, 0, 0, 0)
    assert [c.label for c in missed_covers(inst, moved)] == []
    assert missed_covers(replace(inst, covers=[]), plan) == []


def test_spread_is_most_minus_least_driving_or_counted_visits():
    inst, plan = _inst(), _plan()
    assert spread(inst, plan) == 15 - 0                   # b drives 15, the unplanned c 0, a 8
    assert spread(inst, plan, True) == 2 - 0              # b 2 visits, c none, a 1 (s3 does not count)
    inst.balance = [("a", "c"), ("b",)]
    assert spread(inst, plan) == 15 - 8
    assert spread(inst, plan, visits=True) == 2 - 1
    inst.balance = []
    assert spread(inst, plan) == 0 and spread(inst, plan, True) == 0


def test_objective_term_by_term_without_change_weight():
    inst, plan = _inst(), _plan()
    expected = (49 - 3 * 23 - 2 * (200 + 150)      # score, driving, day spans
                - 5 * 15 - 11 * 2                  # balance of driving and of visits
                - 13                               # the missed cover g:x
                - DROP_WEIGHT)                     # the dropped required s5
    assert objective(inst, plan) == expected == -1_000_830


def test_objective_counts_changed_stops_and_lunch_with_change_weight():
    inst = _inst(change_weight=7)
    # wanted: s1, s2 (prefer_route) and a's lunch; kept: s2 (any start on b) and the lunch at 210
    moved = objective(inst, _plan(125))
    kept = objective(inst, _plan(120))
    assert moved == 49 - 69 - 700 - 7 * 1 - 75 - 22 - 7 * 13 - 7 * DROP_WEIGHT
    assert kept == moved + 7
    late_lunch = _plan(120)
    late_lunch.routes["a"] = replace(late_lunch.routes["a"], lunch_start=215)
    assert objective(inst, late_lunch) == kept - 7
    elsewhere = _plan(120)                         # s1 at its time but on another route: changed
    elsewhere.routes["b"] = replace(elsewhere.routes["b"], visits=elsewhere.routes["b"].visits + (Visit("s1", 120),))
    elsewhere.routes["a"] = replace(elsewhere.routes["a"], visits=(Visit("s3", 140),))
    assert objective(inst, elsewhere) == moved - 11 * (3 - 2)  # as changed as `moved`; b has one visit more


def test_objective_without_required_or_covers_is_score_minus_driving_and_spans():
    inst = Instance(TRAVEL, [Route("a", 0, 0, 0, 100)], [Stop("s", 1, 5, score=8)], travel_weight=2, span_weight=1)
    plan = Plan({"a": RoutePlan("a", 10, 30, (Visit("s", 14),))}, score=8, travel=8, objective=0)
    assert objective(inst, plan) == 8 - 2 * 8 - 1 * 20
    assert replace(plan, routes={}).unvisited(inst) == ["s"] and plan.unvisited(inst) == []
    assert COVER_WEIGHT == DROP_WEIGHT // 10 and Cover("t", (), ()).weight == COVER_WEIGHT
