"""Tour settings that remove a group or shorten the dates keep the people: they become unassigned, and
rooms and nights the tour no longer has go (a defect: the dialog refused OK with a people error)."""

import datetime as D

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from tests.builders import day, group, tour
from tests.people_builders import roster
from ui.dialogs.settings_dialog import TourSettingsDialog


@pytest.fixture
def people_tour():
    return tour(group("g1", day("2025-02-24"), name="第一组"), group("g2", day("2025-02-24"), name="第二组"),
                sites=[], people={
                    "participants": roster(10),
                    "staff": [{"id": "s1", "role": "leader", "name": "钱领队", "group": "g2"}],
                    "vehicles": [{"id": "v1", "group": "g2", "seats": 53}],
                    "nights": [{"group": "g1", "date": "2025-02-27", "notes": "晚到"}],
                    "rooms": [{"group": "g2", "date": "2025-02-24", "number": "801", "occupants": ["p2"]},
                              {"group": "g1", "date": "2025-02-27", "number": "802", "occupants": ["p1"]}]})


@pytest.fixture
def dialog(qtbot, monkeypatch, people_tour):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dlg = TourSettingsDialog(people_tour)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_removing_a_group_unassigns_its_people(dialog):
    dialog.groups_view.setCurrentIndex(dialog.groups_model.index(1, 0))
    dialog.remove_group_button.click()
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    people = dialog.result_tour().people
    assert [p.group for p in people.participants] == ["g1", None] * 5
    assert people.staff[0].group is None and people.vehicles == []
    assert [r.number for r in people.rooms] == ["802"]


def test_shortening_the_dates_drops_rooms_and_nights_outside_them(dialog):
    dialog.end_date.setDate(QDate(2025, 2, 25))
    dialog.ok_button.click()
    people = dialog.result_tour().people
    assert [r.number for r in people.rooms] == ["801"] and people.nights == []
    assert len(people.participants) == 10


def test_shifting_the_plan_moves_rooms_and_nights_with_it(dialog):
    dialog.shift_plan.setChecked(True)
    dialog.start_date.setDate(QDate(2025, 2, 22))
    dialog.ok_button.click()
    result = dialog.result_tour()
    assert [str(r.date) for r in result.people.rooms] == ["2025-02-23", "2025-02-26"]
    assert [str(n.date) for n in result.people.nights] == ["2025-02-26"]
    assert D.date(2025, 2, 23) in [d.date for d in result.groups[0].days]
