"""File › Compare versions… (对比版本): the current plan against a saved version or another file.

Shows what changed per group and which hosts need a new notice, and prints the class's 变更通知 and
those hosts' notices from the comparison.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout)

from planner.diff.changes import TourDiff, compare
from planner.diff.report import render_text
from planner.io.errors import PlannerError, TourFileError
from planner.io.fileformat import load_tour
from planner.io.versions import list_versions
from planner.render.site_visits import site_visits


class CompareDialog(QDialog):
    def __init__(self, document, folder: Path, parent=None):
        super().__init__(parent)
        self.document, self.folder = document, folder
        self.diff: TourDiff | None = None
        self.setWindowTitle(self.tr("Compare versions"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare the current plan with"), self))
        self.choice = QComboBox(self)
        for v in list_versions(document.path) if document.path else []:
            self.choice.addItem(self.tr("Saved %1").replace("%1", v.saved_at.strftime("%Y-%m-%d %H:%M:%S")),
                                str(v.path))
        self.choice.currentIndexChanged.connect(lambda _i: self.load(self.choice.currentData()))
        row.addWidget(self.choice, 1)
        other = QPushButton(self.tr("Other file…"), self)
        other.clicked.connect(self._other)
        row.addWidget(other)
        layout.addLayout(row)
        self.text = QPlainTextEdit(self)  # plain text: names show exactly as typed
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.notice_button = buttons.addButton(self.tr("Print change notice…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.notice_button.clicked.connect(self._print_notice)
        self.hosts_button = buttons.addButton(self.tr("Re-issue host notices…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.hosts_button.clicked.connect(self._reissue)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.choice.count():
            self.load(self.choice.currentData())
        else:
            self.text.setPlainText(self.tr("No saved versions yet: each save keeps the previous one. "
                                           "Choose another file to compare with."))
            self._enable()

    def _enable(self) -> None:
        self.notice_button.setEnabled(self.diff is not None and not self.diff.same)
        self.hosts_button.setEnabled(self.diff is not None and bool(self.reissue_sites()))

    def _other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Compare with"), str(self.folder),
                                              self.tr("Tours (*.tour.json)"))
        if name:
            self.load(name)

    def load(self, path: str | Path | None) -> None:
        if not path:
            return
        try:
            self.diff = compare(load_tour(path), self.document.tour)
        except TourFileError as e:
            self.diff = None
            self.text.setPlainText(e.describe())
        except PlannerError as e:
            self.diff = None
            self.text.setPlainText(str(e))
        else:
            self.text.setPlainText(render_text(self.diff))
        self._enable()

    def reissue_sites(self) -> list[str]:
        """Changed hosts still visited (a host no longer visited gets a phone call, not a notice)."""
        if self.diff is None:
            return []
        visited = site_visits(self.diff.new)
        return [sid for sid in self.diff.sites_changed if sid in visited]

    def write_notice(self, path: Path) -> None:
        from ui.exports.documents_pdf import export_change_notice

        export_change_notice(self.diff, path, dt.date.today())

    def write_host_notices(self, folder: Path) -> list[Path]:
        from ui.exports.documents_pdf import export_notice_files

        return export_notice_files(self.diff.new, folder, self.reissue_sites(), dt.date.today())

    def _print_notice(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Print change notice"),
                                              str(self.folder / "行程变更通知.pdf"), "PDF (*.pdf)")
        if name:
            self._guarded(lambda: self.write_notice(Path(name)))

    def _reissue(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the host notices in"), str(self.folder))
        if folder:
            self._guarded(lambda: self.write_host_notices(Path(folder)))

    def _guarded(self, action) -> None:
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            action()
        except OSError as e:  # FileWriteError: names the file; the old one is intact
            self.text.appendPlainText("\n" + str(e))
        finally:
            self.unsetCursor()
