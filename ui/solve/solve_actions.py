"""Plan menu: 优化本日顺序, 自动排程…, 修复问题. Each runs in the background with progress, the best score so
far and cancel; the proposal is shown as a list of changes; applying it is one undo step.

Installed on the main window by one call (`SolveActions(window)`), so main_window.py only names it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ui.board.commands_days import DaysEdit
from planner.solve.request import PlanRequest
from ui.solve.plan_dialog import AutoPlanDialog
from ui.solve.proposal_dialog import ProposalDialog
from ui.solve.solve_job import SolveJob, SolveRequest

if TYPE_CHECKING:  # OR-Tools loads with the first search, not with the window
    from planner.solve.runner import Outcome

DEFAULT_SECONDS = 10.0


class SolveActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.group_id: str | None = None
        self.date: dt.date | None = None
        self.job: SolveJob | None = None
        self.progress: QProgressDialog | None = None
        self.proposal: ProposalDialog | None = None
        self.plan_dialog: AutoPlanDialog | None = None
        self.seconds = DEFAULT_SECONDS
        self.running: tuple[SolveRequest, str, int] | None = None
        menu = window.menuBar().addMenu(self.tr("&Plan"))
        self.optimise_action = menu.addAction(self.tr("Optimise this day's order"))
        self.optimise_action.triggered.connect(lambda: self.optimise_day())
        self.plan_action = menu.addAction(self.tr("Auto-plan…"))
        self.plan_action.triggered.connect(lambda: self.auto_plan())
        self.repair_action = menu.addAction(self.tr("Repair problems"))
        self.repair_action.triggered.connect(lambda: self.repair())
        window.board.cellSelected.connect(self._cell)
        window.board.groupSelected.connect(lambda gid: self._cell(gid, None))
        window.board.tourSelected.connect(lambda: self._cell(None, None))
        self._cell(None, None)

    def _cell(self, group_id: str | None, date: dt.date | None) -> None:
        self.group_id, self.date = group_id, date
        self.optimise_action.setEnabled(group_id is not None and date is not None)

    # -- the three actions
    def optimise_day(self) -> SolveJob | None:
        if self.group_id is None or self.date is None:
            return None
        return self.start(SolveRequest([self.group_id], {self.date}, time_limit=self.seconds),
                          self.tr("Optimise this day's order"))

    def auto_plan(self, groups: list[str] | None = None, plan: PlanRequest | None = None) -> SolveJob | None:
        if groups is None:
            dialog = self.plan_dialog = AutoPlanDialog(self.window.document.tour, self.group_id, self.seconds,
                                                       self.window)
            if not dialog.exec() or not dialog.chosen_groups():
                return None
            self.seconds, groups, plan = dialog.seconds.value(), dialog.chosen_groups(), dialog.request()
        return self.start(SolveRequest(groups, time_limit=self.seconds, plan=plan), self.tr("Auto-plan"))

    def repair(self) -> SolveJob | None:
        return self.start(SolveRequest(repair=True, time_limit=self.seconds), self.tr("Repair problems"))

    # -- running and applying
    def start(self, request: SolveRequest, title: str) -> SolveJob | None:
        if self.job is not None:
            return None
        document = self.window.document
        job = self.job = SolveJob(document.tour, request, self)
        index = document.undo_stack.index()
        progress = self.progress = QProgressDialog(self.tr("Searching…"), self.tr("Stop and show the best"),
                                                   0, 0, self.window)
        progress.setWindowTitle(title)
        progress.setMinimumDuration(0)
        progress.canceled.connect(job.cancel)
        self.running = (request, title, index)
        # bound methods of this object (GUI thread): the job's signals arrive queued, never in its thread
        job.progressed.connect(self._progressed)
        job.finished_with.connect(self._finished)
        job.failed.connect(self._failed)
        job.start()
        progress.show()
        return job

    def _progressed(self, driving: int, seconds: float) -> None:
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Searching… best plan so far: %1 min of driving (after %2 s)")
                                       .replace("%1", str(driving)).replace("%2", f"{seconds:.1f}"))

    def _done(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress = None
        if self.job is not None:
            self.job.wait()
            self.job = None

    def _failed(self, message: str) -> None:
        self._done()
        QMessageBox.warning(self.window, self.tr("Auto-plan"), message)

    def _finished(self, outcome: Outcome) -> None:
        request, title, index = self.running
        self._done()
        if self.window.document.undo_stack.index() != index:
            QMessageBox.information(self.window, title, self.tr(
                "The tour was edited while searching; the proposal is dropped. Run it again."))
            return
        dialog = self.proposal = ProposalDialog(outcome, title, self.window)
        dialog.accepted.connect(lambda: self.apply(outcome, request, title))
        dialog.open()

    def apply(self, outcome: Outcome, request: SolveRequest, title: str) -> None:
        tour = self.window.document.tour
        groups = request.groups or [g.id for g in tour.groups]

        def edit(t) -> None:
            for gid in groups:
                t.group(gid).days = [d.model_copy(deep=True) for d in outcome.tour.group(gid).days]
        self.window.document.push(DaysEdit(tour, groups, edit, title))
