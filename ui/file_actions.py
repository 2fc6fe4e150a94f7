"""New, Open, Open Recent, Save, Save As and the unsaved-changes question, for the main window."""

from __future__ import annotations

from pathlib import Path

from enum import Enum

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.io.atomic import sweep_stale_temps
from planner.io.errors import TourFileError
from ui.document import TourDocument, blank_tour
from ui.errors import ErrorBoundary
from ui.file_watch import DiskWatch

RECENT_KEY = "files/recent"
MAX_RECENT = 8
FILTER = "Tour files (*.tour.json);;JSON (*.json);;All files (*)"


class Conflict(Enum):
    """What to do when the file changed on disk since it was opened or saved here."""
    RELOAD, OVERWRITE, SAVE_AS, CANCEL = range(4)


class FileActions(QObject):
    """Dialogs are separate methods so tests can answer them without a modal loop."""

    def __init__(self, document: TourDocument, window: QWidget, settings: QSettings):
        super().__init__(window)
        self.document, self.window, self.settings = document, window, settings
        if getattr(window, "errors", None) is None:
            window.errors = ErrorBoundary(window)
        self.watch = DiskWatch(self)

    @property
    def errors(self) -> ErrorBoundary:
        """The window's boundary, looked up each time: a language switch hands it to a new window."""
        return self.window.errors

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

    def ask_restore(self, found) -> bool:
        """`found`: a dead session's copy (ui/recovery.py Found) — named, so the user knows what is at stake."""
        name = str(found.path) if found.path else self.tr("an unsaved new tour")
        text = self.tr("The planner was closed with unsaved changes to %1 (“%2”, copied %3). Recover them?\n\n"
                       "Discard deletes this copy.").replace("%1", name).replace("%2", found.tour.title)
        box = self._box(self.tr("Recover unsaved work"), text.replace("%3", found.saved_at))
        recover = box.addButton(self.tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(recover)
        box.exec()
        return box.clickedButton() is recover

    def ask_conflict(self) -> Conflict:
        box = self._box(self.tr("The file changed on disk"),
                        self.tr("%1 was changed by someone else since you opened or saved it here.\n\n"
                                "Reload it (your unsaved changes here are dropped), overwrite it with your "
                                "version, or save yours under another name?").replace("%1", str(self.document.path)))
        buttons = {box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.DestructiveRole): Conflict.RELOAD,
                   box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.AcceptRole): Conflict.OVERWRITE,
                   box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole): Conflict.SAVE_AS}
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return buttons.get(box.clickedButton(), Conflict.CANCEL)

    def ask_reload(self, modified: bool) -> bool:
        text = self.tr("%1 was changed on disk by someone else. Reload it?")
        if modified:
            text = self.tr("%1 was changed on disk by someone else. Reload it and drop your unsaved changes "
                           "here? (Keep yours to decide when you save.)")
        box = self._box(self.tr("The file changed on disk"), text.replace("%1", str(self.document.path)))
        reload = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep mine") if modified else self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is reload

    def _box(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # paths and names show as typed
        return box

    def show_error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

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
        if not self._load(path):
            return False
        sweep_stale_temps(Path(path).parent)  # what a crash mid-save left beside it
        self.remember(path)
        return True

    def reload(self) -> bool:
        """Show the file as it is on disk now."""
        return self._load(self.document.path)

    def _load(self, path: Path) -> bool:
        """A file that cannot be read is said, and the tour shown stays as it was."""
        try:
            self.document.open(path)
        except TourFileError as e:
            self.show_error(self.tr("Cannot open the tour"), e.describe())
            return False
        except Exception as e:
            self.errors.report(self.tr("Opening %1").replace("%1", str(path)), e)
            return False
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        if self.document.changed_on_disk():
            answer = self.ask_conflict()
            if answer is Conflict.RELOAD:
                self.reload()
                return False
            if answer is Conflict.SAVE_AS:
                return self.save_as()
            if answer is Conflict.CANCEL:
                return False
        return self._write(self.document.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self._write(path) if path is not None else False

    def _write(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except Exception as e:  # read-only file, full disk, a name that cannot be encoded, a bug: all said
            if self.errors.report(self.tr("Saving %1").replace("%1", str(path)), e, offer_save_as=True):
                return self.save_as()
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
