"""Re-plan only what an edit touched: the same Schedule as `schedule(tour)`, at a fraction of the cost.

Timelines depend only on their own group-day (and the tour's settings and sites), so an edit re-plans
its group-days and keeps every other timeline. A group's day checks look back at earlier days
(revisits, last night's hotel), so a touched group's checks are redone whole. Capacity clashes and
joint sessions only ever involve one date: they are redone for the touched dates; the other checks
across groups (balance, holidays, people) are redone from the cached timelines. An edit that cannot say
what it touched (settings, sites) passes `None`: everything is re-planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planner.model.tour import Tour
from planner.schedule.capacity import capacity_problems
from planner.schedule.problems import Problem
from planner.schedule.scheduler import (Schedule, _collector_paused, group_day_problems, schedule, sort_problems,
                                        tour_wide_problems)
from planner.schedule.timeline import plan_day
from planner.schedule.travel import TravelEstimator

GroupDay = tuple[str, dt.date]


class Replanner:
    """Keeps the last schedule and each group's day checks; `update` brings them up to date."""

    def __init__(self, tour: Tour):
        self.tour = tour
        self.schedule = Schedule(tour)
        self._group_problems: dict[str, list[Problem]] = {}
        self._capacity: dict[dt.date, list[Problem]] = {}
        self._travel: TravelEstimator | None = None
        self.update(None)

    def update(self, touched: Iterable[GroupDay] | None) -> Schedule:
        """A new Schedule after an edit of the group-days in `touched` (None: anything may have changed)."""
        with _collector_paused():
            if touched is None:
                return self._full()
            return self._partial(set(touched))

    def _full(self) -> Schedule:
        result = schedule(self.tour)
        self._travel = TravelEstimator(self.tour.travel)
        self._group_problems = {}
        for group in self.tour.groups:  # the same checks `schedule` ran, kept per group for later edits
            self._group_problems[group.id] = group_day_problems(self.tour, group, result.plans)
        self._capacity = {date: self._capacity_on(date, result.plans) for date in {d for _, d in result.plans}}
        self.schedule = result
        return result

    def _partial(self, touched: set[GroupDay]) -> Schedule:
        tour = self.tour
        known = {g.id for g in tour.groups}
        if not {g for g, _ in touched} <= known or set(self._group_problems) != known:
            return self._full()  # a group came or went: nothing to reuse safely
        sites = tour.site_index()
        plans = dict(self.schedule.plans)
        for group_id, date in touched:
            day = tour.group(group_id).day(date)
            if day is None:
                plans.pop((group_id, date), None)
            else:
                plans[(group_id, date)] = plan_day(tour, group_id, day, sites, self._travel)
        # the same order as `schedule`: groups in tour order, days by date
        ordered = {(g.id, d.date): plans[(g.id, d.date)]
                   for g in tour.groups for d in sorted(g.days, key=lambda d: d.date)}
        for group_id in {g for g, _ in touched}:
            self._group_problems[group_id] = group_day_problems(tour, tour.group(group_id), ordered)
        for date in {d for _, d in touched}:
            self._capacity[date] = self._capacity_on(date, ordered)
        capacity = [p for date in sorted(self._capacity) for p in self._capacity[date]]
        problems = [p for g in tour.groups for p in self._group_problems[g.id]]
        problems += tour_wide_problems(tour, ordered, capacity)
        self.schedule = Schedule(tour, ordered, sort_problems(tour, problems))
        return self.schedule

    def _capacity_on(self, date: dt.date, plans: dict[GroupDay, object]) -> list[Problem]:
        on_date = [plans[(g.id, date)] for g in self.tour.groups if (g.id, date) in plans]
        return capacity_problems(self.tour, on_date)
