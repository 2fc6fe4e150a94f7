"""Pictures of the map dock offline (no tiles) on a tour — whole tour, one group, one day — and of a
handbook route map with its geography (run under Xvfb: `xvfb-run -a .venv/bin/python scripts/screenshot_map.py`).

Writes resources/screenshots/map-offline-{tour,group,day}.png and handbook-route-map.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "resources" / "screenshots"


def _handbook_page(schedule, group_id: str, out: Path) -> None:
    """The group's first handbook page as printed (its route map is vectors in the PDF), read back by poppler."""
    import subprocess

    from planner.render.handbook import HandbookOptions
    from ui.exports.handbook_pdf import export_handbook

    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "handbook.pdf"
        count = export_handbook(schedule, pdf, HandbookOptions(print_date=dt.date(2025, 2, 20)))
        title = f"{schedule.tour.group(group_id).name} 行程"
        page = next(p for p in range(1, count + 1) if subprocess.run(
            ["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True, text=True,
            check=True).stdout.startswith(title))
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "110", "-singlefile", "-png",
                        str(pdf), str(out.with_suffix(""))], check=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tour", nargs="?", default=str(ROOT / "seeds" / "hunan-2025.tour.json"))
    parser.add_argument("--group", default="g2")
    parser.add_argument("--day", default="2025-02-25")
    args = parser.parse_args()
    from ui.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("StudyTourScreenshot")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from planner.io.fileformat import load_tour
    from ui.document import TourDocument
    from ui.panels.map_dock import MapDock, web_view_class

    document = TourDocument(load_tour(Path(args.tour)))
    dock = MapDock(document, QSettings(), view_class=web_view_class())
    dock.resize(900, 640)
    dock.show()
    date = dt.date.fromisoformat(args.day)
    for scope, follow in (("tour", dock.follow_tour), ("group", lambda: dock.follow_group(args.group)),
                          ("day", lambda: dock.follow(args.group, date))):
        follow()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        dock.grab().save(str(OUT / f"map-offline-{scope}.png"))
        print(OUT / f"map-offline-{scope}.png")
    dock.shutdown()
    _handbook_page(document.schedule, args.group, OUT / "handbook-route-map.png")
    print(OUT / "handbook-route-map.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
