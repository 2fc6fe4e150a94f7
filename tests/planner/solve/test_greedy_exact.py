"""The first-plan heuristic walks a day as the scheduler does: exact starts, waits, lunch, costs, by hand.

Locations: 0 the hotel, 1 and 2 two sites; 10 min hotel–1, 20 min hotel–2, 15 min 1–2. Day 08:00–18:00.
"""

from __future__ import annotations

from dataclasses import replace

from planner.solve.greedy import Greedy, _Walk, construct
from planner.solve.model import Booking, Break, Instance, Limit, Resource, Route, Stop, Window

TRAVEL = [[0, 10, 20], [10, 0, 15], [20, 15, 0]]
DAY = Route("d", 0, 0, 480, 1080, day=1)
A = Stop("a", 1, 60, (Window(540, 600),), required=True)   # starts 09:00–10:00
B = Stop("b", 2, 30, required=True)
LUNCH = Break(60, Window(690, 765))


def _g(*stops: Stop, routes=(DAY,), **extra) -> Greedy:
    return Greedy(Instance(TRAVEL, list(routes), list(stops), **extra))


def test_a_walk_starts_each_stop_as_early_as_its_window_allows():
    g = _g(A, B)
    assert g.walk(DAY, ["a", "b"]) == _Walk([540, 615], None, None, 665, 45)
    assert g.walk(DAY, ["b", "a"]) == _Walk([500, 545], None, None, 615, 45)
    assert g.walk(replace(DAY, latest=664), ["a", "b"]) is None          # back one minute late
    assert g.walk(replace(DAY, latest=665), ["a", "b"]).arrive == 665
    assert g.walk(DAY, ["b", "b"]).starts == [500, 530]                   # same place: no driving


def test_a_stop_takes_the_first_window_it_can_still_reach():
    two = replace(A, windows=(Window(620, 640), Window(540, 550)))
    g = _g(two, B)
    assert g.walk(DAY, ["a"]).starts == [540]
    assert g.walk(DAY, ["b", "a"]).starts == [500, 545]                   # reached 09:05, inside 09:00–09:10
    assert g.walk(replace(DAY, earliest=545), ["a"]).starts == [620]      # reached 09:15: the 10:20 window
    late = replace(DAY, earliest=631)
    assert g.walk(late, ["a"]) is None                                    # both windows are over


def test_lunch_goes_where_the_day_ends_earliest():
    g = _g(A, B, routes=(replace(DAY, lunch=LUNCH),))
    route = g.inst.routes[0]
    # before a: a is missed; between: back at 12:15 + ...; after both: lunch 11:30-12:30, home 12:50
    assert g.walk(route, ["a", "b"]) == _Walk([540, 615], 2, 690, 770, 45)
    assert g.walk(route, ["a", "b"], lunch_at=1) == _Walk([540, 765], 1, 690, 815, 45)
    assert g.walk(route, ["a", "b"], lunch_at=0) is None
    assert g.walk(route, []) == _Walk([], None, None, 480, 0)            # an empty day needs no lunch
    long = replace(B, duration=240)                                       # b 08:20–12:20, then lunch
    assert _g(long, routes=(route,)).walk(route, ["b"]) == _Walk([500], 1, 740, 820, 40)
    longer = replace(B, duration=266)                                     # over at 12:46: lunch must come first
    assert _g(longer, routes=(route,)).walk(route, ["b"]) == _Walk([770], 0, 690, 1056, 40)
    assert _g(replace(B, duration=300), routes=(route,)).walk(route, ["b"]) is None


def test_a_day_over_before_lunch_time_may_skip_lunch():
    route = replace(DAY, lunch=replace(LUNCH, skip_until=700))
    g = _g(A, B, routes=(route,))
    assert g.walk(route, ["b"]) == _Walk([500], None, None, 550, 40)
    assert g.walk(replace(route, lunch=replace(LUNCH, skip_until=549)), ["b"]) == _Walk([500], 1, 690, 770, 40)


def test_a_busy_site_is_waited_for_until_the_booking_ends():
    c = Stop("c", 1, 60, resource="site", people=30)
    busy = [Booking("site", 1, 480, 100, 20)]                             # 08:00–09:40 taken by 20 people
    def start(res: Resource, bookings=busy) -> int:
        return _g(c, resources={"site": res}, busy=bookings).walk(DAY, ["c"]).starts[0]
    assert start(Resource("site", 1)) == 580
    assert start(Resource("site", 2)) == 490
    assert start(Resource("site", 2, 40)) == 580                          # 30 + 20 people > 40
    assert start(Resource("site", 2, 50)) == 490
    assert start(Resource("site", 1), [Booking("site", 2, 480, 100, 20)]) == 490  # another day
    assert start(Resource("site", 1), [Booking("site", 1, 550, 30, 20)]) == 490   # taken from when c ends
    assert start(Resource("site", 1), [Booking("site", 1, 549, 30, 20)]) == 579   # a minute earlier: wait
    assert start(Resource("site", 1), [Booking("site", 1, 400, 90, 20)]) == 490   # over at 08:10


def test_a_pinned_stop_starts_at_its_pin_or_the_walk_fails():
    p = Stop("p", 2, 30, pinned_start=600)
    g = _g(A, p)
    assert g.walk(DAY, ["p"]).starts == [600]
    assert g.walk(DAY, ["a", "p"]) is None                                # reached 10:15, pinned 10:00
    assert _g(A, replace(p, pinned_start=614)).walk(DAY, ["a", "p"]) is None
    assert _g(A, replace(p, pinned_start=615)).walk(DAY, ["a", "p"]).starts == [540, 615]


def test_a_day_takes_at_most_max_stops_counted_visits():
    one = replace(DAY, max_stops=1)
    g = _g(A, B, routes=(one,))
    assert g.walk(one, ["a", "b"]) is None
    assert _g(A, replace(B, counts=False), routes=(one,)).walk(one, ["a", "b"]).starts == [540, 615]


def test_cost_weighs_driving_then_the_days_length():
    g = _g(A, B, travel_weight=10, span_weight=1)
    w = g.walk(DAY, ["a", "b"])
    assert g.cost(DAY, w, ["a", "b"]) == 10 * 45 + (665 - 480)
    away = replace(DAY, end=2)
    assert g.cost(away, None, []) == 10 * 20


def test_repair_waits_to_keep_a_stops_current_time_and_counts_what_moved():
    kept = replace(A, prefer_route="d", prefer_start=560)
    g = _g(kept, B, change_weight=100, travel_weight=1)
    w = g.walk(DAY, ["a", "b"])
    assert w.starts == [560, 635]
    assert g.cost(DAY, w, ["a", "b"]) == 45                               # nothing changed
    moved = _g(replace(kept, prefer_start=530), B, change_weight=100, travel_weight=1)
    w = moved.walk(DAY, ["a", "b"])                                       # 08:50 is before it opens
    assert w.starts == [540, 615] and moved.cost(DAY, w, ["a", "b"]) == 45 + 100
    other_day = _g(replace(kept, prefer_route="e"), B, change_weight=100)
    assert other_day.walk(DAY, ["a"]).starts == [540]
    assert other_day.cost(DAY, other_day.walk(DAY, ["a"]), ["a"]) == 100


def test_repair_keeps_the_lunch_where_it_was_when_it_still_fits():
    route = replace(DAY, lunch=replace(LUNCH, prefer_start=720))
    g = _g(A, B, routes=(route,), change_weight=100)
    w = g.walk(route, ["a", "b"])
    assert (w.lunch_after, w.lunch_start, w.arrive) == (2, 720, 800)
    assert g.cost(route, w, ["a", "b"]) == 0 + 0 + 0                      # no weights but change: none


def test_construct_places_every_stop_and_repair_drops_the_latest_that_blocks_the_day():
    q = Stop("q", 2, 100, required=True)
    short = replace(DAY, latest=700)
    inst = Instance(TRAVEL, [short], [A, q, B])
    plan = construct(inst, {"d": ["a", "q", "b"]}, seconds=0.2)
    # a, q, b ends 12:15; without b still 12:20; without q 11:05: q goes (and fits nowhere else)
    assert [(v.stop, v.start) for v in plan.routes["d"].visits] == [("a", 540), ("b", 615)]
    assert plan.unvisited(inst) == ["q"] and plan.stopped == "heuristic"
    full = construct(Instance(TRAVEL, [DAY], [A, q, B]), seconds=0.2)
    assert full.unvisited(Instance(TRAVEL, [DAY], [A, q, B])) == []


def test_a_shared_pool_site_goes_to_at_most_k_groups():
    routes = (DAY, replace(DAY, id="e"))
    p1 = Stop("p1", 1, 30, routes=("d",), score=500)
    p2 = Stop("p2", 1, 30, routes=("e",), score=500)
    g = _g(p1, p2, routes=routes, limits=[Limit(("p1", "p2"), 1)], travel_weight=1)
    assert g.insert("p1") and g.best_place("p2") is None
    delta, route, order, w = _g(p1, p2, routes=routes, travel_weight=1).best_place("p2")
    assert (delta, route.id, order, w.starts) == (20 - 500, "e", ["p2"], [490])


def test_a_stop_with_no_free_slot_gets_one_by_moving_a_placed_stop_to_another_day():
    x = Stop("x", 1, 60, (Window(540, 540),), routes=("d",), required=True)   # only d, only at 09:00
    y = Stop("y", 1, 60, (Window(520, 560),), required=True)                  # d holds it now
    inst = Instance(TRAVEL, [DAY, replace(DAY, id="e")], [x, y])
    plan = construct(inst, {"d": ["y"]}, seconds=0.2)
    assert [(v.stop, v.start) for v in plan.routes["d"].visits] == [("x", 540)]
    assert [(v.stop, v.start) for v in plan.routes["e"].visits] == [("y", 520)]


def test_a_shared_pool_site_is_traded_to_the_group_the_balance_favours():
    g1, g2 = replace(DAY, id="g1"), replace(DAY, id="g2")
    a = Stop("a", 1, 60, routes=("g1",), required=True)
    p1 = Stop("p1", 1, 30, routes=("g1",), score=500)     # cheaper: next to g1's visit
    p2 = Stop("p2", 2, 30, routes=("g2",), score=500)
    inst = Instance(TRAVEL, [g1, g2], [a, p1, p2], limits=[Limit(("p1", "p2"), 1)], travel_weight=1,
                    span_weight=1, balance=[("g1",), ("g2",)], balance_visits_weight=1000)
    plan = construct(inst, seconds=0.2)
    assert [v.stop for v in plan.routes["g1"].visits] == ["a"]
    assert [(v.stop, v.start) for v in plan.routes["g2"].visits] == [("p2", 500)]
    unbalanced = replace(inst, balance=[], balance_visits_weight=0)
    plan = construct(unbalanced, seconds=0.2)
    assert sorted(v.stop for v in plan.routes["g1"].visits) == ["a", "p1"] and plan.routes["g2"].visits == ()


def test_a_required_topic_brings_in_its_best_scoring_site_on_the_groups_own_days():
    from planner.solve.model import Cover

    t1 = Stop("t1", 2, 30)                     # neither pays for its detour on its own
    t2 = Stop("t2", 1, 30, score=5)
    e = replace(DAY, id="e")
    inst = Instance(TRAVEL, [DAY, e], [t1, t2], covers=[Cover("g:x", ("e",), ("t1", "t2"))], travel_weight=1)
    plan = construct(inst, seconds=0.2)
    assert plan.routes["d"].visits == () and [(v.stop, v.start) for v in plan.routes["e"].visits] == [("t2", 490)]
    assert construct(replace(inst, covers=[]), seconds=0.2).unvisited(inst) == ["t1", "t2"]


def test_a_pinned_stop_at_a_busy_site_cannot_start_at_its_pin():
    p = Stop("p", 1, 60, resource="site", pinned_start=600)
    res = {"site": Resource("site", 1)}
    assert _g(p, resources=res, busy=[Booking("site", 1, 630, 30)]).walk(DAY, ["p"]) is None
    assert _g(p, resources=res, busy=[Booking("site", 1, 660, 30)]).walk(DAY, ["p"]).starts == [600]


def test_a_placed_stop_books_its_site_for_the_other_groups_that_day():
    c1 = Stop("c1", 1, 60, (Window(540, 700),), routes=("d",), required=True, resource="site", people=30)
    c2 = replace(c1, id="c2", routes=("e",))
    g = _g(c1, c2, routes=(DAY, replace(DAY, id="e")), resources={"site": Resource("site", 1)})
    assert g.insert("c1") and g.insert("c2")
    assert (g.walks["d"].starts, g.walks["e"].starts) == ([540], [600])


def _three(latest: int) -> list[str]:
    x = Stop("x", 1, 60, (Window(540, 600),), required=True)
    y = Stop("y", 2, 100, required=True)
    z = Stop("z", 2, 100, required=True)
    plan = construct(Instance(TRAVEL, [replace(DAY, latest=latest)], [x, y, z]), {"d": ["x", "y", "z"]}, seconds=0.2)
    return [v.stop for v in plan.routes["d"].visits]


def test_a_current_day_that_no_longer_fits_loses_its_latest_stop_that_makes_it_fit():
    # x, y, z is back at 13:55; x, y (or x, z) at 12:15; y, z at 12:00; x alone at 10:10
    assert _three(740) == ["x", "y"]
    assert _three(725) == ["y", "z"]


def test_a_current_day_where_no_single_stop_is_enough_loses_its_last_then_looks_again():
    stops = [Stop("x", 2, 100, required=True), Stop("y", 2, 150, required=True), Stop("z", 2, 100, required=True),
             Stop("w", 2, 100, required=True)]
    # any three run to 13:40 or later, past 12:00; of x, y, z: x, z ends at 12:00, x, y at 12:50
    plan = construct(Instance(TRAVEL, [replace(DAY, latest=720)], stops), {"d": ["x", "y", "z", "w"]}, seconds=0.2)
    assert [(v.stop, v.start) for v in plan.routes["d"].visits] == [("x", 500), ("z", 600)]


def test_the_first_plan_carries_each_days_lunch_and_times():
    route = replace(DAY, lunch=LUNCH)
    plan = construct(Instance(TRAVEL, [route], [A, B], travel_weight=1, span_weight=1), seconds=0.2)
    rp = plan.routes["d"]
    # b first (08:20), a at 09:05, then lunch at 11:30 where the day ends earliest, home at 12:40
    assert [(v.stop, v.start) for v in rp.visits] == [("b", 500), ("a", 545)]
    assert (rp.lunch_after, rp.lunch_start) == (2, 690)
    assert (rp.depart, rp.arrive, plan.travel, plan.score, plan.stopped) == (480, 760, 45, 0, "heuristic")
