"""The site form: every field round-trips, bad values are refused with the reason beside the field."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt

from planner.model.site import Site, SiteKind
from tests.builders import site as site_dict
from tests.ui.keyboard import type_text
from ui.catalogue.site_dialog import SiteDialog
from ui.catalogue.site_form_rules import coordinate_pair, in_china_area, parse_hours, suggest_id


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


def reason_is_under(qtbot, dialog: SiteDialog, field) -> bool:
    """The field's reason shows right under it, aligned with it."""
    dialog.show()
    qtbot.waitExposed(dialog)
    label = dialog.field_errors.label(field)
    below, at = field.mapTo(dialog, QPoint(0, field.height())), label.mapTo(dialog, QPoint(0, 0))
    return label.isVisible() and at.x() == below.x() and 0 <= at.y() - below.y() <= 10


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
    assert dialog.site_id() == "geely"  # made from the Latin part of the name
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
    assert reason_is_under(qtbot, dialog, dialog.lat_edit)
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
    fill(qtbot, dialog, lat="29.2", lon="东经120度")
    assert dialog.error_text("lon") == "Enter a number, e.g. 120.15"  # a longitude's example, not 30.27


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
    assert reason_is_under(qtbot, dialog, dialog.hours_edit)
    assert not dialog.ok_button.isEnabled()
    fill(qtbot, dialog, hours="08:30-11:30；13:30-17:00")
    assert dialog.error_text("hours") == "" and dialog.ok_button.isEnabled()
    assert [(f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in dialog.result_site().hours] == [
        ("08:30", "11:30"), ("13:30", "17:00")]


def test_the_id_is_made_from_the_name_unique_and_never_asked_for(qtbot, english):
    assert not hasattr(new_dialog(qtbot), "id_edit")
    assert suggest_id("Alibaba Xixi Park", set()) == "alibaba-xixi-park"
    chinese_id = suggest_id("李祖村", set())
    assert re.fullmatch(r"site-[0-9a-f]{6}", chinese_id)  # not "village" or "enterprise"
    assert suggest_id("李祖村", {chinese_id}) == chinese_id + "-2"
    assert suggest_id("缪家村", set()) != chinese_id
    dialog = new_dialog(qtbot, {"enterprise", chinese_id})
    fill(qtbot, dialog, name="李祖村", lat="29.3", lon="120.1")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.result_site().id == chinese_id + "-2"


def test_editing_shows_every_field_and_gives_back_the_same_site(qtbot, english):
    site = full_site()
    dialog = SiteDialog(site, {"wuxi-museum", "lizu"})
    qtbot.addWidget(dialog)
    assert dialog.site_id() == "wuxi-museum"
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
         topics="文旅融合，城市治理", contact=site.contact, presenter=site.presenter)
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
    assert dialog.result_site() == site.model_copy(update={"source": "", "id": dialog.site_id()})
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
    fill(qtbot, dialog, lat="48.85", lon="")
    assert dialog.error_text("lon") == "请填写经度，例如 120.15"
    fill(qtbot, dialog, lon="2.35")
    assert dialog.warning_text() == "该位置在中国境外，请核对坐标"
    assert [c.text() for c in dialog.weekday_checks][:2] == ["周一", "周二"]
    assert not dialog.ok_button.isEnabled()


def test_empty_coordinates_ask_for_each_with_its_own_example(qtbot, english):
    dialog = new_dialog(qtbot)
    assert dialog.error_text("lat") == "Enter the latitude, e.g. 30.27"
    assert dialog.error_text("lon") == "Enter the longitude, e.g. 120.15"
    assert "30.27" in dialog.lat_edit.placeholderText() and "120.15" in dialog.lon_edit.placeholderText()


def positions(dialog: SiteDialog) -> list[tuple[int, int, int, int]]:
    fields = [dialog.name_edit, dialog.address_edit, dialog.kind_box, dialog.lat_edit, dialog.lon_edit,
              dialog.precision_box, dialog.hours_edit, dialog.topics_edit, dialog.intro_edit, dialog.ok_button]
    return [(w.mapTo(dialog, QPoint(0, 0)).x(), w.mapTo(dialog, QPoint(0, 0)).y(), w.width(), w.height())
            for w in fields]


def test_fields_stay_put_while_reasons_come_and_go(qtbot, english):
    dialog = new_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    before, size = positions(dialog), dialog.size()
    lon_centre = dialog.lon_edit.mapTo(dialog, dialog.lon_edit.rect().center())
    # the user types the latitude, then clicks where the longitude field was and types it
    qtbot.mouseClick(dialog.lat_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.lat_edit, "30.27")
    assert dialog.error_text("lat") == ""  # its reason went away ...
    assert positions(dialog) == before  # ... and nothing moved up into its place
    target = dialog.childAt(lon_centre)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(dialog, lon_centre))
    type_text(qtbot, dialog.focusWidget(), "120.15")
    assert (dialog.lat_edit.text(), dialog.lon_edit.text()) == ("30.27", "120.15")
    for bad in ({"lat": "abc"}, {"hours": "上午开放"}, {"name": ""}, {"lat": "123"}, {"lat": "30", "lon": "30"}):
        fill(qtbot, dialog, **bad)
        assert dialog.field_errors.has_errors() or dialog.warning_text()
        assert positions(dialog) == before and dialog.size() == size, bad
    fill(qtbot, dialog, name="李祖村", lat="29.3", lon="120.1", hours="")
    assert not dialog.field_errors.has_errors() and positions(dialog) == before


def test_tab_goes_from_name_to_address_and_from_latitude_to_longitude(qtbot, english):
    dialog = new_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.address_edit
    qtbot.keyClick(dialog.address_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.locate_button.button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.kind_box
    dialog.lat_edit.setFocus()
    qtbot.keyClick(dialog.lat_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.lon_edit


def test_name_and_address_come_first_with_room_beside_the_address(qtbot, english):
    dialog = new_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    tops = [w.mapTo(dialog, QPoint(0, 0)).y() for w in (dialog.name_edit, dialog.address_edit, dialog.kind_box,
                                                         dialog.lat_edit, dialog.lon_edit)]
    assert tops == sorted(tops) and len(set(tops)) == 5
    assert dialog.address_row.indexOf(dialog.address_edit) == 0  # a locate button can be added beside it


OUTSIDE = "This point is outside China: check the coordinates"


@pytest.mark.parametrize(("lat", "lon", "warning"), [
    ("30.27", "120.15", ""),
    ("48.85", "2.35", OUTSIDE),  # Paris
    ("30.27", "-120.15", OUTSIDE),  # a minus sign typed by mistake: California
    ("30", "30", OUTSIDE),  # the latitude typed twice
    ("59.9", "30.3", OUTSIDE),
    ("53.5", "30.27", OUTSIDE),
])
def test_a_point_outside_china_is_a_warning_not_an_error(qtbot, english, lat, lon, warning):
    dialog = new_dialog(qtbot)
    fill(qtbot, dialog, name="李祖村", lat=lat, lon=lon)
    assert dialog.warning_text() == warning
    assert dialog.ok_button.isEnabled()  # the organizer may know better (a tour abroad)
    dialog.ok_button.click()
    assert (dialog.result_site().lat, dialog.result_site().lon) == (float(lat), float(lon))


def test_swapped_coordinates_are_named_and_the_china_area_has_its_corners(qtbot, english):
    dialog = new_dialog(qtbot)
    fill(qtbot, dialog, name="李祖村", lat="30.27", lon="40.15")
    assert dialog.warning_text() == OUTSIDE
    fill(qtbot, dialog, lat="120.15", lon="30.27")
    assert dialog.error_text("lat") == "Latitude must be between -90 and 90"
    assert dialog.warning_text() == "Latitude and longitude look swapped"
    fill(qtbot, dialog, lat="40.1", lon="116.4")
    assert dialog.warning_text() == ""
    assert in_china_area(30.27, 120.15) and not in_china_area(120.15, 30.27)
    assert in_china_area(16.8, 112.3) and in_china_area(47.0, 132.0) and in_china_area(39.5, 75.9)  # 三沙, 黑龙江, 喀什


@pytest.mark.parametrize(("kind", "minutes"), [("hotel", 0), ("station", 0), ("village", 60), ("park", 60)])
def test_the_kind_sets_the_visit_time_until_the_user_does(qtbot, english, kind, minutes):
    dialog = new_dialog(qtbot)
    assert dialog.minutes_spin.value() == 60
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(kind))
    assert dialog.minutes_spin.value() == minutes
    fill(qtbot, dialog, name="某地", lat="30.27", lon="120.15")
    dialog.ok_button.click()
    site = dialog.result_site()
    assert (site.kind.value, site.visit_minutes, site.hours) == (kind, minutes, [])
    dialog = new_dialog(qtbot)
    dialog.minutes_spin.setValue(90)  # chosen by the user: kept
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(kind))
    assert dialog.minutes_spin.value() == 90


def test_a_hotel_turned_back_into_a_visit_site_gets_its_hour_back(qtbot, english):
    dialog = new_dialog(qtbot)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("hotel"))
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("enterprise"))
    assert dialog.minutes_spin.value() == 60


@pytest.mark.parametrize("pasted", ["30.27, 120.15", "120.15,30.27", "(30.27，120.15)"])
def test_a_pasted_pair_of_coordinates_lands_in_both_fields(qtbot, english, pasted):
    from PySide6.QtGui import QGuiApplication, QKeySequence

    dialog = new_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    QGuiApplication.clipboard().setText(pasted)
    for field in (dialog.lat_edit, dialog.lon_edit):  # pasted into either field
        dialog.lat_edit.clear()
        dialog.lon_edit.clear()
        field.setFocus()
        qtbot.keySequence(field, QKeySequence.StandardKey.Paste)
        assert (dialog.lat_edit.text(), dialog.lon_edit.text()) == ("30.27", "120.15")
    assert dialog.warning_text() == ""


def test_typing_a_pair_key_by_key_is_left_as_typed(qtbot, english):
    dialog = new_dialog(qtbot)
    fill(qtbot, dialog, lat="30.27,120.15")
    assert dialog.lat_edit.text() == "30.27,120.15" and dialog.lon_edit.text() == ""
    assert dialog.error_text("lat") == "Enter a number, e.g. 30.27"


def test_coordinate_pairs_are_read_in_either_order():
    assert coordinate_pair("30.27 120.15") == coordinate_pair("120.15；30.27") == (30.27, 120.15)
    assert coordinate_pair("48.85, 2.35") == (48.85, 2.35)  # not in China: as written
    assert coordinate_pair("2.35, 100.5") == (2.35, 100.5)
    assert coordinate_pair("-122.4, 37.8") == (37.8, -122.4)  # beyond ±90 is the longitude
    assert coordinate_pair("30.27") is None and coordinate_pair("30,27,1") is None and coordinate_pair("北纬30") is None
