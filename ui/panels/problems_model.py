"""Scheduler problems as a table, with a filter by severity and group."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from planner.render.labels import short_date
from planner.schedule.problems import SEVERITY_LABELS, SEVERITY_ORDER, Problem, Severity
from ui.document import TourDocument
from ui import literal
from ui.i18n import lang, pick
from ui.table_model import RowsModel

ProblemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
COLOURS = {Severity.ERROR: QColor("#c0392b"), Severity.WARNING: QColor("#d35400"),
           Severity.INFO: QColor("#2c6fbb")}
Index = QModelIndex | QPersistentModelIndex


class ProblemsModel(RowsModel):
    COLUMNS = ("Severity", "Group", "Date", "Problem", "Code")

    def __init__(self, document: TourDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self._rows = list(document.schedule.problems)
        self._messages: dict[int, tuple[str, str]] = {}  # id(problem) → (language, message), for shown rows
        document.changed.connect(self.refresh)

    def _message(self, p: Problem) -> str:
        """Messages are built from the tour (names, times) — worth keeping while the problem object lives:
        after a partial re-plan most problems are the very objects already shown."""
        language = lang()
        known = self._messages.get(id(p))
        if known is None or known[0] != language:
            known = self._messages[id(p)] = (language, p.message(language))
        return known[1]

    def refresh(self) -> None:
        """After a partial re-plan most problems are the very objects shown already: only the rows around
        the others are removed, inserted or repainted, so the table keeps its selection and scroll."""
        new = list(self.document.schedule.problems)
        alive = {id(p) for p in new} & {id(p) for p in self._rows}  # ids of gone objects may be reused
        self._messages = {k: v for k, v in self._messages.items() if k in alive}
        if self.document.touched is None:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        # identity, not equality: a problem's message may change while its fields compare equal
        steps = SequenceMatcher(None, [id(p) for p in self._rows], [id(p) for p in new], autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(steps.get_opcodes()):  # from the end: earlier rows keep their place
            if tag == "equal":
                continue
            if i2 - i1 == j2 - j1:
                self._rows[i1:i2] = new[j1:j2]
                self.dataChanged.emit(self.index(i1, 0), self.index(i2 - 1, len(self.COLUMNS) - 1))
                continue
            if i2 > i1:
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._rows[i1:i2]
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(QModelIndex(), i1, i1 + j2 - j1 - 1)
                self._rows[i1:i1] = new[j1:j2]
                self.endInsertRows()

    def problem(self, row: int) -> Problem:
        return self._rows[row]

    def _group_names(self, p: Problem) -> str:
        names = {g.id: g.name for g in self.document.tour.groups}
        ids = p.groups or ((p.group_id,) if p.group_id else ())
        return "、".join(names.get(g, g) for g in ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, col = self._rows[index.row()], index.column()
        if role == ProblemRole:
            return p
        if role == SortRole:
            return (SEVERITY_ORDER[p.severity], index.row()) if col == 0 else (
                p.date.toordinal() if col == 2 and p.date else self.data(index))
        if role == Qt.ItemDataRole.ToolTipRole:  # messages carry names: shown as typed
            return literal.tooltip(self.data(index))
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return pick(SEVERITY_LABELS[p.severity])
            if col == 1:
                return self._group_names(p)
            if col == 2:
                return short_date(p.date, lang()) if p.date else ""
            if col == 3:
                return self._message(p)
            return p.code
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return COLOURS[p.severity]
        return None


class ProblemsFilter(QSortFilterProxyModel):
    """Shows the chosen severities and, optionally, one group's problems only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.severities: set[Severity] = set(Severity)
        self.group_id: str | None = None
        self.setSortRole(SortRole)

    def set_filter(self, severities: set[Severity] | None = None, group_id: str | None = "") -> None:
        if severities is not None:
            self.severities = set(severities)
        if group_id != "":
            self.group_id = group_id
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        p: Problem = self.sourceModel().index(row, 0, parent).data(ProblemRole)
        if p.severity not in self.severities:
            return False
        if self.group_id is None:
            return True
        return self.group_id == p.group_id or self.group_id in p.groups
