"""Undo/Redo entries and other menu entries show user names as typed: '&' is Qt's shortcut marker, so a site
called "P&G" must not read "PG" in the Edit menu."""

import datetime as dt

import pytest

from planner.model.day_tips import DayTips
from planner.model.edits import Slot
from planner.model.site import Site
from planner.model.tour import Activity, ActivityKind
from ui.board.commands_days import DaysEdit, SetLeg
from ui.catalogue.catalogue_commands import DeleteCatalogueSite
from ui.commands import RemoveActivity
from ui.dialogs.day_tips_dialog import EditDayTips
from ui.imports.catalogue_command import ReplaceCatalogueSites
from ui.people.people_commands import SetHeadcounts

MON, TUE = dt.date(2025, 2, 24), dt.date(2025, 2, 25)


def shown(text: str) -> str:
    """What a menu shows: a doubled '&' is one '&'; a single one marks the shortcut letter and vanishes."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def test_undo_and_redo_entries_show_an_ampersand_in_a_site_name(window):
    doc = window.document
    doc.catalogue.sites.append(Site(id="pg", name="P&G", kind="enterprise", lat=30.27, lon=120.15))
    assert window.actions_.add_site("pg", Slot("g1", MON, 0))
    assert "P&G" in shown(window.undo_action.text())
    assert "P&G" in doc.undo_stack.command(0).text()   # the command's own text stays readable
    doc.undo_stack.undo()
    assert "P&G" in shown(window.redo_action.text())


def test_a_check_in_that_also_sets_the_night_is_one_step_whose_entry_shows_the_ampersand(window):
    """The board's check-in macro (the edit plus tonight's hotel) carries the name too."""
    hotel = Site(id="hm", name="H&M 酒店", kind="hotel", lat=30.5, lon=120.3, visit_minutes=0)
    check_in = Activity(kind=ActivityKind.CHECKIN, site="hm", title="入住 H&M")
    window.actions_.add(Slot("g1", TUE, 0), check_in, sites=[hotel])
    assert window.document.tour.group("g1").day(TUE).end == "hm"
    assert "H&M" in shown(window.undo_action.text())
    assert "H&M" in window.document.undo_stack.command(0).text()


@pytest.mark.parametrize("make", [
    lambda doc: RemoveActivity(doc.tour, "v1", "P&G"),
    lambda doc: DaysEdit(doc.tour, ["g1"], lambda t: None, "P&G"),
    lambda doc: SetLeg(doc.tour, "mill", "lab", 10, None, "P&G"),
    lambda doc: ReplaceCatalogueSites(doc, [], "P&G"),
    lambda doc: EditDayTips(doc.tour, "g1", MON, DayTips(), "P&G"),
    lambda doc: DeleteCatalogueSite(doc, "leather"),
    lambda doc: SetHeadcounts(doc.tour, {}, "P&G"),
], ids=["tour", "days", "leg", "catalogue-import", "day-tips", "catalogue", "people"])
def test_every_kind_of_undo_step_keeps_its_text_and_doubles_the_menu_ampersand(document, make):
    document.catalogue.sites[0].name = "P&G"  # the catalogue command names its site
    command = make(document)
    assert "P&G" in command.text()
    assert "P&&G" in command.actionText()


def test_open_recent_shows_a_path_with_an_ampersand_as_typed(window, tmp_path):
    path = str(tmp_path / "R&D 考察.tour.json")
    window.settings.setValue("files/recent", [path])
    window.recent_menu.aboutToShow.emit()
    entry = window.recent_menu.actions()[0]
    assert shown(entry.text()) == path
