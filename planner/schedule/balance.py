"""Balance across groups, as information: driving, visits and topics that differ a lot."""

from __future__ import annotations

import datetime as dt

from planner.model.site import TOPICS
from planner.model.tour import Group, Tour
from planner.schedule.problems import Problem
from planner.schedule.timeline import HOURS_APPLY, DayPlan

MIN_KM_DIFFERENCE = 50
"""Driving differences smaller than this are not news, whatever the ratio (1 km against 1.5 km)."""
MIN_RATIO = 1.5
MIN_VISIT_DIFFERENCE = 3


def tour_problems(tour: Tour, plans: dict[tuple[str, dt.date], DayPlan]) -> list[Problem]:
    if len(tour.groups) < 2:
        return []
    out: list[Problem] = []
    sites = tour.site_index()
    # whole km, as shown: every number in a message must add up as printed
    km = {g.id: round(sum(p.km for (gid, _), p in plans.items() if gid == g.id)) for g in tour.groups}
    visits = {g.id: sum(p.visits for (gid, _), p in plans.items() if gid == g.id) for g in tour.groups}
    names = {g.id: g.name for g in tour.groups}
    active = [g.id for g in tour.groups if visits[g.id] > 0]
    if len(active) < 2:
        return []
    most = max(active, key=lambda g: km[g])
    least = min(active, key=lambda g: km[g])
    if km[most] - km[least] >= MIN_KM_DIFFERENCE and km[most] >= MIN_RATIO * km[least]:
        out.append(Problem("balance-driving", groups=(most, least), params=_driving(
            names[most], km[most], names[least], km[least])))
    high, low = max(visits[g] for g in active), min(visits[g] for g in active)
    if high - low >= MIN_VISIT_DIFFERENCE and high >= MIN_RATIO * low:
        counts = "、".join(f"{names[g]} {visits[g]}" for g in active)
        out.append(Problem("balance-visits", groups=tuple(active), params={"counts": counts}))
    topics = {gid: _topics(tour.group(gid), sites) for gid in active}
    every = set().union(*topics.values())
    for gid in active:
        missing = [t for t in TOPICS if t in every and t not in topics[gid]]
        if missing:
            out.append(Problem("balance-topics", gid, params={"group": names[gid], "topics": "、".join(missing)}))
    return out


def _driving(most: str, most_km: int, least: str, least_km: int):
    def params(lang: str) -> dict:
        ratio = ""
        if least_km > 0:  # the ratio of the two numbers shown, not of the unrounded sums
            times = f"{most_km / least_km:.1f}"
            ratio = f"（{times} 倍）" if lang == "zh" else f" ({times}×)"
        return {"most": most, "most_km": most_km, "least": least, "least_km": least_km,
                "diff": most_km - least_km, "ratio": ratio}
    return params


def _topics(group: Group, sites) -> set[str]:
    found: set[str] = set()
    for day in group.days:
        for act in day.activities:
            site = sites.get(act.site)
            if site is not None and act.kind in HOURS_APPLY:
                found.update(site.topics)
    return found
