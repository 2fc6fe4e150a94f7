"""Benchmark start-up: from an empty process to the main window shown on the Hunan sample (not a test).

Run: .venv/bin/python scripts/bench_window.py   (offscreen; prints import and window times)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    t0 = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("StudyTourBench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from ui.app import create_window

    t1 = time.perf_counter()
    window = create_window([str(ROOT / "seeds" / "hunan-2025.tour.json")])
    window.show()
    app.processEvents()
    t2 = time.perf_counter()
    print(f"imports and QApplication {t1 - t0:.2f} s; window on the Hunan tour {t2 - t1:.2f} s; "
          f"total {t2 - t0:.2f} s")
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
