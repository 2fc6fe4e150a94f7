"""导入名单: a roster sheet mapped, previewed and brought into the tour in one undo step.

The same widgets as the site import (ui/imports: column mapping remembered per header set, a preview
marking every bad cell with its reason); the fields and the decisions are the roster's: a group cell
matched to a tour group, someone already on the roster skipped, replaced or added.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QSplitter, QVBoxLayout, QWidget)

from planner.imports.roster import ROSTER_FIELDS, RosterImport, RosterRow, apply_roster, load_roster_table, \
    prepare_roster
from planner.imports.sheet import SheetError
from planner.imports.table import MappingError, Table
from ui.dialogs.form_errors import fill
from ui.i18n import lang
from ui.imports.mapping_table import MappingTable, remember_mapping, remembered_mapping
from ui.imports.preview_table import PreviewTable
from ui.people.people_commands import ReplacePeople

SCOPE = "roster"


class RosterImportDialog(QDialog):
    def __init__(self, document, path: Path, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(fill(self.tr("Import roster from %1"), path.name))
        self.resize(1200, 700)
        self.document, self.path = document, path
        self.settings = settings or QSettings()
        self.table: Table | None = None
        self.imported: RosterImport | None = None
        self.info = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.sheet_box = QComboBox()
        self.mapping = MappingTable(ROSTER_FIELDS)
        self.preview = PreviewTable()
        self.problems = QListWidget()
        self.problems.currentItemChanged.connect(
            lambda item, _old: item is not None and self.preview.select_cell(*item.data(Qt.ItemDataRole.UserRole)))
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(QLabel(self.tr("Sheet")))
        top.addWidget(self.sheet_box)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.problems)
        right.setSizes([480, 160])
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.mapping)
        middle.addWidget(right)
        middle.setSizes([360, 840])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(middle, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._load(None)
        self.sheet_box.currentIndexChanged.connect(lambda _i: self._load(self.sheet_box.currentText()))
        self.mapping.mappingChanged.connect(self._reparse)

    def _load(self, sheet: str | None) -> None:
        try:
            self.table = t = load_roster_table(self.path, sheet)
        except SheetError as e:
            return self._unusable(str(e))
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(t.sheets)
        self.sheet_box.setCurrentText(t.sheet)
        self.sheet_box.setEnabled(len(t.sheets) > 1)
        self.sheet_box.blockSignals(False)
        if not t.rows:
            return self._unusable(fill(self.tr("%1: no rows below the headers"), t.source))
        mapping, remembered = remembered_mapping(self.settings, SCOPE, t.headers, ROSTER_FIELDS)
        parts = [t.source, fill(self.tr("Headers in row %1"), t.header_row)]
        parts += [fill(self.tr("encoding %1"), t.encoding)] if t.encoding else []
        parts += [self.tr("columns as you chose them last time")] if remembered else []
        self.info.setText(" · ".join(parts))
        self.mapping.blockSignals(True)
        self.mapping.set_table(t, mapping)
        self.mapping.blockSignals(False)
        self._reparse()

    def _unusable(self, message: str) -> None:
        """Nothing can come in: no rows shown that an earlier sheet or mapping left behind."""
        self.imported = None
        self.preview.setRowCount(0)
        self.problems.clear()
        self.info.setText(message)
        self.summary.setText(message)
        self.ok_button.setEnabled(False)

    def _reparse(self) -> None:
        try:
            self.imported = imp = prepare_roster(self.table, self.document.tour, self.mapping.mapping())
        except MappingError as e:
            return self._unusable(str(e))
        by_row = {r.row: r for r in imp.incoming}
        refused = set(imp.refused)
        self.preview.show_rows(self.table, imp.errors,
                               lambda n: self.tr("Refused") if n in refused else self._action(by_row.get(n)))
        self.problems.clear()
        for e in imp.errors:
            item = QListWidgetItem(f"{e.cell}  {e.text(lang())}")
            item.setData(Qt.ItemDataRole.UserRole, (e.row, e.column))
            self.problems.addItem(item)
        self._update_summary()

    def _action(self, row: RosterRow | None) -> QWidget | str:
        if row is None:
            return ""
        group = self.document.tour.group(row.person.group) if row.person.group else None
        if row.duplicate is None:
            return self.tr("Add") + (f" → {group.name}" if group else "")
        box = QComboBox()
        box.addItem(fill(self.tr("Skip: already on the roster as %1"), row.duplicate.name), "skip")
        box.addItem(self.tr("Replace the roster line"), "replace")
        box.addItem(self.tr("Add as another person"), "add")
        box.setCurrentIndex(box.findData(row.action))

        def chosen(_i: int) -> None:
            row.action = box.currentData()
            self._update_summary()

        box.currentIndexChanged.connect(chosen)
        return box

    def _update_summary(self) -> None:
        imp = self.imported
        counts = {a: sum(1 for r in imp.incoming if r.action == a) for a in ("add", "replace", "skip")}
        self.summary.setText(fill(self.tr("%1 rows: %2 to add, %3 to replace, %4 skipped, %5 refused "
                                          "(hover a red cell for the reason)"),
                                  len(self.table.rows), counts["add"], counts["replace"], counts["skip"],
                                  len(imp.refused)))
        self.ok_button.setEnabled(counts["add"] + counts["replace"] > 0)

    def set_action(self, row: int, action: str) -> None:
        """Choose skip / replace / add for a row already on the roster, as the user would."""
        box = self.preview.cellWidget(self.preview._rows[row], PreviewTable.ACTION)
        box.setCurrentIndex(box.findData(action))

    def accept(self) -> None:
        imp = self.imported
        if imp is None:
            return
        n = sum(1 for r in imp.incoming if r.action != "skip")
        people = apply_roster(self.document.tour, imp.incoming)
        self.document.push(ReplacePeople(self.document.tour, people,
                                         fill(self.tr("Import %1 participants from %2"), n, self.path.name)))
        remember_mapping(self.settings, SCOPE, self.table.headers, imp.mapping)
        super().accept()
