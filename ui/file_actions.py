"""New, Open, Open Recent, Save, Save As and the unsaved-changes question, for the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.io.errors import PlannerError, TourFileError
from ui.document import TourDocument, blank_tour

RECENT_KEY = "files/recent"
MAX_RECENT = 8
FILTER = "Tour files (*.tour.json);;JSON (*.json);;All files (*)"


class FileActions(QObject):
    """Dialogs are separate methods so tests can answer them without a modal loop."""

    def __init__(self, document: TourDocument, window: QWidget, settings: QSettings):
        super().__init__(window)
        self.document, self.window, self.settings = document, window, settings

    # -- questions to the user (replaced in tests)
    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open tour"), self._folder(), FILTER)
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        suggested = str(self.document.path or Path(self._folder()) / f"{self.document.tour.title}.tour.json")
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save tour as"), suggested, FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.name.endswith(".json") else path.with_name(path.name + ".tour.json")

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The tour has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    def ask_restore(self) -> bool:
        answer = QMessageBox.question(
            self.window, self.tr("Recover unsaved work"),
            self.tr("The planner was closed with unsaved changes. Recover them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, text)

    # -- actions
    def _folder(self) -> str:
        recent = self.recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def may_discard(self) -> bool:
        """True when the current tour may be replaced or the window closed."""
        if not self.document.modified:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new(self) -> None:
        if self.may_discard():
            self.document.replace(blank_tour(), None)

    def open(self, path: Path | None = None) -> bool:
        if not self.may_discard():
            return False
        path = path or self.ask_open_path()
        if path is None:
            return False
        try:
            self.document.open(path)
        except TourFileError as e:
            self.show_error(self.tr("Cannot open the tour"), e.describe())
            return False
        self.remember(path)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self._write(path) if path is not None else False

    def _write(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except (OSError, PlannerError) as e:
            reason = getattr(e, "strerror", None) or str(e)
            self.show_error(self.tr("Cannot save the tour"), f"{path}:\n{reason}")
            return False
        self.remember(path)
        return True

    # -- recent files
    def recent(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember(self, path: Path) -> None:
        full = str(Path(path).resolve())
        items = [full] + [p for p in self.recent() if p != full]
        self.settings.setValue(RECENT_KEY, items[:MAX_RECENT])
