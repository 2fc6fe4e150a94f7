"""The window's exports: File › Export…, File › Compare with a saved version…, and the Share menu.

Installed on the main window by one call, so main_window.py only names it. Exports run in the
background on a snapshot; the progress dialog cancels; at the end the folder is one click away.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog

from ui.exports.day_text import copy_day_text
from ui.exports.export_center import ExportCenterDialog
from ui.exports.export_jobs import (CALENDARS, DAILY, HANDBOOK, IMAGES, NOTICES, WORKBOOK, ExportAllJob,
                                    ExportRequest)


class WindowExports(QObject):
    def __init__(self, window, file_menu: QMenu, before: QAction | None = None):
        super().__init__(window)
        self.window = window
        self.share_group: str | None = None
        self.share_date: dt.date | None = None
        self.result_box: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        export = QAction(self.tr("&Export…"), window)
        export.setShortcut(QKeySequence("Ctrl+Shift+E"))
        export.triggered.connect(lambda: self.export_all())
        compare = QAction(self.tr("Compare &versions…"), window)
        compare.triggered.connect(lambda: self.compare_versions())
        file_menu.insertActions(before, [export, compare]) if before else file_menu.addActions([export, compare])
        share = window.menuBar().addMenu(self.tr("&Share"))
        self.share_day_action = share.addAction(self.tr("WeChat image of the selected &day…"))
        self.share_day_action.triggered.connect(lambda: self.share_image(by_day=True))
        self.share_group_action = share.addAction(self.tr("WeChat image of the selected &group's route…"))
        self.share_group_action.triggered.connect(lambda: self.share_image(by_day=False))
        self.share_text_action = share.addAction(self.tr("Copy the selected day as WeChat &text"))
        self.share_text_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.share_text_action.triggered.connect(
            lambda: copy_day_text(window, self.share_group, self.share_date) if self.share_date else None)
        window.board.cellSelected.connect(self._cell)
        window.board.groupSelected.connect(lambda gid: self._cell(gid, None))
        window.board.tourSelected.connect(lambda: self._cell(None, None))
        self._cell(None, None)

    def _cell(self, group_id: str | None, date: dt.date | None) -> None:
        self.share_group, self.share_date = group_id, date
        self.share_day_action.setEnabled(group_id is not None and date is not None)
        self.share_text_action.setEnabled(group_id is not None and date is not None)
        self.share_group_action.setEnabled(group_id is not None)

    def _folder(self) -> Path:
        path = self.window.document.path
        return path.parent if path else Path.home()

    # -- everything
    def export_all(self, request: ExportRequest | None = None) -> ExportAllJob | None:
        """Ask what to write (unless given), confirm replacing files, then write in the background."""
        tour = self.window.document.tour
        if request is None:
            dialog = ExportCenterDialog(tour, self._folder(), self.window)
            if not dialog.exec():
                return None
            request = dialog.request()
        existing = request.existing(tour.title)
        if existing and not self.confirm_replace(existing):
            return None
        return self._start(ExportAllJob(tour, request, self.window), request.folder)

    def confirm_replace(self, paths: list[Path]) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace files?"),
                          self.tr("These already exist and will be replaced:") + "\n\n"
                          + "\n".join(p.name for p in paths),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setTextFormat(box.textFormat().PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _start(self, job: ExportAllJob, folder: Path) -> ExportAllJob:
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 100, self.window)
        progress.setWindowTitle(self.tr("Export"))
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        doing = {HANDBOOK: self.tr("Printing the handbook…"), DAILY: self.tr("Printing the daily sheets…"),
                 NOTICES: self.tr("Printing the host notices…"), WORKBOOK: self.tr("Writing the Excel workbook…"),
                 CALENDARS: self.tr("Writing the phone calendars…"), IMAGES: self.tr("Painting the WeChat images…")}

        def show(percent: int, what: str) -> None:
            progress.setValue(percent)
            if what in doing:
                progress.setLabelText(doing[what])

        job.progressed.connect(show)
        job.finished.connect(progress.close)
        job.failed.connect(lambda text: self._finished(self.tr("The export failed."), text, folder))
        job.cancelled.connect(lambda: self._finished(self.tr("The export was cancelled."),
                                                     self.tr("Files already written are complete; "
                                                             "nothing was left half-written."), folder))
        job.done.connect(lambda paths: self._finished(self.tr("Files exported: %1").replace("%1", str(len(paths))),
                                                      "\n".join(Path(p).name for p in paths), folder))
        self.progress, self.result_box = progress, None
        self.window._jobs = [j for j in self.window._jobs if j.isRunning()] + [job]
        job.start()
        return job

    def _finished(self, title: str, details: str, folder: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export"), title, QMessageBox.StandardButton.Close,
                          self.window)
        box.setTextFormat(box.textFormat().PlainText)
        box.setInformativeText(details)
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        self.result_box = box
        box.open()

    # -- share
    def share_image(self, by_day: bool) -> ExportAllJob | None:
        """The selected group's day (or whole route) as a phone image, in the participant edition."""
        if self.share_group is None or (by_day and self.share_date is None):
            return None
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Save the image in"), str(self._folder()))
        if not folder:
            return None
        return self.write_share_image(Path(folder), by_day)

    def write_share_image(self, folder: Path, by_day: bool) -> ExportAllJob:
        request = ExportRequest(kinds=[IMAGES], folder=folder, groups=[self.share_group], edition="participant",
                                images_by_day=by_day, image_date=self.share_date if by_day else None)
        job = ExportAllJob(self.window.document.tour, request, self.window)
        return self._start(job, request.outputs(self.window.document.tour.title)[IMAGES])

    # -- versions
    def compare_versions(self) -> None:
        from ui.exports.compare_dialog import CompareDialog

        CompareDialog(self.window.document, self._folder(), self.window).exec()
