"""Plan or repair a tour end to end: model, solve, write back, re-check, count what changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.diff.changes import ADDED, MOVED, REMOVED, RETIMED, TourDiff, compare
from planner.io.errors import PlannerError
from planner.model.tour import Tour
from planner.schedule.problems import Problem, Severity
from planner.schedule.scheduler import Schedule, schedule
from planner.solve import hotels
from planner.solve.apply import apply_plan
from planner.solve.cpsat import Cancel, Options, solve
from planner.solve.model import Plan
from planner.solve.pool_model import extend
from planner.solve.request import PlanRequest, check_request, uncovered
from planner.solve.tour_model import build, current_plan

ACTIVITY_CHANGES = (MOVED, RETIMED, ADDED, REMOVED)


@dataclass
class Outcome:
    tour: Tour                      # the proposed tour (the input when nothing better was found)
    before: Schedule
    after: Schedule
    plan: Plan | None
    diff: TourDiff | None = None
    stranded: list[str] = field(default_factory=list)  # activities no planned day could take
    kept_original: bool = False     # repair found nothing with fewer errors
    uncovered: list[tuple[str, str]] = field(default_factory=list)  # (group, required topic) still missing

    def errors(self, result: Schedule) -> list[Problem]:
        return [p for p in result.problems if p.severity is Severity.ERROR]

    @property
    def changed_activities(self) -> int:
        return len({c.activity_id for c in self.diff.changes if c.kind in ACTIVITY_CHANGES}) if self.diff else 0

    @property
    def travel_minutes(self) -> tuple[int, int]:
        return (sum(p.travel_minutes for p in self.before.plans.values()),
                sum(p.travel_minutes for p in self.after.plans.values()))


def check_groups(tour: Tour, groups: list[str] | None) -> None:
    for gid in groups or []:
        if tour.group(gid) is None:
            known = ", ".join(f"{g.id} ({g.name})" for g in tour.groups)
            raise PlannerError(f"no group '{gid}'; the tour has {known}")


def run(tour: Tour, groups: list[str] | None = None, repair: bool = False, time_limit: float = 10.0,
        seed: int = 0, cancel: Cancel | None = None,
        progress: Callable[[int, int, float], None] | None = None, dates: set[dt.date] | None = None,
        request: PlanRequest | None = None) -> Outcome:
    """Never changes `tour`; the proposal is a copy. Repair keeps the input unless errors go down.
    `request` (auto-plan only): pool sites, required topics, balance, hotel candidates; its groups/dates
    when none given."""
    if request is not None:
        check_request(request, tour)
        groups = groups or request.groups
        dates = dates if dates is not None else (set(request.dates) if request.dates else None)
    check_groups(tour, groups)
    if request is not None and request.hotels and not repair:
        once = request.model_copy(update={"hotels": []})
        best = hotels.choose(tour, request, lambda t, s: run(t, groups, False, s, seed, cancel, progress, dates, once),
                             time_limit, lambda: cancel is not None and cancel.cancelled)
        best.before = schedule(tour)  # against the tour as given: hotel changes are changes too
        best.diff = compare(tour, best.tour) if best.plan is not None else None
        return best
    before = schedule(tour)
    if repair and not any(p.severity is Severity.ERROR for p in before.problems):
        return Outcome(tour, before, before, None, kept_original=True)  # nothing to repair
    new = tour.model_copy(deep=True)
    current = schedule(new)
    ti = build(new, groups, repair, current, dates)
    if request is not None and not repair:
        extend(ti, new, request)
    hint = current_plan(ti, current) if repair else None
    plan = solve(ti.instance, Options(time_limit=time_limit, seed=seed, hint=hint, on_progress=progress), cancel)
    if plan is None:
        return Outcome(tour, before, before, None, kept_original=True)
    after = apply_plan(new, ti, plan)
    outcome = Outcome(new, before, after, plan, stranded=list(ti.stranded), uncovered=uncovered(new, request))
    if repair and len(outcome.errors(after)) >= len(outcome.errors(before)):
        return Outcome(tour, before, before, plan, stranded=list(ti.stranded), kept_original=True)
    outcome.diff = compare(tour, new)
    return outcome
