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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tour", nargs="?", default=str(ROOT / "seeds" / "hunan-2025.tour.json"))
    parser.add_argument("--group", default="g2")
    parser.add_argument("--day", default="2025-02-25")
    args = parser.parse_args()
    from ui.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("StudyTourScreenshot")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from planner.io.fileformat import load_tour
    from planner.render.route_svg import route_svg
    from planner.render.routes import Scope, build_route_map
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
    svg = route_svg(build_route_map(document.schedule, Scope(args.group)), 720, 480)
    image = QImage(QSize(1440, 960), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    QSvgRenderer(svg.encode("utf-8")).render(painter)
    painter.end()
    image.save(str(OUT / "handbook-route-map.png"))
    print(OUT / "handbook-route-map.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
