"""A solved plan written back into a tour, then re-checked by the real scheduler.

The scheduler starts every activity as early as it can; where the plan deliberately waits (a site
busy with another group, lunch not yet open) the activity is pinned to the plan's time, so the checked
timeline is the solver's. Only such activities get a pin.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterator

from planner.model.tour import Activity, ActivityKind, Tour
from planner.schedule.scheduler import Schedule, schedule
from planner.solve.model import Plan
from planner.solve.tour_model import TourInstance

MAX_PIN_ROUNDS = 20


def apply_plan(tour: Tour, ti: TourInstance, plan: Plan) -> Schedule:
    """Rewrite the planned days of `tour` (in place) as `plan` says; returns the new schedule."""
    wanted: dict[str, int] = {}
    fresh = _fresh_ids(tour, ti)
    for rid, rp in plan.routes.items():
        gid, date = ti.routes[rid]
        day = tour.group(gid).day(date)
        order = [ti.activities[v.stop] for v in rp.visits]
        for v in rp.visits:
            wanted[v.stop] = v.start
        if rp.lunch_after is not None:
            meal = ti.meals.get(rid) or Activity(id=next(fresh), kind=ActivityKind.MEAL,
                                                 minutes=ti.instance.routes[_route_pos(ti, rid)].lunch.duration)
            order.insert(rp.lunch_after, meal)
            wanted[meal.id] = rp.lunch_start
        day.activities = order
        if rp.lunch_after is None and rid in ti.meals:  # never lose the day's meal
            day.activities.append(ti.meals[rid])
    placed = {v.stop for rp in plan.routes.values() for v in rp.visits}
    for sid, act in ti.activities.items():  # nothing is ever lost: what the plan could not place stays
        if sid not in placed and sid not in ti.optional:
            gid, date = ti.routes[ti.home[sid]]
            tour.group(gid).day(date).activities.append(act)
    planned = {a for a in wanted}
    result = schedule(tour)
    for _ in range(MAX_PIN_ROUNDS):
        late = [(e.activity, wanted[e.activity.id]) for p in result.plans.values() for e in p.entries
                if e.activity.id in planned and e.start < wanted[e.activity.id]]
        if not late:
            break
        for act, start in late:
            act.pinned = dt.time(start // 60, start % 60)
        result = schedule(tour)
    return result


def _route_pos(ti: TourInstance, rid: str) -> int:
    return next(i for i, r in enumerate(ti.instance.routes) if r.id == rid)


def _fresh_ids(tour: Tour, ti: TourInstance) -> Iterator[str]:
    """New activity ids, unused by the tour and by the planned activities taken out of it meanwhile."""
    used = {a.id for g in tour.groups for d in g.days for a in d.activities} | set(ti.activities)
    n = 0
    while True:
        n += 1
        if f"a{n}" not in used:
            yield f"a{n}"
