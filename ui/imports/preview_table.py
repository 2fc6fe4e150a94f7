"""The sheet as it will be read: every cell as the file has it, bad cells marked with their reason.

Generic: the first two columns are the row number in the file and what happens to the row (text,
or a widget the caller supplies, e.g. merge / skip / add for a duplicate).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from planner.imports.cells import plain
from planner.imports.sheet import blank
from planner.imports.table import CellError, Table
from ui.i18n import lang

BAD = QColor("#f8d7da")


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt would render '<b>x</b>' in a plain tooltip as bold."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class PreviewTable(QTableWidget):
    ROW, ACTION = 0, 1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewTable")
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self._rows: dict[int, int] = {}   # file row number → table row

    def show_rows(self, table: Table, errors: list[CellError],
                  action: Callable[[int], QWidget | str]) -> None:
        self.clear()
        self.setColumnCount(2 + len(table.headers))
        self.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Action"), *table.headers])
        self.setRowCount(len(table.rows))
        self._rows = {}
        for r, (number, cells) in enumerate(table.rows):
            self._rows[number] = r
            self.setItem(r, self.ROW, QTableWidgetItem(str(number)))
            what = action(number)
            if isinstance(what, str):
                self.setItem(r, self.ACTION, QTableWidgetItem(what))
            else:
                self.setCellWidget(r, self.ACTION, what)
            for c, value in enumerate(cells):
                self.setItem(r, 2 + c, QTableWidgetItem("" if blank(value) else plain(value)))
        for e in errors:
            self.mark(e)
        self.resizeColumnsToContents()

    def mark(self, e: CellError) -> None:
        r = self._rows.get(e.row)
        if r is None:
            return
        item = self.item(r, 2 + e.column if e.column is not None else self.ACTION)
        if item is None:  # the action column holds a widget
            item = QTableWidgetItem()
            self.setItem(r, self.ACTION, item)
        item.setBackground(QBrush(BAD))
        reasons = [t for t in (item.data(Qt.ItemDataRole.UserRole) or [])] + [f"{e.cell} {e.text(lang())}"]
        item.setData(Qt.ItemDataRole.UserRole, reasons)
        item.setToolTip(plain_tip("\n".join(reasons)))

    def reasons_at(self, row: int, column: int | None) -> list[str]:
        """The reasons shown on a cell (column None: the row's action cell)."""
        item = self.item(self._rows[row], 2 + column if column is not None else self.ACTION)
        return list(item.data(Qt.ItemDataRole.UserRole) or []) if item is not None else []

    def select_cell(self, row: int, column: int | None) -> None:
        if row in self._rows:
            self.setCurrentCell(self._rows[row], 2 + column if column is not None else self.ACTION)
