"""A recovery copy of unsaved work, one per running window, offered back after a crash.

Layout: `recovery/<session>/` holds `owner.lock` (a QLockFile: pid, host and app name of the owner, locked
while it runs), `tour.json` (the unsaved tour) and `info.json` (its file name and on-disk stamp). A folder
whose lock can be taken belongs to a session that died: that copy is offered. A folder whose owner is
alive (a second window of the app) is never offered and never deleted.

The copy is written at most WRITE_MS after an edit (a burst of edits gives one write; serialised on the GUI
thread, put on disk by a worker so the window does not freeze), again right after a restore (so a second
crash loses nothing), and removed once the tour is saved or the changes discarded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from planner.io.atomic import atomic_write, sweep_stale_temps
from planner.io.fileformat import load_tour, tour_to_json
from planner.model.tour import Tour
from ui.background_write import BackgroundWrite
from ui.document import TourDocument
from ui.file_watch import DiskStamp

WRITE_MS = 200  # well inside the promised half second, even on a busy machine
LOCK, TOUR, INFO = "owner.lock", "tour.json", "info.json"


class Found:
    """A dead session's copy: what it held and where it lives (locked by us while we decide)."""

    def __init__(self, folder: Path, lock: QLockFile, tour: Tour, path: Path | None, stamp: DiskStamp | None):
        self.folder, self.lock, self.tour, self.path, self.stamp = folder, lock, tour, path, stamp

    @property
    def saved_at(self) -> str:
        """When the copy was written, local time to the minute."""
        try:
            return dt.datetime.fromtimestamp((self.folder / TOUR).stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        except OSError:
            return "?"


class Recovery(QObject):
    failed = Signal(str)  # a copy could not be written: said once in the status bar; "" when it works again

    def __init__(self, document: TourDocument, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.root = Path(folder)
        self.folder = self.root / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.tour_file, self.info_file = self.folder / TOUR, self.folder / INFO
        self.lock: QLockFile | None = None
        self.error: str | None = None  # the last failure, reported once
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WRITE_MS)
        self.timer.timeout.connect(self._write_soon)
        self.writer = BackgroundWrite(self)
        self.writer.finished.connect(self._written)
        document.changed.connect(self._edited)
        document.fileChanged.connect(self._file_changed)

    def _edited(self) -> None:
        if self.document.modified and not self.timer.isActive():  # not restarted: a long burst still writes
            self.timer.start()

    def _file_changed(self) -> None:
        if not self.document.modified:
            self.timer.stop()
            self.clear()

    def _own(self) -> None:
        if self.lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = _lock(self.folder)
            if not lock.tryLock(0):
                raise OSError(f"cannot lock {self.folder / LOCK}")
            self.lock = lock

    def write(self) -> bool:
        """Copy the unsaved tour now and wait for it; a failure is reported (once) and never raised."""
        self._write_soon()
        self.writer.wait()
        return self.error is None

    def _write_soon(self) -> None:
        """Serialise here (cheap: the validated model straight to JSON); the disk work runs in a worker."""
        self.timer.stop()
        if not self.document.modified:
            return
        try:
            self._own()
            text = tour_to_json(self.document.tour)
            stamp = self.document.disk_stamp
            info = json.dumps({"path": str(self.document.path) if self.document.path else None,
                               "stamp": asdict(stamp) if stamp else None}, ensure_ascii=False)
        except Exception as e:
            self._written(e)
            return
        tour_file, info_file = self.tour_file, self.info_file
        self.writer.start(lambda: (atomic_write(tour_file, text), atomic_write(info_file, info)))

    def _written(self, error: BaseException | None) -> None:
        if error is not None:  # full disk, read-only folder, a lone surrogate in a name: say so, keep going
            text = self.tr("Cannot write the recovery copy: %1").replace("%1", str(error) or type(error).__name__)
            if self.error is None:
                self.failed.emit(text)
            self.error = text
            return
        if self.error is not None:
            self.failed.emit("")  # clears the status bar's warning
        self.error = None

    def clear(self) -> None:
        """Remove this session's copy (saved or discarded); its lock goes when the window closes."""
        self.writer.wait()  # a write still under way would bring the copy back
        for path in (self.tour_file, self.info_file):
            try:
                path.unlink(missing_ok=True)
            except OSError:  # no folder there (it could never be written): nothing to remove
                pass

    def release(self) -> None:
        """The window closes: nothing left to recover, the folder goes with its lock."""
        self.timer.stop()
        self.clear()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- copies left by sessions that died
    def _dead_sessions(self) -> list[Path]:
        self._adopt_legacy()
        try:
            folders = [p for p in self.root.iterdir() if p.is_dir() and p != self.folder]
        except OSError:
            return []
        return sorted(folders, key=_age)

    def _adopt_legacy(self) -> None:
        """Earlier versions kept one copy as `recovery.tour.json` beside `recovery.json`: offer it like any other."""
        old = self.root / "recovery.tour.json"
        if not old.exists():
            return
        folder = self.root / "earlier-version"
        try:
            folder.mkdir(exist_ok=True)
            if (self.root / "recovery.json").exists():
                os.replace(self.root / "recovery.json", folder / INFO)
            os.replace(old, folder / TOUR)
        except OSError:
            pass

    def pending(self) -> Found | None:
        """The newest usable copy whose owner is gone, locked for us; None if there is none."""
        for folder in self._dead_sessions():
            sweep_stale_temps(folder)
            lock = _lock(folder)
            if not lock.tryLock(0):
                continue  # its owner is alive: a second window's live copy
            if not (folder / TOUR).exists():  # it died with nothing unsaved
                lock.unlock()
                shutil.rmtree(folder, ignore_errors=True)
                continue
            found = _read(folder, lock)
            if found is not None:
                return found
            lock.unlock()
        return None

    def restore(self, found: Found | None = None) -> bool:
        found = found or self.pending()
        if found is None:
            return False
        self.document.replace(found.tour, found.path, found.stamp)
        self.document.undo_stack.resetClean()  # recovered work is unsaved work
        self.document.fileChanged.emit()
        if self.write():  # ours now, on disk before the old copy goes: a second crash loses nothing
            self.discard(found)
        else:
            found.lock.unlock()  # could not copy it: leave the dead session's copy for next time
        return True

    def discard(self, found: Found) -> None:
        """The user declined it (or it is now ours): remove the dead session's folder."""
        for name in (TOUR, INFO):
            (found.folder / name).unlink(missing_ok=True)
        found.lock.unlock()
        shutil.rmtree(found.folder, ignore_errors=True)


def _lock(folder: Path) -> QLockFile:
    lock = QLockFile(str(folder / LOCK))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long the window stayed open
    return lock


def _age(folder: Path) -> float:
    try:
        return -(folder / TOUR).stat().st_mtime
    except OSError:
        return 0.0


def _read(folder: Path, lock: QLockFile) -> Found | None:
    try:
        tour = load_tour(folder / TOUR)
        info = json.loads((folder / INFO).read_text(encoding="utf-8")) if (folder / INFO).exists() else {}
        path = info.get("path") if isinstance(info, dict) else None
        stamp = info.get("stamp") if isinstance(info, dict) else None
        return Found(folder, lock, tour, Path(path) if path else None, DiskStamp(**stamp) if stamp else None)
    except Exception:  # an unreadable copy is not offered; it stays for a person to look at
        return None


def attach(window, folder: Path) -> Recovery:
    """Give the window its recovery copy; a failure to write it shows in the status bar."""
    recovery = Recovery(window.document, folder, window)
    recovery.failed.connect(window.statusBar().showMessage)
    window.recovery = recovery
    return recovery
