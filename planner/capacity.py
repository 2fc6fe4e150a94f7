"""Sites receiving more groups or people at once than they can, across groups and in time."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.clock import fmt
from planner.labels import both, short_date
from planner.problems import Problem
from planner.timeline import HOURS_APPLY, DayPlan
from planner.tour import Tour


@dataclass
class Session:
    """One booking of a site; a joint session gathers several groups and counts once."""

    start: int
    end: int
    groups: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    people: int = 0


def _sessions(tour: Tour, plans: Iterable[DayPlan]) -> dict[tuple[str, dt.date], list[Session]]:
    heads = {g.id: g.headcount for g in tour.groups}
    joint: dict[tuple[str, dt.date, str], Session] = {}
    by_site: dict[tuple[str, dt.date], list[Session]] = defaultdict(list)
    for plan in plans:
        for e in plan.entries:
            act = e.activity
            if act.site is None or act.kind not in HOURS_APPLY:
                continue
            key = (act.site, plan.date)
            if act.joint:
                s = joint.get((act.site, plan.date, act.joint))
                if s is None:
                    s = joint[(act.site, plan.date, act.joint)] = Session(e.start, e.end)
                    by_site[key].append(s)
                s.start, s.end = min(s.start, e.start), max(s.end, e.end)
            else:
                s = Session(e.start, e.end)
                by_site[key].append(s)
            s.groups.append(plan.group_id)
            s.activities.append(act.id or "")
            s.people += heads.get(plan.group_id, 0)
    return by_site


def capacity_problems(tour: Tour, plans: Iterable[DayPlan]) -> list[Problem]:
    sites = tour.site_index()
    names = {g.id: g.name for g in tour.groups}
    out: list[Problem] = []
    for (site_id, date), sessions in _sessions(tour, plans).items():
        site = sites[site_id]
        sessions.sort(key=lambda s: (s.start, s.end))
        active: list[Session] = []
        for s in sessions:
            active = [a for a in active if a.end > s.start]
            together = active + [s]
            if s.end > s.start or len(together) > 1:
                groups = [g for a in together for g in a.groups]
                overlap_end = min(a.end for a in together)
                people = sum(a.people for a in together)
                gnames = "、".join(names[g] for g in groups)

                def problem(code: str, **extra) -> Problem:
                    params = both(lambda lang: {"date": short_date(date, lang), "start": fmt(s.start),
                                                "end": fmt(overlap_end), "site": site.name,
                                                "groups": gnames, **extra})
                    return Problem(code, s.groups[0], date, s.activities[0], site_id, params,
                                   groups=tuple(groups))

                if len(together) > site.max_groups:
                    out.append(problem("over-capacity-groups", count=len(together), limit=site.max_groups))
                if site.max_people is not None and people > site.max_people:
                    out.append(problem("over-capacity-people", people=people, limit=site.max_people))
            active.append(s)
    return out
