"""The problems dock: every scheduler problem, filterable, counted in the title; selecting one shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QHeaderView,
                               QTableView, QVBoxLayout, QWidget)

from planner.schedule.problems import Problem, Severity
from ui.document import TourDocument
from ui.panels.problems_model import ProblemRole, ProblemsFilter, ProblemsModel


class ProblemsDock(QDockWidget):
    problemSelected = Signal(object)  # Problem

    def __init__(self, document: TourDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("problemsDock")
        self.document = document
        self.model = ProblemsModel(document, self)
        self.proxy = ProblemsFilter(self)
        self.proxy.setSourceModel(self.model)
        body = QWidget(self)
        box = QVBoxLayout(body)
        box.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.severity_boxes: dict[Severity, QCheckBox] = {}
        for severity, text in ((Severity.ERROR, self.tr("Errors")), (Severity.WARNING, self.tr("Warnings")),
                               (Severity.INFO, self.tr("Info"))):
            check = QCheckBox(text, body)
            check.setChecked(True)
            check.toggled.connect(self._filter_changed)
            self.severity_boxes[severity] = check
            bar.addWidget(check)
        self.group_box = QComboBox(body)
        self.group_box.currentIndexChanged.connect(self._filter_changed)
        bar.addStretch(1)
        bar.addWidget(self.group_box)
        box.addLayout(bar)
        self.view = QTableView(body)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        box.addWidget(self.view)
        self.setWidget(body)
        document.changed.connect(self._refresh_groups)
        for changed in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                        self.model.dataChanged):  # the model follows edits row by row, not only by resets
            changed.connect(self._update_title)
        self._refresh_groups()
        self._update_title()

    def _refresh_groups(self) -> None:
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("All groups"), None)
        for g in self.document.tour.groups:
            self.group_box.addItem(g.name, g.id)
        found = self.group_box.findData(current)
        self.group_box.setCurrentIndex(max(0, found))
        self.group_box.blockSignals(False)

    def _filter_changed(self) -> None:
        chosen = {s for s, box in self.severity_boxes.items() if box.isChecked()}
        self.proxy.set_filter(chosen, self.group_box.currentData())

    def _update_title(self) -> None:
        schedule = self.document.schedule
        self.setWindowTitle(self.tr("Problems (errors %1 · warnings %2 · info %3)")
                            .replace("%1", str(schedule.count(Severity.ERROR)))
                            .replace("%2", str(schedule.count(Severity.WARNING)))
                            .replace("%3", str(schedule.count(Severity.INFO))))

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            problem: Problem = current.data(ProblemRole)
            self.problemSelected.emit(problem)

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)
