"""Any activity can be added from the board's menus, the toolbar or the keyboard; none needs a site first."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from planner.model.site import Site
from planner.model.tour import ActivityKind, TransferMode
from tests.ui.board_helpers import cell_point
from ui.dialogs.activity_dialog import ActivityDialog

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")

MON, TUE = dt.date(2025, 2, 24), dt.date(2025, 2, 25)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def accept(monkeypatch):
    """The activity dialog answers as a user would: `fill(dialog)` then OK. Records the dialogs seen."""
    seen = []

    def use(fill=lambda d: None):
        def answer(dialog):
            seen.append(dialog)
            fill(dialog)
            dialog.ok_button.click()
            return dialog.result()
        monkeypatch.setattr(ActivityDialog, "exec", answer)
        return seen
    return use


def right_click(board, point: QPoint):
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, board.viewport().mapToGlobal(point))
    QApplication.sendEvent(board.viewport(), event)


def choose(menu, name):
    for action in menu.actions():
        if action.objectName() == name:
            return action
        if action.menu() and (found := choose(action.menu(), name)):
            return found
    return None


def test_a_lecture_from_an_empty_cells_menu_happens_where_the_group_is(window, accept):
    accept()
    board, doc = window.board, window.document
    right_click(board, cell_point(board, "g2", TUE))
    choose(window.authoring.menu, "add-lecture").trigger()
    window.authoring.menu.close()
    act = doc.tour.group("g2").day(TUE).activities[0]
    assert (act.kind, act.site, act.minutes) == (ActivityKind.LECTURE, None, None)
    entry = doc.schedule.plan("g2", TUE).entries[0]
    assert entry.duration == 150 and entry.site.id == "hotel"   # where the group slept
    assert board.selected_activity == act.id
    doc.undo_stack.undo()
    assert doc.tour.group("g2").day(TUE) is None   # the day made for the lecture goes with it


def test_a_meal_from_a_cards_menu_goes_where_it_was_asked(window, accept):
    seen = accept()
    board, doc = window.board, window.document
    right_click(board, board.card_center("v1") + QPoint(0, 12))   # lower half of the first card
    choose(window.authoring.menu, "add-meal").trigger()
    window.authoring.menu.close()
    acts = doc.tour.group("g1").day(MON).activities
    assert [a.kind for a in acts] == [ActivityKind.VISIT, ActivityKind.MEAL, ActivityKind.VISIT]
    assert doc.schedule.plan("g1", MON).entries[1].duration == 60
    assert seen[0].windowTitle() in ("New activity", "新建活动")


def test_keyboard_adds_after_the_selected_card_and_the_insert_menu_lists_every_kind(window, qtbot, accept):
    accept(lambda d: d.title_edit.setText("座谈：营商环境"))
    board, doc = window.board, window.document
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=board.card_center("v1"))
    window.activateWindow()
    qtbot.keyClick(board, Qt.Key.Key_K, CTRL_SHIFT)
    acts = doc.tour.group("g1").day(MON).activities
    assert [(a.kind, a.title) for a in acts][1] == (ActivityKind.DISCUSSION, "座谈：营商环境")
    insert = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().title() in ("&Insert", "插入(&I)"))
    assert len([a for a in insert.actions() if a.shortcut().toString()]) >= 6


def test_a_rail_transfer_boards_at_a_catalogue_station_in_one_undo_step(window, qtbot, accept):
    doc = window.document
    doc.catalogue.sites += [Site(id="hzeast", name="杭州东站", kind="station", lat=30.29, lon=120.21),
                            Site(id="yiwu", name="义乌站", kind="station", lat=29.33, lon=120.08)]

    def fill(d):
        assert d.transfer_box.isVisibleTo(d) and d.mode_combo.currentData() == "rail"
        d.origin_combo.set_site_id("hzeast")
        d.site_combo.set_site_id("yiwu")
        d.service_edit.setText("G7501")
        d.pinned_check.setChecked(True)
        d.pinned_time.setTime(QTime(14, 5))
        d.minutes_spin.setValue(35)
    accept(fill)
    window.board.select_cell("g2", TUE)
    window.activateWindow()
    qtbot.keyClick(window.board, Qt.Key.Key_R, CTRL_SHIFT)
    act = doc.tour.group("g2").day(TUE).activities[0]
    assert (act.kind, act.mode, act.origin, act.site, act.service, act.pinned, act.minutes) == (
        ActivityKind.TRANSFER, TransferMode.RAIL, "hzeast", "yiwu", "G7501", dt.time(14, 5), 35)
    assert {"hzeast", "yiwu"} <= {s.id for s in doc.tour.sites}
    entry = doc.schedule.plan("g2", TUE).entries[0]
    assert entry.start == 14 * 60 + 5 and entry.end == 14 * 60 + 40
    doc.undo_stack.undo()
    assert doc.tour.site("hzeast") is None and doc.tour.site("yiwu") is None


def test_without_a_chosen_day_adding_says_what_to_do(window, accept):
    accept()
    window.board.setCurrentIndex(window.board.board.index(-1, -1))
    window.board.select_activity(None)
    assert window.authoring.add(ActivityKind.MEAL) is None
    assert window.statusBar().currentMessage() != ""
