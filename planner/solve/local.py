"""A fast warm start for CP-SAT on plain orienteering-like instances: iterated local search.

Insertion by score²/shift with O(1) feasibility (wait and max-shift bookkeeping), then shaking: remove
a run of visits from each route and insert again (the ILS of Vansteenwegen et al., 2009). CP-SAT alone
finds poor first plans on 100-point instances with wide windows; from this start it only has to improve.
Seeded and bounded by iterations, so the same input gives the same start.
"""

from __future__ import annotations

import random
import time

from planner.solve.model import Instance, Plan, RoutePlan, Stop, Visit


def applicable(inst: Instance) -> bool:
    """Only instances without breaks, shared resources, joints, pins, several windows per stop, topics,
    group limits or balance."""
    return (not inst.resources and not inst.joints and inst.change_weight == 0
            and not inst.covers and not inst.limits and not inst.balance
            and all(r.lunch is None for r in inst.routes)
            and all(len(s.windows) <= 1 and s.pinned_start is None and s.resource is None
                    for s in inst.stops))


class _Route:
    def __init__(self, inst: Instance, index: int):
        r = inst.routes[index]
        self.route, self.t = r, inst.travel
        self.stops: list[Stop] = []
        self.refresh()

    def loc(self, k: int) -> int:
        n = len(self.stops)
        return self.route.start if k == 0 else (self.route.end if k == n + 1 else self.stops[k - 1].location)

    def refresh(self) -> None:
        n, t, r = len(self.stops), self.t, self.route
        self.start = [r.earliest] * (n + 2)
        self.wait = [0] * (n + 2)
        for k in range(1, n + 2):
            prev_end = self.start[k - 1] + (self.stops[k - 2].duration if k >= 2 else 0)
            arrive = prev_end + t[self.loc(k - 1)][self.loc(k)]
            opens = self.stops[k - 1].windows[0].earliest if k <= n and self.stops[k - 1].windows else 0
            self.start[k] = max(arrive, opens)
            self.wait[k] = self.start[k] - arrive
        self.shift = [0] * (n + 2)
        self.shift[n + 1] = r.latest - self.start[n + 1]
        for k in range(n, -1, -1):
            close = _close(self.stops[k - 1], r.latest) if k >= 1 else r.latest
            self.shift[k] = min(close - self.start[k], self.wait[k + 1] + self.shift[k + 1])

    def best_insert(self, s: Stop) -> tuple[int, int] | None:
        """(shift, position) of the cheapest feasible insertion, or None."""
        if self.route.max_stops is not None and s.counts and \
                sum(1 for x in self.stops if x.counts) >= self.route.max_stops:
            return None
        t, best = self.t, None
        opens = s.windows[0].earliest if s.windows else 0
        close = _close(s, self.route.latest)
        for k in range(len(self.stops) + 1):
            a, b = self.loc(k), self.loc(k + 1)
            end_k = self.start[k] + (self.stops[k - 1].duration if k >= 1 else 0)
            arrive = end_k + t[a][s.location]
            begin = max(arrive, opens)
            if begin > close:
                continue
            shift = (begin - end_k) + s.duration + t[s.location][b] - t[a][b]
            if shift <= self.wait[k + 1] + self.shift[k + 1] and (best is None or shift < best[0]):
                best = (shift, k)
        return best


def _close(s: Stop, latest: int) -> int:
    return s.windows[0].latest if s.windows else latest


def _allowed(s: Stop, route: _Route) -> bool:
    return s.routes is None or route.route.id in s.routes


def _insert_all(routes: list[_Route], free: list[Stop], rng: random.Random | None = None) -> None:
    while free:
        best = None
        for s in free:
            for ri, route in enumerate(routes):
                if not _allowed(s, route):
                    continue
                found = route.best_insert(s)
                if found is None:
                    continue
                ratio = (s.score * s.score + (1e6 if s.required else 0)) / (found[0] + 1)
                if rng is not None:  # noise: the shaken plan need not rebuild the same way
                    ratio *= 0.5 + rng.random()
                if best is None or ratio > best[0]:
                    best = (ratio, s, ri, found[1])
        if best is None:
            return
        _, s, ri, k = best
        routes[ri].stops.insert(k, s)
        routes[ri].refresh()
        free.remove(s)


def _score(routes: list[_Route]) -> tuple[int, int]:
    score = sum(s.score for r in routes for s in r.stops)
    travel = sum(r.t[r.loc(k)][r.loc(k + 1)] for r in routes for k in range(len(r.stops) + 1))
    return score, -travel


def search(inst: Instance, seed: int = 0, iterations: int = 100_000, seconds: float = 5.0,
           stop=lambda: False) -> Plan:
    rng = random.Random(seed)
    t0 = time.monotonic()
    routes = [_Route(inst, i) for i in range(len(inst.routes))]
    free = list(inst.stops)
    _insert_all(routes, free)
    best = (_score(routes), [list(r.stops) for r in routes])
    size, pos, stale = 1, 0, 0
    for _ in range(iterations):
        if time.monotonic() - t0 > seconds or stale > 1500 or stop():
            break
        for r in routes:  # shake: drop `size` visits from position `pos` of every route
            if r.stops:
                p = pos % len(r.stops)
                del r.stops[p:p + size]
                r.refresh()
        visited = {s.id for r in routes for s in r.stops}
        free = [s for s in inst.stops if s.id not in visited]
        _insert_all(routes, free, rng)
        value = _score(routes)
        if value > best[0]:
            best, size, stale = (value, [list(r.stops) for r in routes]), 1, 0
        else:
            stale += 1
            pos += size
            size += 1
            smallest = min((len(r.stops) for r in routes if r.stops), default=1)
            if pos >= smallest:
                pos -= smallest
            if size > max(1, smallest // 2):
                size = 1
            if stale % 50 == 0:  # restart shaking from the best plan now and then
                for r, stops in zip(routes, best[1]):
                    r.stops = list(stops)
                    r.refresh()
                pos = rng.randrange(max(1, smallest))
    for r, stops in zip(routes, best[1]):
        r.stops = list(stops)
        r.refresh()
    return _plan(inst, routes, best[0], t0)


def _plan(inst: Instance, routes: list[_Route], value: tuple[int, int], t0: float) -> Plan:
    out = {}
    for r in routes:
        visits = tuple(Visit(s.id, r.start[k + 1]) for k, s in enumerate(r.stops))
        out[r.route.id] = RoutePlan(r.route.id, r.start[0], r.start[len(r.stops) + 1], visits)
    spans = sum(rp.arrive - rp.depart for rp in out.values())
    objective = value[0] + inst.travel_weight * value[1] - inst.span_weight * spans
    return Plan(out, value[0], -value[1], objective, False, "heuristic", time.monotonic() - t0)
