"""Day detail: the selected group-day's full timeline and its totals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHeaderView, QLabel, QTableView, QVBoxLayout,
                               QWidget)

from planner.model.clock import fmt
from planner.render.labels import day_label, duration
from planner.schedule.timeline import DayPlan
from planner.model.tour import KIND_LABELS, MODE_LABELS, ActivityKind
from ui import literal
from ui.document import TourDocument
from ui.i18n import lang, pick, translator
from ui.table_model import RowsModel

Index = QModelIndex | QPersistentModelIndex


_tr = translator("DayTimelineModel")


class DayTimelineModel(RowsModel):
    """Rows: leave, each activity, arrival at tonight's hotel. Built from a DayPlan, read-only."""

    COLUMNS = ("Time", "Activity", "Place", "Leg before")

    def set_plan(self, plan: DayPlan | None) -> None:
        """Rows that stay the same are left alone; a day with as many rows as before only repaints."""
        rows = self._build(plan) if plan is not None else []
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        changed = [i for i, (old, new) in enumerate(zip(self._rows, rows)) if old != new]
        self._rows = rows
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(self.COLUMNS) - 1))

    @staticmethod
    def _leg(minutes: int, km: float) -> str:
        if not minutes and not km:
            return ""
        return f"{minutes} 分 · {km:.1f} km" if lang() == "zh" else f"{minutes} min · {km:.1f} km"

    def _build(self, plan: DayPlan) -> list[tuple[str, str, str, str]]:
        rows = []
        if plan.start_site is not None and plan.entries:
            rows.append((fmt(plan.day_start), _tr("Leave"), plan.start_site.name, ""))
        for e in plan.entries:
            act = e.activity
            kind = pick(MODE_LABELS[act.mode]) if act.kind is ActivityKind.TRANSFER and act.mode else pick(
                KIND_LABELS[act.kind])
            what = f"{kind}：{act.title}" if act.title else kind
            rows.append((f"{fmt(e.start)}–{fmt(e.end)}", what, e.site.name if e.site else "",
                         self._leg(e.leg.minutes, e.leg.km)))
        if plan.end_site is not None:
            rows.append((fmt(plan.day_end), _tr("Arrive for the night"), plan.end_site.name,
                         self._leg(plan.final_leg.minutes, plan.final_leg.km)))
        return rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal.tooltip(self._rows[index.row()][index.column()])
        return None


class DayDetailDock(QDockWidget):
    def __init__(self, document: TourDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("dayDetailDock")
        self.setWindowTitle(self.tr("Day detail"))
        self.document = document
        self.slot: tuple[str, dt.date] | None = None
        self._plan: DayPlan | None = None  # the timeline shown
        self.model = DayTimelineModel(self)
        body = QWidget(self)
        box = QVBoxLayout(body)
        box.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # bold group name; the name itself escaped
        self.view = QTableView(body)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.totals = QLabel(body)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        box.addWidget(self.heading)
        box.addWidget(self.view)
        box.addWidget(self.totals)
        self.setWidget(body)
        document.changed.connect(self.refresh)
        self.refresh()

    def show_day(self, group_id: str, date: dt.date) -> None:
        self.slot = (group_id, date)
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.schedule.plan(*self.slot) if self.slot else None
        if plan is not None and plan is self._plan and self.document.touched is not None:
            return  # an edit elsewhere: this day's timeline is the very one shown
        self._plan = plan
        self.model.set_plan(plan)
        if plan is None:
            self.heading.setText(self.tr("Select a group-day on the board."))
            self.totals.clear()
            return
        group = self.document.tour.group(plan.group_id)
        language = lang()
        name = literal.bold(group.name if group else plan.group_id)
        self.heading.setText(f"{name} · {literal.escape(day_label(plan.date, language))}")
        self.totals.setText(
            self.tr("Activities %1 · travel %2 (%3 km) · waiting %4 · used %5 · slack %6")
            .replace("%1", duration(plan.activity_minutes, language))
            .replace("%2", duration(plan.travel_minutes, language)).replace("%3", f"{plan.km:.0f}")
            .replace("%4", duration(plan.idle_minutes, language))
            .replace("%5", duration(plan.used_minutes, language))
            .replace("%6", duration(plan.slack, language)))
