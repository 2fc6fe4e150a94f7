"""Checks on one group-day: window, hours, closures, pins, legs, visits, lunch, nights."""

from __future__ import annotations

import datetime as dt

from planner.schedule import holidays, lunch
from planner.model.clock import fmt
from planner.render.labels import short_date, weekday_of
from planner.schedule.problems import Problem
from planner.schedule.timeline import HOURS_APPLY, DayPlan, Entry, boarding_margin
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

    if plan.slack < 0:
        add("day-overflow", day_end=fmt(plan.day_end), over=-plan.slack, window_end=fmt(plan.window_end))

    makeup = _safe(holidays.is_makeup_workday, date)
    holiday = _safe(holidays.holiday, date)
    if plan.entries and plan.day_start < plan.window_start:  # only a pinned first activity does that
        first = plan.entries[0]
        add("early-start", first, activity=_name(first), start=fmt(first.start), depart=fmt(first.depart),
            window_start=fmt(plan.window_start))
    for e in plan.entries:
        act, site = e.activity, e.site
        if e.pinned_late:
            add("pinned-unreachable", e, activity=_name(e), pinned=fmt(_pinned(e)),
                arrive=fmt(e.start), late=e.pinned_late)
        elif e.start - e.arrive < boarding_margin(tour.travel, act):
            add("boarding-margin", e, activity=_name(e), arrive=fmt(e.arrive), start=fmt(e.start),
                left=e.start - e.arrive, margin=boarding_margin(tour.travel, act))
        if e.leg.minutes > tour.travel.long_leg_minutes:
            add("long-leg", e, site=e.leg_to.name, minutes=e.leg.minutes,  # a leg that moves has an end
                km=round(e.leg.km), limit=tour.travel.long_leg_minutes)
        if act.site is None or act.kind not in HOURS_APPLY:
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
    if final.minutes > tour.travel.long_leg_minutes and plan.end_site is not None:
        add("long-leg", site=plan.end_site.name, minutes=final.minutes, km=round(final.km),
            limit=tour.travel.long_leg_minutes)
    if plan.visits > tour.max_visits_per_day:
        add("too-many-visits", count=plan.visits, limit=tour.max_visits_per_day)
    window = lunch.window_text(tour)
    for e in lunch.misplaced_lunches(tour, plan):
        add("meal-outside-lunch", e, activity=_name(e), start=fmt(e.start), end=fmt(e.end), window=window,
            minutes=min(tour.lunch_minutes, e.duration))
    if not lunch.lunches(tour, plan) and not lunch.has_break(tour, plan):
        add("no-lunch", window=window, minutes=tour.lunch_minutes)
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
    return tour.site_index()[site_id].name  # a loaded tour names only sites it holds


def _safe(fn, date: dt.date):
    """The calendar's answer, or None for a year it does not know yet (reported once as holidays-unknown)."""
    try:
        return fn(date)
    except NotImplementedError:
        return None


def holiday_gaps(tour: Tour) -> list[Problem]:
    years = sorted({d.year for d in tour.dates() if not holidays.known(d)})
    return [Problem("holidays-unknown", params={"year": y}) for y in years]
