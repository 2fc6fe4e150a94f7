"""One solver run in a background thread, on a copy of the tour; progress and cancel across threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal

from planner.model.tour import Tour
from planner.solve.request import PlanRequest


@dataclass(frozen=True)
class SolveRequest:
    groups: list[str] | None = None
    dates: set[dt.date] | None = None
    repair: bool = False
    time_limit: float = 10.0
    seed: int = 0
    plan: PlanRequest | None = None   # auto-plan: pools, required topics, balance


class SolveJob(QThread):
    progressed = Signal(int, float)     # driving minutes of the best plan so far, seconds
    finished_with = Signal(object)      # Outcome
    failed = Signal(str)

    def __init__(self, tour: Tour, request: SolveRequest, parent: QObject | None = None):
        super().__init__(parent)
        self.tour = tour.model_copy(deep=True)  # the window may go on editing meanwhile
        self.request = request
        from planner.solve.control import Cancel  # OR-Tools loads with the first search, not with the window
        self.cancel_token = Cancel()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        from planner.solve.runner import run
        r = self.request
        try:
            outcome = run(self.tour, r.groups, r.repair, r.time_limit, r.seed, self.cancel_token,
                                   lambda _obj, travel, sec: self.progressed.emit(int(travel), float(sec)), r.dates,
                          r.plan)
        except Exception as e:  # noqa: BLE001 - shown to the user by the window, never a silent thread death
            self.failed.emit(str(e))
            return
        self.finished_with.emit(outcome)
