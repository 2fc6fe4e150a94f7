"""How a solve is run and watched: its budgets, options, progress reports and cancel."""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.solve.model import Plan

WARM_SHARE = 0.6
"""Of the time limit, the share the local search may use before CP-SAT improves (or proves) its plan."""
ILS_PER_SECOND = 250
"""Local-search iterations per second of limit, and CP-SAT deterministic time per second (both measured on
this machine): the search is bounded by work, not by the clock, so a seed gives the same plan on a busy
machine too. The clock only stops a run that takes SAFETY times its limit."""
DET_PER_SECOND = 0.25


def _safety(text: str | None) -> float:
    """STUDY_TOUR_SOLVER_SAFETY raises the clock's stop for runs whose code is many times slower than
    shipped (scripts/mutation.sh's instrumented copies), so a seed still gives one plan there."""
    try:
        value = float(text) if text else 2.0
    except ValueError:
        return 2.0
    return value if math.isfinite(value) and value > 2.0 else 2.0


SAFETY = _safety(os.environ.get("STUDY_TOUR_SOLVER_SAFETY"))


@dataclass
class Options:
    time_limit: float = 10.0
    seed: int = 0
    workers: int = 1                 # 1: the same seed and limit give the same plan
    hint: Plan | None = None         # repair: the current plan, whose order is kept where it still fits
    on_progress: Callable[[int, int, float], None] | None = None  # (objective, travel, seconds) per better plan


class Cancel:
    """Stops a running solve from another thread; the best plan found so far is returned."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._solver: cp_model.CpSolver | None = None
        self.cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._solver is not None:
                self._solver.stop_search()

    def _attach(self, solver: cp_model.CpSolver | None) -> None:
        with self._lock:
            self._solver = solver


class Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Callable[[int, int, float], None] | None, cancel: Cancel | None, t0: float,
                 travel=0):
        super().__init__()
        self.report, self.cancel, self.t0, self.travel = report, cancel, t0, travel

    def on_solution_callback(self) -> None:
        if self.report is not None:
            self.report(int(self.objective_value), int(self.value(self.travel)), time.monotonic() - self.t0)
        if self.cancel is not None and self.cancel.cancelled:
            self.stop_search()
