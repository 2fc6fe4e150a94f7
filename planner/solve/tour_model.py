"""A tour as an abstract instance: group-days become routes, their visits stops, sites shared resources.

What is planned: the days of the chosen groups that hold visits (and no transfer, at most one meal).
Their visits may move between those days (plan) or are kept where they are when possible (repair);
lectures, discussions and check-ins stay on their day; the meal becomes the lunch break. Everything
else stays as it is and only occupies the sites it books.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from planner.model.clock import minutes
from planner.model.site import Site
from planner.model.tour import DEFAULT_MINUTES, Activity, ActivityKind, Day, Tour
from planner.schedule import holidays
from planner.schedule.scheduler import Schedule, schedule
from planner.schedule.timeline import HOURS_APPLY, activity_minutes
from planner.schedule.travel import TravelEstimator
from planner.solve.model import Booking, Break, Instance, Plan, Resource, Route, RoutePlan, Stop, Visit, Window

CHANGE_WEIGHT = 10_000   # repair: one changed activity outweighs any saving in driving
TRAVEL_WEIGHT = 10       # driving minutes first, then shorter days (less waiting)
SPAN_WEIGHT = 1


@dataclass
class TourInstance:
    instance: Instance
    routes: dict[str, tuple[str, dt.date]]            # route id -> (group, date)
    activities: dict[str, Activity]                   # stop id (= activity id) -> activity
    meals: dict[str, Activity] = field(default_factory=dict)  # route id -> the day's meal, if any
    home: dict[str, str] = field(default_factory=dict)  # stop id -> the route (day) it came from
    stranded: list[str] = field(default_factory=list)  # visits no planned day can take (closed every day)
    optional: set[str] = field(default_factory=set)    # pool visits: added only where the plan puts them
    locate: Callable[[str | None], int] | None = None  # a site's location index (added on first use)


def route_id(group_id: str, date: dt.date) -> str:
    return f"{group_id}@{date.isoformat()}"


def open_on(site: Site, date: dt.date) -> bool:
    """The scheduler's closed-weekday and closed-holiday rules, as one yes/no for a date."""
    try:
        makeup, holiday = holidays.is_makeup_workday(date), holidays.holiday(date)
    except NotImplementedError:
        makeup, holiday = False, None
    if date.isoweekday() in site.closed_weekdays and not (makeup and site.closed_on_holidays):
        return False
    return not (site.closed_on_holidays and holiday)


def plannable(day: Day) -> bool:
    acts = day.activities
    return (any(a.kind is ActivityKind.VISIT for a in acts)
            and not any(a.kind is ActivityKind.TRANSFER for a in acts)
            and sum(1 for a in acts if a.kind is ActivityKind.MEAL) <= 1)


def _windows(site: Site | None, act: Activity, duration: int) -> tuple[Window, ...]:
    if site is None or not site.hours or act.kind not in HOURS_APPLY:
        return ()
    return tuple(Window(h.start_min, h.end_min - duration) for h in site.hours
                 if h.end_min - duration >= h.start_min) or (Window(1, 0),)


def build(tour: Tour, group_ids: list[str] | None = None, repair: bool = False,
          current: Schedule | None = None, dates: set[dt.date] | None = None) -> TourInstance:
    """`dates`: only these days of the groups are planned (optimise one day's order: one date)."""
    current = current or schedule(tour)
    chosen = set(group_ids) if group_ids else {g.id for g in tour.groups}
    sites = tour.site_index()
    loc_ids: list[str | None] = [None]  # index 0: nowhere (a day without a hotel): no travel to or from it
    index: dict[str | None, int] = {None: 0}

    def loc(site_id: str | None) -> int:
        if site_id not in index:
            index[site_id] = len(loc_ids)
            loc_ids.append(site_id)
        return index[site_id]

    lunch_w = tour.lunch_window
    routes, stops, busy = [], [], []
    mapping: dict[str, tuple[str, dt.date]] = {}
    acts: dict[str, Activity] = {}
    meals: dict[str, Activity] = {}
    pools: dict[str, list[tuple[Activity, str]]] = {}
    joint_stops: dict[tuple[dt.date, str], list[str]] = {}
    owner: dict[str, str] = {}
    home: dict[str, str] = {}
    for group in tour.groups:
        for day in sorted(group.days, key=lambda d: d.date):
            plan = current.plan(group.id, day.date)
            if group.id not in chosen or not plannable(day) or (dates is not None and day.date not in dates):
                for e in plan.entries if plan else []:
                    if e.activity.site and e.activity.kind in HOURS_APPLY:
                        busy.append(Booking(e.activity.site, day.date.toordinal(), e.start, e.duration,
                                            group.headcount))
                continue
            rid = route_id(group.id, day.date)
            mapping[rid] = (group.id, day.date)
            meal = next((a for a in day.activities if a.kind is ActivityKind.MEAL), None)
            starts = {e.activity.id: e.start for e in plan.entries}
            lunch_len = meal.minutes if meal is not None and meal.minutes is not None \
                else DEFAULT_MINUTES[ActivityKind.MEAL]
            inside = min(tour.lunch_minutes, lunch_len)
            now = starts.get(meal.id) if (meal is not None and repair) else None
            latest = lunch_w.end_min - inside
            # repair does not insist on a lunch the organizer already placed a little late (a warning)
            need = tour.lunch_minutes
            # a day without a meal may stay without one if it misses lunch time, as the scheduler allows
            # (starting after lunch time only for a day that starts with a pin then, e.g. an arrival day:
            # otherwise the plan would idle at the hotel all morning to skip lunch)
            first = day.activities[0] if day.activities else None
            late = lunch_w.end_min - need
            after = late if first is not None and first.pinned and minutes(first.pinned) >= late else None
            skip = (lunch_w.start_min + need, after) if meal is None else (None, None)
            lunch = Break(lunch_len, Window(lunch_w.start_min, max(latest, now or latest)), now, *skip)
            if meal is None and need == 0:
                lunch = None
            if meal is not None:
                meals[rid] = meal
            routes.append(Route(rid, loc(day.start), loc(day.end), tour.day_window.start_min,
                                tour.day_window.end_min, day.date.toordinal(), lunch, tour.max_visits_per_day))
            for act in day.activities:
                if act.kind is ActivityKind.MEAL:
                    continue
                acts[act.id] = act
                owner[act.id] = group.id
                home[act.id] = rid
                free = act.kind is ActivityKind.VISIT and act.pinned is None and not act.joint
                if free and not repair:
                    pools.setdefault(group.id, []).append((act, rid))
                    continue
                stops.append(_stop(tour, act, group.headcount, sites, loc, (rid,) if not free else None,
                                   rid if repair else None, starts.get(act.id) if repair else None))
                if act.joint:
                    joint_stops.setdefault((day.date, act.joint), []).append(act.id)
    stranded = []
    for gid, pool in pools.items():
        days = [rid for rid, (g, _) in mapping.items() if g == gid]
        for act, _ in pool:
            stops.append(_stop(tour, act, tour.group(gid).headcount, sites, loc, tuple(days), None, None))
    # a free visit may go to any planned day of its group on which its site is open
    group_days = {gid: tuple(r for r, (g, _) in mapping.items() if g == gid) for gid in chosen}
    fixed = []
    for s in stops:
        act = acts[s.id]
        allowed = s.routes if s.routes is not None else group_days[owner[s.id]]
        site = sites.get(act.site) if act.site else None
        if site is not None and act.kind in HOURS_APPLY and act.pinned is None and len(allowed) > 1:
            open_days = tuple(r for r in allowed if open_on(site, mapping[r][1]))
            if not open_days:
                stranded.append(s.id)
            allowed = open_days or allowed
        fixed.append(replace(s, routes=allowed))
    stops = _nearest_days(fixed, mapping, home)
    estimator = TravelEstimator(tour.travel)
    travel = LazyTravel(lambda a, b: estimator.leg(sites.get(loc_ids[a]), sites.get(loc_ids[b])).minutes
                        if loc_ids[a] and loc_ids[b] else 0)
    resources = {s.id: Resource(s.id, s.max_groups, s.max_people) for s in tour.sites}
    joints = [tuple(ids) for ids in joint_stops.values() if len(ids) > 1]
    inst = Instance(travel, routes, stops, resources, joints, busy, TRAVEL_WEIGHT, SPAN_WEIGHT,
                    CHANGE_WEIGHT if repair else 0)
    return TourInstance(inst, mapping, acts, meals, home, stranded, locate=loc)


class LazyTravel:
    """`travel[a][b]` computed when first asked: a catalogue-sized tour has thousands of sites, and the
    model only ever needs the pairs a day can link."""

    def __init__(self, leg):
        self._leg = leg
        self._rows: dict[int, _Row] = {}

    def __getitem__(self, a: int) -> "_Row":
        row = self._rows.get(a)
        if row is None:
            row = self._rows[a] = _Row(self._leg, a)
        return row


class _Row:
    def __init__(self, leg, a: int):
        self._leg, self._a, self._cache = leg, a, {}

    def __getitem__(self, b: int) -> int:
        found = self._cache.get(b)
        if found is None:
            found = self._cache[b] = self._leg(self._a, b)
        return found


MAX_ARCS = 150_000
"""A model's size grows with the square of the stops a day may take; beyond this many arcs, each visit is
offered only the days nearest its current one (a 20-group month would otherwise never be built)."""


def _nearest_days(stops: list[Stop], mapping: dict[str, tuple[str, dt.date]], home: dict[str, str]) -> list[Stop]:
    def size(pick: dict[str, tuple[str, ...]]) -> int:
        per_route: dict[str, int] = {}
        for routes in pick.values():
            for r in routes:
                per_route[r] = per_route.get(r, 0) + 1
        return sum(n * n for n in per_route.values())

    def nearest(s: Stop, n: int) -> tuple[str, ...]:
        here = mapping[home[s.id]][1]
        return tuple(sorted(sorted(s.routes, key=lambda r: (abs((mapping[r][1] - here).days), r))[:n],
                            key=lambda r: mapping[r][1]))

    widest = max((len(s.routes) for s in stops), default=1)
    for n in range(widest, 0, -1):
        pick = {s.id: nearest(s, n) for s in stops}
        if size(pick) <= MAX_ARCS or n == 1:
            return [replace(s, routes=pick[s.id]) for s in stops]
    return stops


def _stop(tour: Tour, act: Activity, people: int, sites: dict[str, Site], loc, routes, prefer_route,
          prefer_start) -> Stop:
    site = sites.get(act.site) if act.site else None
    duration = activity_minutes(act, site)
    shared = site is not None and act.kind in HOURS_APPLY
    return Stop(id=act.id, location=loc(act.site), duration=duration, windows=_windows(site, act, duration),
                routes=routes, required=True, pinned_start=minutes(act.pinned) if act.pinned else None,
                resource=act.site if shared else None, people=people if shared else 0,
                counts=act.kind is ActivityKind.VISIT, prefer_route=prefer_route, prefer_start=prefer_start)


def current_plan(ti: TourInstance, result: Schedule) -> Plan:
    """The tour as it stands, as a plan of the instance: the hint for repair and the measure of change."""
    routes = {}
    for rid, (gid, date) in ti.routes.items():
        entries = result.plan(gid, date).entries
        visits, after, lunch = [], None, None
        for e in entries:
            if e.activity.kind is ActivityKind.MEAL:
                after, lunch = len(visits), e.start
            elif e.activity.id in ti.activities:
                visits.append(Visit(e.activity.id, e.start))
        plan = result.plan(gid, date)
        routes[rid] = RoutePlan(rid, plan.day_start, plan.day_end, tuple(visits), after, lunch)
    return Plan(routes, 0, 0, 0)
