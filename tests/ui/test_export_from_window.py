"""File › 导出行程手册 PDF… in the window: same file as the command line, without freezing the window."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.io.fileformat import load_tour
from planner.render.handbook import STAFF, handbook_file_name
from tests.builders import day, group, site, tour, visit
from tests.ui.fake_viewer import viewer  # noqa: F401  (the fixture)
from tests.ui.pdf_helpers import pages, squeeze, text
from ui.cli import main
from ui.dialogs.file_notice import FileNotice
from ui.exports.export_dialog import ExportDialog

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


def test_the_window_writes_the_same_pdf_as_the_command_line(qtbot, tmp_path, monkeypatch, isolated_settings):
    from ui.document import TourDocument
    from ui.main_window import MainWindow

    window = MainWindow(TourDocument(load_tour(HUNAN), path=HUNAN), isolated_settings, map_view_class=None)
    qtbot.addWidget(window)
    from_window, from_cli = tmp_path / "window.pdf", tmp_path / "cli.pdf"
    today = dt.date.today().isoformat()

    def answer(dialog: ExportDialog):
        dialog.participant.setChecked(True)
        dialog.group_boxes["g1"].setChecked(False)
        dialog.path_edit.setText(str(from_window))
        dialog.open_when_done.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", answer)
    job = window.export_handbook()
    assert job is not None and job.isRunning()  # printing goes on in its thread; the window is back at once
    progress = []
    job.progressed.connect(progress.append)
    with qtbot.waitSignal(job.done, timeout=30000):
        pass  # the event loop keeps running meanwhile: the window repaints and takes input
    job.wait()
    assert progress and progress[-1] == 100 and progress == sorted(progress)
    assert main(["export-pdf", str(HUNAN), "-o", str(from_cli), "--edition", "participant", "--group", "g2",
                 "--group", "g3", "--print-date", today]) == 0
    assert from_window.read_bytes() == from_cli.read_bytes()
    body = squeeze(text(from_window))
    assert "第二组行程" in body and "第三组行程" in body and "第一组行程" not in body
    assert pages(from_window) > 5


def test_the_dialog_refuses_no_groups_or_no_file(qtbot, tmp_path):
    dialog = ExportDialog(load_tour(HUNAN), tmp_path / "x.pdf")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    for box in dialog.group_boxes.values():
        box.setChecked(False)
    assert not ok.isEnabled()
    dialog.group_boxes["g2"].setChecked(True)
    dialog.path_edit.setText("")
    assert not ok.isEnabled()


NO_VIEWER = r"does not support QPlatformServices::openDocument"


def small_window(qtbot, tmp_path, isolated_settings):
    from ui.document import TourDocument
    from ui.main_window import MainWindow

    t = tour(group("g1", day("2025-02-24", visit("x")), name="第一组"),
             group("g2", day("2025-02-24", visit("x")), name="第二组"), sites=[site("x", "海宁中国皮革城")],
             title="浙江/研学")
    window = MainWindow(TourDocument(t, path=tmp_path / "t.tour.json"), isolated_settings, map_view_class=None)
    qtbot.addWidget(window)
    return window


def export(qtbot, window, monkeypatch, edition: str, open_it: bool = False) -> str:
    def answer(dialog: ExportDialog):
        getattr(dialog, edition).setChecked(True)
        dialog.open_when_done.setChecked(open_it)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", answer)
    job = window.export_handbook()
    with qtbot.waitSignal(job.done, timeout=30000) as done:
        pass
    job.wait()
    return done.args[0]


def test_the_two_editions_get_different_default_names_and_both_files_stay(qtbot, tmp_path, monkeypatch,
                                                                         isolated_settings):
    window = small_window(qtbot, tmp_path, isolated_settings)
    staff = export(qtbot, window, monkeypatch, "staff")
    participant = export(qtbot, window, monkeypatch, "participant")
    assert Path(staff) == tmp_path / "浙江_研学-行程手册-工作人员版.pdf"  # a "/" in the title is no folder
    assert Path(participant) == tmp_path / "浙江_研学-行程手册-学员版.pdf"
    assert "待处理问题" in squeeze(text(Path(staff))) and "待处理问题" not in squeeze(text(Path(participant)))
    assert handbook_file_name("", STAFF) == "行程手册-工作人员版.pdf"


def test_the_file_name_follows_the_edition_unless_the_user_chose_one(qtbot, tmp_path):
    dialog = ExportDialog(load_tour(HUNAN), tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.path().name.endswith("-行程手册-工作人员版.pdf") and dialog.path().parent == tmp_path
    dialog.participant.setChecked(True)
    assert dialog.path().name.endswith("-行程手册-学员版.pdf")
    dialog.path_edit.setText(str(tmp_path / "mine.pdf"))
    dialog.staff.setChecked(True)
    assert dialog.path() == tmp_path / "mine.pdf"


def test_an_existing_file_is_replaced_only_after_a_yes(qtbot, tmp_path):
    dialog = ExportDialog(load_tour(HUNAN), tmp_path)
    qtbot.addWidget(dialog)
    dialog.path().write_bytes(b"earlier")
    dialog.show()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    box = dialog.overwrite_box
    assert box is not None and box.isVisible() and dialog.path().name in box.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.participant.setChecked(True)  # a file that does not exist yet: no question
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog.staff.setChecked(True)
    dialog.show()
    ok.click()
    dialog.overwrite_box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.path().name.endswith("工作人员版.pdf")


@pytest.mark.qt_log_ignore(NO_VIEWER)
def test_when_no_viewer_opens_the_pdf_the_window_says_where_it_is(qtbot, tmp_path, monkeypatch,
                                                                     isolated_settings, english):
    window = small_window(qtbot, tmp_path, isolated_settings)
    path = export(qtbot, window, monkeypatch, "participant", open_it=True)  # offscreen: no viewer at all
    notice = window.findChild(FileNotice, "handbookNotice")
    assert not notice.parentWidget().isHidden() and not notice.isHidden()
    assert notice.label.text() == f"No PDF viewer opened the handbook. It is at {path}"
    notice.copy_button.click()
    assert QGuiApplication.clipboard().text() == path
    assert not notice.open_folder()  # no file manager either: it says so, the path stays
    assert notice.label.text() == f"No program opened the folder. The file is at {path}"


def test_a_viewer_opens_the_pdf_and_the_folder_button_opens_its_folder(qtbot, tmp_path, monkeypatch,
                                                                       isolated_settings, english, viewer):
    window = small_window(qtbot, tmp_path, isolated_settings)
    path = export(qtbot, window, monkeypatch, "staff", open_it=True)
    assert viewer.opened == [path]
    notice = window.findChild(FileNotice, "handbookNotice")
    assert notice.label.text() == f"Handbook written: {path}"
    notice.folder_button.click()
    assert viewer.opened == [path, str(tmp_path)]
    notice.close_button.click()
    assert notice.parentWidget().isHidden()
    export(qtbot, window, monkeypatch, "participant")
    assert not notice.parentWidget().isHidden()  # the same bar, back again
    assert notice.label.text().endswith("学员版.pdf") and window.findChildren(FileNotice, "handbookNotice") == [notice]
