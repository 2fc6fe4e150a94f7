"""Which column is which field: a table the user corrects, remembered per header set.

Generic over the engine's `Field`s, so a site sheet and a roster use the same widget. The memory
lives in QSettings under the header set's signature: the next sheet with the same headers (the
same host's template, next year) opens with the user's mapping.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from planner.imports.cells import plain
from planner.imports.headers import Field, Mapping, guess_mapping, header_signature
from planner.imports.sheet import blank, column_letter
from planner.imports.table import Table
from ui.i18n import lang


def _key(scope: str, headers: Sequence[str]) -> str:
    return f"import/{scope}/mapping/{header_signature(headers)}"


def remembered_mapping(settings: QSettings, scope: str, headers: Sequence[str],
                       fields: Sequence[Field]) -> tuple[Mapping, bool]:
    """(the mapping to start from, whether it is one the user chose before for these headers)."""
    try:
        stored = json.loads(str(settings.value(_key(scope, headers), "")))
        keys = {f.key for f in fields}
        mapping = {int(c): k for c, k in stored.items() if k in keys and 0 <= int(c) < len(headers)}
        return mapping, True
    except (ValueError, TypeError, AttributeError):
        return guess_mapping(headers, fields), False


def remember_mapping(settings: QSettings, scope: str, headers: Sequence[str], mapping: Mapping) -> None:
    settings.setValue(_key(scope, headers), json.dumps({str(c): k for c, k in mapping.items()}))


class MappingTable(QTableWidget):
    """One row per sheet column: its header, a sample value, and the field it fills (or ignored)."""

    mappingChanged = Signal()

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setObjectName("mappingTable")
        self.fields = list(fields)
        self.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Example"), self.tr("Field")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.boxes: list[QComboBox] = []

    def set_table(self, table: Table, mapping: Mapping) -> None:
        self.boxes = []
        self.setRowCount(len(table.headers))
        for col, header in enumerate(table.headers):
            sample = next((plain(cells[col]) for _, cells in table.rows
                           if col < len(cells) and not blank(cells[col])), "")
            self.setItem(col, 0, QTableWidgetItem(f"{column_letter(col)} · {header}"))
            self.setItem(col, 1, QTableWidgetItem(sample))
            box = QComboBox()
            box.addItem(self.tr("(ignore)"), "")
            for f in self.fields:
                box.addItem(f.label(lang()) + (" *" if f.required else ""), f.key)
            box.setCurrentIndex(max(0, box.findData(mapping.get(col, ""))))
            box.currentIndexChanged.connect(lambda _i, c=col: self._chosen(c))
            self.setCellWidget(col, 2, box)
            self.boxes.append(box)

    def _chosen(self, col: int) -> None:
        """A field fills from one column: choosing it here releases it elsewhere."""
        key = self.boxes[col].currentData()
        for other, box in enumerate(self.boxes):
            if other != col and key and box.currentData() == key:
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
        self.mappingChanged.emit()

    def mapping(self) -> Mapping:
        return {col: box.currentData() for col, box in enumerate(self.boxes) if box.currentData()}

    def choose(self, col: int, key: str) -> None:
        """Set one column's field, as the user would."""
        self.boxes[col].setCurrentIndex(self.boxes[col].findData(key))
