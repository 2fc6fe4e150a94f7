"""File › 导入教学点…: mapping, preview with reasons, duplicates, one undo step; Edit › 补全坐标…"""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

import ui.geo.geo_settings as geo_settings
from planner.model.site import Site
from tests.fake_maps import FakeMaps, maps  # noqa: F401  (the fixture)
from tests.ui.geo_helpers import use_services

HEADERS = ["教学点", "地址", "开放时间", "人数上限", "负责人电话"]
ROWS = [["海宁中国皮革城", "浙江省海宁市海昌街道", "9:00-17:00", 60, "0573-1"],   # a duplicate (name + county)
        ["<b>某某村</b>", "湖南省长沙市岳麓区", "25:00-17:00", "<i>三十</i>", "0731-2"],  # refused: two bad cells
        ["岳麓书院", "湖南省长沙市岳麓区麓山南路", "8:00-17:30", 200, "0731-3"]]


def sheet(tmp_path, rows=ROWS, name="sites.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(tmp_path / name)
    return tmp_path / name


def test_import_marks_bad_cells_merges_adds_and_undoes_in_one_step(qtbot, window, tmp_path):
    doc = window.document
    before = doc.catalogue.model_copy(deep=True)
    assert window.site_imports.import_action in window.menuBar().actions()[0].menu().actions()
    dlg = window.site_imports.open_file(sheet(tmp_path))
    assert dlg.preview.rowCount() == 3 and dlg.preview.item(1, 2).text() == "<b>某某村</b>"
    assert any("25:00" in r for r in dlg.preview.reasons_at(3, 2))
    assert any("三十" in r for r in dlg.preview.reasons_at(3, 3))
    assert "&lt;b&gt;" not in dlg.preview.item(1, 2).text()
    assert "&lt;i&gt;三十&lt;/i&gt;" in dlg.preview.item(1, 2 + 3).toolTip()  # a tooltip shows it as typed
    assert dlg.problems.count() == 2 and dlg.problems.item(0).text().startswith("C3")
    dlg.problems.setCurrentRow(1)
    assert (dlg.preview.currentRow(), dlg.preview.currentColumn()) == (1, 2 + 3)
    assert "3 rows: 1 to add, 0 to merge, 1 skipped, 1 refused" in dlg.summary.text()
    dlg.mapping.choose(4, "contact")          # an unknown header mapped by hand
    dlg.set_action(2, "merge")                # the duplicate merged into the catalogue's record
    assert "1 to add, 1 to merge, 0 skipped" in dlg.summary.text()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)

    sites = {s.name: s for s in doc.catalogue.sites}
    assert len(doc.catalogue.sites) == len(before.sites) + 1
    merged = sites["海宁中国皮革城"]
    assert merged.id == "leather" and merged.contact == "0573-1" and merged.max_people == 60
    assert (merged.lat, merged.lon, merged.precision) == (30.27, 120.15, "site")  # its own point kept
    added = sites["岳麓书院"]
    assert (added.county, added.precision, added.contact) == ("岳麓区", "county", "0731-3")
    assert doc.undo_stack.count() == 1 and "2" in doc.undo_stack.undoText()
    doc.undo_stack.undo()
    assert doc.catalogue == before
    doc.undo_stack.redo()
    assert {s.name for s in doc.catalogue.sites} == {"海宁中国皮革城", "岳麓书院"}


def test_the_mapping_is_remembered_for_the_same_headers(qtbot, window, tmp_path):
    dlg = window.site_imports.open_file(sheet(tmp_path))
    dlg.mapping.choose(4, "contact")
    dlg.mapping.choose(2, "")                 # and opening hours ignored
    dlg.accept()
    again = window.site_imports.open_file(sheet(tmp_path, name="next-year.xlsx"))
    assert again.mapping.mapping() == {0: "name", 1: "address", 3: "max_people", 4: "contact"}
    assert "last time" in again.info.text()
    again.reject()


def test_gbk_csv_with_a_broken_row(qtbot, window, tmp_path):
    path = tmp_path / "sites.csv"
    lines = [",".join(HEADERS)] + [",".join(map(str, r)) for r in ROWS]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    dlg = window.site_imports.open_file(path)
    assert "GB18030" in dlg.info.text() and dlg.imported.refused == [3]
    assert dlg.ok_button.isEnabled()
    dlg.reject()


def test_an_unusable_file_says_why_and_imports_nothing(qtbot, window, tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    dlg = window.site_imports.open_file(path)
    assert "xlsx" in dlg.summary.text() and not dlg.ok_button.isEnabled()
    dlg.accept()
    assert window.document.undo_stack.count() == 0
    nameless = window.site_imports.open_file(sheet(tmp_path, [["", "地址"]], "x.xlsx"))
    nameless.mapping.choose(0, "")
    assert "名称" in nameless.summary.text() and not nameless.ok_button.isEnabled()
    nameless.reject()


def _county_sites(n: int) -> list[Site]:
    return [Site(id=f"c{i}", name=f"皮革城{i}", kind="enterprise", province="浙江省", city="嘉兴市", county="海宁市",
                 address="浙江省海宁市海昌街道皮革城", lat=30.51, lon=120.68, precision="county") for i in range(n)]


@pytest.fixture
def online(maps, isolated_settings, monkeypatch, tmp_path):
    use_services(monkeypatch, tmp_path, maps, settings=isolated_settings, key="ak")
    return maps


def test_complete_coordinates_in_the_background_one_undo_step(qtbot, window, online):
    doc = window.document
    doc.catalogue.sites.extend(_county_sites(1))
    batch = window.site_imports.batch
    with qtbot.waitSignal(batch.finished, timeout=15000):
        window.site_imports.locate_action.trigger()
    site = doc.catalogue.get("c0")
    assert site.precision == "site" and abs(site.lat - 30.52) < 0.02
    assert doc.catalogue.get("leather").lat == 30.27  # a site-precision point is not asked about
    assert "1 of 1" in batch.summary and doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.catalogue.get("c0").precision == "county"


def test_complete_coordinates_can_be_cancelled_and_keeps_what_it_found(qtbot, window, online, monkeypatch):
    monkeypatch.setattr(geo_settings, "SERVICES", replace(online, baidu_delay=0.2))
    window.document.catalogue.sites.extend(_county_sites(1))
    for s in _county_sites(12)[1:]:  # distinct queries, so the cache does not answer them all at once
        window.document.catalogue.sites.append(s.model_copy(update={"address": f"浙江省海宁市海昌街道{s.id}"}))
    batch = window.site_imports.batch
    job = batch.start()
    assert batch.progress.isVisible() and window.isEnabled()

    def press_cancel(_done, _total):  # as the user does: the progress dialog's Cancel button
        if batch.progress is not None:
            batch.progress.findChild(QPushButton).click()

    job.progress.connect(press_cancel)
    with qtbot.waitSignal(batch.finished, timeout=15000):
        pass
    assert "cancelled" in batch.summary and len([1 for who, _ in FakeMaps.log if who == "baidu"]) < 12
    assert window.document.catalogue.get("c0").precision == "site"


def test_complete_coordinates_offline_asks_to_allow_online(qtbot, window):
    window.document.catalogue.sites.extend(_county_sites(1))
    assert window.site_imports.batch.start() is None
    box = window.site_imports.batch.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.site_imports.batch.dialog.objectName() == "geoSettingsDialog"
    window.site_imports.batch.dialog.reject()


def test_with_online_allowed_rows_are_looked_up_before_the_one_step_import(qtbot, window, online, tmp_path):
    rows = [["皮革城新馆", "浙江省海宁市海昌街道皮革城", "9:00-17:00", 60, ""],
            ["无名点", "浙江省海宁市某路", "", "", ""]]
    dlg = window.site_imports.open_file(sheet(tmp_path, rows=rows))
    assert dlg.online_check.isVisible() and dlg.online_check.isChecked()
    with qtbot.waitSignal(dlg.accepted, timeout=15000):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        assert not dlg.ok_button.isEnabled()  # working; the window stays responsive
    sites = {s.name: s for s in window.document.catalogue.sites}
    assert sites["皮革城新馆"].precision == "site" and abs(sites["皮革城新馆"].lat - 30.52) < 0.02
    assert sites["无名点"].precision == "county"  # not found online: its county centre stays
    assert window.document.undo_stack.count() == 1


def test_online_lookup_failing_keeps_the_dialog_open_with_the_reason(qtbot, window, isolated_settings,
                                                                     monkeypatch, tmp_path):
    use_services(monkeypatch, tmp_path, settings=isolated_settings)
    rows = [[f"点{i}", f"浙江省海宁市海昌街道{i}号", "", "", ""] for i in range(4)]
    dlg = window.site_imports.open_file(sheet(tmp_path, rows=rows))
    dlg.accept()
    qtbot.waitUntil(lambda: dlg.job is None, timeout=15000)
    assert "无法连接" in dlg.summary.text() and not dlg.online_check.isChecked()
    assert window.document.undo_stack.count() == 0 and dlg.isVisible()
    dlg.accept()  # imported at the county centres
    assert window.document.undo_stack.count() == 1


def test_a_workbook_opens_on_its_site_sheet_and_another_can_be_chosen(qtbot, window, tmp_path):
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表由接待单位填写"])
    ws = wb.create_sheet("教学点")
    ws.append(HEADERS)
    ws.append(ROWS[2])
    other = wb.create_sheet("备选")
    other.append(["名称", "区县"])
    other.append(["备选点", "岳麓区"])
    other.append(["备选点二", "韶山市"])
    wb.save(tmp_path / "book.xlsx")
    dlg = window.site_imports.open_file(tmp_path / "book.xlsx")
    assert dlg.sheet_box.currentText() == "教学点" and dlg.preview.rowCount() == 1
    dlg.sheet_box.setCurrentText("备选")
    assert dlg.table.sheet == "备选" and dlg.preview.rowCount() == 2
    assert [i.site.county for i in dlg.imported.incoming] == ["岳麓区", "韶山市"]
    dlg.sheet_box.setCurrentText("说明")
    assert "no rows" in dlg.summary.text() and dlg.preview.rowCount() == 0 and not dlg.ok_button.isEnabled()
    dlg.sheet_box.setCurrentText("教学点")
    assert dlg.ok_button.isEnabled() and dlg.preview.rowCount() == 1
    dlg.reject()
