"""Hotel choice night by night: what one choice rewrites, which candidate wins, how the time is shared."""

from __future__ import annotations

import datetime as dt

from planner.model.tour import Activity, ActivityKind
from planner.schedule.scheduler import schedule
from planner.solve.hotels import MIN_SLICE, choose, set_hotel
from planner.solve.request import HotelChoice, PlanRequest
from planner.solve.runner import Outcome
from tests.builders import day, group, site, tour, visit

FAR = (30.45, 120.15)       # some 20 km north of every site and of "hotel"


def _tour(first_end: str = "hotel", second_end: str = "hotel"):
    return tour(group("g1", day("2025-02-24", visit("farm"), end=first_end),
                      day("2025-02-25", visit("museum"), start=first_end, end=second_end),
                      day("2025-02-26", visit("farm", id="v3"), start=second_end)),
                sites=[site("farm"), site("museum"), site("far", kind="hotel", at=FAR),
                       site("twin", kind="hotel")])


def _day(t, date: str):
    return t.group("g1").day(dt.date.fromisoformat(date))


def test_set_hotel_moves_the_nights_end_its_check_in_and_the_next_mornings_start():
    t = _tour()
    d = _day(t, "2025-02-24")
    d.activities += [Activity(id="in", kind=ActivityKind.CHECKIN, site="hotel"),
                     Activity(id="dinner", kind=ActivityKind.MEAL, site="hotel"),
                     Activity(id="in2", kind=ActivityKind.CHECKIN, site="museum")]
    set_hotel(t, "g1", dt.date(2025, 2, 24), "far")
    assert (d.end, _day(t, "2025-02-25").start) == ("far", "far")
    assert [(a.id, a.site) for a in d.activities[1:]] == [("in", "far"), ("dinner", "hotel"), ("in2", "museum")]
    assert _day(t, "2025-02-24").start == "hotel" and _day(t, "2025-02-25").end == "hotel"


def test_set_hotel_on_the_last_night_has_no_next_morning():
    t = _tour()
    set_hotel(t, "g1", dt.date(2025, 2, 26), "twin")
    assert _day(t, "2025-02-26").end == "twin" and _day(t, "2025-02-25").end == "hotel"


class _Planner:
    """Plans a tour by scheduling it as it is: the hotels decide its driving."""

    def __init__(self):
        self.calls: list[tuple[float, str, str]] = []

    def __call__(self, t, seconds: float) -> Outcome:
        self.calls.append((seconds, _day(t, "2025-02-24").end, _day(t, "2025-02-25").end))
        result = schedule(t)
        return Outcome(t, result, result, None)


def _request(*nights: tuple[str, list[str]]) -> PlanRequest:
    return PlanRequest(hotels=[HotelChoice(group="g1", date=d, candidates=c) for d, c in nights])


def test_the_current_hotel_is_kept_against_a_farther_one_and_an_equal_one():
    t, planner = _tour(), _Planner()
    best = choose(t, _request(("2025-02-24", ["far", "hotel", "twin"])), planner, 8.0, lambda: False)
    # four tries (the tour as it is and three candidates) share 8 s; the current hotel is not tried again
    assert planner.calls == [(2.0, "hotel", "hotel"), (2.0, "far", "hotel"), (2.0, "twin", "hotel")]
    assert _day(best.tour, "2025-02-24").end == "hotel" and _day(best.tour, "2025-02-25").start == "hotel"
    assert _day(t, "2025-02-24").end == "hotel"   # the input is never changed
    _day(best.tour, "2025-02-25").activities.clear()  # nor shares anything with the proposal
    assert len(_day(t, "2025-02-25").activities) == 1


def test_a_nearer_hotel_wins_and_the_next_night_builds_on_it():
    t, planner = _tour("far", "far"), _Planner()
    far_driving = schedule(t)
    best = choose(t, _request(("2025-02-24", ["hotel"]), ("2025-02-25", ["twin", "far"])), planner, 0.6,
                  lambda: False)
    # "far" is no longer the second night's hotel once "twin" beat it: it is tried against "twin"
    assert planner.calls == [(MIN_SLICE, "far", "far"), (MIN_SLICE, "hotel", "far"), (MIN_SLICE, "hotel", "twin"),
                             (MIN_SLICE, "hotel", "far")]
    assert [(d.start, d.end) for d in best.tour.group("g1").days] == [
        ("hotel", "hotel"), ("hotel", "twin"), ("twin", "hotel")]
    assert best.travel_minutes[1] < sum(p.travel_minutes for p in far_driving.plans.values())
    assert [(d.start, d.end) for d in t.group("g1").days] == [("hotel", "far"), ("far", "far"), ("far", "hotel")]


def test_a_stopped_choice_returns_the_best_so_far_at_once():
    planner = _Planner()
    best = choose(_tour("far"), _request(("2025-02-24", ["hotel"])), planner, 3.0, lambda: True)
    assert planner.calls == [(1.5, "far", "hotel")] and _day(best.tour, "2025-02-24").end == "far"
