"""The tour settings dialog, driven through its widgets; the checks are on the Tour it hands back."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QLineEdit, QMessageBox, QSpinBox

from planner.render.labels import short_date
from planner.model.tour import GROUP_COLOURS
from tests.builders import day, group, site, tour, visit
from ui.dialogs.groups_model import COLOUR, HEADCOUNT, NAME, GroupsModel
from ui.i18n import lang
from ui.dialogs.settings_dialog import TourSettingsDialog

D = dt.date


def two_groups():
    """g1 plans 24 Feb (1 visit) and 28 Feb (2 visits); g2 has an empty 27 Feb and a visit on 25 Feb."""
    return tour(group("g1", day("2025-02-24", visit("a")), day("2025-02-28", visit("a"), visit("b")),
                      name="第一组"),
                group("g2", day("2025-02-25", visit("b")), day("2025-02-27"), name="第二组"),
                sites=[site("a"), site("b")])


@pytest.fixture
def open_dialog(qtbot):
    def make(t):
        dlg = TourSettingsDialog(t)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        return dlg
    return make


@pytest.fixture
def answer(monkeypatch):
    """Answer every QMessageBox.question with `reply`; records the questions asked."""
    asked: list[str] = []

    def set_reply(reply):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return reply
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        return asked
    return set_reply


def dates_of(t, gid):
    return {d.date: [a.id for a in d.activities] for d in t.group(gid).days}


def set_date(edit, date):
    edit.setDate(QDate(date.year, date.month, date.day))


def type_into_cell(qtbot, view, row, column, text):
    """Edit a cell the way a user does: open its editor, type, press Enter (QTest types ASCII only)."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, (QLineEdit, QSpinBox))
    line = editor if isinstance(editor, QLineEdit) else editor.findChild(QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)   # the delegate commits from the event loop


def test_accept_without_changes_gives_an_equal_tour(open_dialog):
    t = tour(group("g1", day("2025-02-24", visit("a", minutes=50, pinned="09:30")), name="第一组"),
             sites=[site("a")], organizer="省委组织部", notes="统一着装", revision="v3",
             travel={"road_factor": 1.275, "speed_kmh": 80, "station_minutes": 20, "airport_minutes": 100},
             lunch_minutes=60)
    dlg = open_dialog(t)
    assert dlg.ok_button.isEnabled()
    dlg.ok_button.click()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.result_tour() == t
    assert dlg.result_tour() is not t


def test_the_open_tour_is_not_touched(open_dialog, qtbot):
    t = two_groups()
    before = t.model_copy(deep=True)
    dlg = open_dialog(t)
    type_into_cell(qtbot, dlg.groups_view, 0, NAME, "Team A")
    dlg.add_group_button.click()
    dlg.title_edit.setText("新的名称")
    assert t == before


def test_general_and_schedule_fields_end_up_in_the_result(open_dialog, qtbot):
    dlg = open_dialog(two_groups())
    dlg.title_edit.clear()
    qtbot.keyClicks(dlg.title_edit, "Hunan 2025")
    dlg.notes_edit.setPlainText("携带身份证")
    dlg.day_start.setTime(QTime(7, 30))
    dlg.max_visits.setValue(4)
    dlg.coach_speed.setValue(70.0)
    assert (dlg.station_minutes.value(), dlg.airport_minutes.value()) == (30, 90)  # the defaults, shown
    dlg.station_minutes.setValue(45)
    dlg.airport_minutes.setValue(120)
    dlg.ok_button.click()
    result = dlg.result_tour()
    assert (result.travel.station_minutes, result.travel.airport_minutes) == (45, 120)
    assert result.title == "Hunan 2025"
    assert result.notes == "携带身份证"
    assert result.day_window.start == dt.time(7, 30)
    assert result.max_visits_per_day == 4
    assert result.travel.speed_kmh == 70.0


def test_group_name_headcount_colour_and_a_new_group(open_dialog, qtbot, monkeypatch):
    t = two_groups()
    dlg = open_dialog(t)
    type_into_cell(qtbot, dlg.groups_view, 0, NAME, "Team A")
    type_into_cell(qtbot, dlg.groups_view, 1, HEADCOUNT, "42")
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    dlg.groups_view.setCurrentIndex(dlg.groups_model.index(1, COLOUR))
    dlg.colour_button.click()
    dlg.add_group_button.click()
    assert dlg.groups_model.rowCount() == 3
    assert dlg.groups_model.data(dlg.groups_model.index(1, COLOUR), Qt.ItemDataRole.DecorationRole) \
        == QColor("#123456")

    dlg.ok_button.click()
    result = dlg.result_tour()
    assert [g.name for g in result.groups][:2] == ["Team A", "第二组"]
    assert result.groups[1].headcount == 42
    assert result.groups[1].colour == "#123456"
    new = result.groups[2]
    used = {g.colour for g in t.groups}
    assert new.id == "g3" and new.days == []
    assert new.colour == next(c for c in GROUP_COLOURS if c not in used)
    # the plan of the existing groups is untouched
    assert dates_of(result, "g1") == dates_of(t, "g1")


def test_new_group_takes_the_next_unused_id(open_dialog):
    t = tour(group("g1", name="一组"), group("g3", name="三组"), sites=[])
    dlg = open_dialog(t)
    dlg.add_group_button.click()
    dlg.add_group_button.click()
    dlg.ok_button.click()
    assert [g.id for g in dlg.result_tour().groups] == ["g1", "g3", "g4", "g5"]


def test_groups_move_up_and_down(open_dialog):
    dlg = open_dialog(two_groups())
    dlg.groups_view.setCurrentIndex(dlg.groups_model.index(1, 0))
    assert not dlg.move_down_button.isEnabled()
    dlg.move_up_button.click()
    assert [g.id for g in dlg.groups_model.tour.groups] == ["g2", "g1"]
    assert dlg.groups_view.currentIndex().row() == 0     # the selection follows the group
    dlg.move_down_button.click()
    dlg.ok_button.click()
    assert [g.id for g in dlg.result_tour().groups] == ["g1", "g2"]


def test_removing_a_group_with_activities_asks_first(open_dialog, answer):
    dlg = open_dialog(two_groups())
    asked = answer(QMessageBox.StandardButton.No)
    dlg.groups_view.setCurrentIndex(dlg.groups_model.index(0, 0))
    dlg.remove_group_button.click()
    assert len(asked) == 1 and "第一组" in asked[0]
    assert dlg.groups_model.rowCount() == 2

    answer(QMessageBox.StandardButton.Yes)
    dlg.remove_group_button.click()
    dlg.ok_button.click()
    assert [g.id for g in dlg.result_tour().groups] == ["g2"]


def test_removing_an_unplanned_group_does_not_ask(open_dialog, answer):
    t = tour(group("g1", name="一组"), group("g2", day("2025-02-24"), name="二组"), sites=[])
    asked = answer(QMessageBox.StandardButton.No)
    dlg = open_dialog(t)
    dlg.groups_view.setCurrentIndex(dlg.groups_model.index(1, 0))
    dlg.remove_group_button.click()
    assert asked == []
    assert [g.id for g in dlg.groups_model.tour.groups] == ["g1"]


def test_empty_group_name_is_refused_but_duplicates_are_not(open_dialog, qtbot):
    dlg = open_dialog(two_groups())
    type_into_cell(qtbot, dlg.groups_view, 0, NAME, "Team")
    type_into_cell(qtbot, dlg.groups_view, 1, NAME, "Team")
    assert dlg.ok_button.isEnabled()
    dlg.groups_model.setData(dlg.groups_model.index(0, NAME), "  ")
    assert not dlg.ok_button.isEnabled()
    assert "1" in dlg.errors.text(dlg.groups_view)
    assert dlg.errors.fields() == [dlg.groups_view]
    # the Groups tab is marked so the reason is found from any tab
    assert dlg.tabs.tabBar().tabTextColor(2) == QColor("#c0392b")
    dlg.groups_model.setData(dlg.groups_model.index(0, NAME), "一组")
    assert dlg.ok_button.isEnabled() and dlg.errors.text(dlg.groups_view) == ""


def test_moving_the_start_with_shift_moves_every_day_and_keeps_activities(open_dialog):
    t = two_groups()
    dlg = open_dialog(t)
    assert dlg.shift_plan.isChecked()
    set_date(dlg.start_date, D(2025, 2, 24))
    assert dlg.end_date.date().toString("yyyy-MM-dd") == "2025-03-01"   # the end follows the start
    assert not dlg.date_warning.isVisible()
    dlg.ok_button.click()
    result = dlg.result_tour()
    assert (result.start_date, result.end_date) == (D(2025, 2, 24), D(2025, 3, 1))
    for gid in ("g1", "g2"):
        shifted = {d + dt.timedelta(days=1): acts for d, acts in dates_of(t, gid).items()}
        assert dates_of(result, gid) == shifted


def test_moving_the_start_without_shift_keeps_the_dates(open_dialog, answer):
    t = two_groups()
    dlg = open_dialog(t)
    dlg.shift_plan.setChecked(False)
    set_date(dlg.start_date, D(2025, 2, 22))
    assert dlg.end_date.date().toString("yyyy-MM-dd") == "2025-02-28"
    dlg.ok_button.click()
    result = dlg.result_tour()
    assert result.start_date == D(2025, 2, 22)
    assert dates_of(result, "g1") == dates_of(t, "g1")


def test_shrinking_the_end_lists_the_planned_days_it_would_delete(open_dialog, answer):
    t = two_groups()
    dlg = open_dialog(t)
    set_date(dlg.end_date, D(2025, 2, 26))
    assert dlg.date_warning.isVisible()
    warning = dlg.date_warning.text()
    assert "第一组" in warning and short_date(D(2025, 2, 28), lang()) in warning and "2" in warning
    assert "第二组" not in warning        # g2's 27 Feb is empty: it goes without a word
    assert dlg.ok_button.isEnabled()      # a warning, not an error

    asked = answer(QMessageBox.StandardButton.No)
    dlg.ok_button.click()
    assert len(asked) == 1 and "第一组" in asked[0]
    assert dlg.isVisible() and dlg.result_tour() is t

    answer(QMessageBox.StandardButton.Yes)
    dlg.ok_button.click()
    assert dlg.result() == QDialog.DialogCode.Accepted
    result = dlg.result_tour()
    assert sorted(dates_of(result, "g1")) == [D(2025, 2, 24)]
    assert sorted(dates_of(result, "g2")) == [D(2025, 2, 25)]


def test_empty_days_outside_the_new_range_go_silently(open_dialog, answer):
    t = tour(group("g1", day("2025-02-24", visit("a")), day("2025-02-28"), name="一组"), sites=[site("a")])
    asked = answer(QMessageBox.StandardButton.No)
    dlg = open_dialog(t)
    set_date(dlg.end_date, D(2025, 2, 25))
    assert not dlg.date_warning.isVisible()
    dlg.ok_button.click()
    assert asked == []
    assert sorted(dates_of(dlg.result_tour(), "g1")) == [D(2025, 2, 24)]


def test_end_before_start_is_refused_with_the_reason_by_the_date(open_dialog):
    dlg = open_dialog(two_groups())
    set_date(dlg.end_date, D(2025, 2, 20))
    assert "2025-02-20" in dlg.errors.text(dlg.end_date)
    assert dlg.errors.label(dlg.end_date).isVisible()
    assert not dlg.ok_button.isEnabled()
    assert not dlg.date_warning.isVisible()
    dlg.accept()
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    set_date(dlg.end_date, D(2025, 2, 28))
    assert dlg.errors.text(dlg.end_date) == "" and dlg.ok_button.isEnabled()


def test_day_window_ending_before_it_starts_is_refused(open_dialog):
    dlg = open_dialog(two_groups())
    dlg.day_end.setTime(QTime(7, 0))
    assert "07:00" in dlg.errors.text(dlg.day_end)
    assert not dlg.ok_button.isEnabled()
    assert dlg.tabs.tabBar().tabTextColor(1) == QColor("#c0392b")


def test_empty_title_is_refused(open_dialog):
    dlg = open_dialog(two_groups())
    dlg.title_edit.setText("   ")
    assert dlg.errors.text(dlg.title_edit) != ""
    assert not dlg.ok_button.isEnabled()


def test_groups_model_passes_the_model_tester(qtmodeltester):
    t = two_groups()
    model = GroupsModel(t)
    qtmodeltester.check(model)
    model.add_group("三组")
    model.move_group(2, -1)
    model.remove_group(0)
    qtmodeltester.check(model)
    assert [g.id for g in t.groups] == ["g3", "g2"]


def test_a_tour_longer_than_a_year_is_refused_beside_the_end_date(open_dialog):
    dlg = open_dialog(two_groups())
    set_date(dlg.end_date, D(2035, 2, 28))
    assert "366" in dlg.errors.text(dlg.end_date)
    assert dlg.errors.text(dlg.title_edit) == ""
    assert not dlg.ok_button.isEnabled()
    set_date(dlg.end_date, D(2026, 2, 23))   # exactly 366 days from 23 Feb 2025
    assert dlg.errors.text(dlg.end_date) == "" and dlg.ok_button.isEnabled()
