"""Nights on the board: a hotel line per cell, set by dropping a hotel or from its menu; one undo step each."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planner.model.site import Site
from tests.ui.board_helpers import cell_point, drop_site
from ui.board.card_layout import layout
from ui.board.board_model import NightRole, PlanRole

# Menus pop up: the offscreen platform can neither raise them nor let them grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")

MON, TUE, WED, FRI = (dt.date(2025, 2, d) for d in (24, 25, 26, 28))


@pytest.fixture
def inn(window):
    """A hotel of the catalogue, 30 km from the tour's sites."""
    site = Site(id="inn", name="西湖宾馆", kind="hotel", lat=30.5, lon=120.3, visit_minutes=0)
    window.document.catalogue.sites.append(site)
    return site


def night_point(board, group_id, date):
    idx = board.board.index_of(group_id, date)
    return layout(board.visualRect(idx), idx.data(PlanRole)).night.center()


def day(doc, gid, date):
    return doc.tour.group(gid).day(date)


def test_a_hotel_dropped_anywhere_on_a_cell_sets_the_night_instead_of_a_zero_minute_visit(window, inn):
    doc, board = window.document, window.board
    drop_site(board, "inn", cell_point(board, "g1", MON, below_card="v1"))
    assert [a.id for a in day(doc, "g1", MON).activities] == ["v1", "v2"]  # no visit to the hotel
    assert day(doc, "g1", MON).end == "inn" and doc.tour.site("inn") is not None
    plan = doc.schedule.plan("g1", MON)
    assert plan.end_site.id == "inn" and plan.final_leg.km > 20  # the drive to the hotel is planned
    assert board.board.index_of("g1", MON).data(NightRole).hotel == "西湖宾馆"
    assert "西湖宾馆" in doc.undo_stack.undoText()
    doc.undo_stack.undo()
    assert day(doc, "g1", MON).end == "hotel" and doc.tour.site("inn") is None


def test_the_night_line_menu_sets_the_same_hotel_for_the_following_nights_in_one_step(window, qtbot, inn):
    doc, board = window.document, window.board
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=night_point(board, "g2", MON))
    menu = window.authoring.menu
    assert menu is not None and menu.isVisible()
    labels = [a.text() for a in menu.actions()]
    assert any("酒店" in t for t in labels) and any("西湖宾馆" in t for t in labels)  # tour's and catalogue's
    following = next(a.menu() for a in menu.actions() if a.menu())
    next(a for a in following.actions() if "西湖宾馆" in a.text()).trigger()
    menu.close()
    nights = {d.date: d.end for d in doc.tour.group("g2").days}
    assert [nights[MON + dt.timedelta(days=i)] for i in range(4)] == ["inn"] * 4
    assert nights.get(FRI) is None                   # the tour's last day has no night
    assert day(doc, "g2", TUE).start == "inn"        # the next morning starts where the group slept
    assert not [p for p in doc.schedule.problems if p.code == "no-hotel" and p.group_id == "g2" and p.date >= MON]
    doc.undo_stack.undo()                            # one step undoes all four nights
    assert [d.date for d in doc.tour.group("g2").days] == [MON] and day(doc, "g2", MON).end == "hotel"


def test_the_night_line_shows_unset_nights_and_the_keyboard_opens_its_menu(window, qtbot, english):
    board = window.board
    idx = board.board.index_of("g1", TUE)
    assert idx.data(NightRole).hotel == "" and idx.data(NightRole).needed
    assert not board.board.index_of("g1", FRI).data(NightRole).needed
    board.select_cell("g1", TUE)
    window.activateWindow()
    qtbot.keyClick(board, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    menu = window.authoring.menu
    assert menu is not None and menu.isVisible()
    next(a for a in menu.actions() if a.text().startswith("酒店")).trigger()
    menu.close()
    assert day(window.document, "g1", TUE).end == "hotel"
    assert board.board.index_of("g1", TUE).data(NightRole).hotel == "酒店"


def test_a_check_in_stays_a_normal_activity_at_tonights_hotel(window, monkeypatch):
    from planner.model.tour import ActivityKind
    from ui.dialogs.activity_dialog import ActivityDialog

    monkeypatch.setattr(ActivityDialog, "exec", lambda d: (d.ok_button.click(), d.result())[1])
    window.board.select_activity("v2")
    new = window.authoring.add(ActivityKind.CHECKIN)
    acts = day(window.document, "g1", MON).activities
    assert acts[-1].id == new and (acts[-1].kind, acts[-1].site) == (ActivityKind.CHECKIN, "hotel")
    assert day(window.document, "g1", MON).end == "hotel"


def test_the_first_day_can_start_at_the_station_the_group_arrives_at(window):
    from tests.ui.test_board_add import right_click

    doc, board = window.document, window.board
    doc.catalogue.sites.append(Site(id="hzeast", name="杭州东站", kind="station", lat=30.29, lon=120.21))
    right_click(board, cell_point(board, "g2", MON))
    menu = window.authoring.menu
    start = next(a.menu() for a in menu.actions() if a.menu() and a.text() in ("Start the day from", "出发地点"))
    next(a for a in start.actions() if a.text() == "杭州东站").trigger()
    menu.close()
    assert day(doc, "g2", MON).start == "hzeast"
    assert doc.schedule.plan("g2", MON).entries[0].leg.km > 5     # it drives from the station
    doc.undo_stack.undo()
    assert day(doc, "g2", MON).start == "hotel" and doc.tour.site("hzeast") is None
