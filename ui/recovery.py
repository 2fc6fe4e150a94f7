"""A recovery copy of unsaved work: written shortly after each edit, removed once the tour is saved or
the changes are discarded, offered back at the next start if the app died in between."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from planner.io.errors import TourFileError
from planner.io.fileformat import atomic_write, load_tour, tour_to_json
from planner.model.tour import Tour
from ui.document import TourDocument

DELAY_MS = 1500


class Recovery(QObject):
    def __init__(self, document: TourDocument, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.folder = Path(folder)
        self.tour_file = self.folder / "recovery.tour.json"
        self.info_file = self.folder / "recovery.json"
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.write)
        document.changed.connect(self._edited)
        document.fileChanged.connect(self._file_changed)

    def _edited(self) -> None:
        if self.document.modified:
            self.timer.start()

    def _file_changed(self) -> None:
        if not self.document.modified:
            self.timer.stop()
            self.clear()

    def write(self) -> None:
        if not self.document.modified:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.tour_file, tour_to_json(self.document.tour), backup=False)
        path = str(self.document.path) if self.document.path else None
        atomic_write(self.info_file, json.dumps({"path": path}, ensure_ascii=False), backup=False)

    def clear(self) -> None:
        self.tour_file.unlink(missing_ok=True)
        self.info_file.unlink(missing_ok=True)

    def pending(self) -> tuple[Tour, Path | None] | None:
        """What a previous session left unsaved, if anything usable."""
        if not self.tour_file.exists():
            return None
        try:
            tour = load_tour(self.tour_file)
            info = json.loads(self.info_file.read_text(encoding="utf-8")) if self.info_file.exists() else {}
        except (TourFileError, OSError, ValueError):
            return None
        path = info.get("path") if isinstance(info, dict) else None
        return tour, Path(path) if path else None

    def restore(self) -> bool:
        found = self.pending()
        if found is None:
            return False
        tour, path = found
        self.document.replace(tour, path)
        self.document.undo_stack.resetClean()  # recovered work is unsaved work
        self.document.fileChanged.emit()
        return True
