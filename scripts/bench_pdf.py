"""Benchmark the handbook PDF: the Hunan sample, staff edition (best of several runs; not a test).

Run: .venv/bin/python scripts/bench_pdf.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0]])
    from planner.io.fileformat import load_tour
    from planner.render.handbook import HandbookOptions
    from planner.schedule.scheduler import schedule
    from ui.exports.handbook_pdf import export_handbook

    tour = load_tour(ROOT / "seeds" / "hunan-2025.tour.json")
    out = Path(tempfile.mkdtemp()) / "hunan.pdf"
    times, pages = [], 0
    for _ in range(6):
        t0 = time.perf_counter()
        pages = export_handbook(schedule(tour), out, HandbookOptions())
        times.append(time.perf_counter() - t0)
    print(f"Hunan handbook ({pages} pages, {out.stat().st_size // 1024} KB): best {min(times):.2f} s, "
          f"median {statistics.median(times[1:]):.2f} s, first {times[0]:.2f} s")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
