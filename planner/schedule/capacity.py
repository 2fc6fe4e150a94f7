"""Sites receiving more groups or people at once than they can, across groups and in time; joint sessions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.model.clock import fmt
from planner.render.labels import short_date
from planner.schedule.problems import Problem
from planner.model.site import Site
from planner.schedule.timeline import HOURS_APPLY, DayPlan, Entry
from planner.model.tour import Tour


@dataclass
class Session:
    """One booking of a site; a joint session gathers several groups and counts once."""

    start: int
    end: int
    groups: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    people: int = 0


def _sessions(tour: Tour, plans: Iterable[DayPlan]) -> dict[tuple[str, dt.date], list[Session]]:
    """Bookings per site and date; groups sharing a joint tag, site, date and times are one booking."""
    heads = {g.id: g.headcount for g in tour.groups}
    joint: dict[tuple[str, dt.date, str, int, int], Session] = {}
    by_site: dict[tuple[str, dt.date], list[Session]] = defaultdict(list)
    for plan in plans:
        for e in plan.entries:
            act = e.activity
            if act.site is None or act.kind not in HOURS_APPLY:
                continue
            key = (act.site, plan.date)
            s = joint.get((*key, act.joint, e.start, e.end))  # never found without a joint tag
            if s is None:
                s = Session(e.start, e.end)
                by_site[key].append(s)
                if act.joint:
                    joint[(*key, act.joint, e.start, e.end)] = s
            s.groups.append(plan.group_id)
            s.activities.append(act.id)
            s.people += heads[plan.group_id]
    return by_site


def joint_problems(tour: Tour, plans: Iterable[DayPlan]) -> list[Problem]:
    """A joint tag names one session per date: each group whose place or times differ from the first's."""
    first: dict[tuple[dt.date, str], tuple[str, Entry]] = {}
    names = {g.id: g.name for g in tour.groups}
    out: list[Problem] = []
    for plan in plans:
        for e in plan.entries:
            tag = e.activity.joint
            if not tag:
                continue
            seen = first.setdefault((plan.date, tag), (plan.group_id, e))
            gid, ref = seen
            if _where_when(ref) == _where_when(e):
                continue
            out.append(_mismatch(plan.date, tag, (names[gid], ref), (names[plan.group_id], e),
                                 plan.group_id, (gid, plan.group_id)))
    return out


def _where_when(e: Entry) -> tuple:
    return (e.site.id if e.site is not None else None, e.start, e.end)


def _mismatch(date: dt.date, tag: str, ref: tuple[str, Entry], other: tuple[str, Entry], group_id: str,
              groups: tuple[str, str]) -> Problem:
    (name, a), (other_name, b) = ref, other

    def params(lang: str) -> dict:
        return {"date": short_date(date, lang), "joint": tag, "group": name, "other": other_name,
                "time": f"{fmt(a.start)}–{fmt(a.end)}", "other_time": f"{fmt(b.start)}–{fmt(b.end)}",
                "site": _place(a), "other_site": _place(b)}
    return Problem("joint-mismatch", group_id, date, b.activity.id, b.site.id if b.site else None, params,
                   groups=groups, activities=(a.activity.id, b.activity.id))


def _place(e: Entry) -> str:
    return e.site.name if e.site is not None else "—"  # a session with no site, on a day with no start


def capacity_problems(tour: Tour, plans: Iterable[DayPlan]) -> list[Problem]:
    plans = list(plans)
    sites = tour.site_index()
    out = joint_problems(tour, plans)
    for (site_id, date), sessions in _sessions(tour, plans).items():
        site = sites[site_id]
        sessions.sort(key=lambda s: (s.start, s.end))
        active: list[Session] = []
        for s in sessions:
            active = [a for a in active if a.end > s.start]
            together = active + [s]
            people = sum(a.people for a in together)
            too_many = len(together) > site.max_groups
            too_full = site.max_people is not None and people > site.max_people
            if too_many or too_full:
                out += _clash(tour, site, date, together, people, too_many, too_full)
            active.append(s)
    return out


def _clash(tour: Tour, site: Site, date: dt.date, together: list[Session], people: int,
           too_many: bool, too_full: bool) -> list[Problem]:
    """The problems of one moment when a site is over its limits; reported on the latest arrival."""
    names = {g.id: g.name for g in tour.groups}
    last = together[-1]
    groups = tuple(g for a in together for g in a.groups)
    raw = {"start": fmt(last.start), "end": fmt(min(a.end for a in together)), "site": site.name,
           "groups": "、".join(names[g] for g in groups)}

    def problem(code: str, **extra: object) -> Problem:
        def params(lang: str) -> dict:
            return {"date": short_date(date, lang), **raw, **extra}
        return Problem(code, last.groups[0], date, last.activities[0], site.id, params, groups=groups,
                       activities=tuple(a for session in together for a in session.activities))

    out = []
    if too_many:
        out.append(problem("over-capacity-groups", count=len(together), limit=site.max_groups))
    if too_full:
        out.append(problem("over-capacity-people", people=people, limit=site.max_people))
    return out
