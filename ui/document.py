"""The open tour: the one source of truth the window shows, its undo stack, file and schedule."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.io.atomic import atomic_write
from planner.io.fileformat import catalogue_text, load_tour, save_tour
from planner.schedule.incremental import Replanner
from planner.schedule.scheduler import Schedule
from planner.model.site import Catalogue
from planner.model.tour import Tour
from ui.background_write import BackgroundWrite
from ui.file_watch import DiskStamp

CATALOGUE_SAVE_MS = 300  # coalesces a burst of catalogue edits; the edit itself returns at once


def blank_tour() -> Tour:
    import datetime as dt

    today = dt.date.today()
    return Tour.model_validate({
        "title": "新建培训班", "start_date": today.isoformat(),
        "end_date": (today + dt.timedelta(days=4)).isoformat(),
        "groups": [{"id": "g1", "name": "第一组", "colour": "#d62728"}]})


class TourDocument(QObject):
    """Every edit goes through `push(command)`; views listen to `changed` and re-read the tour."""

    changed = Signal()            # the tour or its schedule changed: refresh views
    fileChanged = Signal()        # path or clean state changed: refresh the title
    catalogueChanged = Signal()   # the catalogue (教学点库) changed; its file follows (flush_catalogue)
    failed = Signal(str, object)  # (what failed, the exception): the window's error boundary shows it

    def __init__(self, tour: Tour | None = None, path: Path | None = None,
                 catalogue: Catalogue | None = None, catalogue_path: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.tour = tour or blank_tour()
        self.path = path
        self.disk_stamp = DiskStamp.of(path)  # the file as last opened or saved: someone else's change differs
        self.catalogue = catalogue or Catalogue()
        self.catalogue_path = catalogue_path  # the user's own catalogue file; saved after every change
        self.undo_stack = QUndoStack(self)
        # bound methods, not lambdas: Qt drops them with the document, so a late signal finds no dead object
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._index_changed)
        self._index = 0  # the undo stack's index as last seen: which commands ran since
        self._replanner = Replanner(self.tour)
        self.schedule: Schedule = self._replanner.schedule
        self.touched: set | None = None  # the group-days the last change touched (None: anything)
        self._catalogue_timer = QTimer(self)
        self._catalogue_timer.setSingleShot(True)
        self._catalogue_timer.setInterval(CATALOGUE_SAVE_MS)
        self._catalogue_timer.timeout.connect(self._save_catalogue_soon)
        self._catalogue_writer = BackgroundWrite(self)
        self._catalogue_writer.finished.connect(self._catalogue_written)
        self._catalogue_error: BaseException | None = None  # the last write's failure, reported once
        app = QCoreApplication.instance()
        if app is not None:  # quitting without a window close still writes the catalogue
            app.aboutToQuit.connect(self.flush_catalogue)

    def _clean_changed(self, _clean: bool) -> None:
        self.fileChanged.emit()

    def _index_changed(self, index: int) -> None:
        """Commands that say which group-days they touch (`touched()`) get an incremental re-plan."""
        low, high = sorted((self._index, index))
        self._index = index
        touched: set | None = set()
        for i in range(low, high):
            command = self.undo_stack.command(i)
            says = getattr(command, "touched", None)
            found = says() if callable(says) and command.childCount() == 0 else None
            if found is None:
                touched = None
                break
            touched |= found
        self.refresh(touched)

    # -- editing
    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def refresh(self, touched: set | None = None) -> None:
        """Re-plan (only `touched` group-days when given) and tell the views; they may read `self.touched`."""
        if self._replanner.tour is not self.tour:
            self._replanner, touched = Replanner(self.tour), None
        else:
            self._replanner.update(touched)
        self.schedule = self._replanner.schedule
        self.touched = touched
        self.changed.emit()

    def catalogue_changed(self) -> None:
        """Called by catalogue commands: tell the views now; the user's catalogue file follows within
        CATALOGUE_SAVE_MS (a burst of edits gives one write), written off the GUI thread."""
        if self.catalogue_path is not None and not self._catalogue_timer.isActive():
            self._catalogue_timer.start()
        self.catalogueChanged.emit()

    def _save_catalogue_soon(self) -> None:
        self._catalogue_timer.stop()
        path = self.catalogue_path
        if path is None:
            return
        try:  # serialised here, so a later edit cannot tear what the worker writes
            text = catalogue_text(self.catalogue, path)
        except Exception as e:
            self._catalogue_written(e)
            return
        self._catalogue_writer.start(lambda: atomic_write(Path(path), text, backup=True))

    def flush_catalogue(self) -> None:
        """Closing or quitting: the catalogue file is complete on disk before this returns."""
        if self._catalogue_timer.isActive():
            self._save_catalogue_soon()
        self._catalogue_writer.wait()

    def _catalogue_written(self, error: BaseException | None) -> None:
        if error is not None and self._catalogue_error is None:  # said once, until a write works again
            self.failed.emit(self.tr("Saving the catalogue %1").replace("%1", str(self.catalogue_path)), error)
        self._catalogue_error = error

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    # -- files
    def replace(self, tour: Tour, path: Path | None, stamp: DiskStamp | None = None) -> None:
        """Show another tour (Open/New): a fresh history, nothing modified."""
        self.tour = tour
        self.path = path
        self.disk_stamp = stamp
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._index = 0
        self.refresh()
        self.fileChanged.emit()

    def open(self, path: Path) -> None:
        """Load first, replace after: a file that fails to load leaves the current tour untouched."""
        stamp = DiskStamp.of(path)  # before reading: a change made meanwhile shows as a change later
        tour = load_tour(path)
        self.replace(tour, Path(path), stamp)

    def changed_on_disk(self) -> bool:
        """Someone else wrote the file since it was opened or saved here."""
        return self.path is not None and self.disk_stamp is not None and \
            self.disk_stamp.differs(DiskStamp.of(self.path))

    def save(self, path: Path | None = None) -> None:
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file name")
        save_tour(self.tour, target)
        self.path = target
        self.disk_stamp = DiskStamp.of(target)
        self.undo_stack.setClean()
        self.fileChanged.emit()
