"""View › Language, at once: install the translation and build the window again on the same document.

Every widget takes its texts through tr() when it is built, so a new window is the one way that is
right for all of them (docks, menus, dialogs' defaults, Qt's own buttons) without each module keeping a
retranslate method. What the user had stays: the open tour and its undo history (they live in the
document), window geometry, dock layout, the recovery copy and the error boundary.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow

from ui import i18n

_current: list[QMainWindow] = []  # the window in use: a top-level window needs a Python owner


def current_window() -> QMainWindow | None:
    return _current[0] if _current else None


def switch_language(old: QMainWindow, choice: str) -> QMainWindow:
    """Remember `choice` ("auto", "zh", "en"), install it and put a new window where `old` was."""
    from ui.main_window import MainWindow

    old.settings.setValue(i18n.SETTING, choice)
    i18n.install(i18n.preferred(old.settings))
    for job in old._jobs:  # a handbook being printed reports to its window: let it finish first
        job.wait()
    QCoreApplication.sendPostedEvents(None, 0)  # deliver its "done" while the old window is still there
    view = old.map_dock.view
    new = MainWindow(old.document, old.settings, map_view_class=type(view) if view is not None else None)
    new.restoreGeometry(old.saveGeometry())
    new.restoreState(old.saveState())
    _carry_over(old, new)
    if old.isVisible():
        new.setWindowState(old.windowState())
        new.show()
    _same_place_on_the_board(old, new)
    old.map_dock.shutdown()
    old.hide()  # not close(): closing asks about unsaved changes, and the tour is not being closed
    old.deleteLater()
    _current[:] = [new]
    return new


def _carry_over(old: QMainWindow, new: QMainWindow) -> None:
    """Objects whose life is the session's, not the window's, move to the new window."""
    new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, old.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose))
    if old.recovery is not None:
        old.recovery.setParent(new)
        old.recovery.failed.connect(new.statusBar().showMessage)
        new.recovery = old.recovery
    # The old boundary may be Python's exception hook: keep it (pointed at the new window), drop the new one.
    new.document.failed.disconnect(new.errors.report)
    new.errors.deleteLater()
    old.errors.setParent(new)
    old.errors.window = new
    new.errors = old.errors


def _same_place_on_the_board(old: QMainWindow, new: QMainWindow) -> None:
    """The selected card or cell, and the scroll position, as the user left them."""
    before, after = old.board, new.board
    current = before.currentIndex()
    if before.selected_activity:
        after.select_activity(before.selected_activity)
    elif current.isValid():
        after.select_cell(*before.board.slot(current))
    after.horizontalScrollBar().setValue(before.horizontalScrollBar().value())
    after.verticalScrollBar().setValue(before.verticalScrollBar().value())
