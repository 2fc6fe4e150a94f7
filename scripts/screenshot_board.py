"""The schedule board on the tour the from-scratch acceptance test builds: nights, a joint lecture, a train.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_board.py -o resources/screenshots/board-nights.png
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from planner.model.site import Catalogue, Site
    from tests.ui.test_build_from_scratch import CATALOGUE, reference
    from ui import i18n
    from ui.document import TourDocument
    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("StudyTourScreenshots")
    i18n.install("zh")
    catalogue = Catalogue(sites=[Site.model_validate(s) for s in CATALOGUE])
    import tempfile

    scratch = tempfile.TemporaryDirectory()  # the window remembers its layout: never beside the picture
    settings = QSettings(str(Path(scratch.name) / "screenshot.ini"), QSettings.Format.IniFormat)
    window = MainWindow(TourDocument(reference(), catalogue=catalogue), settings, map_view_class=None)
    window.resize(1500, 900)
    window.show()
    window.board.select_cell("g1", window.document.tour.start_date)
    app.processEvents()
    board = window.board
    width = board.verticalHeader().width() + 3 * board.columnWidth(0) + 6
    height = board.horizontalHeader().height() + sum(board.rowHeight(r) for r in range(2)) + 6
    board.grab().copy(0, 0, width, height).save(str(args.output))
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
