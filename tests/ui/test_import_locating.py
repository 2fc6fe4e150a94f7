"""The 定位 button in the site form and the settings it obeys (offline by default; online with a fake)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

import ui.geo.geo_settings as geo_settings
from planner.geo.datum import to_wgs
from tests.fake_maps import FakeMaps, maps  # noqa: F401  (the fixture)
from tests.ui.geo_helpers import use_services
from ui.catalogue.site_dialog import SiteDialog
from ui.geo.geo_settings import KEY_SETTING, GeoSettingsDialog


@pytest.fixture
def dialog(qtbot):
    d = SiteDialog(None, set())
    qtbot.addWidget(d)
    d.show()
    return d


def _locate(qtbot, d):
    button = d.locate_button.button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled()  # working in the background; the form stays usable meanwhile
    d.name_edit.setText("海宁中国皮革城")
    qtbot.waitUntil(button.isEnabled, timeout=15000)


def test_offline_locate_fills_the_place_and_the_county_centre(qtbot, dialog):
    dialog.address_edit.setText("浙江省海宁市海昌街道皮革城")
    _locate(qtbot, dialog)
    assert (dialog.province_edit.text(), dialog.city_edit.text(), dialog.county_edit.text()) == \
        ("浙江省", "嘉兴市", "海宁市")
    assert dialog.precision_box.currentData() == "county"
    assert abs(float(dialog.lat_edit.text()) - 30.51) < 0.05
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    site = dialog.result_site()
    assert site.precision == "county" and site.county == "海宁市"


def test_locate_without_a_county_says_so_and_leaves_the_fields(qtbot, dialog):
    dialog.address_edit.setText("某某路 1 号")
    _locate(qtbot, dialog)
    assert dialog.lat_edit.text() == "" and "county" in dialog.locate_button.note.text().lower()


def test_online_locate_uses_the_users_key_and_converts_bd09(qtbot, dialog, maps, isolated_settings,
                                                             monkeypatch, tmp_path):
    use_services(monkeypatch, tmp_path, maps)
    settings_dialog = GeoSettingsDialog(isolated_settings)
    qtbot.addWidget(settings_dialog)
    settings_dialog.online_check.setChecked(True)
    settings_dialog.key_edit.setText("  my-ak ")
    settings_dialog.accept()
    assert isolated_settings.value(KEY_SETTING) == "my-ak" and geo_settings.online_allowed(isolated_settings)
    dialog.address_edit.setText("浙江省海宁市海昌街道皮革城")
    _locate(qtbot, dialog)
    lat, lon = to_wgs(30.5301, 120.6903, "bd09")
    assert (float(dialog.lat_edit.text()), float(dialog.lon_edit.text())) == (lat, lon)
    assert dialog.precision_box.currentData() == "site" and dialog.county_edit.text() == "海宁市"
    assert FakeMaps.log == [("baidu", "浙江省海宁市海昌街道皮革城")]
    assert (tmp_path / "geocache.json").exists()


def test_online_failure_keeps_the_county_and_says_why(qtbot, dialog, isolated_settings, monkeypatch, tmp_path):
    use_services(monkeypatch, tmp_path, settings=isolated_settings, key="ak")
    dialog.address_edit.setText("浙江省海宁市海昌街道皮革城")
    _locate(qtbot, dialog)
    assert dialog.precision_box.currentData() == "county" and dialog.county_edit.text() == "海宁市"
    assert "无法连接" in dialog.locate_button.note.text()


def test_offline_locate_never_replaces_the_sites_own_point(qtbot):
    from planner.model.site import Site

    site = Site(id="leather", name="海宁中国皮革城", kind="enterprise", address="浙江省海宁市海昌街道皮革城",
                lat=30.4951, lon=120.6573, precision="site")
    d = SiteDialog(site, set())
    qtbot.addWidget(d)
    d.show()
    _locate(qtbot, d)
    assert (d.lat_edit.text(), d.lon_edit.text(), d.precision_box.currentData()) == ("30.4951", "120.6573", "site")
    assert d.county_edit.text() == "海宁市" and "kept" in d.locate_button.note.text()
