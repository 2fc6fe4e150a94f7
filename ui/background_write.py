"""Writing a file off the GUI thread: the window's copy of the data is serialised on the GUI thread (so a
later edit cannot tear it), and only the disk work (atomic write, fsync, versions) runs in a worker.

One write at a time, in order: a new one first waits for the one before. `wait()` blocks until the pending
write is on disk and delivers its outcome at once (closing, saving, restoring); otherwise the outcome
arrives on the GUI thread through `finished`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class BackgroundWrite(QObject):
    finished = Signal(object)  # None, or the exception the write raised; on the GUI thread, once per write
    _arrived = Signal()        # from the worker: an outcome is waiting

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._outcome: list = []  # [error or None] once the worker is done, until delivered
        self._arrived.connect(self._deliver)  # queued: emitted from the worker thread

    def start(self, job: Callable[[], None]) -> None:
        self.wait()
        outcome = self._outcome = []

        def run() -> None:
            try:
                job()
                outcome.append(None)
            except BaseException as e:  # everything reaches the window; nothing dies silently in a thread
                outcome.append(e)
            try:
                self._arrived.emit()
            except RuntimeError:  # the owner is gone (a document dropped without closing): nobody to tell
                pass

        self._thread = threading.Thread(target=run, name="background-write")
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def wait(self) -> None:
        """Block until the pending write (if any) is done, and deliver its outcome now."""
        if self._thread is not None:
            self._thread.join()
            self._deliver()

    def _deliver(self) -> None:
        if self._thread is None or not self._outcome:
            return  # delivered already (by wait), or a late signal of an earlier write
        self._thread.join()  # its job is done: only its last line (the signal) may still be running
        self._thread = None
        self.finished.emit(self._outcome.pop())
