"""Noticing that someone else changed the open tour on disk: a colleague, a second window, a sync client.

A stamp (mtime, size, content hash) is taken when the file is opened or saved. Saving checks it first
(FileActions.save); while the tour is open, a QFileSystemWatcher notices the change and offers to reload.
Editors and sync clients usually save by writing a new file and renaming it over the old one, which drops
the watch on the file, so the folder is watched too and the file is watched again after each change.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

SETTLE_MS = 300  # a sync client writes in several steps: look once it has settled


@dataclass(frozen=True)
class DiskStamp:
    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of(cls, path: Path | str | None) -> DiskStamp | None:
        """The file's stamp; None when there is no readable file."""
        if path is None:
            return None
        try:
            st = os.stat(path)
            with open(path, "rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size, digest)

    def differs(self, other: DiskStamp | None) -> bool:
        """Different content; a file touched but unchanged (same hash) is not a change."""
        return other is not None and other.digest != self.digest


class DiskWatch(QObject):
    """Watches the document's file; `files` (FileActions) asks the user and reloads."""

    def __init__(self, files) -> None:
        super().__init__(files)
        self.files = files
        self.document = files.document
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._poke)
        self.watcher.directoryChanged.connect(self._poke)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.check)
        self._declined: DiskStamp | None = None  # the change the user chose not to load; not asked twice
        self._asking = False
        self.document.fileChanged.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        wanted = []
        if self.document.path is not None:
            path = Path(self.document.path)
            wanted = [str(path.parent)] + ([str(path)] if path.exists() else [])
        current = self.watcher.files() + self.watcher.directories()
        if sorted(current) != sorted(wanted):
            if current:
                self.watcher.removePaths(current)
            if wanted:
                self.watcher.addPaths(wanted)

    def _poke(self, _path: str = "") -> None:
        self.timer.start()

    def check(self) -> bool:
        """Offer to reload when the file now holds something else; True when it was reloaded."""
        self._follow()  # a replaced file lost its watch
        doc = self.document
        if self._asking or doc.path is None or doc.disk_stamp is None or not self.files.window.isVisible():
            return False
        now = DiskStamp.of(doc.path)
        if not doc.disk_stamp.differs(now) or (self._declined is not None and not self._declined.differs(now)):
            return False
        self._asking = True
        try:
            if self.files.ask_reload(doc.modified):
                return self.files.reload()
            self._declined = now
            return False
        finally:
            self._asking = False
