"""The frame every sheet import shares: sheet choice, column mapping remembered per header set, a preview
marking every bad cell with its reason, the problem list, and Import as one undo step.

A subclass names its fields and actions, reads and prepares the table, labels each row and applies the
result (`_apply`). Strings said here translate under this class's context (PySide6's tr walks the MRO).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QSplitter, QVBoxLayout, QWidget)

from planner.imports.headers import Field
from planner.imports.sheet import SheetError
from planner.imports.table import MappingError, Table
from ui.dialogs.form_errors import fill
from ui.i18n import lang
from ui.imports.mapping_table import MappingTable, remember_mapping, remembered_mapping
from ui.imports.preview_table import PreviewTable

LAST_FOLDER = "import/last_folder"   # one folder for every import: the host's sheets usually sit together


def choose_sheet(parent: QWidget, title: str, settings: QSettings, chosen: Callable[[Path], Any]) -> QFileDialog:
    """Ask for a sheet without blocking, starting in the folder the last import used."""
    dialog = QFileDialog(parent, title, str(settings.value(LAST_FOLDER, str(Path.home()))),
                         QCoreApplication.translate("SheetImportDialog",
                                                    "Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog


class SheetImportDialog(QDialog):
    SCOPE = ""                      # where the mapping memory lives in QSettings
    FIELDS: Sequence[Field] = ()
    ACTIONS: Sequence[str] = ()     # what a row may do; every one but "skip" brings something in

    def __init__(self, document, path: Path, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.resize(1200, 700)
        self.document = document
        self.path = path
        self.settings = settings or QSettings()
        self.table: Table | None = None
        self.imported = None            # the engine's prepared import, None while nothing can come in

        self.info = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("sheetBox")
        self.mapping = MappingTable(self.FIELDS)
        self.preview = PreviewTable()
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.currentItemChanged.connect(self._show_problem)
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.summary.setObjectName("importSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

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
        layout.addWidget(self.buttons)

        self._load(None)
        self.sheet_box.currentIndexChanged.connect(lambda _i: self._load(self.sheet_box.currentText()))
        self.mapping.mappingChanged.connect(self._reparse)

    # -- what a subclass says
    def _read(self, sheet: str | None) -> Table:
        """The sheet (None: the one the reader picks); raises SheetError."""
        raise NotImplementedError

    def _prepare(self, table: Table):
        """The engine's import of `table` under the current mapping; raises MappingError."""
        raise NotImplementedError

    def _refused(self) -> str:
        raise NotImplementedError

    def _action(self, incoming) -> QWidget | str:
        """What happens to one incoming row: a label, or a box for a row already there."""
        raise NotImplementedError

    def _summary(self, rows: int, counts: dict[str, int], refused: int) -> str:
        raise NotImplementedError

    def _apply(self, imported) -> None:
        """Bring the import in, as one undo step."""
        raise NotImplementedError

    # -- reading
    def _load(self, sheet: str | None) -> None:
        try:
            self.table = t = self._read(sheet)
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
        mapping, remembered = remembered_mapping(self.settings, self.SCOPE, t.headers, self.FIELDS)
        parts = [t.source, fill(self.tr("Headers in row %1"), t.header_row)]
        parts += [fill(self.tr("encoding %1"), t.encoding)] if t.encoding else []
        parts += [self.tr("columns as you chose them last time")] if remembered else []
        self.info.setText(" · ".join(parts))
        self.mapping.blockSignals(True)
        self.mapping.set_table(t, mapping)
        self.mapping.blockSignals(False)
        self._reparse()

    def _unusable(self, message: str, info: bool = True) -> None:
        """Nothing can come in: no rows shown that an earlier sheet or mapping left behind."""
        self.imported = None
        self.preview.setRowCount(0)
        self.problems.clear()
        if info:
            self.info.setText(message)
        self.summary.setText(message)
        self.ok_button.setEnabled(False)

    def _reparse(self) -> None:
        try:
            self.imported = imp = self._prepare(self.table)
        except MappingError as e:
            return self._unusable(str(e), info=False)  # the file is fine: its line stays above
        by_row = {i.row: i for i in imp.incoming}
        refused = set(imp.refused)
        self.preview.show_rows(self.table, imp.errors,
                               lambda n: self._refused() if n in refused else self._action(by_row.get(n)))
        self.problems.clear()
        for e in imp.errors:
            item = QListWidgetItem(f"{e.cell}  {e.text(lang())}")
            item.setData(Qt.ItemDataRole.UserRole, (e.row, e.column))
            self.problems.addItem(item)
        self._update_summary()

    def _choice(self, incoming, choices: list[tuple[str, str]]) -> QComboBox:
        """A box of (label, action) for a row already there, kept in step with `incoming.action`."""
        box = QComboBox()
        for label, action in choices:
            box.addItem(label, action)
        box.setCurrentIndex(box.findData(incoming.action))

        def chosen(_i: int) -> None:
            incoming.action = box.currentData()
            self._update_summary()

        box.currentIndexChanged.connect(chosen)
        return box

    def _update_summary(self) -> None:
        imp = self.imported
        if imp is None:
            return
        counts = {a: sum(1 for i in imp.incoming if i.action == a) for a in self.ACTIONS}
        self.summary.setText(self._summary(len(self.table.rows), counts, len(imp.refused)))
        self.ok_button.setEnabled(sum(n for a, n in counts.items() if a != "skip") > 0)

    def _show_problem(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.preview.select_cell(*item.data(Qt.ItemDataRole.UserRole))

    # -- decisions
    def set_action(self, row: int, action: str) -> None:
        """Choose what happens to a row already there, as the user would in its box."""
        box = self.preview.cellWidget(self.preview._rows[row], PreviewTable.ACTION)
        box.setCurrentIndex(box.findData(action))

    def accept(self) -> None:
        if self.imported is not None:
            self._import()

    def _import(self) -> None:
        self._apply(self.imported)
        remember_mapping(self.settings, self.SCOPE, self.table.headers, self.imported.mapping)
        super().accept()
