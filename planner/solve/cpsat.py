"""The abstract model as one CP-SAT model: a circuit per route, optional intervals on shared resources.

Why CP-SAT and not the OR-Tools routing library: resources shared ACROSS routes in time (a site taking at
most N groups or P people at once) and joint sessions are cumulative/equality constraints over optional
intervals, which CP-SAT states directly; the routing library has no cross-route time resources.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from planner.solve import greedy, local
from planner.solve.control import DET_PER_SECOND, ILS_PER_SECOND, SAFETY, WARM_SHARE, Cancel, Options, Progress
from planner.solve.model import DROP_WEIGHT, Instance, Plan, RoutePlan, Stop, Visit, Window, objective


def _windows_bounds(stop: Stop, lo: int, hi: int) -> tuple[int, int] | None:
    """Earliest and latest feasible start inside [lo, hi] respecting the stop's windows (or pin)."""
    if stop.pinned_start is not None:
        spans = [Window(stop.pinned_start, stop.pinned_start)]
    else:
        spans = list(stop.windows) or [Window(lo, hi)]
    inside = [(max(w.earliest, lo), min(w.latest, hi)) for w in spans]
    inside = [(a, b) for a, b in inside if a <= b]
    if not inside:
        return None
    return min(a for a, _ in inside), max(b for _, b in inside)


class _Model:
    def __init__(self, inst: Instance):
        self.inst = inst
        self.m = m = cp_model.CpModel()
        t = inst.travel
        horizon = max((r.latest for r in inst.routes), default=0)
        self.start: dict[str, cp_model.IntVar] = {}
        self.x: dict[tuple[str, str], cp_model.IntVar] = {}
        self.arcs: dict[str, list[tuple[int, int, cp_model.IntVar]]] = {}
        self.nodes: dict[str, list[Stop]] = {}
        self.depart: dict[str, cp_model.IntVar] = {}
        self.arrive: dict[str, cp_model.IntVar] = {}
        self.lunch: dict[str, tuple[cp_model.IntVar, list[cp_model.IntVar]]] = {}
        penalties: list = []
        self.route_travel: dict[str, list] = {}
        for s in inst.stops:
            if s.pinned_start is not None:
                dom = cp_model.Domain(s.pinned_start, s.pinned_start)
            elif s.windows:
                dom = cp_model.Domain.from_intervals([[w.earliest, w.latest] for w in s.windows
                                                      if w.earliest <= w.latest])
            else:
                dom = cp_model.Domain(0, horizon)
            self.start[s.id] = m.new_int_var_from_domain(dom, f"t_{s.id}")
        for r in inst.routes:
            cands, bounds = [], {}
            for s in inst.stops:
                if s.routes is not None and r.id not in s.routes:
                    continue
                b = _windows_bounds(s, r.earliest + t[r.start][s.location],
                                    r.latest - s.duration - t[s.location][r.end])
                if b is not None:
                    cands.append(s)
                    bounds[s.id] = b
            self.nodes[r.id] = cands
            dep = self.depart[r.id] = m.new_int_var(r.earliest, r.latest, f"d_{r.id}")
            arr = self.arrive[r.id] = m.new_int_var(r.earliest, r.latest, f"a_{r.id}")
            used = m.new_bool_var(f"used_{r.id}")
            arcs = [(0, 0, used.Not())]
            travel_terms = self.route_travel[r.id] = []
            travel_terms.append((1 - used) * t[r.start][r.end])
            m.add(arr >= dep + t[r.start][r.end]).only_enforce_if(used.Not())
            lunch_var, brk = None, {}
            if r.lunch is not None:
                lunch_var = m.new_int_var(r.lunch.window.earliest, r.lunch.window.latest, f"l_{r.id}")
                brk = {0: m.new_bool_var(f"b0_{r.id}")}
                m.add(lunch_var >= dep).only_enforce_if(brk[0])
            for k, s in enumerate(cands, start=1):
                x = self.x[(s.id, r.id)] = m.new_bool_var(f"x_{s.id}_{r.id}")
                m.add_implication(x, used)
                arcs.append((k, k, x.Not()))
                if lunch_var is not None:
                    b = brk[k] = m.new_bool_var(f"b_{s.id}_{r.id}")
                    m.add_implication(b, x)
                    m.add(lunch_var >= self.start[s.id] + s.duration).only_enforce_if(b)
            if lunch_var is not None:
                self._lunch_needed(r, brk, used, dep, arr)
                self.lunch[r.id] = (lunch_var, [brk[k] for k in range(len(cands) + 1)])
            dur = r.lunch.duration if r.lunch is not None else 0
            # arcs between the depot (node 0) and candidates, pruned when time windows rule them out
            for i in range(len(cands) + 1):
                for j in range(len(cands) + 1):
                    if i == j:
                        continue
                    si, sj = (cands[i - 1] if i else None), (cands[j - 1] if j else None)
                    li = si.location if si else r.start
                    lj = sj.location if sj else r.end
                    leg = t[li][lj]
                    ready = (bounds[si.id][0] + si.duration) if si else r.earliest
                    if sj is not None and ready + leg > bounds[sj.id][1]:
                        continue
                    if sj is None and ready + leg > r.latest:
                        continue
                    lit = m.new_bool_var("")
                    arcs.append((i, j, lit))
                    if leg:
                        travel_terms.append(lit * leg)
                    end_i = (self.start[si.id] + si.duration) if si else dep
                    nxt = self.start[sj.id] if sj else arr
                    m.add(nxt >= end_i + leg).only_enforce_if(lit)
                    if lunch_var is not None:
                        m.add(nxt >= lunch_var + dur + leg).only_enforce_if([lit, brk[i]])
            m.add_circuit(arcs)
            self.arcs[r.id] = arcs
            if r.max_stops is not None:
                counted = [self.x[(s.id, r.id)] for s in cands if s.counts]
                if len(counted) > r.max_stops:
                    m.add(sum(counted) <= r.max_stops)
            if r.lunch is not None and r.lunch.prefer_start is not None and inst.change_weight:
                keep = m.new_bool_var(f"keep_l_{r.id}")
                m.add(lunch_var == r.lunch.prefer_start).only_enforce_if(keep)
                penalties.append(1 - keep)
        self._assignment(penalties)
        self._resources()
        self._joints()
        self._covers(penalties)
        score = sum(s.score * x for (sid, _), x in self.x.items()
                    for s in [self._stop(sid)] if s.score)
        spans = sum(self.arrive[r.id] - self.depart[r.id] for r in inst.routes)
        self.travel = sum(sum(terms) for terms in self.route_travel.values())
        self.score = score
        m.maximize(score - inst.travel_weight * self.travel - inst.span_weight * spans
                   - self._spread()
                   - max(1, inst.change_weight) * sum(penalties))

    def _covers(self, penalties: list) -> None:
        """Required topics (soft: a partial plan stays a start) and shared sites' group limits (hard)."""
        m = self.m
        for c in self.inst.covers:
            lits = [self.x[(s, r)] for s in c.stops for r in c.routes if (s, r) in self.x]
            covered = m.new_bool_var("")
            if lits:
                m.add(sum(lits) >= 1).only_enforce_if(covered)
            else:
                m.add(covered == 0)
            penalties.append(c.weight * (1 - covered))
        for lim in self.inst.limits:
            xs = [x for (sid, _), x in self.x.items() if sid in lim.stops]
            if len(xs) > lim.k:
                m.add(sum(xs) <= lim.k)

    def _spread(self):
        """Most minus least of each group's driving, and of its visits, weighted (balance)."""
        inst = self.inst
        if not inst.balance:
            return 0
        counted = {s.id for s in inst.stops if s.counts}
        driving = [sum(sum(self.route_travel[r]) for r in group) for group in inst.balance]
        visits = [sum(x for (sid, rid), x in self.x.items() if rid in group and sid in counted)
                  for group in inst.balance]
        total = 0
        for weight, per in ((inst.balance_weight, driving), (inst.balance_visits_weight, visits)):
            if not weight:
                continue
            hi, lo = self.m.new_int_var(0, 10 ** 7, "most"), self.m.new_int_var(0, 10 ** 7, "least")
            for d in per:
                self.m.add(hi >= d)
                self.m.add(lo <= d)
            total += weight * (hi - lo)
        return total

    def _lunch_needed(self, r, brk: dict, used, dep, arr) -> None:
        """A used route takes its break, unless the break allows a day that misses lunch time."""
        m, b = self.m, r.lunch
        if b.skip_until is None and b.skip_from is None:
            m.add(sum(brk.values()) == used)
            return
        took = m.new_bool_var(f"lunch_{r.id}")
        m.add(sum(brk.values()) == took)
        m.add_implication(took, used)
        early, late = m.new_bool_var(""), m.new_bool_var("")
        m.add(arr <= (b.skip_until if b.skip_until is not None else -1)).only_enforce_if(early)
        m.add(dep >= (b.skip_from if b.skip_from is not None else 10 ** 6)).only_enforce_if(late)
        m.add_bool_or([took, early, late, used.Not()])

    def _stop(self, sid: str) -> Stop:
        return self._by_id[sid]

    @property
    def _by_id(self) -> dict[str, Stop]:
        if not hasattr(self, "_index"):
            self._index = {s.id: s for s in self.inst.stops}
        return self._index

    def _assignment(self, penalties: list) -> None:
        m = self.m
        for s in self.inst.stops:
            xs = [self.x[(s.id, r.id)] for r in self.inst.routes if (s.id, r.id) in self.x]
            if xs:
                m.add_at_most_one(xs)
            if s.required:  # soft, so that any partial plan is a start; dropping costs more than all else
                # (also when no route can take it: the objective stays the one `objective()` gives a warm start)
                penalties.append(DROP_WEIGHT * (1 - sum(xs)))
            if s.prefer_route is not None and self.inst.change_weight:
                keep = m.new_bool_var(f"keep_{s.id}")
                own = self.x.get((s.id, s.prefer_route))
                if own is None:
                    m.add(keep == 0)
                else:
                    m.add_implication(keep, own)
                if s.prefer_start is not None:
                    m.add(self.start[s.id] == s.prefer_start).only_enforce_if(keep)
                penalties.append(1 - keep)

    def _resources(self) -> None:
        m, inst = self.m, self.inst
        followers = {sid for j in inst.joints for sid in j[1:]}
        heads = {j[0]: sum(self._stop(s).people for s in j) for j in inst.joints}
        day_of = {r.id: r.day for r in inst.routes}
        groups: dict[tuple[str, int], list[tuple[cp_model.IntervalVar, int]]] = {}
        for (sid, rid), x in self.x.items():
            s = self._stop(sid)
            if s.resource is None or sid in followers or s.duration == 0:
                continue
            iv = m.new_optional_fixed_size_interval_var(self.start[sid], s.duration, x, f"i_{sid}_{rid}")
            groups.setdefault((s.resource, day_of[rid]), []).append((iv, heads.get(sid, s.people)))
        for b in inst.busy:
            if b.duration > 0 and any(key == (b.resource, b.day) for key in groups):
                iv = m.new_fixed_size_interval_var(b.start, b.duration, "")
                groups[(b.resource, b.day)].append((iv, b.people))
        for (res_id, _), items in groups.items():
            res = inst.resources[res_id]
            if len(items) < 2:
                continue
            ivs = [iv for iv, _ in items]
            if res.max_groups == 1:
                m.add_no_overlap(ivs)
            elif res.max_groups < len(items):
                m.add_cumulative(ivs, [1] * len(ivs), res.max_groups)
            if res.max_people is not None and sum(p for _, p in items) > res.max_people:
                # a group bigger than the site on its own stays a problem the plan cannot solve
                m.add_cumulative(ivs, [min(p, res.max_people) for _, p in items], res.max_people)

    def _joints(self) -> None:
        m, inst = self.m, self.inst
        days = sorted({r.day for r in inst.routes})
        for joint in inst.joints:
            lead = joint[0]
            for other in joint[1:]:
                m.add(self.start[other] == self.start[lead])
                for d in days:
                    def on(sid: str) -> list:
                        return [self.x[(sid, r.id)] for r in inst.routes
                                if r.day == d and (sid, r.id) in self.x]
                    m.add(sum(on(other)) == sum(on(lead)))

    def add_hint(self, plan: Plan) -> None:
        m = self.m
        for r in self.inst.routes:
            rp = plan.routes.get(r.id)
            order = [v.stop for v in rp.visits] if rp else []
            index = {s.id: k for k, s in enumerate(self.nodes[r.id], start=1)}
            if any(sid not in index for sid in order):
                continue
            starts = {v.stop: v.start for v in rp.visits} if rp else {}
            seq = [0] + [index[sid] for sid in order] + [0]
            chosen = set(zip(seq, seq[1:])) if order else {(0, 0)}
            for s in self.nodes[r.id]:
                m.add_hint(self.x[(s.id, r.id)], s.id in starts)
                if s.id in starts:
                    m.add_hint(self.start[s.id], starts[s.id])
            for i, j, lit in self.arcs[r.id]:
                if i != j:
                    m.add_hint(lit, (i, j) in chosen)
            if rp is not None and order:
                m.add_hint(self.depart[r.id], rp.depart)
                m.add_hint(self.arrive[r.id], rp.arrive)
            if r.id in self.lunch and rp is not None and rp.lunch_after is not None and order:
                var, brk = self.lunch[r.id]
                m.add_hint(var, rp.lunch_start)
                node = seq[rp.lunch_after]
                for k, b in enumerate(brk):
                    m.add_hint(b, k == node)

    def extract(self, value: Callable, start: float, stopped: str, optimal: bool) -> Plan:
        routes = {}
        for r in self.inst.routes:
            succ = {i: j for i, j, lit in self.arcs[r.id] if i != j and value(lit)}
            nodes, k = self.nodes[r.id], succ.get(0)
            visits = []
            while k:  # follow the circuit from the depot back to it
                s = nodes[k - 1]
                visits.append(Visit(s.id, value(self.start[s.id])))
                k = succ.get(k)
            after = lunch_start = None
            if r.id in self.lunch and visits:
                var, brk = self.lunch[r.id]
                lunch_start = value(var)
                pos = {0: 0, **{nodes.index(self._stop(v.stop)) + 1: n for n, v in enumerate(visits, start=1)}}
                after = next((pos[k] for k, b in enumerate(brk) if value(b)), None)
                lunch_start = lunch_start if after is not None else None
            routes[r.id] = RoutePlan(r.id, value(self.depart[r.id]), value(self.arrive[r.id]), tuple(visits),
                                     after, lunch_start)
        score = sum(self._stop(v.stop).score for rp in routes.values() for v in rp.visits)
        return Plan(routes, score, int(value(self.travel)), 0, optimal, stopped, time.monotonic() - start)


def solve(inst: Instance, options: Options | None = None, cancel: Cancel | None = None) -> Plan | None:
    """The best plan found within the time limit (or until cancelled); None when no plan exists/was found."""
    options = options or Options()
    t0 = time.monotonic()
    def stop() -> bool:
        return cancel is not None and cancel.cancelled

    if local.applicable(inst) and options.hint is None:
        warm = local.search(inst, options.seed, iterations=int(options.time_limit * WARM_SHARE * ILS_PER_SECOND),
                            seconds=options.time_limit * WARM_SHARE * SAFETY, stop=stop)
    else:
        initial = {rid: [v.stop for v in rp.visits] for rid, rp in options.hint.routes.items()} \
            if options.hint is not None else None
        warm = greedy.construct(inst, initial, options.time_limit * WARM_SHARE * SAFETY, options.seed, stop)
    warm.objective = objective(inst, warm)
    if options.on_progress is not None:
        options.on_progress(warm.objective, warm.travel, time.monotonic() - t0)
    model = _Model(inst)
    model.add_hint(warm)
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.num_workers = max(1, options.workers)
    p.random_seed = options.seed
    p.interleave_search = options.workers > 1  # several workers in lockstep: still deterministic
    p.max_deterministic_time = max(0.05, options.time_limit * (1 - WARM_SHARE) * DET_PER_SECOND)
    p.max_time_in_seconds = max(0.05, options.time_limit * SAFETY - (time.monotonic() - t0))
    if cancel is not None:
        if cancel.cancelled:
            p.max_time_in_seconds = 0.05
        cancel._attach(solver)
    try:
        status = solver.solve(model.m, Progress(options.on_progress, cancel, t0, model.travel))
    finally:
        if cancel is not None:
            cancel._attach(None)
    cancelled = cancel is not None and cancel.cancelled
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        warm.stopped = "cancelled" if cancelled else ("infeasible" if status == cp_model.INFEASIBLE else "time")
        warm.seconds = time.monotonic() - t0
        return warm
    optimal = status == cp_model.OPTIMAL
    why = "optimal" if optimal else ("cancelled" if cancelled else "time")
    plan = model.extract(lambda v: int(solver.value(v)), t0, why, optimal)
    plan.objective = int(solver.objective_value)
    if len(warm.unvisited(inst)) < len(plan.unvisited(inst)) or (
            warm.objective > plan.objective and len(warm.unvisited(inst)) == len(plan.unvisited(inst))):
        warm.stopped, warm.seconds = why, plan.seconds
        return warm
    return plan

