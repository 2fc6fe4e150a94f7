"""A plan request on top of a tour instance: pool sites as optional scored visits (one copy per group
that may take them, at most `max_groups` copies used), required topics as covers, balanced driving."""

from __future__ import annotations

from dataclasses import replace

from planner.model.tour import Activity, ActivityKind, Tour
from planner.solve.model import Cover, Limit
from planner.solve.request import PlanRequest
from planner.solve.tour_model import TRAVEL_WEIGHT, TourInstance, _stop, open_on

PRIORITY_SCORE = 30 * TRAVEL_WEIGHT
"""Priority 1 is worth half an hour of extra driving: a site that far out of the way is still taken."""
BALANCE_WEIGHT = 2 * TRAVEL_WEIGHT
"""One minute of spread between groups' driving weighs as two minutes of driving."""
BALANCE_VISITS_WEIGHT = 30 * TRAVEL_WEIGHT
"""One visit more for one group than another weighs as half an hour of driving."""
SHARED_TOPIC_WEIGHT = 60 * TRAVEL_WEIGHT
"""Balance: a topic other groups study, missing for a group the pool could give it, as an hour of driving."""


def extend(ti: TourInstance, tour: Tour, req: PlanRequest) -> None:
    inst, sites = ti.instance, tour.site_index()
    days: dict[str, list[str]] = {}
    for rid, (gid, _) in ti.routes.items():
        days.setdefault(gid, []).append(rid)
    visited = {g.id: {a.site for d in g.days for a in d.activities if a.kind is ActivityKind.VISIT}
               for g in tour.groups}
    used = {a.id for g in tour.groups for d in g.days for a in d.activities} | set(ti.activities)
    fresh = (f"p{n}" for n in range(1, 10 ** 6) if f"p{n}" not in used)
    for item in req.pool:
        site = sites[item.site]
        copies = []
        for gid in item.groups or list(days):
            if gid not in days or item.site in visited.get(gid, set()):
                continue  # the group is not planned, or already goes there
            open_days = tuple(r for r in days[gid] if open_on(site, ti.routes[r][1]))
            if not open_days:
                continue
            act = Activity(id=next(fresh), kind=ActivityKind.VISIT, site=item.site)
            stop = _stop(tour, act, tour.group(gid).headcount, sites, ti.locate, open_days, None, None)
            inst.stops.append(replace(stop, required=False, score=item.priority * PRIORITY_SCORE))
            ti.activities[act.id] = act
            ti.home[act.id] = open_days[0]
            ti.optional.add(act.id)
            copies.append(act.id)
        if len(copies) > item.max_groups:
            inst.limits.append(Limit(tuple(copies), item.max_groups))
    for gid, topics in req.topics.items():
        if gid not in days:
            continue
        have = {t for a in _fixed_visits(tour, ti, gid) for t in sites[a].topics if a in sites}
        for topic in topics:
            if topic in have:
                continue
            stops = tuple(s.id for s in inst.stops if ti.activities.get(s.id) is not None
                          and (site := sites.get(ti.activities[s.id].site)) is not None and topic in site.topics
                          and (s.routes is None or set(s.routes) & set(days[gid])))
            inst.covers.append(Cover(f"{gid}:{topic}", tuple(days[gid]), stops))
    if req.balance and len(days) > 1:
        inst.balance = [tuple(rids) for _, rids in sorted(days.items())]
        inst.balance_weight, inst.balance_visits_weight = BALANCE_WEIGHT, BALANCE_VISITS_WEIGHT
        _shared_topics(ti, tour, req, days)


def _shared_topics(ti: TourInstance, tour: Tour, req: PlanRequest, days: dict[str, list[str]]) -> None:
    """Topics one planned group studies become soft covers for the others, where the pool offers them."""
    sites, inst = tour.site_index(), ti.instance
    own = {gid: {t for d in tour.group(gid).days for a in d.activities if a.kind is ActivityKind.VISIT
                 and a.site in sites for t in sites[a.site].topics} for gid in days}
    for gid, rids in days.items():
        others = set().union(*(own[g] for g in days if g != gid)) - own[gid] - set(req.topics.get(gid, []))
        for topic in sorted(others):
            stops = tuple(s.id for s in inst.stops if s.id in ti.optional and s.routes and set(s.routes) & set(rids)
                          and topic in sites[ti.activities[s.id].site].topics)
            if stops:
                inst.covers.append(Cover(f"{gid}:{topic}", tuple(rids), stops, SHARED_TOPIC_WEIGHT))


def _fixed_visits(tour: Tour, ti: TourInstance, gid: str) -> list[str]:
    """Sites the group visits on days the plan does not touch: topics already covered."""
    planned = {d for g, d in ti.routes.values() if g == gid}
    return [a.site for d in tour.group(gid).days if d.date not in planned for a in d.activities
            if a.kind is ActivityKind.VISIT and a.site]
