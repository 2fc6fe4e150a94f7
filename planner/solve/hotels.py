"""Hotels chosen from candidates, night by night: each candidate is tried with a full search of the days
around it, and the best (fewest errors, then fewest uncovered topics, then least driving) is kept.

Trying candidates in turn rather than inside one model keeps every plan a real, re-checked tour (check-ins
follow the hotel); a night's choice mostly changes the two days it joins, so few rounds are needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.model.tour import ActivityKind, Tour
from planner.solve.request import PlanRequest

if TYPE_CHECKING:
    from planner.solve.runner import Outcome

MIN_SLICE = 0.5
"""Seconds of search per candidate at least: less finds no plan worth comparing."""


def set_hotel(tour: Tour, group_id: str, date: dt.date, hotel: str) -> None:
    """The night after `date` at `hotel`: the day ends there (check-in moves too), the next starts there."""
    group = tour.group(group_id)
    day = group.day(date)
    old, day.end = day.end, hotel
    for act in day.activities:
        if act.kind is ActivityKind.CHECKIN and act.site == old:
            act.site = hotel
    following = group.day(date + dt.timedelta(days=1))
    if following is not None:
        following.start = hotel


def rank(outcome: Outcome) -> tuple[int, int, int]:
    return len(outcome.errors(outcome.after)), len(outcome.uncovered), outcome.travel_minutes[1]


def choose(tour: Tour, req: PlanRequest, plan: Callable[[Tour, float], Outcome], time_limit: float,
           stopped: Callable[[], bool]) -> Outcome:
    """`plan(tour, seconds)` plans one tour with its hotels fixed. Returns the best outcome found."""
    tries = sum(len(h.candidates) for h in req.hotels) + 1
    seconds = max(MIN_SLICE, time_limit / tries)
    base = tour.model_copy(deep=True)
    best = plan(base, seconds)
    for h in req.hotels:
        for hotel in h.candidates:
            if stopped():
                return best
            if hotel == base.group(h.group).day(h.date).end:
                continue  # the current choice: already the best so far or beaten by it
            trial = base.model_copy(deep=True)
            set_hotel(trial, h.group, h.date, hotel)
            out = plan(trial, seconds)
            if rank(out) < rank(best):
                best, base = out, trial
    return best
