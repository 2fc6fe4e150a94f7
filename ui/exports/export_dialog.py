"""File › 导出行程手册 PDF…: choose edition, groups and file; print in a worker thread with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from planner.render.handbook import PARTICIPANT, STAFF, HandbookOptions
from planner.schedule.scheduler import schedule
from planner.model.tour import Tour


class ExportDialog(QDialog):
    def __init__(self, tour: Tour, suggested: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export itinerary handbook"))
        form = QFormLayout(self)
        editions = QWidget(self)
        row = QHBoxLayout(editions)
        row.setContentsMargins(0, 0, 0, 0)
        self.staff = QRadioButton(self.tr("Staff (everything)"), editions)
        self.participant = QRadioButton(self.tr("Participants (no phone numbers, no problems)"), editions)
        self.staff.setChecked(True)
        row.addWidget(self.staff)
        row.addWidget(self.participant)
        form.addRow(self.tr("Edition"), editions)
        groups = QWidget(self)
        column = QVBoxLayout(groups)
        column.setContentsMargins(0, 0, 0, 0)
        self.group_boxes: dict[str, QCheckBox] = {}
        for g in tour.groups:
            box = QCheckBox(g.name, groups)
            box.setChecked(True)
            box.toggled.connect(self._validate)
            self.group_boxes[g.id] = box
            column.addWidget(box)
        form.addRow(self.tr("Groups"), groups)
        file_row = QWidget(self)
        line = QHBoxLayout(file_row)
        line.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit(str(suggested), file_row)
        self.path_edit.textChanged.connect(self._validate)
        browse = QPushButton(self.tr("Browse…"), file_row)
        browse.clicked.connect(self._browse)
        line.addWidget(self.path_edit, 1)
        line.addWidget(browse)
        form.addRow(self.tr("File"), file_row)
        self.open_when_done = QCheckBox(self.tr("Open the PDF when it is ready"), self)
        self.open_when_done.setChecked(True)
        form.addRow("", self.open_when_done)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._validate()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export itinerary handbook"), self.path_edit.text(),
                                              "PDF (*.pdf)")
        if name:
            self.path_edit.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def _validate(self) -> None:
        ok = any(b.isChecked() for b in self.group_boxes.values()) and bool(self.path_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def options(self) -> HandbookOptions:
        chosen = [gid for gid, box in self.group_boxes.items() if box.isChecked()]
        return HandbookOptions(edition=PARTICIPANT if self.participant.isChecked() else STAFF,
                               groups=None if len(chosen) == len(self.group_boxes) else chosen)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())


class ExportJob(QThread):
    """Prints a snapshot of the tour, so editing may go on while the PDF is made."""

    progressed = Signal(int)
    failed = Signal(str)
    done = Signal(str)

    def __init__(self, tour: Tour, path: Path, options: HandbookOptions, parent: QObject | None = None):
        super().__init__(parent)
        self.tour, self.path, self.options = tour.model_copy(deep=True), path, options

    def run(self) -> None:
        from ui.exports.handbook_pdf import export_handbook

        try:
            export_handbook(schedule(self.tour), self.path, self.options,
                            lambda percent, _what: self.progressed.emit(percent))
        except OSError as e:
            self.failed.emit(f"{self.path}: {e.strerror or e}")
            return
        self.done.emit(str(self.path))


def open_file(path: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
