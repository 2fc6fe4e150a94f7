"""The selected day copied as WeChat text: from the Share menu (Ctrl+Shift+W) or a day's context menu, onto the
system clipboard, in the participant edition, and said in the status bar."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.model.people import PARTICIPANT_EDITION
from planner.render.day_message import day_message
from tests.ui.board_helpers import cell_point
from tests.ui.test_board_add import right_click

pytestmark = [pytest.mark.usefixtures("english"),
              pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")]

MON = dt.date(2025, 2, 24)


def test_ctrl_shift_w_copies_the_selected_day_as_the_participants_message(window, qtbot):
    QApplication.clipboard().setText("before")
    window.board.tourSelected.emit()
    assert not window.exports.share_text_action.isEnabled()
    window.board.select_cell("g2", MON)
    assert window.exports.share_text_action.isEnabled()
    window.activateWindow()
    qtbot.keyClick(window.board, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    expected = day_message(window.document.schedule, "g2", MON, PARTICIPANT_EDITION)
    assert QApplication.clipboard().text() == expected and expected.startswith("【")
    name = window.document.tour.group("g2").name
    assert window.statusBar().currentMessage() == f"Copied {name}, 2月24日（周一） as text: paste it into WeChat"


def test_a_days_context_menu_copies_it_and_an_empty_day_cannot_be(window, qtbot):
    board, doc = window.board, window.document
    right_click(board, cell_point(board, "g1", MON))
    [action] = [a for a in window.authoring.menu.actions() if a.text() == "Copy this day as WeChat text"]
    assert action.isEnabled()
    action.trigger()
    window.authoring.menu.close()
    assert QApplication.clipboard().text() == day_message(doc.schedule, "g1", MON, PARTICIPANT_EDITION)
    empty = next(d for d in doc.tour.dates() if doc.tour.group("g1").day(d) is None)
    right_click(board, cell_point(board, "g1", empty))
    [action] = [a for a in window.authoring.menu.actions() if a.text() == "Copy this day as WeChat text"]
    assert not action.isEnabled()
    window.authoring.menu.close()
