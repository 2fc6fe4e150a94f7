"""File › 导出行程手册 PDF… in the window: same file as the command line, without freezing the window."""

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog

from planner.io.fileformat import load_tour
from tests.ui.pdf_helpers import pages, squeeze, text
from ui.cli import main
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
