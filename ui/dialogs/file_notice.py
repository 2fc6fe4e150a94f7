"""Where a file went: a small bar with its path (selectable), "Open folder" and "Copy path".

Opening a file with the system's viewer can fail silently (no PDF viewer, no browser configured:
QDesktopServices.openUrl just returns False); the bar then says so, and the path is always there to copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ui.dialogs.form_errors import fill


def open_externally(path: Path | str) -> bool:
    """Open the file or folder with the system's program; False when none did."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FileNotice(QFrame):
    """Says what was written where; stays until closed or replaced by the next notice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fileNotice")
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a path shows as typed
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a file name shows as typed, never as markup
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Open folder"), self)
        self.copy_button = QPushButton(self.tr("Copy path"), self)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.setAutoRaise(True)
        row.addWidget(self.label, 1)
        for button in (self.folder_button, self.copy_button, self.close_button):
            row.addWidget(button)
        self.folder_button.clicked.connect(self.open_folder)
        self.copy_button.clicked.connect(self.copy_path)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_file(self, message: str, path: Path | str) -> None:
        """`message` holds %1 for the path."""
        self.path = Path(path)
        self.label.setText(fill(message, str(self.path)))
        self.label.setToolTip(str(self.path))
        self.show()

    def open_folder(self) -> bool:
        if self.path is None:
            return False
        if open_externally(self.path.parent):
            return True
        self.label.setText(fill(self.tr("No program opened the folder. The file is at %1"), str(self.path)))
        return False

    def copy_path(self) -> None:
        if self.path is not None:
            QGuiApplication.clipboard().setText(str(self.path))
