"""Unsaved work survives a crash: a recovery copy follows the edits and is offered back at the next start."""

import datetime as dt

from planner.model.edits import Slot
from tests.ui.board_helpers import cell_point, drop_site
from ui.document import TourDocument
from ui.recovery import Recovery

MON = dt.date(2025, 2, 24)


def test_an_edit_is_copied_for_recovery_and_saving_removes_the_copy(window, qtbot, tmp_path):
    recovery = Recovery(window.document, tmp_path / "recovery", window)
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    qtbot.waitUntil(lambda: recovery.tour_file.exists(), timeout=5000)
    tour, path = recovery.pending()
    assert [a.site for a in tour.group("g1").day(MON).activities][-1] == "leather"
    window.document.save(tmp_path / "saved.tour.json")
    assert not recovery.tour_file.exists() and recovery.pending() is None


def test_recovered_work_comes_back_as_unsaved(qtbot, small_tour, tmp_path):
    crashed = TourDocument(small_tour.model_copy(deep=True), path=tmp_path / "trip.tour.json")
    before = Recovery(crashed, tmp_path / "recovery")
    from planner.model.tour import Activity
    from ui.commands import AddActivity

    crashed.push(AddActivity(crashed.tour, Slot("g2", MON, 0), Activity(kind="visit", site="mill"), "添加"))
    before.write()  # what the timer does; then the app "dies"
    fresh = TourDocument()
    after = Recovery(fresh, tmp_path / "recovery")
    assert after.restore()
    assert fresh.tour == crashed.tour and fresh.modified and fresh.path == tmp_path / "trip.tour.json"


def test_a_corrupt_recovery_file_is_ignored(tmp_path, qapp):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "recovery.tour.json").write_text("{broken", encoding="utf-8")
    assert Recovery(TourDocument(), folder).pending() is None


def test_discarding_changes_on_close_leaves_nothing_to_recover(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.recovery = Recovery(window.document, tmp_path / "recovery", window)
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    window.recovery.write()
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert window.recovery.pending() is None
