"""Checks on one group-day (window, hours, closures, pins, legs, lunch) and across a tour (balance)."""

from __future__ import annotations

import datetime as dt

from planner.schedule import holidays
from planner.model.clock import fmt
from planner.render.labels import short_date, weekday_of
from planner.schedule.problems import Problem
from planner.model.site import TOPICS
from planner.schedule.timeline import HOURS_APPLY, DayPlan, Entry
from planner.model.tour import ActivityKind, Group, Tour


def _name(entry: Entry) -> str:
    act = entry.activity
    if act.title:
        return act.title
    return entry.site.name if entry.site is not None else act.kind.value


def day_problems(tour: Tour, group: Group, plan: DayPlan, previous: DayPlan | None,
                 visited: dict[str, dt.date]) -> list[Problem]:
    out: list[Problem] = []
    gname, date = group.name, plan.date

    def add(code: str, entry: Entry | None = None, build=None, **fixed) -> None:
        site = entry.site.id if entry is not None and entry.site is not None else None
        params = (lambda lang: {"group": gname, "date": short_date(date, lang), **fixed,
                                    **(build(lang) if build else {})})
        out.append(Problem(code, group.id, date, entry.activity.id if entry else None, site, params))

    if not tour.start_date <= date <= tour.end_date:
        add("day-outside-tour", start=str(tour.start_date), end=str(tour.end_date))
    if plan.slack < 0:
        add("day-overflow", day_end=fmt(plan.day_end), over=-plan.slack, window_end=fmt(plan.window_end))

    makeup = _safe(holidays.is_makeup_workday, date, False)
    holiday = _safe(holidays.holiday, date, None)
    for e in plan.entries:
        act, site = e.activity, e.site
        if e.start < plan.window_start and act.pinned is not None:
            add("early-start", e, activity=_name(e), start=fmt(e.start), window_start=fmt(plan.window_start))
        if e.pinned_late:
            add("pinned-unreachable", e, activity=_name(e), pinned=fmt(_pinned(e)),
                arrive=fmt(e.start), late=e.pinned_late)
        if e.leg.minutes > tour.travel.long_leg_minutes and not e.leg.known:
            add("long-leg", e, site=(e.leg_to.name if e.leg_to else ""), minutes=e.leg.minutes,
                km=round(e.leg.km), limit=tour.travel.long_leg_minutes)
        if site is None or act.kind not in HOURS_APPLY or act.site is None:
            continue
        if date.isoweekday() in site.closed_weekdays and not (makeup and site.closed_on_holidays):
            add("closed-weekday", e, site=site.name,
                build=lambda lang, d=date.isoweekday(): {"weekday": weekday_of(d, lang)})
        if site.closed_on_holidays and holiday:
            add("closed-holiday", e, site=site.name,
                build=lambda lang, h=holiday: {"holiday": holidays.holiday_name(h, lang)})
        if e.hours_violation:
            add("outside-hours", e, site=site.name, start=fmt(e.start), end=fmt(e.end),
                hours="、".join(f"{s.start:%H:%M}–{s.end:%H:%M}" for s in site.hours))
        if act.kind is ActivityKind.VISIT:
            if site.id in visited:
                add("site-revisited", e, site=site.name,
                    build=lambda lang, f=visited[site.id]: {"first": short_date(f, lang)})
            else:
                visited[site.id] = date

    final = plan.final_leg
    if final.minutes > tour.travel.long_leg_minutes and not final.known and plan.end_site is not None:
        add("long-leg", site=plan.end_site.name, minutes=final.minutes, km=round(final.km),
            limit=tour.travel.long_leg_minutes)
    if plan.visits > tour.max_visits_per_day:
        add("too-many-visits", count=plan.visits, limit=tour.max_visits_per_day)
    if not _has_lunch(tour, plan):
        add("no-lunch", window=f"{tour.lunch_window.start:%H:%M}–{tour.lunch_window.end:%H:%M}",
            minutes=tour.lunch_minutes)
    if previous is not None and previous.date == date - dt.timedelta(days=1):
        before, now = previous.day.end, plan.day.start
        if before and now and before != now:
            add("start-mismatch", start=_site_name(tour, now), previous=_site_name(tour, before))
    if plan.day.end is None and date < tour.end_date:
        add("no-hotel")
    return out


def _pinned(e: Entry) -> int:
    return e.start - e.pinned_late


def _site_name(tour: Tour, site_id: str) -> str:
    site = tour.site(site_id)
    return site.name if site else site_id


def _safe(fn, date: dt.date, default):
    try:
        return fn(date)
    except NotImplementedError:
        return default


def _has_lunch(tour: Tour, plan: DayPlan) -> bool:
    """A meal that overlaps the lunch window, or enough free time inside it, or a day that misses lunch time."""
    lo, hi = tour.lunch_window.start_min, tour.lunch_window.end_min
    need = tour.lunch_minutes
    if need == 0 or not plan.entries or plan.day_end <= lo + need or plan.day_start >= hi - need:
        return True
    free = 0
    t = plan.day_start
    for e in plan.entries:
        if e.activity.kind is ActivityKind.MEAL and e.start < hi and e.end > lo:
            return True
        # idle before setting off and free-time activities count as a break
        free += _overlap(t, t + e.wait, lo, hi)
        if e.activity.kind is ActivityKind.FREE:
            free += _overlap(e.start, e.end, lo, hi)
        t = e.end
    return free >= need


def _overlap(a: int, b: int, lo: int, hi: int) -> int:
    return max(0, min(b, hi) - max(a, lo))


def holiday_gaps(tour: Tour) -> list[Problem]:
    years = sorted({d.year for d in tour.dates() if not holidays.known(d)})
    return [Problem("holidays-unknown", params={"year": y}) for y in years]


def tour_problems(tour: Tour, plans: dict[tuple[str, dt.date], DayPlan]) -> list[Problem]:
    """Balance across groups, as information: driving, visits, topics."""
    if len(tour.groups) < 2:
        return []
    out: list[Problem] = []
    sites = tour.site_index()
    km = {g.id: sum(p.km for (gid, _), p in plans.items() if gid == g.id) for g in tour.groups}
    visits = {g.id: sum(p.visits for (gid, _), p in plans.items() if gid == g.id) for g in tour.groups}
    names = {g.id: g.name for g in tour.groups}
    active = [g.id for g in tour.groups if visits[g.id] > 0]
    if len(active) >= 2:
        most = max(active, key=lambda g: km[g])
        least = min(active, key=lambda g: km[g])
        if km[least] > 0 and km[most] / km[least] >= 1.5:
            out.append(Problem("balance-driving", groups=(most, least), params={
                "most": names[most], "most_km": round(km[most]), "least": names[least],
                "least_km": round(km[least]), "ratio": f"{km[most] / km[least]:.1f}"}))
        if max(visits[g] for g in active) - min(visits[g] for g in active) >= 3:
            counts = "、".join(f"{names[g]} {visits[g]}" for g in active)
            out.append(Problem("balance-visits", groups=tuple(active), params={"counts": counts}))
        topics = {g.id: _topics(g, sites) for g in tour.groups if g.id in active}
        every = set().union(*topics.values())
        for gid in active:
            missing = [t for t in TOPICS if t in every and t not in topics[gid]]
            if missing:
                out.append(Problem("balance-topics", gid, params={"group": names[gid],
                                                                   "topics": "、".join(missing)}))
    return out


def _topics(group: Group, sites) -> set[str]:
    found: set[str] = set()
    for day in group.days:
        for act in day.activities:
            site = sites.get(act.site) if act.site else None
            if site is not None and act.kind in HOURS_APPLY:
                found.update(site.topics)
    return found
