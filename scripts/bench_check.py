"""Benchmark `check`: the Hunan sample and a generated 20-group × 30-day × 6-visit tour.

Run: .venv/bin/python scripts/bench_check.py   (prints the best of several runs; not a test)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from planner.io.fileformat import load_tour
from planner.schedule.scheduler import schedule
from planner.synthetic import synthetic_tour

ROOT = Path(__file__).resolve().parent.parent


def measure(label: str, fn, repeat: int) -> None:
    fn()  # warm caches (holiday look-ups, imports)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    print(f"{label:48s} best {min(times) * 1000:8.2f} ms   median {statistics.median(times) * 1000:8.2f} ms")


def main() -> int:
    hunan = load_tour(ROOT / "seeds" / "hunan-2025.tour.json")
    acts = sum(len(d.activities) for g in hunan.groups for d in g.days)
    measure(f"check Hunan 2025 ({len(hunan.groups)} groups, {acts} activities)", lambda: schedule(hunan), 50)
    big = synthetic_tour(20, 30, 6)
    acts = sum(len(d.activities) for g in big.groups for d in g.days)
    measure(f"check 20 groups × 30 days × 6 visits ({acts} activities)", lambda: schedule(big), 10)
    measure("load Hunan 2025 file (parse + validate)",
            lambda: load_tour(ROOT / "seeds" / "hunan-2025.tour.json"), 20)
    measure("import 1,000 sheet rows (read, place, find repeats)", _import_rows(), 5)
    return 0


def _import_rows():
    """A 1,000-row site sheet as organizers keep them: name, address, type, minutes, hours, coordinates."""
    import tempfile

    from openpyxl import Workbook

    from planner.imports.site_import import load_table, prepare
    from planner.model.site import Catalogue

    wb = Workbook()
    wb.active.append(["教学点名称", "地址", "类型", "时长（分钟）", "开放时间", "纬度", "经度"])
    for i in range(1000):
        wb.active.append([f"教学点{i}", f"浙江省海宁市海昌街道{i}号", "企业", 90, "9:00-17:00",
                          30 + i / 1000, 120 + i / 1000])
    path = Path(tempfile.mkdtemp()) / "sites.xlsx"
    wb.save(path)
    return lambda: prepare(load_table(path), Catalogue())


if __name__ == "__main__":
    sys.exit(main())
