"""Benchmark every row of issue 12's speed table on this machine (not a test; the README's table comes from it).

Run: .venv/bin/python scripts/bench_speed.py [--quick] [--profile ROW]
The real main window, offscreen: each edit pushes an undo command, processes events and repaints the
board, as a user's edit does. Prints best and median of repeated runs; the CLI rows run the real
`study-tour` command in a child process and report its peak memory (max RSS).
`--profile edit-big` (or another row key) runs that row under cProfile and prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HUNAN = ROOT / "seeds" / "hunan-2025.tour.json"
ROWS: list[tuple[str, str, str]] = []  # (what, best, median)
PROFILER: cProfile.Profile | None = None  # --profile: only the measured repetitions are profiled


def row(what: str, times: list[float], unit: str = "ms", extra: str = "") -> None:
    scale = 1000 if unit == "ms" else 1
    best, median = min(times) * scale, statistics.median(times) * scale
    text = (f"{best:.0f} {unit}", f"{median:.0f} {unit}") if unit == "ms" else \
        (f"{best:.2f} {unit}", f"{median:.2f} {unit}")
    ROWS.append((what, text[0] + extra, text[1] + extra))
    print(f"{what:58s} best {text[0]:>9s}   median {text[1]:>9s} {extra}", flush=True)


def repeat(fn, n: int, between=None) -> list[float]:
    """`between`: work done after each run, outside the timing (see `Bench.flush_recovery`)."""
    times = []
    for _ in range(n):
        if PROFILER is not None:
            PROFILER.enable()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if PROFILER is not None:
            PROFILER.disable()
        if between is not None:
            between()
    return times


class Bench:
    def __init__(self, quick: bool):
        self.quick = quick
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-speed-"))
        os.environ["XDG_DATA_HOME"] = str(self.tmp / "data")  # the user catalogue goes here, not in $HOME
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from ui.app import prepare_environment

        prepare_environment()
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        self.app = QApplication([sys.argv[0]])
        self.app.setOrganizationName("StudyTourBench")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.tmp / "settings"))
        from planner.io.fileformat import save_tour
        from planner.synthetic import synthetic_tour

        self.big = self.tmp / "big.tour.json"
        save_tour(synthetic_tour(20, 30, 6), self.big)

    def window(self, path: Path):
        from ui.app import create_window

        window = create_window([str(path)])
        window.resize(1400, 900)
        window.show()
        self.app.processEvents()
        return window

    def close(self, window) -> None:
        window.document.undo_stack.setClean()
        window.map_dock.shutdown()
        window.close()
        window.deleteLater()
        self.app.processEvents()
        # processEvents leaves deferred deletes alone: a web view still alive when Chromium's profile goes at
        # exit crashed the script after its table
        from PySide6.QtCore import QEvent

        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    def settle(self, window) -> None:
        self.app.processEvents()
        window.board.viewport().repaint()

    def flush_map(self, window, spent: list[float]) -> None:
        """A visible map replaces its data once edits pause (ui/panels/map_dock.py): timed here, apart."""
        dock = window.map_dock
        if dock._edits.isActive():
            dock._edits.stop()
            t0 = time.perf_counter()
            dock._catch_up_if_visible()
            spent.append(time.perf_counter() - t0)

    def flush_recovery(self, window, spent: list[float]) -> None:
        """The crash-recovery copy is written 200 ms after an edit (ui/recovery.py): back-to-back runs would
        count it in whichever edit it lands in. It is written here, between runs, and timed on its own."""
        recovery = window.recovery
        if recovery is not None and recovery.timer.isActive():
            recovery.timer.stop()
            t0 = time.perf_counter()
            recovery._write_soon()  # the GUI thread's part (serialising); the disk work is in a worker
            spent.append(time.perf_counter() - t0)
            recovery.writer.wait()

    def map_loaded(self, window) -> None:
        """Edits are timed once the map page has loaded (its load finishing inside a timed edit is not the edit)."""
        deadline = time.monotonic() + 60
        while window.map_dock._loading and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)

    # -- rows
    def edit(self, path: Path, label: str, n: int) -> list[float]:
        """Alternately lengthen and restore one visit (EditActivity): a typical small edit."""
        from ui.commands import EditActivity

        window = self.window(path)
        self.map_loaded(window)
        doc = window.document
        group = doc.tour.groups[len(doc.tour.groups) // 2]
        day = group.days[len(group.days) // 2]
        act = next(a for a in day.activities if a.site)
        minutes = [act.minutes or 45, (act.minutes or 45) + 15]

        def one(i=[0]) -> None:
            i[0] += 1
            new = act.model_copy(update={"minutes": minutes[i[0] % 2]})
            doc.push(EditActivity(doc.tour, act.id, new, "bench"))
            self.settle(window)

        one()
        recovery: list[float] = []
        shown_map: list[float] = []
        self.flush_recovery(window, [])
        self.flush_map(window, [])
        times = repeat(one, n, lambda: (self.flush_map(window, shown_map), self.flush_recovery(window, recovery)))
        self.close(window)
        row(label, times)
        if shown_map:
            row("   (then, 120 ms after edits pause: the visible map (the selected day) updated)", shown_map)
        if recovery:
            row("   (then, 200 ms later: the crash-recovery copy written)", recovery)
        return times

    def open_window(self, path: Path, label: str, n: int) -> None:
        def one() -> None:
            self.close(self.window(path))

        row(label, repeat(one, n), unit="s")

    def catalogue_edit(self, n: int) -> None:
        from planner.model.site import Catalogue
        from planner.synthetic import synthetic_tour
        from ui.catalogue.catalogue_commands import EditCatalogueSite

        sites = synthetic_tour(40, 36, 6).sites[:10_000]
        window = self.window(HUNAN)
        doc = window.document
        doc.catalogue = Catalogue(sites=[s.model_copy() for s in sites])
        doc.catalogueChanged.emit()
        self.settle(window)
        target = doc.catalogue.sites[5000]

        def one(i=[0]) -> None:
            i[0] += 1
            doc.push(EditCatalogueSite(doc, target.model_copy(update={"visit_minutes": 45 + i[0] % 2 * 15})))
            self.settle(window)

        saved: list[float] = []

        def flush() -> None:  # the file is written 300 ms after the edit: timed on its own, between runs
            self.flush_recovery(window, [])
            if doc._catalogue_timer.isActive():
                t0 = time.perf_counter()
                doc._save_catalogue_soon()  # the GUI thread's part (serialising); the disk work is in a worker
                saved.append(time.perf_counter() - t0)
                doc._catalogue_writer.wait()

        one()
        flush()
        saved.clear()
        row("one catalogue edit with 10,000 sites", repeat(one, n, flush))
        if saved:
            row("   (then, 300 ms later: the catalogue file serialised for its worker)", saved)
        self.close(window)

    def end_date(self, path: Path, n: int) -> None:
        from ui.commands import ReplaceTourSettings

        window = self.window(path)
        doc = window.document
        times = []
        for _ in range(n):
            new = doc.tour.model_copy(deep=True)
            new.end_date = new.end_date + dt.timedelta(days=3652)
            t0 = time.perf_counter()
            doc.push(ReplaceTourSettings(doc.tour, new, "bench"))
            self.settle(window)
            times.append(time.perf_counter() - t0)
            doc.undo_stack.undo()
            self.settle(window)
            self.flush_recovery(window, [])
        row("change the end date to 10 years later (Hunan)", times)
        self.close(window)

    def cli(self, label: str, args: list[str], n: int) -> None:
        times, peaks = [], []
        for _ in range(n):
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, capture_output=True, text=True,
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            times.append(time.perf_counter() - t0)
            if done.returncode not in (0, 1):
                raise SystemExit(f"{label} failed: {done.stderr[-2000:]}")
            peaks.append(int(done.stderr.rsplit("PEAK_KB ", 1)[1].split()[0]) / 1024)
        row(label, times, unit="s", extra=f"  peak {max(peaks):.0f} MB")


# the command as `study-tour` runs it, reporting its own peak memory: VmHWM of its own address space
# (RUSAGE_CHILDREN would count QtWebEngine's helpers, and ru_maxrss survives exec from this big process)
CHILD = ("import re, sys\nfrom ui.cli import main\ntry:\n    code = main()\nfinally:\n"
         "    hwm = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1)\n"
         "    print('PEAK_KB', hwm, file=sys.stderr)\n"
         "sys.exit(code)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--profile", choices=("edit-hunan", "edit-big", "open-big", "catalogue", "end-date"))
    parser.add_argument("--only", help="comma-separated row keys: edit-hunan,edit-big,open-big,catalogue,"
                                       "export-map,export-pdf,end-date")
    args = parser.parse_args()
    bench = Bench(args.quick)
    q = args.quick
    runs = {
        "edit-hunan": lambda: bench.edit(HUNAN, "edit → board, problems, day detail refreshed, Hunan",
                                         10 if q else 40),
        "edit-big": lambda: bench.edit(bench.big, "the same, 20 groups × 30 days × 6 visits", 5 if q else 20),
        "open-big": lambda: bench.open_window(bench.big, "window opens on the 20×30×6 tour", 2 if q else 5),
        "catalogue": lambda: bench.catalogue_edit(5 if q else 15),
        "export-map": lambda: bench.cli("export-map 20×30×6 (whole command)",
                                        ["export-map", str(bench.big), "-o", str(bench.tmp / "m.html")],
                                        2 if q else 5),
        "export-pdf": lambda: bench.cli("export-pdf 20×30×6 (whole command)",
                                        ["export-pdf", str(bench.big), "-o", str(bench.tmp / "h.pdf")],
                                        1 if q else 3),
        "end-date": lambda: bench.end_date(HUNAN, 1 if q else 3),
    }
    if args.profile:
        global PROFILER
        PROFILER = cProfile.Profile()
        runs[args.profile]()
        pstats.Stats(PROFILER).sort_stats("cumulative").print_stats(45)
        return 0
    chosen = args.only.split(",") if args.only else list(runs)
    print(f"{'what':58s} (Python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    for key in chosen:
        runs[key]()
    print("\n| what | best | median |\n| --- | --- | --- |")
    for what, best, median in ROWS:
        print(f"| {what} | {best} | {median} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
