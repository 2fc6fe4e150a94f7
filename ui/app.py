"""Application start-up: QApplication, then the main window on a file."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def run_app(argv: Sequence[str]) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

    from planner.errors import TourFileError
    from planner.fileformat import load_tour
    from planner.report import render_text
    from planner.scheduler import schedule

    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.resize(1000, 700)
    view.setWindowTitle("研学行程 · Study-Tour Planner")
    files = [a for a in argv if not a.startswith("-")]
    if files:
        try:
            tour = load_tour(files[0])
            view.setPlainText(render_text(schedule(tour)))
            view.setWindowTitle(f"{tour.title} — 研学行程")
        except TourFileError as e:
            QMessageBox.critical(None, "无法打开文件", e.describe())
    view.show()
    return app.exec()
