"""A new organizer's walk through the window (QA for issue 8): toolbar, nights, a known leg, a check-in,
then undo everything, redo everything, save and open again — and times an organizer would compute by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton

from tests.ui.board_helpers import answer_with, cell_point, drop_site, fill_g7501
from tests.ui.test_board_add import right_click
from tests.ui.test_build_from_scratch import menu_action, organizer_window  # noqa: F401 (fixture)
from ui.board.board_model import PlanRole
from ui.board.card_layout import layout
from ui.board.leg_dialog import LegDialog
from ui.dialogs.activity_dialog import ActivityDialog
from ui.dialogs.settings_dialog import TourSettingsDialog

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")

MON, TUE, WED = dt.date(2025, 2, 24), dt.date(2025, 2, 25), dt.date(2025, 2, 26)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def new_tour(window, monkeypatch):
    """File › New, then three days and a second group in Tour settings."""
    menu_action(window, QKeySequence.StandardKey.New)

    def settings(d):
        d.title_edit.setText("走查")
        d.shift_plan.setChecked(False)
        d.start_date.setDate(QDate(2025, 2, 24))
        d.end_date.setDate(QDate(2025, 2, 26))
        d.add_group()
    answer_with(monkeypatch, TourSettingsDialog, settings)
    menu_action(window, "Ctrl+,")


def toolbar(window) -> QToolBar:
    return window.findChild(QToolBar, "addToolbar")


def toolbar_button(window, shortcut: str) -> QToolButton:
    """The toolbar's button for the Insert-menu entry carrying `shortcut`."""
    bar = toolbar(window)
    action = next(a for a in bar.actions() if a.shortcut() == QKeySequence(shortcut))
    return bar.widgetForAction(action)


def click_cell(qtbot, board, group_id, date):
    board.select_activity(None)
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=cell_point(board, group_id, date))


def planned(doc) -> dict:
    """The tour as saved, less days left with nothing on them (an undone first activity leaves its empty day)."""
    data = doc.tour.model_dump(mode="json")
    for g in data["groups"]:
        g["days"] = [d for d in g["days"] if d["activities"] or d["start"] or d["end"]]
    return data


def timeline(doc):
    return [(g.id, d, [(e.depart, e.arrive, e.start, e.end, e.wait) for e in doc.schedule.plan(g.id, d).entries])
            for g in doc.tour.groups for d in doc.tour.dates() if doc.schedule.plan(g.id, d)]


def test_toolbar_nights_leg_then_undo_all_redo_all_save_and_open_again(organizer_window, qtbot, monkeypatch,
                                                                        tmp_path):
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    empty = planned(doc)
    steps_before = doc.undo_stack.index()

    # Monday: a lecture from the toolbar at the party school, pinned at 09:00; a meal; a visit far away
    def lecture(d):
        d.site_combo.set_site_id("party-school")
        d.pinned_check.setChecked(True)
        d.pinned_time.setTime(QTime(9, 0))
    answer_with(monkeypatch, ActivityDialog, lecture)
    click_cell(qtbot, board, "g1", MON)
    qtbot.mouseClick(toolbar_button(window, "Ctrl+Shift+L"), Qt.MouseButton.LeftButton)
    answer_with(monkeypatch, ActivityDialog, lambda d: None)
    qtbot.keyClick(board, Qt.Key.Key_M, CTRL_SHIFT)
    drop_site(board, "alibaba", cell_point(board, "g1", MON))
    lecture_entry, meal, visit = doc.schedule.plan("g1", MON).entries
    # by hand: the lecture 09:00 + 150 min; lunch held to the window's 11:30; the visit sets off when lunch ends
    assert (lecture_entry.start, lecture_entry.end) == (540, 690)
    assert meal.start == max(lecture_entry.end, 690) and meal.depart == lecture_entry.end
    assert visit.depart == meal.end and visit.arrive == visit.depart + visit.leg.minutes
    assert visit.start == visit.arrive and visit.wait == 0

    # every night in Hangzhou at once from group 1's Monday night line
    drop_site(board, "hz-hotel", cell_point(board, "g1", MON))
    assert doc.tour.group("g1").day(MON).end == "hz-hotel"

    # Tuesday: a rail transfer from the toolbar's Transfer menu, boarding at Hangzhou East at 10:00
    answer_with(monkeypatch, ActivityDialog, fill_g7501)
    click_cell(qtbot, board, "g1", TUE)
    transfer = next(w for w in toolbar(window).findChildren(QToolButton) if w.menu() is not None)
    rail = next(a for a in transfer.menu().actions() if a.shortcut() == QKeySequence("Ctrl+Shift+R"))
    rail.trigger()
    train_entry = doc.schedule.plan("g1", TUE).entries[0]
    assert (train_entry.start, train_entry.end) == (600, 635)
    assert train_entry.activity.mode.value == "rail" and train_entry.activity.service == "G7501"

    # Monday's leg to Alibaba is known from the coach company: 20 min, 12 km (a click on the leg line)
    def leg(d):
        d.minutes_spin.setValue(20)
        d.km_spin.setValue(12)
    answer_with(monkeypatch, LegDialog, leg)
    idx = board.board.index_of("g1", MON)
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton,
                     pos=layout(board.visualRect(idx), idx.data(PlanRole)).cards[2].leg.center())
    visit = doc.schedule.plan("g1", MON).entries[2]
    assert (visit.leg.minutes, visit.leg.known) == (20, True) and visit.arrive == visit.depart + 20

    built, built_times = doc.tour.model_dump(mode="json"), timeline(doc)
    steps = doc.undo_stack.index() - steps_before
    assert steps == 6  # lecture, meal, visit, night, train, leg: one undo step each

    for _ in range(steps):
        doc.undo_stack.undo()
    assert planned(doc) == empty
    for _ in range(steps):
        doc.undo_stack.redo()
    assert doc.tour.model_dump(mode="json") == built and timeline(doc) == built_times

    saved = tmp_path / "walk.tour.json"
    monkeypatch.setattr(window.files, "ask_save_path", lambda: saved)
    menu_action(window, QKeySequence.StandardKey.Save)
    menu_action(window, QKeySequence.StandardKey.New)
    assert doc.tour.model_dump(mode="json") != built
    monkeypatch.setattr(window.files, "ask_open_path", lambda: saved)
    menu_action(window, QKeySequence.StandardKey.Open)
    assert doc.tour.model_dump(mode="json") == built and timeline(doc) == built_times
    assert not doc.modified


def test_a_check_in_at_a_hotel_on_a_night_without_one_sets_the_night_in_the_same_step(organizer_window, qtbot,
                                                                                        monkeypatch):
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    answer_with(monkeypatch, ActivityDialog, lambda d: d.site_combo.set_site_id("hz-hotel"))
    click_cell(qtbot, board, "g1", MON)
    before = doc.undo_stack.index()
    qtbot.keyClick(board, Qt.Key.Key_I, CTRL_SHIFT)
    assert [a.kind.value for a in doc.tour.group("g1").day(MON).activities] == ["checkin"]
    assert doc.tour.group("g1").day(MON).end == "hz-hotel"
    assert not [p for p in doc.schedule.problems if p.code == "no-hotel" and p.group_id == "g1"
                and p.date == MON]
    assert doc.undo_stack.index() == before + 1
    doc.undo_stack.undo()
    assert doc.tour.group("g1").day(MON) is None   # the day the check-in made goes with it


def test_a_check_in_elsewhere_leaves_a_chosen_night_alone(organizer_window, qtbot, monkeypatch):
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    drop_site(board, "yw-hotel", cell_point(board, "g1", MON))
    answer_with(monkeypatch, ActivityDialog, lambda d: d.site_combo.set_site_id("hz-hotel"))
    click_cell(qtbot, board, "g1", MON)
    qtbot.keyClick(board, Qt.Key.Key_I, CTRL_SHIFT)
    assert doc.tour.group("g1").day(MON).end == "yw-hotel"


def test_changing_a_card_at_a_hotel_to_a_check_in_sets_the_night(organizer_window, qtbot, monkeypatch):
    """Issue 8's defect: a hotel card changed to 入住 still said "未指定当晚住宿"."""
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    answer_with(monkeypatch, ActivityDialog, lambda d: d.site_combo.set_site_id("hz-hotel"))
    click_cell(qtbot, board, "g1", MON)
    qtbot.keyClick(board, Qt.Key.Key_Insert)  # a visit, placed at the hotel
    card = doc.tour.group("g1").day(MON).activities[0]
    assert doc.tour.group("g1").day(MON).end is None

    def to_check_in(d):
        d.kind_combo.setCurrentIndex(d.kind_combo.findData("checkin"))
        d.site_combo.set_site_id("hz-hotel")
    answer_with(monkeypatch, ActivityDialog, to_check_in)
    window.authoring.edit(card.id)
    assert doc.tour.group("g1").day(MON).activities[0].kind.value == "checkin"
    assert doc.tour.group("g1").day(MON).end == "hz-hotel"
    assert not [p for p in doc.schedule.problems if p.code == "no-hotel" and p.group_id == "g1" and p.date == MON]
    doc.undo_stack.undo()
    assert doc.tour.group("g1").day(MON).end is None
    assert doc.tour.group("g1").day(MON).activities[0].kind.value == "visit"


HOSTILE = "<b>粗</b><img src=x> P&G"


def test_names_in_the_leg_dialog_and_the_boards_menus_show_as_typed(organizer_window, qtbot, monkeypatch):
    """Rich text and '&' (a menu's shortcut marker: "P&G" showed as "PG") never change how a name reads."""
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    doc.catalogue.get("hz-hotel").name = HOSTILE
    doc.tour.groups[1].name = HOSTILE
    dialog = LegDialog(HOSTILE, "义乌站", 30, 12.0, False)
    heading = next(label for label in dialog.findChildren(QLabel) if "义乌站" in label.text())
    assert heading.textFormat() == Qt.TextFormat.PlainText and heading.text() == f"{HOSTILE} → 义乌站"

    click_cell(qtbot, board, "g1", MON)
    window.authoring.night_from_keyboard()
    night_menu = window.authoring.menu
    shown = [a.iconText() for a in night_menu.actions()]
    assert any(text.startswith(HOSTILE) for text in shown), shown
    next(a for a in night_menu.actions() if a.iconText().startswith(HOSTILE)).trigger()
    night_menu.close()
    assert doc.tour.group("g1").day(MON).end == "hz-hotel"

    right_click(board, cell_point(board, "g1", MON))
    to_group = next(a.menu() for a in window.authoring.menu.actions() if a.menu() and a.menu().objectName() ==
                    "copyDayToGroup")
    assert [a.iconText() for a in to_group.actions()] == [HOSTILE]
    window.authoring.menu.close()


def test_the_night_menu_ticks_tonights_hotel(organizer_window, qtbot, monkeypatch):
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    drop_site(board, "yw-hotel", cell_point(board, "g1", MON))
    click_cell(qtbot, board, "g1", MON)
    window.authoring.night_from_keyboard()
    menu = window.authoring.menu
    ticked = [a.text() for a in menu.actions() if a.isChecked()]
    menu.close()
    assert len(ticked) == 1 and ticked[0].startswith("义乌宾王饭店")


def shown_on_button(text: str) -> str:
    """What a menu entry, check box or button shows: a single '&' marks the shortcut letter, '&&' is '&'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_group_names_with_an_ampersand_show_whole_in_the_handbook_dialog(qtbot, tmp_path):
    from tests.builders import day, group, site, tour, visit
    from ui.exports.export_dialog import ExportDialog

    named = tour(group("g1", day("2025-02-24", visit("mill", id="v1")), name=HOSTILE), sites=[site("mill", "厂")])
    dialog = ExportDialog(named, tmp_path)
    qtbot.addWidget(dialog)
    assert shown_on_button(dialog.group_boxes["g1"].text()) == HOSTILE


def test_a_rail_transfer_from_a_cards_right_click_menu_goes_after_that_card(organizer_window, qtbot, monkeypatch):
    from tests.ui.test_board_add import choose

    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    answer_with(monkeypatch, ActivityDialog, lambda d: None)
    click_cell(qtbot, board, "g1", TUE)
    qtbot.keyClick(board, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.keyClick(board, Qt.Key.Key_F, CTRL_SHIFT)
    meal = doc.tour.group("g1").day(TUE).activities[0]
    seen = []

    def train(d):
        seen.append(d.mode_combo.currentData())
        d.origin_combo.set_site_id("hzeast")
        d.site_combo.set_site_id("yiwu-st")
        d.service_edit.setText("G7501")
    answer_with(monkeypatch, ActivityDialog, train)
    right_click(board, board.card_center(meal.id))
    choose(window.authoring.menu, "add-transfer-rail").trigger()
    window.authoring.menu.close()
    kinds = [a.kind.value for a in doc.tour.group("g1").day(TUE).activities]
    assert seen == ["rail"] and kinds == ["meal", "transfer", "free"]
    meal_entry, train_entry = doc.schedule.plan("g1", TUE).entries[:2]
    assert train_entry.activity.service == "G7501" and train_entry.depart == meal_entry.end


def test_a_station_dropped_on_a_cell_starts_a_transfer_boarding_there_not_a_zero_minute_visit(
        organizer_window, qtbot, monkeypatch):
    """Like a hotel (which sets the night), a station is no teaching site: dropping 杭州东站 asks for the train."""
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    seen = []

    def train(d):
        seen.append((d.mode_combo.currentData(), d.origin_combo.site_id()))
        d.site_combo.set_site_id("yiwu-st")
        d.service_edit.setText("G7501")
    answer_with(monkeypatch, ActivityDialog, train)
    before = doc.undo_stack.index()
    drop_site(board, "hzeast", cell_point(board, "g1", MON))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("rail", "hzeast")]
    acts = doc.tour.group("g1").day(MON).activities
    assert [(a.kind.value, a.origin, a.site, a.service) for a in acts] == [("transfer", "hzeast", "yiwu-st", "G7501")]
    assert doc.schedule.plan("g1", MON).visits == 0 and doc.undo_stack.index() == before + 1

    monkeypatch.setattr(ActivityDialog, "exec", lambda d: 0)  # changing one's mind adds nothing
    drop_site(board, "hzeast", cell_point(board, "g1", TUE))
    qtbot.wait(20)
    assert doc.tour.group("g1").day(TUE) is None or not doc.tour.group("g1").day(TUE).activities


def test_an_airport_boards_a_flight_and_a_railway_station_a_train():
    from planner.model.site import Site
    from ui.board.new_activity import boarding_mode

    def station(name):
        return Site(id="s", name=name, kind="station", lat=30.0, lon=120.0)
    assert boarding_mode(station("杭州萧山国际机场")).value == "flight"
    assert boarding_mode(station("Hangzhou Xiaoshan International Airport")).value == "flight"
    assert boarding_mode(station("杭州东站")).value == "rail"


def test_the_whole_acceptance_tour_undoes_to_nothing_and_redoes_to_the_same_check(organizer_window, qtbot,
                                                                                   monkeypatch, tmp_path, capsys):
    """Every step of the from-scratch build (settings, catalogue form, drops, menus, keys) undoes and redoes."""
    from planner.io.fileformat import save_tour
    from tests.ui.test_build_from_scratch import check_json, test_build_a_two_group_three_day_tour_from_an_empty_window

    test_build_a_two_group_three_day_tour_from_an_empty_window(organizer_window, qtbot, monkeypatch, tmp_path,
                                                               capsys)
    doc = organizer_window.document
    built = tmp_path / "built.tour.json"
    stack = doc.undo_stack
    steps, sites = stack.index(), len(doc.catalogue.sites)
    while stack.canUndo():
        stack.undo()
    assert not any(d.activities or d.end for g in doc.tour.groups for d in g.days)
    assert len(doc.catalogue.sites) == sites - 1  # the market made in the catalogue form is gone too
    while stack.canRedo():
        stack.redo()
    assert stack.index() == steps and len(doc.catalogue.sites) == sites
    again = tmp_path / "again.tour.json"
    save_tour(doc.tour, again)
    assert check_json(again, capsys) == check_json(built, capsys)


def test_copying_over_planned_days_says_what_it_replaced_and_how_to_get_it_back(organizer_window, qtbot,
                                                                              monkeypatch, english):
    window = organizer_window
    doc, board = window.document, window.board
    new_tour(window, monkeypatch)
    answer_with(monkeypatch, ActivityDialog, lambda d: None)
    for gid in ("g1", "g2"):
        click_cell(qtbot, board, gid, MON)
        qtbot.keyClick(board, Qt.Key.Key_M, CTRL_SHIFT)
        qtbot.keyClick(board, Qt.Key.Key_F, CTRL_SHIFT)
    window.authoring.actions.copy_day(("g1", MON), ("g2", MON))
    said = window.statusBar().currentMessage()
    assert "2" in said and doc.tour.groups[1].name in said and "Ctrl+Z" in said
    window.statusBar().clearMessage()
    click_cell(qtbot, board, "g1", TUE)
    qtbot.keyClick(board, Qt.Key.Key_M, CTRL_SHIFT)
    window.authoring.actions.copy_route("g1", "g2")
    said = window.statusBar().currentMessage()
    assert "2" in said and doc.tour.groups[1].name in said and "Ctrl+Z" in said
    window.statusBar().clearMessage()
    window.authoring.actions.copy_day(("g1", TUE), ("g1", WED))  # nothing was planned there: nothing to say
    assert window.statusBar().currentMessage() == ""
