"""导入教学点: a sheet's rows checked, mapped, previewed and brought into the catalogue in one undo step.

Left: which column is which field (corrected once, remembered for the header set). Right: the
sheet with every bad cell marked and its reason, each duplicate with a merge / skip / add choice,
and the list of problems (a click shows the cell). Rows without coordinates are placed offline at
their county's centre; 补全坐标 can ask an online service afterwards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QSplitter, QVBoxLayout, QWidget)

from planner.imports.sheet import SheetError
from planner.imports.site_import import SiteImport, load_table, prepare
from planner.imports.site_merge import Incoming, Outcome, apply
from planner.imports.sites import SITE_FIELDS
from planner.imports.table import MappingError, Table
from planner.geo.locate import Located
from ui.dialogs.form_errors import fill
from ui.geo.geo_settings import geocoder
from ui.geo.locate_job import LocateJob, Request
from ui.i18n import lang
from ui.imports.catalogue_command import ReplaceCatalogueSites
from ui.imports.mapping_table import MappingTable, remember_mapping, remembered_mapping
from ui.imports.preview_table import PreviewTable

SCOPE = "sites"


class SiteImportDialog(QDialog):
    def __init__(self, document, path: Path, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("siteImportDialog")
        self.setWindowTitle(fill(self.tr("Import sites from %1"), path.name))
        self.resize(1200, 700)
        self.document = document
        self.path = path
        self.settings = settings or QSettings()
        self.table: Table | None = None
        self.imported: SiteImport | None = None
        self.outcome: Outcome | None = None
        self.error = ""               # why the file cannot be used at all

        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("sheetBox")
        self.mapping = MappingTable(SITE_FIELDS)
        self.preview = PreviewTable()
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.currentItemChanged.connect(self._show_problem)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("importSummary")
        self.online_check = QCheckBox(self.tr("First look up online the rows without coordinates"))
        self.online_check.setObjectName("importOnline")
        self.online_check.setChecked(True)
        self.online_check.setVisible(geocoder(self.settings) is not None)
        self.job: LocateJob | None = None
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
        layout.addWidget(self.online_check)
        layout.addWidget(self.buttons)

        self._load(None)
        self.sheet_box.currentIndexChanged.connect(lambda _i: self._load(self.sheet_box.currentText()))
        self.mapping.mappingChanged.connect(self._reparse)

    # -- reading
    def _load(self, sheet: str | None) -> None:
        try:
            self.table = load_table(self.path, sheet)
        except SheetError as e:
            self._unusable(str(e))
            return
        t = self.table
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(t.sheets)
        self.sheet_box.setCurrentText(t.sheet)
        self.sheet_box.setEnabled(len(t.sheets) > 1)
        self.sheet_box.blockSignals(False)
        if not t.rows:
            self._unusable(fill(self.tr("%1: no rows below the headers"), t.source))
            return
        mapping, remembered = remembered_mapping(self.settings, SCOPE, t.headers, SITE_FIELDS)
        where = fill(self.tr("Headers in row %1"), t.header_row)
        parts = [t.source, where] + ([fill(self.tr("encoding %1"), t.encoding)] if t.encoding else [])
        if remembered:
            parts.append(self.tr("columns as you chose them last time"))
        self.info.setText(" · ".join(parts))
        self.mapping.blockSignals(True)
        self.mapping.set_table(t, mapping)
        self.mapping.blockSignals(False)
        self.error = ""
        self._reparse()

    def _unusable(self, message: str) -> None:
        self.error = message
        self.imported = None
        self.info.setText(message)
        self.summary.setText(message)
        self.preview.setRowCount(0)
        self.problems.clear()
        self.ok_button.setEnabled(False)

    def _reparse(self) -> None:
        assert self.table is not None
        taken = {s.id for s in self.document.tour.sites}
        try:
            self.imported = prepare(self.table, self.document.catalogue, self.mapping.mapping(),
                                    taken_ids=taken)
        except MappingError as e:
            self.imported = None
            self.preview.setRowCount(0)
            self.problems.clear()
            self.summary.setText(str(e))
            self.ok_button.setEnabled(False)
            return
        imp = self.imported
        by_row = {i.row: i for i in imp.incoming}
        refused = set(imp.refused)
        self.preview.show_rows(self.table, imp.errors,
                               lambda row: self.tr("Refused") if row in refused else self._action(by_row.get(row)))
        self.problems.clear()
        for e in imp.errors:
            item = QListWidgetItem(f"{e.cell}  {e.text(lang())}")
            item.setData(Qt.ItemDataRole.UserRole, (e.row, e.column))
            self.problems.addItem(item)
        self._update_summary()

    def _action(self, inc: Incoming | None) -> QWidget | str:
        if inc is None:
            return ""
        located = self.tr(" (county centre)") if inc.located else ""
        if inc.duplicate is None:
            return self.tr("Add") + located
        box = QComboBox()
        box.addItem(fill(self.tr("Skip: already in the catalogue as “%1”"), inc.duplicate.name), "skip")
        box.addItem(fill(self.tr("Merge into “%1”"), inc.duplicate.name), "merge")
        box.addItem(self.tr("Add as a new site") + located, "add")
        box.setCurrentIndex(box.findData(inc.action))

        def chosen(_i: int) -> None:
            inc.action = box.currentData()
            self._update_summary()

        box.currentIndexChanged.connect(chosen)
        return box

    def _update_summary(self) -> None:
        imp = self.imported
        if imp is None:
            return
        counts = {a: sum(1 for i in imp.incoming if i.action == a) for a in ("add", "merge", "skip")}
        self.summary.setText(fill(self.tr("%1 rows: %2 to add, %3 to merge, %4 skipped, %5 refused "
                                          "(hover a red cell for the reason)"),
                                  len(self.table.rows), counts["add"], counts["merge"], counts["skip"],
                                  len(imp.refused)))
        self.ok_button.setEnabled(counts["add"] + counts["merge"] > 0)

    def _show_problem(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.preview.select_cell(*item.data(Qt.ItemDataRole.UserRole))

    # -- decisions
    def set_action(self, row: int, action: str) -> None:
        """Choose merge / skip / add for a duplicate row, as the user would in its box."""
        box = self.preview.cellWidget(self.preview._rows[row], PreviewTable.ACTION)
        box.setCurrentIndex(box.findData(action))

    def accept(self) -> None:
        imp = self.imported
        if imp is None or self.job is not None:
            return
        pending = [i for i in imp.incoming if i.located and i.action != "skip"]
        online = geocoder(self.settings) if self.online_check.isVisible() and self.online_check.isChecked() else None
        if pending and online is not None:
            self._locate_online(pending, online)
            return
        self._import()

    def _import(self) -> None:
        imp = self.imported
        self.outcome = apply(self.document.catalogue, imp.incoming)
        n = len(self.outcome.added) + len(self.outcome.merged)
        if n:
            text = fill(self.tr("Import %1 sites from %2"), n, self.path.name)
            self.document.push(ReplaceCatalogueSites(self.document, self.outcome.catalogue.sites, text))
        remember_mapping(self.settings, SCOPE, self.table.headers, imp.mapping)
        super().accept()

    # -- online locating before the import, so the import stays one undo step
    def _locate_online(self, pending: list[Incoming], online) -> None:
        self._by_key = {str(i.row): i for i in pending}
        self.job = LocateJob([Request(str(i.row), i.site.address, i.site.name,
                                      i.site.province + i.site.city + i.site.county) for i in pending], online)
        self.job.progress.connect(lambda done, total: self.summary.setText(
            fill(self.tr("Looking up %1 of %2 rows online…"), done, total)))
        self.job.located.connect(self._located)
        self.job.finished.connect(self._located_all)
        for w in (self.ok_button, self.mapping, self.preview, self.sheet_box, self.online_check):
            w.setEnabled(False)
        self.summary.setText(fill(self.tr("Looking up %1 rows online…"), len(pending)))
        self.job.start()

    def _located(self, key: str, found: Located | None) -> None:
        inc = self._by_key.get(key)
        if inc is not None and found is not None and found.precision == "site":
            inc.site = inc.site.model_copy(update={"lat": found.lat, "lon": found.lon, "precision": "site"})
            inc.located = False

    def _located_all(self, stopped: str) -> None:
        job, self.job = self.job, None
        for w in (self.ok_button, self.mapping, self.preview, self.sheet_box, self.online_check):
            w.setEnabled(True)
        if job.cancelled:
            return  # the dialog was cancelled meanwhile
        if stopped:  # say why and let the user decide: import with county centres, or try later
            self.online_check.setChecked(False)
            self.summary.setText(fill(self.tr("Online lookup stopped: %1. Press Import to import with county "
                                              "centres."), stopped))
            return
        self._import()

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
        super().reject()
