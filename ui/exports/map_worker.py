"""Route maps drawn by a child process while this one lays out the handbook.

PySide6 keeps the GIL through setHtml, the layout and QSvgRenderer.render, so a thread cannot overlap them;
another process can, on the other core. The child is a fresh interpreter (`python -m ui.exports.map_worker`,
started by exec, never a fork of a process running Qt): it imports Qt and the map code while the parent
writes the HTML, then draws each map exactly as route_image does and leaves it as a PNG file; the parent
decodes a map when its page prints. If the child cannot start, dies or stalls, the parent draws the map
itself: the PDF never lacks one.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

PNG_QUALITY = 80  # Qt's zlib setting: lossless, and half the default's time to write at a similar size
WAIT_S = 60.0  # longest wait for the child's next map before the parent draws it (a stalled child)
JOB = "job.pickle"

PEAKS_KB: list[int] = []  # each finished child's peak memory (its VmHWM), for scripts/bench_speed.py


def _command() -> list[str]:
    return [sys.executable, "-m", "ui.exports.map_worker"]


class MapWorker:
    """Start early (the child's imports overlap the caller's work) with the maps to draw, in the order they will
    be asked for — (RouteMap, width, height, scale) — then `image(i, …)` each one, and `close` (or use `with`)."""

    def __init__(self, maps: list[tuple[object, int, int, int]], command: list[str] | None = None):
        self._child = None
        self._dir = tempfile.TemporaryDirectory(prefix="study-tour-maps-")
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._ready: set[int] = set()
        self._count = len(maps)
        self._running = False
        root = str(Path(__file__).resolve().parents[2])  # the child imports this very code
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        if not maps or _cores() < 2:  # on one core the child's start-up and PNGs are only extra work
            return
        try:
            with open(Path(self._dir.name) / "child.log", "wb") as log:
                self._child = subprocess.Popen(command or _command(), stdin=subprocess.PIPE,
                                               stdout=subprocess.PIPE, stderr=log, env=env)
        except OSError:
            self._child = None
            return
        self._running = True
        self._listener = threading.Thread(target=self._listen, args=(self._child.stdout,), daemon=True)
        self._listener.start()
        self._send(maps)

    def _listen(self, stream) -> None:
        for line in stream:
            self._lines.put(line.decode("ascii", "replace").strip())
        self._lines.put(None)

    def _send(self, maps: list[tuple[object, int, int, int]]) -> None:
        job = Path(self._dir.name) / JOB
        job.write_bytes(pickle.dumps(maps, protocol=pickle.HIGHEST_PROTOCOL))
        try:
            self._child.stdin.write(f"{job}\n".encode())
            self._child.stdin.close()
        except OSError:  # the child has already gone
            self._stop()

    def image(self, index: int, draw_here: Callable[[], QImage]) -> QImage:
        """Map `index`, from the child if it drew it, else drawn here."""
        if self._wait_for(index):
            path = Path(self._dir.name) / f"{index}.png"
            image = QImage(str(path), "PNG")
            path.unlink(missing_ok=True)
            if not image.isNull():
                return image.convertToFormat(QImage.Format.Format_RGB32)
        return draw_here()

    def _wait_for(self, index: int) -> bool:
        while index not in self._ready and self._running:
            try:
                line = self._lines.get(timeout=WAIT_S)
            except queue.Empty:
                line = None  # stalled: draw the rest here
            self._take(line)
        return index in self._ready

    def _take(self, line: str | None) -> None:
        if line is None:
            self._stop()
        elif line.startswith("peak "):
            PEAKS_KB.append(int(line.split()[1]))
        elif line.isdigit():
            self._ready.add(int(line))

    def _stop(self) -> None:
        self._running = False
        if self._child is not None and self._child.poll() is None:
            self._child.kill()

    def close(self) -> None:
        if self._child is not None:
            if self._child.stdin and not self._child.stdin.closed:
                try:
                    self._child.stdin.close()  # never sent: the child ends on an empty line
                except OSError:
                    pass
            if len(self._ready) < self._count:
                self._stop()  # the export ended early (an error): no need for the rest
            try:
                self._child.wait(timeout=WAIT_S)  # it has drawn all: only its peak is left to say
            except subprocess.TimeoutExpired:
                self._child.kill()
                self._child.wait()
            self._listener.join(timeout=5)
            while not self._lines.empty():
                line = self._lines.get()
                if line is not None:
                    self._take(line)
            self._child.stdout.close()
            self._running = False
        self._dir.cleanup()

    def __enter__(self) -> MapWorker:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _peak_kb() -> int:
    try:
        with open("/proc/self/status") as status:
            return int(next(line for line in status if line.startswith("VmHWM:")).split()[1])
    except (OSError, StopIteration, ValueError):  # not Linux: not measured
        return 0


def main() -> int:
    """The child: warm up, read the job's path from stdin, write 0.png, 1.png, … and say each one's number."""
    from planner.render import route_svg as drawing
    from ui.exports.headless import headless_qt
    from ui.exports.pdf_print import give_back_freed_memory
    from ui.exports.route_image import svg_image

    app = headless_qt()  # noqa: F841 (fonts need the application)
    line = sys.stdin.readline().strip()
    if line:
        job = Path(line)
        maps = pickle.loads(job.read_bytes())[::-1]
        for index in range(len(maps)):
            route_map, width, height, scale = maps.pop()  # dropped once drawn: the child's peak is at its end
            image = svg_image(drawing.route_svg(route_map, width, height), width, height, scale)
            drawing._geography_svg.cache_clear()  # kept for redrawing a frame: each is drawn once here (−13 MB)
            part = job.with_name(f"{index}.part")
            if not image.save(str(part), "PNG", PNG_QUALITY):
                return 1
            os.replace(part, job.with_name(f"{index}.png"))  # whole files only
            del image
            give_back_freed_memory()
            print(index, flush=True)
    print("peak", _peak_kb(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
