"""Locating in a worker thread, so the window never waits on cpca's start-up or on the network.

Results come back as queued signals in the window's thread. A job stops between two sites when
cancelled, and after three answers in a row that could not reach any service (the network is
down, the key is refused): asking the rest would only repeat the failure.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal

from planner.geo.locate import Located, locate
from planner.geo.online import GeoError, OnlineGeocoder

MAX_FAILURES_IN_A_ROW = 3
_RUNNING: set["LocateJob"] = set()  # keeps a job alive until its thread is done with it


@dataclass(frozen=True)
class Request:
    key: str           # the caller's handle (a site id)
    address: str
    name: str = ""
    region: str = ""   # province + city + county already known


class LocateJob(QObject):
    progress = Signal(int, int)          # done, total
    located = Signal(str, object)        # key, Located | None (no county anywhere in the text)
    failed = Signal(str, str)            # key, message
    finished = Signal(str)               # "" when done, else why it stopped early

    def __init__(self, requests: list[Request], online: OnlineGeocoder | None):
        super().__init__()
        self.requests = requests
        self.online = online
        self._cancel = threading.Event()
        self.finished.connect(self._release)

    def start(self) -> None:
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(self._run)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _run(self) -> None:
        stopped, in_a_row = "", 0
        try:
            for done, r in enumerate(self.requests, start=1):
                if self._cancel.is_set():
                    break
                try:
                    found: Located | None = locate(r.address, r.name, self.online, r.region)
                except GeoError as e:  # no county offline and no service reachable
                    self.failed.emit(r.key, str(e))
                    in_a_row, last = in_a_row + 1, str(e)
                else:
                    self.located.emit(r.key, found)
                    unreachable = found is not None and found.offline
                    in_a_row, last = (in_a_row + 1, found.warning) if unreachable else (0, "")
                self.progress.emit(done, len(self.requests))
                if in_a_row >= MAX_FAILURES_IN_A_ROW and done < len(self.requests):
                    stopped = last
                    break
        except Exception as e:  # noqa: BLE001  (a bug must reach the user as a message, not kill the thread)
            stopped = f"{type(e).__name__}: {e}"
        finally:
            self.finished.emit(stopped)

    def _release(self, _stopped: str) -> None:
        _RUNNING.discard(self)  # here, in the window's thread: the QObject is deleted where it lives
