"""补全坐标: every catalogue site still at its county's centre is looked up online, in the background.

One undo step for all the points found; a progress dialog with Cancel (what was found until then is
kept); a stop with a message when the service cannot be reached. Runs only with online locating
allowed — offline, the county centre is already the best answer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from planner.geo.locate import Located
from ui.dialogs.form_errors import fill
from ui.geo.geo_settings import GeoSettingsDialog, geocoder
from ui.geo.locate_job import LocateJob, Request
from ui.imports.catalogue_command import ReplaceCatalogueSites


class BatchLocate(QObject):
    finished = Signal(str)   # the summary, also shown in the status bar

    def __init__(self, document, settings: QSettings, window: QWidget):
        super().__init__(window)
        self.document = document
        self.settings = settings
        self.window = window
        self.job: LocateJob | None = None
        self.progress: QProgressDialog | None = None
        self.found: dict[str, Located] = {}
        self.summary = ""
        self.dialog: QWidget | None = None   # a question or message open now, if any

    def targets(self) -> list:
        return [s for s in self.document.catalogue.sites if s.precision != "site"]

    def start(self) -> LocateJob | None:
        if self.job is not None:
            return self.job
        targets = self.targets()
        if not targets:
            self._done(self.tr("Every site in the catalogue already has its own point"))
            return None
        online = geocoder(self.settings)
        if online is None:
            self._ask_to_allow()
            return None
        self.found = {}
        self.job = LocateJob([Request(s.id, s.address, s.name, s.province + s.city + s.county) for s in targets],
                             online)
        self.progress = QProgressDialog(fill(self.tr("Locating %1 sites online…"), len(targets)),
                                        self.tr("Cancel"), 0, len(targets), self.window)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self.job.cancel)
        self.progress.show()  # at once: the first answer may take the network's time
        self.job.progress.connect(self._progressed)
        self.job.located.connect(self._located)
        self.job.finished.connect(self._finished)
        self.job.start()
        return self.job

    def _progressed(self, done: int, _total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(done)

    def _located(self, site_id: str, found: Located | None) -> None:
        if found is not None and found.precision == "site":
            self.found[site_id] = found

    def _finished(self, stopped: str) -> None:
        job, self.job = self.job, None
        asked = len(job.requests) if job else 0
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        sites, changed = [], 0
        for s in self.document.catalogue.sites:  # the catalogue as it is now: the user may have edited it
            f = self.found.get(s.id)
            if f is not None and s.precision != "site":
                update = {"lat": f.lat, "lon": f.lon, "precision": "site"}
                update.update({k: getattr(f, k) for k in ("province", "city", "county") if not getattr(s, k)})
                s = s.model_copy(update=update)
                changed += 1
            sites.append(s)
        if changed:
            self.document.push(ReplaceCatalogueSites(self.document, sites,
                                                     fill(self.tr("Complete coordinates of %1 sites"), changed)))
        summary = fill(self.tr("Found the own point of %1 of %2 sites"), changed, asked)
        if job is not None and job.cancelled:
            summary += self.tr(" (cancelled)")
        if stopped:
            summary += " · " + fill(self.tr("stopped: %1"), stopped)
            self._message(QMessageBox.Icon.Warning, self.tr("Online locating stopped"), summary)
        self._done(summary)

    def _done(self, summary: str) -> None:
        self.summary = summary
        if hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(summary, 20000)
        self.finished.emit(summary)

    def _message(self, icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # service messages and site names show as typed
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._closed(box))
        self.dialog = box
        box.open()
        return box

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _ask_to_allow(self) -> None:
        box = self._message(QMessageBox.Icon.Question, self.tr("Online locating is off"),
                            self.tr("Finding each site's own point needs an online map service. "
                                    "Open the locating settings to allow it?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.buttonClicked.connect(
            lambda button: self.edit_settings() if box.standardButton(button) == QMessageBox.StandardButton.Yes
            else None)

    def edit_settings(self) -> GeoSettingsDialog:
        dialog = GeoSettingsDialog(self.settings, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog
