"""导入名单 in the window: the shared mapping and preview widgets over a roster, one undo step."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.people_builders import roster, write_roster_csv, write_roster_xlsx
from ui.people.people_dock import PeopleDock


@pytest.fixture
def dock(qtbot, document):
    document.tour.groups[0].headcount = 50
    dock = PeopleDock(document)
    qtbot.addWidget(dock)
    dock.show()
    return dock


def test_a_100_name_xlsx_comes_in_as_one_undo_step(qtbot, dock, document, tmp_path):
    people = roster(100)
    write_roster_xlsx(tmp_path / "名单.xlsx", people)
    dialog = dock.import_roster(tmp_path / "名单.xlsx")
    qtbot.waitExposed(dialog)
    assert "100 rows: 100 to add" in dialog.summary.text()
    assert dialog.preview.rowCount() == 100
    dialog.ok_button.click()
    assert [p.name for p in document.tour.people.participants] == [p["name"] for p in people]
    assert dock.page("participants").model.rowCount() == 100
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.tour.people.participants == []


def test_bad_cells_are_marked_with_their_reason_and_the_rest_imported(qtbot, dock, document, tmp_path):
    write_roster_csv(tmp_path / "名单.csv", roster(10), "gbk", [99, "<b>坏行</b>", "男", "", "打不通", "第九组",
                                                                  "", "", "", "", ""])
    dialog = dock.import_roster(tmp_path / "名单.csv")
    assert "GB18030" in dialog.info.text()
    assert dialog.preview.reasons_at(4, 4) == ["E4 手机: “打不通” 不是电话号码"]
    assert dialog.preview.reasons_at(4, 5) == ["F4 组别: 没有名为“第九组”的组（本班有：第一组、第二组）"]
    assert dialog.problems.count() == 2  # every bad cell of the row, not only the first
    assert "10 to add" in dialog.summary.text() and "1 refused" in dialog.summary.text()
    dialog.ok_button.click()
    assert len(document.tour.people.participants) == 10
    assert "<b>坏行</b>" not in [p.name for p in document.tour.people.participants]


def test_a_corrected_mapping_is_used_and_remembered(qtbot, dock, document, tmp_path, isolated_settings):
    path = tmp_path / "r.csv"
    path.write_text("姓名,联系\n张三,13900000001\n李四,13900000002\n", encoding="utf-8")
    dialog = dock.import_roster(path)
    assert dialog.mapping.mapping() == {0: "name"}
    dialog.mapping.choose(1, "phone")
    dialog.ok_button.click()
    assert [p.phone for p in document.tour.people.participants] == ["13900000001", "13900000002"]
    again = dock.import_roster(path)
    assert again.mapping.mapping() == {0: "name", 1: "phone"}
    assert again.info.text().endswith("columns as you chose them last time")


def test_someone_already_on_the_roster_can_be_replaced(qtbot, dock, document, tmp_path):
    people = roster(4, groups=("g1",))
    write_roster_xlsx(tmp_path / "a.xlsx", people[:2])
    dock.import_roster(tmp_path / "a.xlsx").ok_button.click()
    people[0]["unit"] = "新单位 新职务"
    write_roster_xlsx(tmp_path / "b.xlsx", people)
    dialog = dock.import_roster(tmp_path / "b.xlsx")
    assert "2 skipped" in dialog.summary.text()
    dialog.set_action(3, "replace")  # the first person, below the title and header rows
    dialog.ok_button.click()
    roster_now = document.tour.people.participants
    assert len(roster_now) == 4 and roster_now[0].unit == "新单位 新职务" and roster_now[0].id == "p1"


def test_an_unusable_file_says_so_and_offers_no_import(qtbot, dock, tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"\x00\x01binary")
    dialog = dock.import_roster(path)
    assert not dialog.ok_button.isEnabled() and dialog.summary.text()


def test_file_menu_import_roster_asks_for_a_sheet_then_opens_the_dialog(qtbot, window, tmp_path):
    write_roster_xlsx(tmp_path / "名单.xlsx", roster(6))
    file_menu = window.menuBar().actions()[0].menu()
    dock = window.people_dock
    assert dock.import_action in file_menu.actions()
    assert file_menu.actions().index(dock.import_action) < len(file_menu.actions()) - 2  # above Quit
    dock.import_action.trigger()
    chooser = next(w for w in window.findChildren(QFileDialog) if w.isVisible())
    chooser.fileSelected.emit(str(tmp_path / "名单.xlsx"))
    assert dock.dialog is not None and dock.dialog.isVisible()
    dock.dialog.ok_button.click()
    assert len(window.document.tour.people.participants) == 6
    chooser.close()


def test_the_participants_tab_button_asks_for_a_sheet(qtbot, dock):
    qtbot.mouseClick(dock.page("participants").import_button, Qt.MouseButton.LeftButton)
    chooser = next(w for w in dock.findChildren(QFileDialog) if w.isVisible())
    assert chooser.fileMode() == QFileDialog.FileMode.ExistingFile
    chooser.reject()
    assert not dock.page("staff").import_button.isVisibleTo(dock)


def test_switching_to_a_sheet_without_rows_clears_the_preview(qtbot, dock, tmp_path):
    from openpyxl import load_workbook

    write_roster_xlsx(tmp_path / "r.xlsx", roster(5))
    wb = load_workbook(tmp_path / "r.xlsx")
    wb.create_sheet("空表")
    wb.save(tmp_path / "r.xlsx")
    dialog = dock.import_roster(tmp_path / "r.xlsx")
    assert dialog.preview.rowCount() == 5
    dialog.sheet_box.setCurrentText("空表")
    assert dialog.preview.rowCount() == 0 and not dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dock.document.tour.people.participants == []


def test_a_mapping_without_the_name_column_says_so_and_offers_no_import(qtbot, dock, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("姓名,电话\n张三,13900000001\n", encoding="utf-8")
    dialog = dock.import_roster(path)
    assert dialog.preview.rowCount() == 1
    dialog.mapping.choose(0, "")
    assert "姓名" in dialog.summary.text() and not dialog.ok_button.isEnabled()
    assert dialog.preview.rowCount() == 0 and dialog.problems.count() == 0
    assert dialog.info.text().startswith("r.csv · ")  # the file itself is fine: its line stays
    dialog.ok_button.click()
    assert dock.document.tour.people.participants == []
