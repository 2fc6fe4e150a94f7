"""The forms refuse, beside the field, text longer than a file may hold, so nothing typed in the window makes
a tour or the catalogue unopenable; a too-long name is called too long, not missing."""

from __future__ import annotations

import datetime as dt

from planner.io.limits import MAX_NAME, MAX_STRING
from planner.model.tour import Activity, ActivityKind
from tests.builders import day, group, site, tour, visit
from ui.catalogue.site_dialog import SiteDialog
from ui.dialogs.activity_dialog import ActivityDialog


def site_form(qtbot) -> SiteDialog:
    dialog = SiteDialog(None, set())
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("正常")
    dialog.lat_edit.setText("30.2")
    dialog.lon_edit.setText("120.1")
    assert dialog.validate()
    return dialog


def test_a_too_long_site_name_is_called_too_long(qtbot, english):
    dialog = site_form(qtbot)
    dialog.name_edit.setText("长" * 300)
    assert not dialog.validate()
    assert "Too long" in dialog.error_text("name") and "Enter a name" not in dialog.error_text("name")


def test_an_address_or_introduction_longer_than_a_file_holds_is_refused_beside_it(qtbot, english):
    dialog = site_form(qtbot)
    dialog.address_edit.setText("地" * (MAX_STRING + 1))
    dialog.intro_edit.setPlainText("介" * (MAX_STRING + 1))
    assert not dialog.validate() and not dialog.ok_button.isEnabled()
    assert str(MAX_STRING) in dialog.error_text("address") and str(MAX_STRING) in dialog.error_text("intro")
    dialog.address_edit.setText("地" * MAX_STRING)
    dialog.intro_edit.setPlainText("介" * MAX_STRING)
    assert dialog.validate()


def test_an_activity_note_or_title_longer_than_a_file_holds_is_refused_beside_it(qtbot, english):
    t = tour(group("g1", day("2025-02-24", visit("mill", id="v1"))), sites=[site("mill", "厂")])
    dialog = ActivityDialog(Activity(kind=ActivityKind.LECTURE), t)
    qtbot.addWidget(dialog)
    assert dialog.validate() is not None
    dialog.notes_edit.setPlainText("注" * (MAX_STRING + 1))
    dialog.title_edit.setText("题" * (MAX_NAME + 1))
    assert dialog.validate() is None and not dialog.ok_button.isEnabled()
    shown = {dialog.errors.text(w) for w in (dialog.notes_edit, dialog.title_edit)}
    assert any(str(MAX_STRING) in s for s in shown) and any(str(MAX_NAME) in s for s in shown)


def test_tour_notes_longer_than_a_file_holds_are_refused_in_the_settings(qtbot, english):
    from ui.dialogs.settings_dialog import TourSettingsDialog

    t = tour(group("g1", day("2025-02-24", visit("mill", id="v1"))), sites=[site("mill", "厂")])
    dialog = TourSettingsDialog(t)
    qtbot.addWidget(dialog)
    dialog.notes_edit.setPlainText("须" * (MAX_STRING + 1))
    assert dialog.validate() is None and not dialog.ok_button.isEnabled()
    assert str(MAX_STRING) in dialog.errors.text(dialog.notes_edit)
    dialog.notes_edit.setPlainText("须" * MAX_STRING)
    assert dialog.validate() is not None
