"""导入教学点: a sheet's rows checked, mapped, previewed and brought into the catalogue in one undo step.

Left: which column is which field (corrected once, remembered for the header set). Right: the
sheet with every bad cell marked and its reason, each duplicate with a merge / skip / add choice,
and the list of problems (a click shows the cell). Rows without coordinates are placed offline at
their county's centre; 补全坐标 can ask an online service afterwards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QWidget

from planner.imports.site_import import SiteImport, load_table, prepare
from planner.imports.site_merge import Incoming, Outcome, apply
from planner.imports.sites import SITE_FIELDS
from planner.imports.table import Table
from planner.geo.locate import Located
from ui.dialogs.form_errors import fill
from ui.geo.geo_settings import geocoder
from ui.geo.locate_job import LocateJob, Request
from ui.imports.catalogue_command import ReplaceCatalogueSites
from ui.imports.sheet_import_dialog import SheetImportDialog


class SiteImportDialog(SheetImportDialog):
    SCOPE = "sites"
    FIELDS = SITE_FIELDS
    ACTIONS = ("add", "merge", "skip")

    def __init__(self, document, path: Path, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(document, path, settings, parent)
        self.setObjectName("siteImportDialog")
        self.setWindowTitle(fill(self.tr("Import sites from %1"), path.name))
        self.outcome: Outcome | None = None
        self.job: LocateJob | None = None
        self.online_check = QCheckBox(self.tr("First look up online the rows without coordinates"))
        self.online_check.setObjectName("importOnline")
        self.online_check.setChecked(True)
        self.online_check.setVisible(geocoder(self.settings) is not None)
        self.layout().insertWidget(self.layout().indexOf(self.buttons), self.online_check)

    def _read(self, sheet: str | None) -> Table:
        return load_table(self.path, sheet)

    def _prepare(self, table: Table) -> SiteImport:
        taken = {s.id for s in self.document.tour.sites}
        return prepare(table, self.document.catalogue, self.mapping.mapping(), taken_ids=taken)

    def _refused(self) -> str:
        return self.tr("Refused")

    def _action(self, inc: Incoming | None) -> QWidget | str:
        if inc is None:
            return ""
        located = self.tr(" (county centre)") if inc.located else ""
        if inc.duplicate is None:
            return self.tr("Add") + located
        name = inc.duplicate.name
        return self._choice(inc, [(fill(self.tr("Skip: already in the catalogue as “%1”"), name), "skip"),
                                  (fill(self.tr("Merge into “%1”"), name), "merge"),
                                  (self.tr("Add as a new site") + located, "add")])

    def _summary(self, rows: int, counts: dict[str, int], refused: int) -> str:
        return fill(self.tr("%1 rows: %2 to add, %3 to merge, %4 skipped, %5 refused "
                            "(hover a red cell for the reason)"),
                    rows, counts["add"], counts["merge"], counts["skip"], refused)

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

    def _apply(self, imp: SiteImport) -> None:
        self.outcome = apply(self.document.catalogue, imp.incoming)
        n = len(self.outcome.added) + len(self.outcome.merged)
        if n:
            text = fill(self.tr("Import %1 sites from %2"), n, self.path.name)
            self.document.push(ReplaceCatalogueSites(self.document, self.outcome.catalogue.sites, text))

    # -- online locating before the import, so the import stays one undo step
    def _locate_online(self, pending: list[Incoming], online) -> None:
        self._by_key = {str(i.row): i for i in pending}
        self.job = LocateJob([Request(str(i.row), i.site.address, i.site.name,
                                      i.site.province + i.site.city + i.site.county) for i in pending], online)
        self.job.progress.connect(lambda done, total: self.summary.setText(
            fill(self.tr("Looking up %1 of %2 rows online…"), done, total)))
        self.job.located.connect(self._located)
        self.job.finished.connect(self._located_all)
        self._working(True)
        self.summary.setText(fill(self.tr("Looking up %1 rows online…"), len(pending)))
        self.job.start()

    def _working(self, busy: bool) -> None:
        for w in (self.ok_button, self.mapping, self.preview, self.sheet_box, self.online_check):
            w.setEnabled(not busy)

    def _located(self, key: str, found: Located | None) -> None:
        inc = self._by_key.get(key)
        if inc is not None and found is not None and found.precision == "site":
            inc.site = inc.site.model_copy(update={"lat": found.lat, "lon": found.lon, "precision": "site"})
            inc.located = False

    def _located_all(self, stopped: str) -> None:
        job, self.job = self.job, None
        self._working(False)
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
