"""A feasible first plan for any instance, by simulation: CP-SAT alone rarely finds one on tour-sized
models with lunch breaks and shared sites, and improves quickly once it has one.

Each route is walked as the scheduler walks a day (earliest start inside the windows, waiting for a
shared site to be free, lunch at the best place); stops are inserted where they cost least, then moved
one by one while that lowers the cost. `initial` (repair) keeps the current order of what still fits.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from planner.solve.model import Instance, Plan, Route, RoutePlan, Stop, Visit, objective

MAX_ATTEMPTS = 40
Slot = tuple[int, int, int]  # start, end, people


@dataclass
class _Walk:
    starts: list[int]
    lunch_after: int | None
    lunch_start: int | None
    arrive: int
    travel: int


class Greedy:
    def __init__(self, inst: Instance):
        self.inst = inst
        self.stops = {s.id: s for s in inst.stops}
        self.orders: dict[str, list[str]] = {r.id: [] for r in inst.routes}
        self.walks: dict[str, _Walk | None] = {}
        self.busy: dict[tuple[str, int], list[tuple[str | None, Slot]]] = {}
        for b in inst.busy:
            self.busy.setdefault((b.resource, b.day), []).append((None, (b.start, b.start + b.duration, b.people)))
        self.followers = {sid for j in inst.joints for sid in j[1:]}

    # -- walking one route
    def _free(self, stop: Stop, route: Route, begin: int) -> bool:
        if stop.resource is None or stop.id in self.followers:
            return True
        res = self.inst.resources[stop.resource]
        end = begin + stop.duration
        over = [s for rid, s in self.busy.get((stop.resource, route.day), [])
                if rid != route.id and s[0] < end and begin < s[1]]
        people = stop.people + sum(s[2] for s in over)
        return len(over) + 1 <= res.max_groups and (res.max_people is None or people <= res.max_people)

    def _begin(self, stop: Stop, route: Route, arrive: int, keep: bool = False) -> int | None:
        kept = stop.prefer_start if keep and stop.prefer_route == route.id else None
        if kept is not None and kept >= arrive and stop.pinned_start is None:
            # repair: wait to keep the current time rather than start earlier and count as changed
            if any(w.earliest <= kept <= w.latest for w in stop.windows) or not stop.windows:
                if self._free(stop, route, kept):
                    return kept
        if stop.pinned_start is not None:
            ok = stop.pinned_start >= arrive and self._free(stop, route, stop.pinned_start)
            return stop.pinned_start if ok else None
        spans = [(w.earliest, w.latest) for w in stop.windows] or [(arrive, route.latest)]
        for lo, hi in sorted(spans):
            t = max(arrive, lo)
            bookings = sorted(s[1] for rid, s in self.busy.get((stop.resource, route.day), [])
                              if rid != route.id) if stop.resource else []
            for cand in [t] + [b for b in bookings if b > t]:  # wait until a booking ends
                if cand > hi:
                    break
                if self._free(stop, route, cand):
                    return cand
        return None

    def walk(self, route: Route, order: list[str], lunch_at: int | None = None) -> _Walk | None:
        """Keeping current times where it can (repair); if that does not fit, as early as possible."""
        if self.inst.change_weight:
            kept = self._walk(route, order, lunch_at, True)
            if kept is not None:
                return kept
        return self._walk(route, order, lunch_at, False)

    def _walk(self, route: Route, order: list[str], lunch_at: int | None, keep: bool) -> _Walk | None:
        if route.max_stops is not None and sum(self.stops[s].counts for s in order) > route.max_stops:
            return None
        if route.lunch is not None and order and lunch_at is None:
            walks = [w for k in range(len(order) + 1) if (w := self._walk(route, order, k, keep)) is not None]
            until = route.lunch.skip_until
            if until is not None and (w := self._walk(route, order, -1, keep)) is not None and w.arrive <= until:
                walks.append(w)  # a day over before lunch time needs none
            keep = route.lunch.prefer_start  # repair: the lunch where it is, when it still fits
            return min(walks, key=lambda w: (keep is not None and w.lunch_start != keep, w.arrive, w.travel),
                       default=None)
        t, here, travel, starts, lunch_start = route.earliest, route.start, 0, [], None
        tt = self.inst.travel
        for k, sid in enumerate(order + [None]):
            if k == lunch_at:
                brk = route.lunch
                lunch_start = max(t, brk.window.earliest)
                if keep and brk.prefer_start is not None and t <= brk.prefer_start <= brk.window.latest:
                    lunch_start = max(lunch_start, brk.prefer_start)
                if lunch_start > brk.window.latest:
                    return None
                t = lunch_start + brk.duration
            if sid is None:
                break
            s = self.stops[sid]
            arrive = t + tt[here][s.location]
            begin = self._begin(s, route, arrive, keep)
            if begin is None:
                return None
            travel += tt[here][s.location]
            starts.append(begin)
            t, here = begin + s.duration, s.location
        arrive = t + tt[here][route.end]
        if arrive > route.latest:
            return None
        return _Walk(starts, lunch_at if lunch_at != -1 else None, lunch_start, arrive, travel + tt[here][route.end])

    def cost(self, route: Route, w: _Walk | None, order: list[str]) -> int:
        if not order:
            return self.inst.travel_weight * self.inst.travel[route.start][route.end]
        changed = 0
        if self.inst.change_weight:  # repair: what moved or starts at another time counts most
            for sid, start in zip(order, w.starts):
                s = self.stops[sid]
                changed += s.prefer_route is not None and (s.prefer_route != route.id or
                                                           s.prefer_start not in (None, start))
            brk = route.lunch
            changed += brk is not None and brk.prefer_start is not None and w.lunch_start != brk.prefer_start
        return (self.inst.travel_weight * w.travel + self.inst.span_weight * (w.arrive - route.earliest)
                + self.inst.change_weight * changed)

    def _commit(self, route: Route, order: list[str], w: _Walk | None) -> None:
        self.orders[route.id] = order
        self.walks[route.id] = w
        for key, items in self.busy.items():
            self.busy[key] = [it for it in items if it[0] != route.id]
        for sid, start in zip(order, w.starts if w else []):
            s = self.stops[sid]
            if s.resource is not None and sid not in self.followers:
                people = s.people + sum(self.stops[f].people for j in self.inst.joints if j[0] == sid for f in j[1:])
                self.busy.setdefault((s.resource, route.day), []).append(
                    (route.id, (start, start + s.duration, people)))

    # -- building and improving
    def best_place(self, sid: str, only: tuple[str, ...] | None = None) -> tuple[int, Route, list[str], _Walk] | None:
        s, best = self.stops[sid], None
        placed = self.placed()
        if any(sid in lim.stops and len(placed & set(lim.stops) - {sid}) >= lim.k for lim in self.inst.limits):
            return None  # a shared site already taken by as many groups as it may
        for route in self.inst.routes:
            if s.routes is not None and route.id not in s.routes or only is not None and route.id not in only:
                continue
            order = self.orders[route.id]
            base = self.cost(route, self.walks.get(route.id), order)
            for k in range(len(order) + 1):
                new = order[:k] + [sid] + order[k:]
                w = self.walk(route, new)
                if w is not None:
                    delta = self.cost(route, w, new) - base - s.score
                    if best is None or delta < best[0]:
                        best = (delta, route, new, w)
        return best

    def insert(self, sid: str, only: tuple[str, ...] | None = None) -> bool:
        found = self.best_place(sid, only)
        if found is not None:
            self._commit(found[1], found[2], found[3])
        return found is not None

    def start_from(self, initial: dict[str, list[str]]) -> None:
        pinned = {s.id for s in self.inst.stops if s.pinned_start is not None}
        # days with pinned stops first: what cannot move books its sites before what can
        for route in sorted(self.inst.routes, key=lambda r: not pinned & set(initial.get(r.id, []))):
            order = [s for s in initial.get(route.id, []) if s in self.stops and
                     (self.stops[s].routes is None or route.id in self.stops[s].routes)]
            # take out the fewest stops for the rest to keep their times; they are placed again later
            while order and self.inst.change_weight and self._walk(route, order, None, True) is None:
                fits = [k for k in range(len(order) - 1, -1, -1)
                        if self._walk(route, order[:k] + order[k + 1:], None, True) is not None]
                if not fits:
                    break
                order = order[:fits[0]] + order[fits[0] + 1:]
            while order and (w := self.walk(route, order)) is None:
                order = self._drop_one(route, order)
            self._commit(route, order, self.walk(route, order) if order else None)

    def _drop_one(self, route: Route, order: list[str]) -> list[str]:
        for k in range(len(order) - 1, -1, -1):  # the latest stop whose removal makes the day work
            if self.walk(route, order[:k] + order[k + 1:]) is not None:
                return order[:k] + order[k + 1:]
        return order[:-1]

    def eject_for(self, sid: str) -> bool:
        """Place `sid` by moving one placed stop elsewhere (a tight week has no free slot left for it);
        of all such moves, the cheapest (in repair: the fewest changes)."""
        s, best = self.stops[sid], None
        for route in self.inst.routes:
            if s.routes is not None and route.id not in s.routes:
                continue
            for other in list(self.orders[route.id]):
                if self.stops[other].pinned_start is not None:
                    continue
                saved = self._state()
                rest = [x for x in self.orders[route.id] if x != other]
                w = self.walk(route, rest) if rest else None
                if rest and w is None:
                    continue
                self._commit(route, rest, w)
                if self.insert(sid) and self.insert(other):
                    total = self.total()
                    if best is None or total < best[0]:
                        best = (total, self._state())
                self._restore(saved)
        if best is not None:
            self._restore(best[1])
        return best is not None

    def _state(self) -> tuple:
        return ({k: list(v) for k, v in self.orders.items()}, dict(self.walks),
                {k: list(v) for k, v in self.busy.items()})

    def _restore(self, state: tuple) -> None:
        orders, walks, busy = state
        self.orders = {k: list(v) for k, v in orders.items()}
        self.walks = dict(walks)
        self.busy = {k: list(v) for k, v in busy.items()}

    def _remove(self, sid: str) -> None:
        for route in self.inst.routes:
            order = self.orders[route.id]
            if sid in order:
                rest = [x for x in order if x != sid]
                self._commit(route, rest, self.walk(route, rest) if rest else None)

    def total(self) -> int:
        return sum(self.cost(r, self.walks.get(r.id), self.orders[r.id]) for r in self.inst.routes)

    def placed(self) -> set[str]:
        return {s for order in self.orders.values() for s in order}

    def improve(self, deadline: float, stop=lambda: False) -> None:
        better = True
        while better and time.monotonic() < deadline and not stop():
            better = False
            for sid in list(self.placed()):
                if time.monotonic() > deadline or stop():
                    return
                if self.stops[sid].pinned_start is not None:
                    continue
                rid = next(r for r, o in self.orders.items() if sid in o)
                route = next(r for r in self.inst.routes if r.id == rid)
                old_order, old_walk = self.orders[rid], self.walks.get(rid)
                before = self.cost(route, old_walk, old_order)
                rest = [s for s in old_order if s != sid]
                w = self.walk(route, rest) if rest else None
                if rest and w is None:
                    continue
                self._commit(route, rest, w)
                saved = before - self.cost(route, w, rest)
                found = self.best_place(sid)
                # best_place counts the stop's score as a gain; a move keeps the score it already had
                if found is not None and found[0] + self.stops[sid].score < saved:
                    if found[1].id != rid or found[2] != old_order:
                        self._commit(found[1], found[2], found[3])
                        better = True
                        continue
                self._commit(route, old_order, old_walk)

    def plan(self) -> Plan:
        routes, travel, score = {}, 0, 0
        for route in self.inst.routes:
            order, w = self.orders[route.id], self.walks.get(route.id)
            visits = tuple(Visit(sid, st) for sid, st in zip(order, w.starts)) if w else ()
            routes[route.id] = RoutePlan(route.id, route.earliest, w.arrive if w else route.earliest, visits,
                                         w.lunch_after if w else None, w.lunch_start if w else None)
            travel += w.travel if w else self.inst.travel[route.start][route.end]
            score += sum(self.stops[s].score for s in order)
        return Plan(routes, score, travel, 0, stopped="heuristic")


def construct(inst: Instance, initial: dict[str, list[str]] | None = None, seconds: float = 2.0,
              seed: int = 0, stop=lambda: False) -> Plan:
    """A plan placing what it can: kept stops first (repair), then the most constrained ones. Several
    insertion orders (the first by constraint, then seeded shuffles) are tried while time allows."""
    t0 = time.monotonic()
    rng = random.Random(seed)
    best: tuple[tuple[int, int], Greedy] | None = None
    for attempt in range(MAX_ATTEMPTS):
        g = Greedy(inst)
        if initial:
            g.start_from(initial)
        todo = [s for s in inst.stops if s.id not in g.placed()]
        todo.sort(key=lambda s: (s.pinned_start is None, len(s.routes) if s.routes is not None else 999,
                                 -len(s.windows), -s.duration, s.id))
        if attempt:
            head = [s for s in todo if s.pinned_start is not None]
            tail = [s for s in todo if s.pinned_start is None]
            rng.shuffle(tail)
            todo = head + tail
        for s in todo:
            if s.required:
                if not g.insert(s.id):
                    g.eject_for(s.id)
            elif (found := g.best_place(s.id)) is not None and found[0] < 0:  # an optional site worth it
                g._commit(found[1], found[2], found[3])
        for c in inst.covers:  # a required topic still missing: the cheapest unplaced site that has it
            if not any(sid in g.orders[r] for r in c.routes for sid in c.stops):
                for sid in sorted(set(c.stops) - g.placed(), key=lambda x: (-g.stops[x].score, x)):
                    if g.insert(sid, c.routes):
                        break
        value = (len(inst.stops) - len(g.placed()), g.total())
        if best is None or value < best[0]:
            best = (value, g)
        if value[0] == 0 or time.monotonic() - t0 > seconds or stop():  # the clock: only a safety stop
            break
    g = best[1]
    if not initial and not stop():  # repair: moving stops only to drive less would change what is kept
        g.improve(t0 + seconds, stop)
    if inst.limits or inst.balance:
        _trade(g, stop)
    return g.plan()


def _trade(g: Greedy, stop) -> None:
    """Give a shared pool site to another group when the whole objective (balance, topics) says so: the
    insertion costs above see one route at a time, not the spread between groups. Bounded by work (each copy
    tried once against each other copy), not by the clock: the same seed, the same trades."""
    inst = g.inst
    copies = [lim.stops for lim in inst.limits] + [(s.id,) for s in inst.stops if not s.required]
    value = objective(inst, g.plan())
    for group in copies:
        for placed in [sid for sid in group if sid in g.placed()]:
            for other in [sid for sid in group if sid not in g.placed()] or [None]:
                if stop():
                    return
                saved = g._state()
                g._remove(placed)
                if other is not None:
                    g.insert(other)
                new = objective(inst, g.plan())
                if new > value:
                    value = new
                    break
                g._restore(saved)
