"""A thin table model over one list of `Tour.people`; every edit goes through an undo command."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCollator, QCoreApplication, QLocale, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal)

from planner.model.edits import EditError
from ui.people.columns import CHECK, CHOICE, COLUMNS, NUMBER, READ_ONLY, Column, label_of, sort_key
from ui.people.people_commands import SetPeopleField

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1


class PeopleModel(QAbstractTableModel):
    """Rows are `document.tour.people.<kind>`; the model re-reads after every document change."""

    editFailed = Signal(str)  # a refused value, with the reason

    def __init__(self, document, kind: str, parent=None):
        super().__init__(parent)
        self.document, self.kind = document, kind
        self.columns: tuple[Column, ...] = COLUMNS[kind]
        self._count = len(self.rows())
        document.changed.connect(self.reload)

    def rows(self) -> list[Any]:
        return getattr(self.document.tour.people, self.kind)

    def reload(self) -> None:
        """Same number of rows: a cell changed, keep the view's selection; otherwise start over."""
        count = len(self.rows())
        if count == self._count and count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._count = count
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return QCoreApplication.translate("PeopleModel", self.columns[section].title)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.columns[index.column()].kind
        if kind == CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base if kind == READ_ONLY else base | Qt.ItemFlag.ItemIsEditable

    def choices(self, column: int) -> list[tuple[Any, str]]:
        col = self.columns[column]
        return col.choices(self.document.tour) if col.choices else []

    def value(self, row: int, column: int) -> Any:
        col, rec = self.columns[column], self.rows()[row]
        return col.show(self.document.tour, rec) if col.show else getattr(rec, col.field)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows()):
            return None
        col = self.columns[index.column()]
        raw = self.value(index.row(), index.column())
        if isinstance(raw, Enum):
            raw = raw.value  # enums: compare with the choice values
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == CHECK:
            return Qt.CheckState.Checked if raw else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col.kind == CHECK:
                return None
            if col.kind == CHOICE:
                return label_of(self.choices(index.column()), raw)
            return raw if col.kind == NUMBER else ("" if raw is None else str(raw))
        if role == Qt.ItemDataRole.EditRole:
            return raw
        if role == SortRole:
            return sort_key(label_of(self.choices(index.column()), raw) if col.kind == CHOICE else raw)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (Qt.ItemFlag.ItemIsEditable
                                                           | Qt.ItemFlag.ItemIsUserCheckable):
            return False
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == CHECK:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole or col.kind == CHECK:
            return False
        if isinstance(value, str):
            value = value.strip()
        if value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        title = QCoreApplication.translate("PeopleModel", col.title)
        try:
            if col.parse is not None:
                value = col.parse(self.document.tour, value)
            command = SetPeopleField(self.document.tour, self.kind, index.row(), col.field, value,
                                     self.tr("Change %1").replace("%1", title))
        except EditError as e:
            self.editFailed.emit(self.tr("Row %1, %2: %3").replace("%1", str(index.row() + 1))
                                 .replace("%2", title).replace("%3", str(e)))
            return False
        self.document.push(command)  # the document refreshes and every view reloads
        return True


class PeopleFilter(QSortFilterProxyModel):
    """Sort by the real values (numbers, dates) and find text in any column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a[0] == b[0] == 1:  # text: names in 拼音 order, as a 名单 is read
            return self.collator.compare(a[2], b[2]) < 0
        return a < b
