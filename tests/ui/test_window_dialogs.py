"""Dialog edits from the window become undoable commands (the dialogs answer as a user would)."""

import datetime as dt

from PySide6.QtCore import Qt

from ui.dialogs.activity_dialog import ActivityDialog
from ui.dialogs.settings_dialog import TourSettingsDialog

MON = dt.date(2025, 2, 24)


def test_double_clicking_a_card_edits_the_activity_and_undo_restores_it(window, qtbot, monkeypatch):
    def answer(dialog):
        dialog.minutes_spin.setValue(25)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(ActivityDialog, "exec", answer)
    board = window.board
    qtbot.mouseDClick(board.viewport(), Qt.MouseButton.LeftButton, pos=board.card_center("v2"))
    edited = window.document.tour.group("g1").day(MON).activities[1]
    assert edited.id == "v2" and edited.minutes == 25
    plan = window.document.schedule.plan("g1", MON)
    assert plan.entries[1].end - plan.entries[1].start == 25
    assert "实验室" in window.document.undo_stack.undoText()
    window.document.undo_stack.undo()
    assert window.document.tour.group("g1").day(MON).activities[1].minutes is None


def test_renaming_a_group_in_settings_shows_on_the_board_and_undoes(window, monkeypatch):
    def answer(dialog):
        dialog.title_edit.setText("湖南专题培训班")
        dialog.groups_model.setData(dialog.groups_model.index(0, 0), "第一组（余杭线）", Qt.ItemDataRole.EditRole)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(TourSettingsDialog, "exec", answer)
    window.edit_settings()
    assert window.document.tour.title == "湖南专题培训班"
    assert window.board_model.headerData(0, Qt.Orientation.Vertical).startswith("第一组（余杭线）")
    assert "湖南专题培训班" in window.windowTitle()
    window.document.undo_stack.undo()
    assert window.board_model.headerData(0, Qt.Orientation.Vertical).startswith("第一组\n")
    assert window.document.tour.title == "测试"


def test_removing_the_selected_group_in_settings_updates_every_view(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.board.select_cell("g2", MON)
    assert window.day_dock.slot == ("g2", MON)

    def answer(dialog):
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        dialog.remove_group(1)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(TourSettingsDialog, "exec", answer)
    window.edit_settings()
    assert [g.id for g in window.document.tour.groups] == ["g1"]
    assert window.board_model.rowCount() == 1
    assert window.day_dock.model.rowCount() == 0  # its group is gone: nothing to show
    assert all(p.group_id in (None, "g1") for p in window.document.schedule.problems)
    assert "第二组" not in window.totals_label.text()
    window.document.undo_stack.undo()
    assert window.board_model.rowCount() == 2 and "第二组" in window.totals_label.text()
