"""Start-up as `study-tour [FILE]` does it: the window on a file, the catalogue, bad files."""

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from planner.io.fileformat import load_catalogue
from tests.ui.noise import ignore_webengine_noise
from ui.app import BUNDLED_CATALOGUE, create_window
from ui.file_actions import FileActions

pytestmark = ignore_webengine_noise  # the real window, with its real map view
HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


@pytest.fixture(autouse=True)
def test_paths(qapp):
    QStandardPaths.setTestModeEnabled(True)  # the user's own data folder is never touched
    yield
    QStandardPaths.setTestModeEnabled(False)


def close(window):
    from PySide6.QtCore import QCoreApplication, QEvent

    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # its web view goes now, not at GC


def test_the_window_opens_on_the_given_tour_with_the_bundled_catalogue(qtbot):
    window = create_window([str(HUNAN)])
    try:
        assert window.document.path == HUNAN and "hunan-2025.tour.json" in window.windowTitle()
        assert window.board_model.rowCount() == 3 and window.board_model.columnCount() == 6
        assert window.document.catalogue == load_catalogue(BUNDLED_CATALOGUE)
        assert window.document.catalogue_path.exists()  # the user's own copy, saved after edits
    finally:
        close(window)


def test_a_bad_file_at_start_shows_the_problem_and_opens_an_empty_tour(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.tour.json"
    bad.write_text("not json", encoding="utf-8")
    shown = []
    monkeypatch.setattr(FileActions, "show_error", lambda self, title, text: shown.append(text))
    window = create_window([str(bad)])
    try:
        assert shown and "不是有效的 JSON" in shown[0] and str(bad) in shown[0]
        assert window.document.path is None and window.document.tour.groups
    finally:
        close(window)


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_the_started_window_has_no_tab_bar_left_over_a_dock(qtbot, width, height):
    """As the README's screenshots start it: a stale '问题 | 名单' bar was drawn over the catalogue."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QTabBar

    window = create_window([str(HUNAN)])
    try:
        window.resize(width, height)
        window.show()
        window.arrange_docks(width)
        qtbot.wait(100)
        areas = [w for w in (*window.findChildren(QDockWidget), window.centralWidget()) if w.isVisible()]
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if bar.isVisible():
                over = [w.objectName() for w in areas if bar.geometry().intersects(w.geometry())]
                assert over == [], f"tab bar {bar.tabText(0)[:4]}… at {bar.geometry().getRect()} over {over}"
    finally:
        close(window)
