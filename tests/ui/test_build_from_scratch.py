"""Acceptance: an organizer builds a 2-group, 3-day tour from File › New with window actions only, saves it,
and `check --json` of the saved file equals that of the same tour written by hand.

Hotels for every night, a joint opening lecture, a meal each day, a rail transfer, a new site made in the
catalogue's add-site dialog. Modal dialogs answer through their widgets (their exec is replaced by a user
who fills them and presses OK); menus are popped up by the board and their entries triggered.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtGui import QKeySequence

from planner.cli import run_command
from planner.model.site import Catalogue, Site
from planner.model.tour import Tour
from planner.io.fileformat import save_tour
from tests.ui.board_helpers import answer_with, cell_point, drop_site, fill_g7501
from tests.ui.test_board_add import choose, right_click
from ui.board.board_model import PlanRole
from ui.board.card_layout import layout
from ui.dialogs.activity_dialog import ActivityDialog
from ui.dialogs.settings_dialog import TourSettingsDialog

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")

MON, TUE, WED = dt.date(2025, 2, 24), dt.date(2025, 2, 25), dt.date(2025, 2, 26)
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)

CATALOGUE = [
    {"id": "hz-hotel", "name": "杭州西湖宾馆", "kind": "hotel", "city": "杭州市", "lat": 30.2590, "lon": 120.1480,
     "visit_minutes": 0},
    {"id": "yw-hotel", "name": "义乌宾王饭店", "kind": "hotel", "city": "义乌市", "lat": 29.3070, "lon": 120.0760,
     "visit_minutes": 0},
    {"id": "party-school", "name": "浙江省委党校", "kind": "venue", "city": "杭州市", "lat": 30.3000,
     "lon": 120.0900, "max_groups": 2},
    {"id": "alibaba", "name": "阿里巴巴西溪园区", "kind": "enterprise", "lat": 30.2810, "lon": 120.0210,
     "visit_minutes": 90},
    {"id": "geely", "name": "吉利汽车研究院", "kind": "enterprise", "lat": 30.3300, "lon": 120.2600},
    {"id": "hzeast", "name": "杭州东站", "kind": "station", "lat": 30.2910, "lon": 120.2130, "visit_minutes": 0},
    {"id": "yiwu-st", "name": "义乌站", "kind": "station", "lat": 29.3740, "lon": 120.0790, "visit_minutes": 0},
]
MARKET = {"name": "义乌国际商贸城", "kind": "enterprise", "city": "义乌市", "lat": 29.3315, "lon": 120.1093,
          "visit_minutes": 120, "max_groups": 1}


def reference() -> Tour:
    """The same tour, typed by hand."""
    lecture = {"kind": "lecture", "site": "party-school", "title": "开班式暨专题讲座", "pinned": "09:00",
               "joint": "开班"}
    rail = {"kind": "transfer", "mode": "rail", "origin": "hzeast", "site": "yiwu-st", "service": "G7501",
            "pinned": "10:00", "minutes": 35}
    meal, free = {"kind": "meal"}, {"kind": "free"}

    def days(visit_site: str) -> list[dict]:
        return [{"date": "2025-02-24", "end": "hz-hotel",
                 "activities": [lecture, meal, {"kind": "visit", "site": visit_site}]},
                {"date": "2025-02-25", "start": "hz-hotel", "end": "yw-hotel",
                 "activities": [rail, meal, {"kind": "visit", "site": "market"}]},
                {"date": "2025-02-26", "start": "yw-hotel", "activities": [meal, free]}]

    return Tour.model_validate({
        "title": "浙江产业发展专题培训班", "start_date": "2025-02-24", "end_date": "2025-02-26",
        "groups": [{"id": "g1", "name": "第一组", "colour": "#d62728", "days": days("alibaba")},
                   {"id": "g2", "name": "第二组", "colour": "#1f77b4", "days": days("geely")}],
        "sites": [*CATALOGUE, {"id": "market", **MARKET}]})


def check_json(path, capsys) -> dict:
    """`study-tour check --json`, with ids replaced by what they stand for (ids are the file's own business)."""
    capsys.readouterr()
    run_command(["check", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    tour = json.loads(path.read_text(encoding="utf-8"))
    names = {s["id"]: s["name"] for s in tour["sites"]}
    places = {a["id"]: f"{g['id']}/{d['date']}/{i}" for g in tour["groups"] for d in g["days"]
              for i, a in enumerate(d["activities"])}

    def norm(value, key=""):
        if isinstance(value, dict):
            return {k: norm(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [norm(v, key) for v in value]
        if key in ("activity", "activities") and isinstance(value, str):
            return places.get(value, value)
        if key in ("site", "start_site", "end_site", "to") and isinstance(value, str):
            return names.get(value, value)
        return value

    return {"days": norm(out["days"]), "problems": norm(out["problems"])}


@pytest.fixture
def organizer_window(qtbot, isolated_settings, monkeypatch):
    from ui.document import TourDocument
    from ui.main_window import MainWindow

    catalogue = Catalogue(sites=[Site.model_validate(s) for s in CATALOGUE])
    win = MainWindow(TourDocument(catalogue=catalogue), isolated_settings, map_view_class=None)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def menu_action(window, shortcut) -> None:
    """Trigger the menu-bar entry that carries `shortcut`, as a click in the menu does."""
    wanted = QKeySequence(shortcut)

    def walk(actions):
        for a in actions:
            if a.menu() is not None:
                yield from walk(a.menu().actions())
            elif a.shortcut() == wanted:
                yield a
    next(walk(window.menuBar().actions())).trigger()


def test_build_a_two_group_three_day_tour_from_an_empty_window(organizer_window, qtbot, monkeypatch, tmp_path,
                                                              capsys):
    window = organizer_window
    doc, board = window.document, window.board

    def keys(key, modifiers):
        qtbot.keyClick(board, key, modifiers)

    def click(point: QPoint, modifiers=Qt.KeyboardModifier.NoModifier):
        qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, modifiers, point)

    def pick_in_menu(text, submenu=None):
        menu = window.authoring.menu
        if submenu is not None:
            menu = next(a.menu() for a in menu.actions() if a.menu() and a.text() == submenu)
        next(a for a in menu.actions() if text in a.text()).trigger()
        window.authoring.menu.close()

    def night_line(group_id, date):
        idx = board.board.index_of(group_id, date)
        return layout(board.visualRect(idx), idx.data(PlanRole)).night.center()

    def activities(group_id, date):
        return doc.tour.group(group_id).day(date).activities

    # File › New, then the tour's title, dates and a second group in Tour settings
    menu_action(window, QKeySequence.StandardKey.New)

    def settings(d):
        d.title_edit.setText("浙江产业发展专题培训班")
        d.shift_plan.setChecked(False)
        d.start_date.setDate(QDate(2025, 2, 24))
        d.end_date.setDate(QDate(2025, 2, 26))
        row = d.add_group()
        d.groups_model.setData(d.groups_model.index(row, 0), "第二组", Qt.ItemDataRole.EditRole)
    answer_with(monkeypatch, TourSettingsDialog, settings)
    menu_action(window, "Ctrl+,")
    assert [g.id for g in doc.tour.groups] == ["g1", "g2"] and len(doc.tour.dates()) == 3

    # Monday, group 1: the joint opening lecture at a catalogue venue (cell menu), a meal (keyboard), a visit (drop)
    def lecture(d):
        d.site_combo.set_site_id("party-school")
        d.title_edit.setText("开班式暨专题讲座")
        d.pinned_check.setChecked(True)
        d.pinned_time.setTime(QTime(9, 0))
        d.joint_combo.setCurrentText("开班")
    answer_with(monkeypatch, ActivityDialog, lecture)
    right_click(board, cell_point(board, "g1", MON))
    choose(window.authoring.menu, "add-lecture").trigger()
    window.authoring.menu.close()
    answer_with(monkeypatch, ActivityDialog, lambda d: None)
    keys(Qt.Key.Key_M, CTRL | SHIFT)
    drop_site(board, "alibaba", cell_point(board, "g1", MON))
    opening, lunch = (a.id for a in activities("g1", MON)[:2])

    # group 2 takes the same lecture and meal: multi-select, Ctrl+C, Ctrl+V; its own visit by a drop
    click(board.card_center(opening))
    click(board.card_center(lunch), CTRL)
    keys(Qt.Key.Key_C, CTRL)
    board.select_activity(None)
    click(cell_point(board, "g2", MON))
    keys(Qt.Key.Key_V, CTRL)
    drop_site(board, "geely", cell_point(board, "g2", MON))

    # Monday nights: a hotel dropped on group 1's cell; group 2's night line, "the following nights too"
    drop_site(board, "hz-hotel", cell_point(board, "g1", MON, below_card=opening))
    click(night_line("g2", MON))
    pick_in_menu("杭州西湖宾馆", submenu=window.authoring.menus.tr("Same hotel for the following nights"))

    # Tuesday, group 1: the train to Yiwu (keyboard), lunch, a market made in the catalogue's add-site dialog
    answer_with(monkeypatch, ActivityDialog, fill_g7501)
    board.select_activity(None)
    click(cell_point(board, "g1", TUE))
    keys(Qt.Key.Key_R, CTRL | SHIFT)
    answer_with(monkeypatch, ActivityDialog, lambda d: None)
    keys(Qt.Key.Key_M, CTRL | SHIFT)

    window.catalogue_dock.add_button.click()
    dialog = window.catalogue_dock.dialog
    dialog.name_edit.setText(MARKET["name"])
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(MARKET["kind"]))
    dialog.city_edit.setText(MARKET["city"])
    dialog.lat_edit.setText(str(MARKET["lat"]))
    dialog.lon_edit.setText(str(MARKET["lon"]))
    dialog.minutes_spin.setValue(MARKET["visit_minutes"])
    dialog.max_groups_spin.setValue(MARKET["max_groups"])
    dialog.ok_button.click()
    market = next(s for s in doc.catalogue.sites if s.name == MARKET["name"])
    drop_site(board, market.id, cell_point(board, "g1", TUE))

    # Tuesday night in Yiwu from the night line's menu; then the whole day copied to group 2 from the card menu
    click(night_line("g1", TUE))
    pick_in_menu("义乌宾王饭店")
    right_click(board, board.card_center(activities("g1", TUE)[0].id))
    pick_in_menu("第二组", submenu=window.authoring.menus.tr("Copy this day to group"))

    # Wednesday, the last day: lunch and free time for group 1, then Copy day / Paste day to group 2
    board.select_activity(None)
    click(cell_point(board, "g1", WED))
    keys(Qt.Key.Key_M, CTRL | SHIFT)
    keys(Qt.Key.Key_F, CTRL | SHIFT)
    board.select_activity(None)
    click(cell_point(board, "g1", WED))
    keys(Qt.Key.Key_C, CTRL | ALT)
    click(cell_point(board, "g2", WED))
    keys(Qt.Key.Key_V, CTRL | ALT)

    # Save with File › Save (the file dialog is the machine boundary: it answers with a path)
    saved = tmp_path / "built.tour.json"
    monkeypatch.setattr(window.files, "ask_save_path", lambda: saved)
    menu_action(window, QKeySequence.StandardKey.Save)
    assert saved.exists() and not doc.modified

    # what the organizer sees is what was meant: every night set, the train pinned, the lecture joint
    assert not [p for p in doc.schedule.problems if p.code in ("no-hotel", "start-mismatch")]
    train_entry = doc.schedule.plan("g2", TUE).entries[0]
    assert (train_entry.start, train_entry.end) == (600, 635)
    assert [a.joint for g in ("g1", "g2") for a in activities(g, MON)] == ["开班", None, None] * 2

    expected = tmp_path / "reference.tour.json"
    save_tour(reference(), expected)
    built, wanted = check_json(saved, capsys), check_json(expected, capsys)
    assert built["days"] == wanted["days"]
    assert built["problems"] == wanted["problems"]
    # both groups reach the market at once and it takes one: the same error in both, with the same words
    assert [p["code"] for p in built["problems"]] == ["over-capacity-groups"]
