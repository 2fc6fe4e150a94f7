"""View › Language applies at once: a new window in the chosen language on the same tour, nothing lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QUndoCommand

from ui import i18n
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")


@pytest.fixture
def english_window(qtbot, document, isolated_settings, english):
    win = MainWindow(document, isolated_settings, map_view_class=None)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    from ui.language_switch import current_window

    for w in {win, current_window()} - {None}:
        try:
            document.undo_stack.setClean()
            w.close()
            w.deleteLater()
        except RuntimeError:
            pass  # already replaced and deleted
    i18n.install("en")


def choose(window: MainWindow, label: str) -> None:
    """View › Language › `label`, found by walking the menus as a user's eye would."""
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() in ("&View", "视图(&V)"))
    language_menu = next(a.menu() for a in view_menu.actions() if a.menu() and any(
        b.text() == label for b in a.menu().actions()))
    next(a for a in language_menu.actions() if a.text() == label).trigger()


def test_choosing_chinese_rebuilds_the_window_in_chinese_at_once(qtbot, english_window, document,
                                                                 isolated_settings):
    from ui.language_switch import current_window

    old = english_window
    old.resize(780, 560)  # within the offscreen screen (800×600), where geometry is not clamped
    old.problems_dock.hide()
    document.undo_stack.push(QUndoCommand("edit"))
    assert old.menuBar().actions()[0].text() == "&File"
    choose(old, "中文")  # no "applies next time" box (a modal box fails the test)
    new = current_window()
    assert new is not None and new is not old and new.isVisible()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert isolated_settings.value("ui/language") == "zh" and i18n.lang() == "zh"
    titles = [a.text() for a in new.menuBar().actions()]
    assert {"文件(&F)", "编辑(&E)", "视图(&V)"} <= set(titles) and "&File" not in titles
    assert new.catalogue_dock.windowTitle() == "教学点库"
    assert new.document is document and document.undo_stack.count() == 1  # the tour and its history stay
    assert (new.width(), new.height()) == (780, 560)
    assert not new.problems_dock.isVisible() and new.catalogue_dock.isVisible()
    assert new.errors.window is new
    choose(new, "English")
    newest = current_window()
    assert newest.menuBar().actions()[0].text() == "&File" and newest.catalogue_dock.windowTitle() != "教学点库"
    assert isolated_settings.value("ui/language") == "en"


def test_the_recovery_copy_and_the_error_boundary_go_to_the_new_window(qtbot, english_window, document, tmp_path):
    import sys

    import shiboken6

    from ui import recovery
    from ui.language_switch import current_window

    old = english_window
    kept = recovery.attach(old, tmp_path / "recovery")
    before = sys.excepthook
    old.errors.install()
    boundary = old.errors
    hook = sys.excepthook
    try:
        choose(old, "中文")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        new = current_window()
        assert not shiboken6.isValid(old)  # gone, without asking about unsaved changes
        assert new.recovery is kept and kept.parent() is new
        assert new.errors is boundary and boundary.window is new and sys.excepthook == hook
        document.undo_stack.push(QUndoCommand("edit"))
        assert new.isWindowModified()  # the new window follows the tour
    finally:
        sys.excepthook = before


def test_the_selected_card_and_cell_stay_selected(qtbot, english_window, document):
    import datetime as dt

    from ui.language_switch import current_window

    english_window.board.select_activity("w2")
    choose(english_window, "中文")
    new = current_window()
    assert new.board.selected_activity == "w2"
    assert new.board.board.slot(new.board.currentIndex()) == ("g2", dt.date(2025, 2, 24))
    new.board.select_activity(None)
    new.board.select_cell("g1", dt.date(2025, 2, 24))
    choose(new, "English")
    newest = current_window()
    assert newest.board.selected_activity is None
    assert newest.board.board.slot(newest.board.currentIndex()) == ("g1", dt.date(2025, 2, 24))
