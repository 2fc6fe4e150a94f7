"""The scheduler: every group-day's timeline plus every problem, for a whole tour. Pure function."""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from planner.schedule.capacity import capacity_problems
from planner.schedule.balance import tour_problems
from planner.schedule.day_checks import day_problems, holiday_gaps
from planner.schedule.people_checks import people_problems
from planner.schedule.problems import SEVERITY_ORDER, Problem, Severity
from planner.schedule.timeline import DayPlan, plan_day
from planner.model.tour import Group, Tour
from planner.schedule.travel import TravelEstimator


@dataclass
class Schedule:
    tour: Tour
    plans: dict[tuple[str, dt.date], DayPlan] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def plan(self, group_id: str, date: dt.date) -> DayPlan | None:
        return self.plans.get((group_id, date))

    def group_plans(self, group_id: str) -> list[DayPlan]:
        return [p for (g, _), p in self.plans.items() if g == group_id]

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0


@contextmanager
def _collector_paused():
    """Checking allocates many short-lived objects and no cycles; the cyclic GC would only slow it down."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def schedule(tour: Tour) -> Schedule:
    with _collector_paused():
        return _schedule(tour)


def _schedule(tour: Tour) -> Schedule:
    sites = tour.site_index()
    travel = TravelEstimator(tour.travel)
    result = Schedule(tour)
    problems: list[Problem] = []
    for group in tour.groups:
        for day in sorted(group.days, key=lambda d: d.date):  # dates are unique within a group (validated)
            result.plans[(group.id, day.date)] = plan_day(tour, group.id, day, sites, travel)
        problems += group_day_problems(tour, group, result.plans)
    problems += tour_wide_problems(tour, result.plans)
    result.problems = sort_problems(tour, problems)
    return result


def group_day_problems(tour: Tour, group: Group, plans: dict[tuple[str, dt.date], DayPlan]) -> list[Problem]:
    """One group's day checks from its timelines, in date order (a day's checks look at the days before)."""
    problems: list[Problem] = []
    previous = None
    visited: dict[str, dt.date] = {}
    for day in sorted(group.days, key=lambda d: d.date):
        plan = plans[(group.id, day.date)]
        problems += day_problems(tour, group, plan, previous, visited)
        previous = plan
    return problems


def tour_wide_problems(tour: Tour, plans: dict[tuple[str, dt.date], DayPlan],
                       capacity: list[Problem] | None = None) -> list[Problem]:
    """Checks across groups and days (capacity, holidays, balance, people), from finished timelines.

    `capacity`: the capacity problems when the caller already has them (they only ever involve one date)."""
    if capacity is None:
        capacity = capacity_problems(tour, plans.values())
    return capacity + holiday_gaps(tour) + tour_problems(tour, plans) + people_problems(tour)


def sort_problems(tour: Tour, problems: list[Problem]) -> list[Problem]:
    """Errors first, then by group order, date and position in the day: the same input, the same list."""
    group_pos = {g.id: i for i, g in enumerate(tour.groups)}
    act_pos = {a.id: i for g in tour.groups for d in g.days for i, a in enumerate(d.activities)}

    def key(p: Problem) -> tuple:
        return (SEVERITY_ORDER[p.severity], group_pos.get(p.group_id, -1),
                p.date or dt.date.min, act_pos.get(p.activity_id, -1), p.code)

    return sorted(problems, key=key)
