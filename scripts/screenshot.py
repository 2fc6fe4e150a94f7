"""Render the main window on a tour to PNG, as a user would see it (run under Xvfb: scripts/screenshot.sh).

usage: screenshot.py [TOUR] [-o OUT.png] [--size 1366x768] [--lang zh|en] [--select GROUP:YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tour", nargs="?", default=str(ROOT / "seeds" / "hunan-2025.tour.json"))
    parser.add_argument("-o", "--out", default=str(ROOT / "resources" / "screenshots" / "main-window.png"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--select", default="g2:2025-02-25", help="group:date of the cell to select")
    parser.add_argument("--map", choices=("tour", "group", "day"), help="show the map dock with this scope")
    parser.add_argument("--wait", type=float, default=0.5, help="seconds to let pages render")
    args = parser.parse_args()

    from ui.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("StudyTourScreenshot")
    app.setApplicationName("Study-Tour Planner")
    # a throw-away settings folder: the picture never depends on a previous session's layout
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QSettings().setValue("ui/language", args.lang)

    from ui.app import create_window

    window = create_window([args.tour])
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    window.arrange_docks(width)  # the layout a window of this size gets
    if args.select:
        group, date = args.select.split(":")
        window.board.select_cell(group, dt.date.fromisoformat(date))
    if args.map:
        window.map_dock.raise_()
        window.map_dock.scope_box.setCurrentIndex(window.map_dock.scope_box.findData(args.map))
    import time

    deadline = time.monotonic() + args.wait + (4 if args.map else 0)
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(f"{out} ({window.width()}×{window.height()})")
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
