"""File › 导出行程手册 PDF…: choose edition, groups and file; print in a worker thread with progress.

Each edition has its own default file name, so printing both never overwrites one with the other; an
existing file is replaced only when the user says so; when the PDF is written the window says where.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QMainWindow, QMessageBox, QPushButton, QRadioButton, QToolBar,
                               QVBoxLayout, QWidget)

from planner.render.handbook import PARTICIPANT, STAFF, HandbookOptions, handbook_file_name
from planner.schedule.scheduler import schedule
from planner.model.tour import Tour
from ui.dialogs.file_notice import FileNotice, open_externally
from ui.dialogs.form_errors import fill
from ui.dialogs.mnemonics import as_typed


class ExportDialog(QDialog):
    def __init__(self, tour: Tour, folder: Path, parent=None):
        super().__init__(parent)
        self._folder, self._title = folder, tour.title
        self.overwrite_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Export itinerary handbook"))
        form = QFormLayout(self)
        editions = QWidget(self)
        row = QHBoxLayout(editions)
        row.setContentsMargins(0, 0, 0, 0)
        self.staff = QRadioButton(self.tr("Staff (everything)"), editions)
        self.participant = QRadioButton(self.tr("Participants (only shared phones, no problems)"), editions)
        self.staff.setChecked(True)
        self.staff.toggled.connect(self._edition_changed)
        row.addWidget(self.staff)
        row.addWidget(self.participant)
        form.addRow(self.tr("Edition"), editions)
        groups = QWidget(self)
        column = QVBoxLayout(groups)
        column.setContentsMargins(0, 0, 0, 0)
        self.group_boxes: dict[str, QCheckBox] = {}
        for g in tour.groups:
            box = QCheckBox(as_typed(g.name), groups)
            box.setChecked(True)
            box.toggled.connect(self._validate)
            self.group_boxes[g.id] = box
            column.addWidget(box)
        form.addRow(self.tr("Groups"), groups)
        file_row = QWidget(self)
        line = QHBoxLayout(file_row)
        line.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit(str(self.default_path(STAFF)), file_row)
        self.path_edit.setMinimumWidth(self.path_edit.fontMetrics().horizontalAdvance("x" * 60))
        self.path_edit.textChanged.connect(self._validate)
        browse = QPushButton(self.tr("Browse…"), file_row)
        browse.clicked.connect(self._browse)
        line.addWidget(self.path_edit, 1)
        line.addWidget(browse)
        form.addRow(self.tr("File"), file_row)
        self.daily = QCheckBox(self.tr("Append the daily sheets (one page per group-day)"), self)
        form.addRow("", self.daily)
        self.open_when_done = QCheckBox(self.tr("Open the PDF when it is ready"), self)
        self.open_when_done.setChecked(True)
        form.addRow("", self.open_when_done)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._validate()

    def edition(self) -> str:
        return PARTICIPANT if self.participant.isChecked() else STAFF

    def default_path(self, edition: str) -> Path:
        return self._folder / handbook_file_name(self._title, edition)

    def _edition_changed(self) -> None:
        """The file name follows the edition unless the user chose a name of their own."""
        other = STAFF if self.edition() == PARTICIPANT else PARTICIPANT
        if self.path() == self.default_path(other):
            self.path_edit.setText(str(self.default_path(self.edition())))

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
        return HandbookOptions(edition=self.edition(),
                               groups=None if len(chosen) == len(self.group_boxes) else chosen,
                               daily=self.daily.isChecked())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def accept(self) -> None:
        """An existing file is replaced only after a Yes (the question is window-modal, not blocking)."""
        if not self.path().exists():
            super().accept()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export itinerary handbook"),
                          fill(self.tr("“%1” already exists. Replace it?"), self.path().name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(str(self.path().parent))

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                QDialog.accept(self)

        box.buttonClicked.connect(answered)
        self.overwrite_box = box
        box.open()


class ExportJob(QThread):
    """Prints a snapshot of the tour, so editing may go on while the PDF is made."""

    progressed = Signal(int)
    failed = Signal(str)
    done = Signal(str)

    def __init__(self, tour: Tour, path: Path, options: HandbookOptions, parent: QObject | None = None):
        super().__init__(parent)
        self.tour, self.path, self.options = tour.model_copy(deep=True), path, options
        self.error: BaseException | None = None

    def run(self) -> None:
        from ui.exports.handbook_pdf import export_handbook

        try:
            export_handbook(schedule(self.tour), self.path, self.options,
                            lambda percent, _what: self.progressed.emit(percent))
        except Exception as e:  # any failure becomes the window's error message, never a silent end
            self.error = e
            self.failed.emit(f"{self.path}: {getattr(e, 'strerror', None) or e}")
            return
        self.done.emit(str(self.path))


def handbook_written(window: QMainWindow, path: str, open_it: bool) -> FileNotice:
    """Open the PDF if asked, and say where it is in a bar above the status bar, with a button to its folder
    (the status bar itself is the groups' totals, and too narrow for a path)."""
    notice = window.findChild(FileNotice, "handbookNotice")
    if notice is None:
        bar = QToolBar(window)
        bar.setObjectName("fileNoticeBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)  # not a toolbar the user turns on and off
        notice = FileNotice(bar)
        notice.setObjectName("handbookNotice")
        notice.show()  # the bar shows and hides it: a toolbar loses track of a widget hidden on its own
        notice.close_button.clicked.disconnect(notice.hide)
        notice.close_button.clicked.connect(bar.hide)
        bar.addWidget(notice)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
    notice.parentWidget().show()
    if open_it and not open_externally(path):
        notice.show_file(QCoreApplication.translate("ExportDialog", "No PDF viewer opened the handbook. It is at %1"),
                         path)
    else:
        notice.show_file(QCoreApplication.translate("ExportDialog", "Handbook written: %1"), path)
    return notice
