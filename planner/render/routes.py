"""What a route map shows, independent of how it is drawn: lines per group, stops, hotels, stations.

Used by the folium map (planner/render/map_html.py) and by the handbook's offline route image.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.model.clock import fmt
from planner.schedule.scheduler import Schedule
from planner.model.site import Site, SiteKind
from planner.schedule.timeline import HOURS_APPLY, DayPlan


STOP, HOTEL, STATION = "stop", "hotel", "station"


@dataclass(frozen=True)
class Scope:
    """The whole tour, one group, or one group-day."""

    group_id: str | None = None
    date: dt.date | None = None

    @property
    def kind(self) -> str:
        return "tour" if self.group_id is None else ("group" if self.date is None else "day")


@dataclass
class Visit:
    group_id: str
    date: dt.date
    start: str
    end: str
    title: str


@dataclass
class Marker:
    site: Site
    kind: str                      # STOP, HOTEL or STATION
    number: int | None = None      # order of the stop in its group's route
    groups: list[str] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    joint: bool = False


@dataclass
class Route:
    group_id: str
    name: str
    colour: str
    points: list[Site] = field(default_factory=list)
    km: float = 0.0
    stops: int = 0


@dataclass
class RouteMap:
    title: str
    scope: Scope
    routes: list[Route]
    markers: list[Marker]

    def bounds(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        sites = [m.site for m in self.markers] + [p for r in self.routes for p in r.points]
        if not sites:
            return None
        lats, lons = [s.lat for s in sites], [s.lon for s in sites]
        return (min(lats), min(lons)), (max(lats), max(lons))


def _kind_of(site: Site) -> str:
    if site.kind is SiteKind.HOTEL:
        return HOTEL
    return STATION if site.kind is SiteKind.STATION else STOP


def _append(points: list[Site], site: Site | None) -> None:
    if site is not None and (not points or points[-1].id != site.id):
        points.append(site)


def _day_points(plan: DayPlan) -> list[Site]:
    points: list[Site] = []
    _append(points, plan.start_site)
    for e in plan.entries:
        _append(points, e.leg_to)
        _append(points, e.site)
    _append(points, plan.end_site)
    return points


def build_route_map(schedule: Schedule, scope: Scope = Scope()) -> RouteMap:
    tour = schedule.tour
    groups = [g for g in tour.groups if scope.group_id in (None, g.id)]
    routes: list[Route] = []
    markers: dict[tuple, Marker] = {}
    for group in groups:
        route = Route(group.id, group.name, group.colour)
        number = 0
        for day in sorted(group.days, key=lambda d: d.date):
            if scope.date not in (None, day.date):
                continue
            plan = schedule.plan(group.id, day.date)
            if plan is None:
                continue
            for site in _day_points(plan):
                _append(route.points, site)
            route.km += plan.km
            for site in (plan.start_site, plan.end_site):
                if site is not None:
                    _mark(markers, (site.id, _kind_of(site)), site, group.id)
            for e in plan.entries:
                act = e.activity
                if e.leg_to is not None and e.leg_to.kind is SiteKind.STATION:
                    _mark(markers, (e.leg_to.id, STATION), e.leg_to, group.id)
                if e.site is None or act.site is None:
                    continue
                kind = _kind_of(e.site)
                visit = Visit(group.id, plan.date, fmt(e.start), fmt(e.end), act.title or e.site.name)
                if kind != STOP or act.kind not in HOURS_APPLY:
                    _mark(markers, (e.site.id, kind), e.site, group.id)
                    continue
                if act.joint:
                    key = (e.site.id, "joint", plan.date, act.joint)
                else:
                    number += 1
                    key = (e.site.id, group.id, act.id)
                marker = _mark(markers, key, e.site, group.id, number=None if act.joint else number)
                marker.joint = bool(act.joint)
                marker.visits.append(visit)
        route.km = round(route.km, 1)
        route.stops = number
        routes.append(route)
    return RouteMap(tour.title, scope, routes, list(markers.values()))


def _mark(markers: dict, key: tuple, site: Site, group_id: str, number: int | None = None) -> Marker:
    marker = markers.get(key)
    if marker is None:
        marker = markers[key] = Marker(site, _kind_of(site) if key[1] != "joint" else STOP, number)
    if group_id not in marker.groups:
        marker.groups.append(group_id)
    return marker


