"""The warm-start local search: its timing bookkeeping and insertions, worked out by hand.

Locations: 0 the depot, 1 and 2; 10 depot–1, 20 depot–2, 15 between 1 and 2. One route 0–200.
"""

from __future__ import annotations

from dataclasses import replace

from planner.solve.local import _Route, applicable, search
from planner.solve.model import Break, Cover, Instance, Limit, Resource, Route, Stop, Window

TRAVEL = [[0, 10, 20], [10, 0, 15], [20, 15, 0]]
ROUTE = Route("r", 0, 0, 0, 200)
S1 = Stop("s1", 1, 10, (Window(30, 60),), score=10)
S2 = Stop("s2", 2, 5, score=4)


def _inst(*stops: Stop, route: Route = ROUTE, **extra) -> Instance:
    return Instance(TRAVEL, [route], list(stops), **extra)


def test_an_empty_route_has_the_whole_day_as_slack():
    r = _Route(_inst(S1, S2), 0)
    assert (r.start, r.wait, r.shift) == ([0, 0], [0, 0], [200, 200])
    assert [r.loc(0), r.loc(1)] == [0, 0]


def test_refresh_records_starts_waits_and_how_far_each_visit_may_shift():
    r = _Route(_inst(S1, S2), 0)
    r.stops = [S1]
    r.refresh()
    # reach 1 at 10, wait until 30, leave at 40, home at 50; s1 may start at most 30 later (window to 60)
    assert (r.start, r.wait, r.shift) == ([0, 30, 50], [0, 20, 0], [50, 30, 150])
    r.stops = [S2, S1]
    r.refresh()
    assert (r.start, r.wait, r.shift) == ([0, 20, 40, 60], [0, 0, 0, 0], [20, 20, 20, 140])
    assert [r.loc(k) for k in range(4)] == [0, 2, 1, 0]


def test_best_insert_is_the_smallest_feasible_shift_the_first_on_ties():
    r = _Route(_inst(S1, S2), 0)
    assert r.best_insert(S1) == (30 + 10 + 10, 0)          # wait until 30, 10 there, 10 back
    r.stops = [S1]
    r.refresh()
    assert r.best_insert(S2) == (30, 0)                    # before s1: 20+5+15−10; after: 15+5+20−10, a tie
    assert r.best_insert(replace(S2, windows=(Window(0, 19),))) is None
    assert r.best_insert(replace(S2, windows=(Window(0, 20),))) == (30, 0)
    assert r.best_insert(replace(S2, windows=(Window(55, 90),))) == (30, 1)   # only after s1
    assert r.best_insert(replace(S2, duration=25)) == (50, 0)  # s1 then starts at 50, still inside its window
    assert r.best_insert(replace(S2, duration=26)) == (51, 1)  # before s1 it would start at 61: after it


def test_best_insert_respects_the_end_of_the_day_and_max_stops():
    r = _Route(_inst(S1, S2, route=replace(ROUTE, latest=59)), 0)
    assert r.best_insert(replace(S2, duration=19)) == (59, 0)
    assert r.best_insert(replace(S2, duration=20)) is None
    one = _Route(_inst(S1, S2, route=replace(ROUTE, max_stops=1)), 0)
    one.stops = [S1]
    one.refresh()
    assert one.best_insert(S2) is None
    assert one.best_insert(replace(S2, counts=False)) == (30, 0)


def test_search_visits_both_and_reports_score_driving_and_objective():
    plan = search(_inst(S1, S2, travel_weight=2, span_weight=1), seed=0, iterations=50)
    rp = plan.routes["r"]
    # s1 first (10²/51 beats 4²/46), then s2 fits best before it
    assert [(v.stop, v.start) for v in rp.visits] == [("s2", 20), ("s1", 40)]
    assert (rp.depart, rp.arrive) == (0, 60)
    assert (plan.score, plan.travel, plan.objective, plan.stopped) == (14, 45, 14 - 2 * 45 - 60, "heuristic")
    assert plan.optimal is False


def test_search_keeps_to_a_stops_routes_and_prefers_required_stops():
    two = [ROUTE, replace(ROUTE, id="q")]
    only_q = replace(S1, routes=("q",))
    out = search(Instance(TRAVEL, two, [only_q, S2]), iterations=20)
    assert "s1" in [v.stop for v in out.routes["q"].visits]
    assert "s1" not in [v.stop for v in out.routes["r"].visits]
    tight = replace(ROUTE, latest=50)                      # room for s1 (back at 50) or s2 (back at 45), not both
    required = replace(S2, score=0, required=True)
    out = search(_inst(S1, required, route=tight), iterations=20)
    assert [v.stop for v in out.routes["r"].visits] == ["s2"]
    out = search(_inst(S1, S2, route=tight), iterations=20)
    assert [v.stop for v in out.routes["r"].visits] == ["s1"]


def test_local_search_is_only_for_plain_orienteering_instances():
    assert applicable(_inst(S1, S2))
    assert not applicable(_inst(S1, S2, resources={"x": Resource("x")}))
    assert not applicable(_inst(S1, S2, joints=[("s1", "s2")]))
    assert not applicable(_inst(S1, S2, change_weight=1))
    assert not applicable(_inst(S1, S2, covers=[Cover("t", ("r",), ("s1",))]))
    assert not applicable(_inst(S1, S2, limits=[Limit(("s1",), 1)]))
    assert not applicable(_inst(S1, S2, balance=[("r",)]))
    assert not applicable(_inst(S1, S2, route=replace(ROUTE, lunch=Break(30, Window(0, 100)))))
    assert not applicable(_inst(replace(S1, windows=(Window(0, 5), Window(9, 20))), S2))
    assert not applicable(_inst(replace(S1, pinned_start=30), S2))
    assert not applicable(_inst(replace(S1, resource="x"), S2))
