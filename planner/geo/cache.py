"""Answers of online geocoders kept on disk, so a site is asked about once and batches resume cheaply.

A small JSON file in the application data folder: {"service|query": {...answer...} or null for
"not found"}. Only the newest MAX_ENTRIES are kept; a damaged file is treated as empty, never fatal.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from planner.io.atomic import atomic_write

MAX_ENTRIES = 5000
_MISSING = object()


class GeoCache:
    def __init__(self, path: Path | None):
        self.path = path
        self._lock = threading.Lock()  # the batch locator writes from a worker thread
        self._data: dict[str, dict | None] = self._read()

    def _read(self) -> dict[str, dict | None]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> object:
        """The stored answer (a dict, or None for "not found"), or `GeoCache.MISSING`."""
        with self._lock:
            return self._data.get(key, _MISSING)

    def put(self, key: str, answer: dict | None) -> None:
        with self._lock:
            self._data.pop(key, None)
            self._data[key] = answer
            while len(self._data) > MAX_ENTRIES:
                self._data.pop(next(iter(self._data)))
            text = json.dumps(self._data, ensure_ascii=False)
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(self.path, text, backup=False)
            except OSError:
                pass  # a cache that cannot be written only costs a repeated question later

    MISSING = _MISSING
