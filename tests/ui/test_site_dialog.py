"""The site form: every field round-trips, bad values are refused with the reason beside the field."""

from __future__ import annotations

import pytest

from planner.model.site import Site, SiteKind
from tests.builders import site as site_dict
from tests.ui.keyboard import type_text
from ui.catalogue.site_dialog import SiteDialog, parse_hours, suggest_id


def full_site() -> Site:
    return Site.model_validate(site_dict(
        "wuxi-museum", "无锡博物院", kind="government", at=(31.5689, 120.2923), province="江苏省",
        city="无锡市", county="梁溪区", address="无锡市梁溪区钟书路100号", precision="county",
        visit_minutes=75, hours=[{"start": "09:00", "end": "11:30"}, {"start": "13:30", "end": "17:00"}],
        closed_weekdays=[1, 2], closed_on_holidays=True, max_groups=2, max_people=80,
        topics=["文旅融合", "城市治理"], contact="王老师 0510-00000000", presenter="讲解员",
        intro="吴地历史与近代工商业。", source="seed 002"))


def new_dialog(qtbot, existing: set[str] = frozenset()) -> SiteDialog:
    dialog = SiteDialog(None, set(existing))
    qtbot.addWidget(dialog)
    return dialog


def fill(qtbot, dialog: SiteDialog, **texts: str) -> None:
    for name, text in texts.items():
        edit = getattr(dialog, f"{name}_edit")
        edit.clear()
        type_text(qtbot, edit, text)


def test_a_new_site_is_refused_until_name_and_coordinates_are_given(qtbot, english):
    dialog = new_dialog(qtbot)
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_text("name") == "Enter a name"
    fill(qtbot, dialog, name="Geely 吉利汽车", lat="30.35", lon="121.27")
    assert dialog.id_edit.text() == "geely"  # suggested from the Latin part of the name
    assert dialog.ok_button.isEnabled()
    assert not dialog.field_errors.has_errors()
    dialog.ok_button.click()
    assert dialog.result() == SiteDialog.DialogCode.Accepted
    site = dialog.result_site()
    assert (site.id, site.name, site.kind, site.lat, site.lon) == ("geely", "Geely 吉利汽车",
                                                                    SiteKind.ENTERPRISE, 30.35, 121.27)
    assert site.hours == [] and site.max_people is None


def test_latitude_123_is_refused_beside_the_latitude_field(qtbot, english):
    dialog = new_dialog(qtbot)
    fill(qtbot, dialog, name="李祖村", lat="123", lon="120.1")
    assert dialog.error_text("lat") == "Latitude must be between -90 and 90"
    assert dialog.field_errors.label(dialog.lat_edit).parent() is dialog.lat_edit.parent()  # beside the field
    assert dialog.field_errors.fields() == [dialog.lat_edit]
    assert dialog.error_text("lon") == "" and dialog.error_text("name") == ""
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # even forced, it refuses
    assert dialog.result() != SiteDialog.DialogCode.Accepted
    fill(qtbot, dialog, lat="29.2")
    assert dialog.error_text("lat") == ""
    assert dialog.ok_button.isEnabled()
    fill(qtbot, dialog, lat="北纬29度")
    assert dialog.error_text("lat") == "Enter a number, e.g. 30.27"


@pytest.mark.parametrize(("hours", "reason"), [
    ("09:00-25:00", "\u201c25:00\u201d is not a time of day (00:00–23:59)"),
    ("25:00-26:00", "\u201c25:00\u201d is not a time of day (00:00–23:59)"),
    ("17:00-09:00", "Ends at 09:00, not after it starts at 17:00"),
    ("09:00-12:00, 11:00-17:00", "Opening hours overlap: 09:00–12:00 and 11:00–17:00"),
    ("9点到5点", "\u201c9点\u201d is not a time of day (00:00–23:59)"),
    ("上午开放", "Write opening hours like 09:00-11:30, 13:30-17:00"),
])
def test_bad_opening_hours_are_refused_beside_the_hours_field(qtbot, english, hours, reason):
    dialog = new_dialog(qtbot)
    fill(qtbot, dialog, name="缪家村", lat="30.9", lon="120.9", hours=hours)
    assert dialog.error_text("hours") == reason
    assert dialog.field_errors.fields() == [dialog.hours_edit]
    assert dialog.field_errors.label(dialog.hours_edit).parent() is dialog.hours_edit.parent()
    assert not dialog.ok_button.isEnabled()
    fill(qtbot, dialog, hours="08:30-11:30；13:30-17:00")
    assert dialog.error_text("hours") == "" and dialog.ok_button.isEnabled()
    assert [(f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in dialog.result_site().hours] == [
        ("08:30", "11:30"), ("13:30", "17:00")]


def test_duplicate_and_malformed_ids_are_refused(qtbot, english):
    dialog = new_dialog(qtbot, {"lizu"})
    fill(qtbot, dialog, name="李祖村", lat="29.3", lon="120.1", id="lizu")
    assert dialog.error_text("id") == "The id \u201clizu\u201d is already used"
    assert not dialog.ok_button.isEnabled()
    fill(qtbot, dialog, id="Li Zu")
    assert dialog.error_text("id") == "Use lower-case letters, digits, - _ or . (at most 64)"
    fill(qtbot, dialog, id="lizu-village")
    assert dialog.ok_button.isEnabled()
    dialog.name_edit.clear()
    assert dialog.error_text("name") == "Enter a name" and not dialog.ok_button.isEnabled()


def test_suggested_ids_avoid_taken_ones_and_stop_once_typed(qtbot, english):
    assert suggest_id("李祖村", SiteKind.VILLAGE, {"village", "village-2"}) == "village-3"
    assert suggest_id("Alibaba Xixi Park", SiteKind.ENTERPRISE, set()) == "alibaba-xixi-park"
    dialog = new_dialog(qtbot, {"enterprise"})
    fill(qtbot, dialog, name="吉利")
    assert dialog.id_edit.text() == "enterprise-2"
    fill(qtbot, dialog, id="geely")
    fill(qtbot, dialog, name="吉利汽车")
    assert dialog.id_edit.text() == "geely"


def test_editing_shows_every_field_and_gives_back_the_same_site(qtbot, english):
    site = full_site()
    dialog = SiteDialog(site, {"wuxi-museum", "lizu"})
    qtbot.addWidget(dialog)
    assert dialog.id_edit.isReadOnly() and dialog.id_edit.text() == "wuxi-museum"
    assert dialog.hours_edit.text() == "09:00-11:30, 13:30-17:00"
    assert [c.isChecked() for c in dialog.weekday_checks] == [True, True, False, False, False, False, False]
    assert dialog.ok_button.isEnabled()  # its own id is not a duplicate
    dialog.ok_button.click()
    assert dialog.result_site() == site


def test_every_field_reaches_the_site(qtbot, english):
    site = full_site()
    dialog = new_dialog(qtbot)
    fill(qtbot, dialog, name=site.name, province=site.province, city=site.city, county=site.county,
         address=site.address, lat=str(site.lat), lon=str(site.lon), hours="09:00-11:30, 13:30-17:00",
         topics="文旅融合，城市治理", contact=site.contact, presenter=site.presenter, id=site.id)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("government"))
    dialog.precision_box.setCurrentIndex(dialog.precision_box.findData("county"))
    dialog.minutes_spin.setValue(75)
    dialog.weekday_checks[0].click()
    dialog.weekday_checks[1].click()
    dialog.holidays_check.click()
    dialog.max_groups_spin.setValue(2)
    dialog.max_people_spin.setValue(80)
    type_text(qtbot, dialog.intro_edit, site.intro)
    dialog.ok_button.click()
    assert dialog.result_site() == site.model_copy(update={"source": ""})
    dialog.max_people_spin.setValue(0)  # shown as "Unlimited"
    assert dialog.max_people_spin.text() == "Unlimited"
    assert dialog.validate() and dialog.result_site().max_people is None


def test_parse_hours_shapes():
    assert parse_hours("") == [] and parse_hours("  ") == []
    assert parse_hours("9:00~12:00、14:00至17:30") == [{"start": "9:00", "end": "12:00"},
                                                       {"start": "14:00", "end": "17:30"}]
    assert parse_hours("09:00") is None


def test_reasons_read_in_chinese(qtbot, chinese):
    dialog = new_dialog(qtbot)
    assert dialog.windowTitle() == "新建教学点"
    fill(qtbot, dialog, name="李祖村", lat="123", lon="120.1", hours="09:00-25:00")
    assert dialog.error_text("lat") == "纬度应在 -90 到 90 之间"
    assert dialog.error_text("hours") == "“25:00”不是有效的时刻（00:00–23:59）"
    assert dialog.kind_box.itemText(0) == "企业"
    assert [c.text() for c in dialog.weekday_checks][:2] == ["周一", "周二"]
    assert not dialog.ok_button.isEnabled()
