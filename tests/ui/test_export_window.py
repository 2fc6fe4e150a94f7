"""File › Export…, Share and Compare versions in the window: real dialogs, background jobs, files read back."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from planner.io.fileformat import save_tour
from planner.io.versions import keep_version
from planner.render.site_visits import site_visits
from planner.schedule.scheduler import schedule
from tests.ui.fake_viewer import file_viewer
from tests.ui.pdf_helpers import squeeze, text
from ui.exports.compare_dialog import CompareDialog
from ui.exports.export_center import ExportCenterDialog
from ui.exports.export_jobs import KINDS

pytestmark = pytest.mark.usefixtures("english")  # the result texts are checked in English


def _choose(monkeypatch, tmp_path, kinds=KINDS, uncheck_group=None):
    def answer(dialog: ExportCenterDialog):
        for kind, box in dialog.kinds.items():
            box.setChecked(kind in kinds)
        dialog.participant.setChecked(True)
        dialog.handbook_daily.setChecked(True)
        if uncheck_group:
            for i in range(dialog.groups.count()):
                item = dialog.groups.item(i)
                if item.data(Qt.ItemDataRole.UserRole) == uncheck_group:
                    item.setCheckState(Qt.CheckState.Unchecked)
        dialog.folder_edit.setText(str(tmp_path))
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportCenterDialog, "exec", answer)


def _run(qtbot, job):
    assert job is not None and job.isRunning()  # the window is back at once; the job works in its thread
    qtbot.waitUntil(job.isFinished, timeout=60000)
    exports = job.parent().exports
    qtbot.waitUntil(lambda: exports.result_box is not None)  # the outcome is shown


def test_one_dialog_writes_every_kind_of_output_and_offers_the_folder(window, qtbot, tmp_path, monkeypatch):
    _choose(monkeypatch, tmp_path, uncheck_group="g2")
    job = window.exports.export_all()
    progress = []
    job.progressed.connect(lambda p, _w: progress.append(p))
    labels = set()
    job.progressed.connect(lambda _p, _w: labels.add(window.exports.progress.labelText()))
    _run(qtbot, job)
    title = window.document.tour.title
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([f"{title}-行程手册-学员版.pdf", f"{title}-每日行程单-学员版.pdf", f"{title}-接待通知单.pdf",
                            f"{title}-行程表-学员版.xlsx", "手机日历-学员版", "微信图片-学员版"])
    assert openpyxl.load_workbook(tmp_path / f"{title}-行程表-学员版.xlsx").sheetnames == ["总览", "第一组", "住宿", "教学点"]  # no 问题: participant
    assert [p.name for p in (tmp_path / "手机日历-学员版").iterdir()] == ["g1-第一组.ics"]
    [png] = list((tmp_path / "微信图片-学员版").iterdir())
    assert Image.open(png).width == 1080
    assert "羊毛衫市场" in squeeze(text(tmp_path / f"{title}-接待通知单.pdf"))
    assert "每日行程单" in text(tmp_path / f"{title}-行程手册-学员版.pdf", 2, 2)  # appended: in the contents
    assert progress == sorted(progress) and progress[-1] == 100
    assert {"Printing the handbook…", "Painting the WeChat images…"} <= labels  # says what it is doing
    try:
        with file_viewer() as viewer:
            box = window.exports.result_box
            assert box is not None and box.text() == "Files exported: 6"
            next(b for b in box.buttons() if b.text() == "Open folder").click()
            assert viewer.opened == [str(tmp_path)]
    finally:
        window.exports.result_box.close()


def _answer_next_box(button):
    def click():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(button).click()
    QTimer.singleShot(0, click)


def test_replacing_files_asks_first_and_no_keeps_them(window, qtbot, tmp_path, monkeypatch):
    _choose(monkeypatch, tmp_path, kinds=("xlsx",))
    _run(qtbot, window.exports.export_all())
    window.exports.result_box.close()
    book = next(tmp_path.glob("*.xlsx"))
    before = book.read_bytes()
    _answer_next_box(QMessageBox.StandardButton.No)
    assert window.exports.export_all() is None
    assert book.read_bytes() == before
    _answer_next_box(QMessageBox.StandardButton.Yes)
    _run(qtbot, window.exports.export_all())
    window.exports.result_box.close()


def test_cancel_stops_the_export_and_leaves_no_half_file(window, qtbot, tmp_path, monkeypatch):
    _choose(monkeypatch, tmp_path, kinds=("handbook", "images"))
    job = window.exports.export_all()
    window.exports.progress.findChild(QPushButton).click()  # the progress dialog's Cancel button
    qtbot.waitUntil(job.isFinished, timeout=30000)
    qtbot.waitUntil(lambda: window.exports.result_box is not None)
    assert "cancelled" in window.exports.result_box.text()
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("**/.*.tmp"))
    window.exports.result_box.close()


def test_share_menu_paints_the_selected_day(window, qtbot, tmp_path):
    exports = window.exports
    window.board.tourSelected.emit()  # the corner: the whole tour, no one group to share
    assert not exports.share_day_action.isEnabled() and not exports.share_group_action.isEnabled()
    window.board.select_cell("g2", dt.date(2025, 2, 24))
    assert exports.share_day_action.isEnabled() and exports.share_group == "g2"
    _run(qtbot, exports.write_share_image(tmp_path, by_day=True))
    [png] = list((tmp_path / "微信图片-学员版").iterdir())
    assert png.name == "g2-第二组-2025-02-24.png" and Image.open(png).size[0] == 1080
    exports.result_box.close()


def test_compare_with_a_saved_version(window, qtbot, tmp_path):
    path = tmp_path / "t.tour.json"
    save_tour(window.document.tour, path)
    keep_version(path)
    window.document.path = path
    window.document.tour.group("g1").days[0].activities[0].pinned = dt.time(10, 0)
    dialog = CompareDialog(window.document, tmp_path, window)
    qtbot.addWidget(dialog)
    assert dialog.choice.count() == 1
    shown = dialog.text.toPlainText()
    assert "改时间" in shown and "10:00" in shown and "羊毛衫市场" in shown
    assert dialog.notice_button.isEnabled() and dialog.hosts_button.isEnabled()
    dialog.write_notice(tmp_path / "change.pdf")
    assert "行程变更通知" in squeeze(text(tmp_path / "change.pdf"))
    (tmp_path / "hosts").mkdir()  # a folder the user picked
    written = dialog.write_host_notices(tmp_path / "hosts")
    assert {p.name.split("-")[0] for p in written} == set(dialog.reissue_sites()) and written
    visited = set(site_visits(schedule(window.document.tour)))
    assert set(dialog.reissue_sites()) < visited  # only the changed sites' notices, not every host's


def test_the_dialog_needs_something_to_write_a_group_and_a_host_site(window, qtbot, tmp_path):
    dialog = ExportCenterDialog(window.document.tour, tmp_path, window)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()  # the handbook, every group, an existing folder
    dialog.kinds["notices"].setChecked(True)
    for i in range(dialog.sites.count()):
        dialog.sites.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()
    dialog.sites.item(0).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled() and dialog.request().sites == [dialog.sites.item(0).data(Qt.ItemDataRole.UserRole)]
    for i in range(dialog.groups.count()):
        dialog.groups.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()
    dialog.groups.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    assert not ok.isEnabled()
