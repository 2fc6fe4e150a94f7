"""Copy and reuse on the board: multi-select, copy/paste, duplicate, a whole day or route; one undo step each."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planner.model.edits import Slot
from tests.ui.test_board_add import choose, right_click
from tests.ui.board_helpers import cell_point

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")

MON, TUE = dt.date(2025, 2, 24), dt.date(2025, 2, 25)
CTRL = Qt.KeyboardModifier.ControlModifier


def acts(doc, gid, date):
    d = doc.tour.group(gid).day(date)
    return d.activities if d else []


def click(qtbot, board, activity_id, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, modifier, board.card_center(activity_id))


def test_ctrl_click_selects_several_cards_and_ctrl_c_ctrl_v_pastes_them_as_one_step(window, qtbot):
    board, doc = window.board, window.document
    click(qtbot, board, "v1")
    click(qtbot, board, "w2", CTRL)
    assert board.selected_activities == ["v1", "w2"]
    window.activateWindow()
    qtbot.keyClick(board, Qt.Key.Key_C, CTRL)
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=cell_point(board, "g1", TUE))
    qtbot.keyClick(board, Qt.Key.Key_V, CTRL)
    pasted = acts(doc, "g1", TUE)
    assert [a.site for a in pasted] == ["mill", "hall"]
    assert not {a.id for a in pasted} & {"v1", "v2", "w1", "w2"}
    assert [e.activity.site for e in doc.schedule.plan("g1", TUE).entries] == ["mill", "hall"]
    doc.undo_stack.undo()
    assert acts(doc, "g1", TUE) == []


def test_shift_click_selects_a_run_and_delete_removes_it_in_one_step(window, qtbot):
    board, doc = window.board, window.document
    click(qtbot, board, "w1")
    click(qtbot, board, "w2", Qt.KeyboardModifier.ShiftModifier)
    assert board.selected_activities == ["w1", "w2"]
    qtbot.keyClick(board, Qt.Key.Key_Delete)
    assert acts(doc, "g2", MON) == []
    doc.undo_stack.undo()
    assert [a.id for a in acts(doc, "g2", MON)] == ["w1", "w2"]


def test_ctrl_d_duplicates_right_after_and_a_joint_tag_is_not_duplicated_in_the_same_group(window, qtbot):
    board, doc = window.board, window.document
    acts(doc, "g1", MON)[0].joint = "开班"
    click(qtbot, board, "v1")
    window.activateWindow()
    qtbot.keyClick(board, Qt.Key.Key_D, CTRL)
    day = acts(doc, "g1", MON)
    assert [a.site for a in day] == ["mill", "mill", "lab"]
    assert day[1].id not in ("v1", "v2") and day[1].joint is None
    assert board.selected_activity == day[1].id


def test_copy_a_day_to_another_group_from_the_menu_keeps_joint_sessions(window):
    board, doc = window.board, window.document
    acts(doc, "g1", MON)[0].joint = "开班"
    right_click(board, board.card_center("v2"))
    menu = window.authoring.menu
    to_group = next(a.menu() for a in menu.actions() if a.menu() and a.text() in ("Copy this day to group",
                                                                                  "复制本日到小组"))
    next(a for a in to_group.actions() if a.text() == "第二组").trigger()
    menu.close()
    assert [(a.site, a.joint) for a in acts(doc, "g2", MON)] == [("mill", "开班"), ("lab", None)]
    doc.undo_stack.undo()
    assert [a.id for a in acts(doc, "g2", MON)] == ["w1", "w2"]


def test_copy_day_then_paste_day_on_another_date_and_copy_a_whole_route(window, qtbot):
    board, doc = window.board, window.document
    board.select_cell("g1", MON)
    window.activateWindow()
    qtbot.keyClick(board, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.AltModifier)
    board.select_activity(None)
    board.select_cell("g1", TUE)
    qtbot.keyClick(board, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.AltModifier)
    assert [a.site for a in acts(doc, "g1", TUE)] == ["mill", "lab"]
    right_click(board, cell_point(board, "g1", TUE))
    route = next(a.menu() for a in window.authoring.menu.actions()
                 if a.menu() and a.text() in ("Copy this group's whole route to", "复制本组全部行程到"))
    route.actions()[0].trigger()
    window.authoring.menu.close()
    assert [(d.date, [a.site for a in d.activities]) for d in doc.tour.group("g2").days] == [
        (MON, ["mill", "lab"]), (TUE, ["mill", "lab"])]
    doc.undo_stack.undo()
    assert [a.id for a in acts(doc, "g2", MON)] == ["w1", "w2"] and doc.tour.group("g2").day(TUE) is None
    assert choose(window.authoring.menu, "add-lecture") is not None


def test_pasting_an_empty_day_or_activities_whose_site_is_gone_changes_nothing(window):
    doc, clipboard = window.document, window.authoring.clipboard
    clipboard.copy_day("g1", TUE)                  # nothing planned on Tuesday
    assert not clipboard.paste_day("g2", MON)
    clipboard.copy(["v1"])
    clipboard.clips[0].activity.site = "gone"      # a site neither the tour nor the catalogue knows
    assert clipboard.paste(Slot("g2", MON, 0)) == []
    assert doc.undo_stack.count() == 0


def test_redo_after_undo_brings_back_the_same_pasted_ids(window):
    doc, clipboard = window.document, window.authoring.clipboard
    clipboard.copy(["v1", "v2"])
    ids = clipboard.paste(Slot("g2", TUE, 0))
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert [a.id for a in acts(doc, "g2", TUE)] == ids
    assert [e.activity.id for e in doc.schedule.plan("g2", TUE).entries] == ids
