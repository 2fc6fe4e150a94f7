"""Which routes, stops, windows, lunches, resources and bookings a small tour becomes, item by item."""

from __future__ import annotations

import datetime as dt

from planner.model.tour import ActivityKind
from planner.schedule.scheduler import schedule
from planner.schedule.travel import TravelEstimator
from planner.solve.model import Booking, Break, Resource, Route, Stop, Window
from planner.solve.tour_model import (CHANGE_WEIGHT, SPAN_WEIGHT, TRAVEL_WEIGHT, _windows, build, current_plan,
                                      plannable, route_id)
from tests.builders import day, group, site, tour, visit

FAR = (30.30, 120.20)
D24, D25, D26, D27 = (dt.date(2025, 2, d) for d in (24, 25, 26, 27))
R24, R25, R26 = "g1@2025-02-24", "g1@2025-02-25", "g1@2025-02-26"
MUSEUM_WINDOWS = (Window(540, 630), Window(840, 930))     # 90 minutes inside 09:00–12:00 or 14:00–17:00


def _tour():
    """Mon 24 – Thu 27 Feb 2025; the museum closes on Wednesdays; Thursday is a travel day."""
    return tour(
        group("g1",
              day("2025-02-24", visit("museum", id="m1"), visit("farm", id="f1", pinned="14:00"),
                  {"kind": "meal", "id": "l1", "minutes": 60},
                  {"kind": "lecture", "id": "lec", "site": "hall", "minutes": 120}),
              day("2025-02-25", visit("farm", id="f2"), visit("hall", id="hj1", joint="j")),
              day("2025-02-26", visit("museum", id="m2")),
              day("2025-02-27", visit("farm", id="f3"),
                  {"kind": "transfer", "id": "t1", "site": "hotel", "minutes": 60})),
        group("g2", day("2025-02-25", visit("hall", id="hj2", joint="j")), headcount=20),
        sites=[site("museum", visit_minutes=90, closed_weekdays=[3], max_groups=2, max_people=80,
                    hours=[{"start": "09:00", "end": "12:00"}, {"start": "14:00", "end": "17:00"}]),
               site("farm", kind="village", at=FAR), site("hall")])


def test_plannable_days_hold_a_visit_no_transfer_and_at_most_one_meal():
    t = _tour()
    g1 = t.group("g1")
    assert [plannable(d) for d in g1.days] == [True, True, True, False]
    d = g1.day(D24)
    d.activities.append(d.activities[2].model_copy(update={"id": "l2"}))
    assert not plannable(d)
    d.activities = [a for a in d.activities if a.kind is not ActivityKind.VISIT]
    assert not plannable(d)


def test_each_planned_day_becomes_a_route_with_its_lunch():
    t = _tour()
    ti = build(t)
    assert ti.routes == {R24: ("g1", D24), R25: ("g1", D25), R26: ("g1", D26), "g2@2025-02-25": ("g2", D25)}
    with_meal = Break(60, Window(690, 765))                # the meal's 60 min; 45 of them inside 11:30–13:30
    without = Break(60, Window(690, 765), None, 690 + 45, None)  # may skip lunch if back by 12:15
    assert ti.instance.routes == [Route(R24, 1, 1, 480, 1080, D24.toordinal(), with_meal, 5),
                                  Route(R25, 1, 1, 480, 1080, D25.toordinal(), without, 5),
                                  Route(R26, 1, 1, 480, 1080, D26.toordinal(), without, 5),
                                  Route("g2@2025-02-25", 1, 1, 480, 1080, D25.toordinal(), without, 5)]
    assert ti.meals == {R24: t.group("g1").day(D24).activities[2]}
    assert route_id("g7", D27) == "g7@2025-02-27"


def test_fixed_items_keep_their_day_and_free_visits_may_go_to_any_open_day_of_their_group():
    ti = build(_tour())
    farm, hall, museum = 2, 3, 4                          # locations in order of first use; 1 is the hotel
    assert ti.instance.stops == [
        Stop("f1", farm, 60, (), (R24,), True, 0, 14 * 60, "farm", 30),
        Stop("lec", hall, 120, (), (R24,), True, 0, None, "hall", 30, counts=False),
        Stop("hj1", hall, 60, (), (R25,), True, 0, None, "hall", 30),
        Stop("hj2", hall, 60, (), ("g2@2025-02-25",), True, 0, None, "hall", 20),
        Stop("m1", museum, 90, MUSEUM_WINDOWS, (R24, R25), True, 0, None, "museum", 30),  # shut on Wednesday
        Stop("f2", farm, 60, (), (R24, R25, R26), True, 0, None, "farm", 30),
        Stop("m2", museum, 90, MUSEUM_WINDOWS, (R24, R25), True, 0, None, "museum", 30)]
    assert ti.home == {"m1": R24, "f1": R24, "lec": R24, "f2": R25, "hj1": R25, "m2": R26,
                       "hj2": "g2@2025-02-25"}
    assert set(ti.activities) == set(ti.home) and ti.stranded == [] and ti.optional == set()
    assert ti.instance.joints == [("hj1", "hj2")]


def test_sites_are_resources_and_unplanned_days_book_them():
    t = _tour()
    ti = build(t)
    inst = ti.instance
    assert inst.resources == {"hotel": Resource("hotel", 1, None), "museum": Resource("museum", 2, 80),
                              "farm": Resource("farm", 1, None), "hall": Resource("hall", 1, None)}
    f3 = next(e for e in schedule(t).plan("g1", D27).entries if e.activity.id == "f3")
    assert f3.start > 480                                 # after the drive out to the farm
    assert inst.busy == [Booking("farm", D27.toordinal(), f3.start, 60, 30)]   # not the transfer
    assert (inst.travel_weight, inst.span_weight, inst.change_weight) == (TRAVEL_WEIGHT, SPAN_WEIGHT, 0)
    leg = TravelEstimator(t.travel).leg(t.site("hotel"), t.site("farm")).minutes
    assert leg > 0 and inst.travel[1][2] == leg and inst.travel[2][1] == leg
    assert inst.travel[0][2] == 0 and inst.travel[1][3] == 0 and inst.travel[3][3] == 0


def test_only_the_chosen_groups_and_dates_are_planned_the_rest_books_its_sites():
    t = _tour()
    ti = build(t, ["g2"])
    assert list(ti.routes) == ["g2@2025-02-25"] and [s.id for s in ti.instance.stops] == ["hj2"]
    assert ti.instance.joints == []                       # hj1 is not planned: no joint to hold
    booked = {(b.resource, dt.date.fromordinal(b.day), b.people) for b in ti.instance.busy}
    assert booked == {("museum", D24, 30), ("farm", D24, 30), ("hall", D24, 30), ("farm", D25, 30),
                      ("hall", D25, 30), ("museum", D26, 30), ("farm", D27, 30)}
    one_day = build(t, None, dates={D25})
    assert list(one_day.routes) == [R25, "g2@2025-02-25"]
    f2 = next(s for s in one_day.instance.stops if s.id == "f2")
    assert f2.routes == (R25,)


def test_repair_keeps_each_item_where_and_when_it_is():
    t = _tour()
    current = schedule(t)
    ti = build(t, repair=True, current=current)
    starts = {e.activity.id: e.start for p in current.plans.values() for e in p.entries}
    stops = {s.id: s for s in ti.instance.stops}
    assert [s.id for s in ti.instance.stops] == ["m1", "f1", "lec", "f2", "hj1", "m2", "hj2"]
    assert {sid: (s.prefer_route, s.prefer_start) for sid, s in stops.items()} == {
        sid: (ti.home[sid], starts[sid]) for sid in stops}
    assert stops["m1"].routes == (R24, R25) and stops["f2"].routes == (R24, R25, R26)
    assert stops["f1"].routes == (R24,)
    meal = starts["l1"]
    assert ti.instance.routes[0].lunch == Break(60, Window(690, max(765, meal)), meal)
    assert ti.instance.change_weight == CHANGE_WEIGHT
    plan = current_plan(ti, current)
    rp = plan.routes[R24]
    order = [e.activity.id for e in current.plan("g1", D24).entries]
    assert [v.stop for v in rp.visits] == [a for a in order if a != "l1"]
    assert rp.lunch_after == order.index("l1") and rp.lunch_start == meal
    assert (rp.depart, rp.arrive) == (current.plan("g1", D24).day_start, current.plan("g1", D24).day_end)
    assert plan.routes[R25].lunch_after is None and plan.routes[R25].lunch_start is None


def test_a_day_that_starts_pinned_after_lunch_time_may_skip_it_and_no_lunch_minutes_means_no_break():
    t = tour(group("g1", day("2025-02-24", visit("farm", pinned="12:45")), day("2025-02-25", visit("farm", id="x",
                                                                                                 pinned="12:44"))),
             sites=[site("farm")])
    routes = build(t).instance.routes
    assert routes[0].lunch == Break(60, Window(690, 765), None, 735, 765)
    assert routes[1].lunch == Break(60, Window(690, 765), None, 735, None)
    t.lunch_minutes = 0
    assert [r.lunch for r in build(t).instance.routes] == [None, None]


def test_a_visit_too_long_for_every_opening_gets_an_empty_window():
    t = _tour()
    museum, act = t.site("museum"), t.group("g1").day(D24).activities[0]
    assert _windows(museum, act, 180) == (Window(540, 540), Window(840, 840))
    assert _windows(museum, act, 181) == (Window(1, 0),)
    assert _windows(t.site("farm"), act, 60) == ()
    assert _windows(museum, t.group("g1").day(D24).activities[2], 60) == ()   # a meal ignores opening hours
    assert _windows(None, act, 60) == ()


def _crowd(n: int, home_day: int) -> tuple[list, dict, dict]:
    """`n` visits that may go to any of five days, all now on `home_day`."""
    from planner.solve.model import Stop as S

    mapping = {f"r{k}": ("g", D24 + dt.timedelta(days=k)) for k in range(5)}
    stops = [S(f"v{i}", 0, 60, routes=tuple(mapping)) for i in range(n)]
    return stops, mapping, {s.id: f"r{home_day}" for s in stops}


def test_a_model_too_big_offers_each_visit_only_the_days_nearest_its_own():
    from planner.solve.tour_model import MAX_ARCS, _nearest_days

    assert MAX_ARCS == 150_000
    stops, mapping, home = _crowd(190, 0)       # 5 days × 190² arcs is too many; 4 × 190² = 144,400 fits
    assert {s.routes for s in _nearest_days(stops, mapping, home)} == {("r0", "r1", "r2", "r3")}
    stops, mapping, home = _crowd(200, 0)       # 4 × 200² = 160,000 does not; 3 × 200² does
    assert {s.routes for s in _nearest_days(stops, mapping, home)} == {("r0", "r1", "r2")}
    stops, mapping, home = _crowd(200, 2)       # the days either side
    assert {s.routes for s in _nearest_days(stops, mapping, home)} == {("r1", "r2", "r3")}
    stops, mapping, home = _crowd(190, 2)       # two days away on both sides: the earlier one is kept
    assert {s.routes for s in _nearest_days(stops, mapping, home)} == {("r0", "r1", "r2", "r3")}
    stops, mapping, home = _crowd(10, 3)        # small enough: every day stays, in date order
    assert {s.routes for s in _nearest_days(stops, mapping, home)} == {("r0", "r1", "r2", "r3", "r4")}
    assert _nearest_days([], mapping, home) == []
