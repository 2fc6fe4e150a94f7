"""The schedule board's model: rows are groups, columns are the tour's dates, a cell is a group-day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap

from planner.model.clock import fmt
from planner.model.nights import night_of
from planner.render.labels import duration, weekday
from planner.schedule.problems import Severity
from ui import literal
from ui.document import TourDocument
from ui.i18n import lang

PlanRole = Qt.ItemDataRole.UserRole + 1       # DayPlan | None
ProblemsRole = Qt.ItemDataRole.UserRole + 2   # list[Problem] of this group-day
SlotRole = Qt.ItemDataRole.UserRole + 3       # (group_id, date)
ColourRole = Qt.ItemDataRole.UserRole + 4     # the group's QColor
NightRole = Qt.ItemDataRole.UserRole + 5      # Night: tonight's hotel and whether the day needs one

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Night:
    hotel: str          # "" when none is set
    needed: bool        # every night but the tour's last one


class BoardModel(QAbstractTableModel):
    """Dates and row positions are computed once per change (headers ask for them thousands of times);
    an edit that says which group-days it touched repaints only those cells and the cells whose
    problems changed, instead of the whole board."""

    def __init__(self, document: TourDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self._shape: tuple = ()
        self._dates: list[dt.date] = []
        self._columns: dict[dt.date, int] = {}
        self._rows: dict[str, int] = {}
        self._take_shape(self._current_shape())
        self._problems: dict[tuple[str, dt.date], list] = {}
        self._index_problems()
        document.changed.connect(self.refresh)

    # -- shape
    def _current_shape(self) -> tuple:
        tour = self.document.tour
        return (tuple(g.id for g in tour.groups), tour.start_date, tour.end_date)

    def _take_shape(self, shape: tuple) -> None:
        self._shape = shape
        self._dates = self.document.tour.dates()
        self._columns = {d: i for i, d in enumerate(self._dates)}
        self._rows = {gid: i for i, gid in enumerate(shape[0])}

    @property
    def dates(self) -> list[dt.date]:
        return self._dates

    def refresh(self) -> None:
        shape = self._current_shape()
        if shape != self._shape:
            self.beginResetModel()
            self._take_shape(shape)
            self._index_problems()
            self.endResetModel()
            return
        before = self._problems
        self._index_problems()
        touched = self.document.touched
        if touched is None:  # anything may have changed: every cell and the group headers
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, self.rowCount() - 1))
            return
        changed = set(touched) | {k for k in before.keys() | self._problems.keys()
                                  if not _same_problems(before.get(k), self._problems.get(k))}
        for group_id, date in sorted(changed, key=lambda k: (self._rows.get(k[0], -1), k[1])):
            index = self.index_of(group_id, date)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def _index_problems(self) -> None:
        found: dict[tuple[str, dt.date], list] = {}
        for p in self.document.schedule.problems:
            if p.date is None:
                continue
            for gid in p.groups or ((p.group_id,) if p.group_id else ()):
                found.setdefault((gid, p.date), []).append(p)
        self._problems = found

    # -- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shape[0])

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._dates)

    def slot(self, index: Index) -> tuple[str, dt.date]:
        return self._shape[0][index.row()], self._dates[index.column()]

    def index_of(self, group_id: str, date: dt.date) -> QModelIndex:
        row, column = self._rows.get(group_id), self._columns.get(date)
        if row is None or column is None:
            return QModelIndex()
        return self.index(row, column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()
                                       and 0 <= index.column() < self.columnCount()):
            return None
        group_id, date = self.slot(index)
        plan = self.document.schedule.plan(group_id, date)
        if role == PlanRole:
            return plan
        if role == ProblemsRole:
            return list(self._problems.get((group_id, date), []))
        if role == SlotRole:
            return (group_id, date)
        if role == ColourRole:
            return QColor(self.document.tour.groups[index.row()].colour)
        if role == NightRole:
            tour = self.document.tour
            hotel = tour.site(night_of(tour, group_id, date))
            return Night(hotel.name if hotel else "", date < tour.end_date)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._summary(plan, group_id, date)
        if role == Qt.ItemDataRole.ToolTipRole:  # names shown as typed, never as HTML
            return literal.tooltip(self._summary(plan, group_id, date))
        return None

    def _summary(self, plan, group_id: str, date: dt.date) -> str:
        if plan is None or not plan.entries:
            return ""
        language = lang()
        lines = [f"{fmt(e.start)}–{fmt(e.end)} {e.activity.title or (e.site.name if e.site else '')}"
                 for e in plan.entries]
        slack = duration(plan.slack, language)
        lines.append(("余量 " if language == "zh" else "slack ") + slack)
        lines += [p.message(language) for p in self._problems.get((group_id, date), [])
                  if p.severity is not Severity.INFO]
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        language = lang()
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            date = self._dates[section]
            if role == Qt.ItemDataRole.DisplayRole:
                if language == "zh":
                    return f"{date.month}月{date.day}日 {weekday(date)}"
                return f"{weekday(date, 'en')[:3]} {date.day} {date.strftime('%b')}"
            if role == Qt.ItemDataRole.ForegroundRole and date.isoweekday() >= 6:
                return QColor("#b03a2e")
            return None
        if not 0 <= section < self.rowCount():
            return None
        group = self.document.tour.groups[section]
        if role == Qt.ItemDataRole.DisplayRole:
            people = f"{group.headcount} 人" if language == "zh" else f"{group.headcount} people"
            return f"{group.name}\n{people}" if group.headcount else group.name
        if role == Qt.ItemDataRole.DecorationRole:
            return _swatch(group.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            about = "\n".join(x for x in (group.leader, group.contact, group.vehicle) if x)
            return literal.tooltip(about or group.name)
        return None


def _same_problems(before: list | None, now: list | None) -> bool:
    """The same problems saying the same: a problem's equality leaves out its figures, but a cell shows them
    (a joint session another group moved names that group's new time in this cell)."""
    if before != now:
        return False
    return before is None or all(a is b or a.message() == b.message() for a, b in zip(before, now))


def _swatch(colour: str) -> QPixmap:
    """The group's colour as a small square: headers draw pixmaps, not bare colours."""
    pixmap = QPixmap(12, 28)
    pixmap.fill(QColor(colour))
    return pixmap
