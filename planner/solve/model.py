"""The solver's own abstract model: routes, stops, breaks, shared resources. Knows nothing of tours.

Times are integers in one unit chosen by the adaptor (minutes for tours, tenths for the benchmark).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


DROP_WEIGHT = 1_000_000
"""Per required stop left out, in units of change_weight (travel and score weigh far less)."""
COVER_WEIGHT = DROP_WEIGHT // 10
"""Per required topic a group misses: less than a required visit dropped, more than any driving."""


@dataclass(frozen=True)
class Window:
    """Bounds on when a stop's service may START (a site open 09:00–17:00 for 60 minutes: 09:00–16:00)."""

    earliest: int
    latest: int


@dataclass(frozen=True)
class Break:
    """A break taken where the route is (lunch): no travel, starts inside its window."""

    duration: int
    window: Window
    prefer_start: int | None = None   # repair: the current start, kept when possible
    skip_until: int | None = None     # may be left out by a route that arrives by then,
    skip_from: int | None = None      # or sets off at or after this (a day that misses lunch time)


@dataclass(frozen=True)
class Route:
    """One vehicle-day (a group-day): leaves `start` no earlier than `earliest`, reaches `end` by `latest`."""

    id: str
    start: int                        # location index
    end: int
    earliest: int
    latest: int
    day: int = 0                      # routes on the same day share resources
    lunch: Break | None = None        # required whenever the route has a stop
    max_stops: int | None = None      # stops with `counts` set


@dataclass(frozen=True)
class Stop:
    """Something a route may do at a location: optional with a score, or required."""

    id: str
    location: int
    duration: int
    windows: tuple[Window, ...] = ()  # empty: any time
    routes: tuple[str, ...] | None = None  # routes allowed (closed days already removed); None: any
    required: bool = False
    score: int = 0
    pinned_start: int | None = None
    resource: str | None = None       # a site shared by routes
    people: int = 0
    counts: bool = True               # counts towards the route's max_stops
    prefer_route: str | None = None   # repair: where and when it is now
    prefer_start: int | None = None


@dataclass(frozen=True)
class Resource:
    id: str
    max_groups: int = 1
    max_people: int | None = None


@dataclass(frozen=True)
class Booking:
    resource: str
    day: int
    start: int
    duration: int
    people: int = 0


@dataclass(frozen=True)
class Cover:
    """At least one of `stops` visited on one of `routes`: a group's required topic (`label`)."""

    label: str
    routes: tuple[str, ...]
    stops: tuple[str, ...]
    weight: int = COVER_WEIGHT        # missing it costs this (a topic other groups have: far less)


@dataclass(frozen=True)
class Limit:
    """At most `k` of `stops` visited: one shared site offered to several groups, copy by copy."""

    stops: tuple[str, ...]
    k: int


@dataclass
class Instance:
    travel: Any                       # travel[a][b] between location indices (lists, or computed lazily)
    routes: list[Route]
    stops: list[Stop]
    resources: dict[str, Resource] = field(default_factory=dict)
    joints: list[tuple[str, ...]] = field(default_factory=list)  # stops held together: same day and start
    busy: list[Booking] = field(default_factory=list)  # resources already taken by what is not planned
    travel_weight: int = 0            # objective: score − travel_weight·travel − span_weight·day spans
    span_weight: int = 0              #            − change_weight·(stops moved or re-timed)
    change_weight: int = 0
    covers: list[Cover] = field(default_factory=list)
    limits: list[Limit] = field(default_factory=list)
    balance: list[tuple[str, ...]] = field(default_factory=list)  # each group's routes: keep their driving
    balance_weight: int = 0           # close: − balance_weight·(most − least driving of a group)
    balance_visits_weight: int = 0    #        − balance_visits_weight·(most − least visits of a group)


@dataclass(frozen=True)
class Visit:
    stop: str
    start: int


@dataclass(frozen=True)
class RoutePlan:
    route: str
    depart: int
    arrive: int
    visits: tuple[Visit, ...]
    lunch_after: int | None = None    # the break follows visits[lunch_after - 1]; 0: before the first
    lunch_start: int | None = None


@dataclass
class Plan:
    routes: dict[str, RoutePlan]
    score: int
    travel: int
    objective: int
    optimal: bool = False
    stopped: str = ""                 # why the search ended: "optimal", "time", "cancelled", "infeasible"
    seconds: float = 0.0

    def unvisited(self, instance: Instance) -> list[str]:
        done = {v.stop for r in self.routes.values() for v in r.visits}
        return [s.id for s in instance.stops if s.id not in done]


def route_travel(inst: Instance, route: Route, rp: RoutePlan | None) -> int:
    stops = {s.id: s.location for s in inst.stops}
    path = [route.start] + [stops[v.stop] for v in (rp.visits if rp else ())] + [route.end]
    return sum(inst.travel[a][b] for a, b in zip(path, path[1:]))


def missed_covers(inst: Instance, plan: Plan) -> list[Cover]:
    done = {(v.stop, rid) for rid, rp in plan.routes.items() for v in rp.visits}
    return [c for c in inst.covers if not any((s, r) in done for s in c.stops for r in c.routes)]


def spread(inst: Instance, plan: Plan, visits: bool = False) -> int:
    """Most minus least driving (or visits) among the balanced groups."""
    if not inst.balance:
        return 0
    routes, counts = {r.id: r for r in inst.routes}, {s.id: s.counts for s in inst.stops}

    def amount(rid: str) -> int:
        rp = plan.routes.get(rid)
        if visits:
            return sum(counts[v.stop] for v in rp.visits) if rp else 0
        return route_travel(inst, routes[rid], rp)
    per = [sum(amount(r) for r in group) for group in inst.balance]
    return max(per) - min(per)


def objective(inst: Instance, plan: Plan) -> int:
    """The objective CP-SAT maximises, for any plan of `inst` (a warm start is compared with it)."""
    stops = {s.id: s for s in inst.stops}
    routes = {r.id: r for r in inst.routes}
    kept = 0
    for rid, rp in plan.routes.items():
        for v in rp.visits:
            s = stops[v.stop]
            kept += s.prefer_route == rid and s.prefer_start in (None, v.start)
        brk = routes[rid].lunch
        kept += brk is not None and brk.prefer_start is not None and rp.lunch_start == brk.prefer_start
    wanted = sum(s.prefer_route is not None for s in inst.stops) + sum(
        r.lunch is not None and r.lunch.prefer_start is not None for r in inst.routes)
    spans = sum(rp.arrive - rp.depart for rp in plan.routes.values())
    return (plan.score - inst.travel_weight * plan.travel - inst.span_weight * spans
            - (inst.change_weight * (wanted - kept) if inst.change_weight else 0)
            - inst.balance_weight * spread(inst, plan) - inst.balance_visits_weight * spread(inst, plan, True)
            - max(1, inst.change_weight) * sum(c.weight for c in missed_covers(inst, plan))
            - max(1, inst.change_weight) * DROP_WEIGHT * sum(s.required for s in inst.stops if s.id in plan.unvisited(inst)))
