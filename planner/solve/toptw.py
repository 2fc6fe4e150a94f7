"""Team Orienteering Problem with Time Windows files (Solomon-based, Righini–Salani format) as instances."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from planner.solve.model import Instance, Plan, Route, Stop, Window

SCALE = 10
"""Travel times are Euclidean distances truncated to one decimal: tenths make them exact integers."""


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    duration: float
    score: int
    opens: float
    closes: float


def read_points(path: Path) -> list[Point]:
    lines = [ln.split() for ln in path.read_text().splitlines() if ln.strip()]
    n = int(lines[0][2])
    points = []
    for fields in lines[2:3 + n]:
        points.append(Point(float(fields[1]), float(fields[2]), float(fields[3]), int(float(fields[4])),
                            float(fields[-2]), float(fields[-1])))
    if len(points) != n + 1:
        raise ValueError(f"{path}: {len(points)} points, expected {n + 1}")
    return points


def tenths(p: Point, q: Point) -> int:
    return math.floor(10 * math.hypot(p.x - q.x, p.y - q.y))


def instance(points: list[Point], routes: int) -> Instance:
    travel = [[tenths(p, q) for q in points] for p in points]
    depot = points[0]
    budget = round(depot.closes * SCALE)
    stops = [Stop(id=str(i), location=i, duration=round(p.duration * SCALE), score=p.score,
                  windows=(Window(round(p.opens * SCALE), round(p.closes * SCALE)),))
             for i, p in enumerate(points) if i > 0]
    rts = [Route(id=f"r{k}", start=0, end=0, earliest=round(depot.opens * SCALE), latest=budget, day=0)
           for k in range(routes)]
    return Instance(travel=travel, routes=rts, stops=stops)


def check(inst: Instance, plan: Plan) -> int:
    """The plan's score, re-walked from scratch (earliest service starts); raises when it is infeasible."""
    stops = {s.id: s for s in inst.stops}
    seen: set[str] = set()
    total = 0
    for route in inst.routes:
        rp = plan.routes[route.id]
        t, here = route.earliest, route.start
        for v in rp.visits:
            s = stops[v.stop]
            if s.id in seen:
                raise ValueError(f"{s.id} visited twice")
            seen.add(s.id)
            w = s.windows[0]
            t = max(t + inst.travel[here][s.location], w.earliest)
            if t > w.latest:
                raise ValueError(f"{s.id} starts at {t}, after {w.latest}")
            t += s.duration
            here = s.location
            total += s.score
        if t + inst.travel[here][route.end] > route.latest:
            raise ValueError(f"route {route.id} returns late")
    return total
