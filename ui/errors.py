"""The window's one error boundary: a failure in a save, an export, a background job or any slot becomes a
message box that says what failed and that the tour is intact, and its traceback goes to a log file.

PySide6 passes an exception raised in a slot to `sys.excepthook` and carries on (the default hook only
prints to stderr, which an organizer never sees), so `install()` makes that hook the boundary too.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.io.errors import PlannerError

LOG_NAME = "errors.log"
LOG_LIMIT = 1_000_000  # bytes; the log starts afresh beyond this, keeping one older file


def app_data_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def expected(exc: BaseException) -> bool:
    """Failures with a message of their own (read-only file, full disk, bad file): no traceback needed."""
    return isinstance(exc, (PlannerError, OSError))


def reason_of(exc: BaseException) -> str:
    if isinstance(exc, PlannerError):
        return str(exc)
    if isinstance(exc, OSError):
        name = f"{exc.filename}: " if exc.filename else ""
        return name + (exc.strerror or str(exc) or type(exc).__name__)
    return f"{type(exc).__name__}: {exc}"


class ErrorBoundary(QObject):
    # The hook may run in a worker thread (an exception in QThread.run goes there too); a signal brings it
    # to the window's thread, where a message box may be shown.
    _raised = Signal(str, object)

    def __init__(self, window: QWidget, log_folder: Path | None = None):
        super().__init__(window)
        self.window = window
        self._log_folder = log_folder
        self._previous_hook = None
        self._showing = False  # a slot failing on every repaint must not stack up boxes
        self._raised.connect(self.report)

    @property
    def log_path(self) -> Path:
        return (self._log_folder or app_data_folder() / "logs") / LOG_NAME

    def log(self, what: str, exc: BaseException) -> Path | None:
        """Append the traceback; None when even the log cannot be written (the box still shows)."""
        path = self.log_path
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        entry = f"--- {dt.datetime.now().isoformat(timespec='seconds')} {what}\n{text}\n"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.stat().st_size > LOG_LIMIT:
                path.replace(path.with_name(LOG_NAME + ".1"))
            with path.open("a", encoding="utf-8", errors="backslashreplace") as f:
                f.write(entry)
        except OSError:
            return None
        return path

    def message(self, what: str, exc: BaseException, log: Path | None) -> str:
        lines = [self.tr("%1 failed.").replace("%1", what), "", reason_of(exc), "",
                 self.tr("Your tour is intact: it is still open here, and no file was left half-written.")]
        if log is not None:
            lines += ["", self.tr("Details were written to %1").replace("%1", str(log))]
        return "\n".join(lines)

    def report(self, what: str, exc: BaseException, offer_save_as: bool = False) -> bool:
        """Show the failure; True when the user chose Save As."""
        log = None if expected(exc) else self.log(what, exc)
        if self._showing:
            return False
        self._showing = True
        try:
            return self.ask(self.tr("Something went wrong"), self.message(what, exc, log), offer_save_as)
        finally:
            self._showing = False

    def ask(self, title: str, text: str, offer_save_as: bool) -> bool:
        """The box (replaced in tests). Plain text: a name or path like `<b>x</b>` shows as typed."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole) if offer_save_as else None
        box.exec()
        return save_as is not None and box.clickedButton() is save_as

    # -- every other exception (slots, events)
    def install(self) -> None:
        if self._previous_hook is None:
            self._previous_hook = sys.excepthook
            sys.excepthook = self._hook
            self.destroyed.connect(_restore_hook(self._previous_hook))

    def _hook(self, kind, exc, tb) -> None:
        if not issubclass(kind, Exception):  # KeyboardInterrupt, SystemExit: not ours to hide
            self._previous_hook(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        try:
            self._raised.emit(self.tr("An action"), exc)
        except Exception:  # the boundary itself must never raise into Qt
            self._previous_hook(kind, exc, tb)


def _restore_hook(previous):
    def restore(*_args) -> None:
        sys.excepthook = previous
    return restore
