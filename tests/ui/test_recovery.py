"""Unsaved work survives a crash: a recovery copy per running window follows the edits within half a second,
is offered back after a crash (never while its owner still runs), and survives a second crash."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt

from planner.io.fileformat import load_tour
from planner.model.edits import Slot
from planner.model.tour import Activity
from tests.ui.board_helpers import cell_point, drop_site
from tests.ui.app_start import close, data_dir  # noqa: F401 (a fixture)
from tests.ui.noise import ignore_webengine_noise
from ui.app import create_window
from ui.commands import AddActivity
from ui.document import TourDocument
from ui.file_actions import FileActions
from ui.recovery import Recovery, attach

MON = dt.date(2025, 2, 24)
ROOT = Path(__file__).resolve().parents[2]


def add_visit(document: TourDocument, site: str = "mill") -> None:
    document.push(AddActivity(document.tour, Slot("g2", MON, 0), Activity(kind="visit", site=site), "添加"))


def test_an_edit_is_copied_within_half_a_second_and_saving_removes_the_copy(window, qtbot, tmp_path):
    recovery = Recovery(window.document, tmp_path / "recovery", window)
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    edited = time.monotonic()
    qtbot.waitUntil(lambda: recovery.tour_file.exists(), timeout=1000)
    assert time.monotonic() - edited < 0.5 + 0.3  # 0.5 s promised; slack for a busy test machine
    window.document.save(tmp_path / "saved.tour.json")
    assert not recovery.tour_file.exists()
    assert Recovery(TourDocument(), tmp_path / "recovery").pending() is None


def test_a_burst_of_edits_gives_one_write(document, qtbot, tmp_path):
    recovery = Recovery(document, tmp_path / "recovery")
    inodes = set()
    for site in ("mill", "lab", "farm", "hall", "mill"):
        add_visit(document, site)
        qtbot.wait(20)
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:  # every atomic write is a new file: count them as they appear
        if recovery.tour_file.exists():
            inodes.add(recovery.tour_file.stat().st_ino)
        qtbot.wait(5)
    assert len(inodes) == 1
    assert load_tour(recovery.tour_file) == document.tour  # the one write holds the last edit


def test_recovered_work_comes_back_as_unsaved_and_is_copied_again_at_once(qtbot, small_tour, tmp_path):
    crashed = TourDocument(small_tour.model_copy(deep=True), path=tmp_path / "trip.tour.json")
    before = Recovery(crashed, tmp_path / "recovery")
    add_visit(crashed)
    assert before.write()
    before.lock.unlock()  # the app "dies": its lock is gone
    fresh = TourDocument()
    after = Recovery(fresh, tmp_path / "recovery")
    assert after.restore()
    assert fresh.tour == crashed.tour and fresh.modified and fresh.path == tmp_path / "trip.tour.json"
    # no edit, no event loop: the restored work is already on disk in the new session's copy
    assert after.tour_file.exists() and not before.folder.exists()
    after.lock.unlock()  # a second crash
    again = TourDocument()
    assert Recovery(again, tmp_path / "recovery").restore() and again.tour == crashed.tour


OTHER_APP = """
import datetime as dt, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from PySide6.QtGui import QGuiApplication
from planner.model.edits import Slot
from planner.model.tour import Activity
from tests.builders import day, group, site, tour
from ui.commands import AddActivity
from ui.document import TourDocument
from ui.recovery import Recovery
app = QGuiApplication([])
doc = TourDocument(tour(group("g2", day("2025-02-24")), sites=[site("mill", "羊毛衫市场")]))
recovery = Recovery(doc, Path(sys.argv[1]))
doc.push(AddActivity(doc.tour, Slot("g2", dt.date(2025, 2, 24), 0), Activity(kind="visit", site="mill"), "add"))
print("edited", flush=True)
app.exec()
"""


def other_app(folder: Path) -> subprocess.Popen:
    """Another instance of the app, in its own process, that has just made one edit and keeps running."""
    other = subprocess.Popen([sys.executable, "-c", OTHER_APP, str(folder), str(ROOT)], stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert other.stdout.readline().strip() == "edited"
    return other


def kill(other: subprocess.Popen) -> None:
    other.send_signal(signal.SIGKILL)
    other.wait()
    other.stdout.close()


def visits_in(found) -> list[str]:
    return [a.site for a in found.tour.group("g2").day(MON).activities]


def test_a_live_instance_copy_is_never_offered_nor_deleted_and_a_killed_one_is_offered(qtbot, tmp_path):
    folder = tmp_path / "recovery"
    other = other_app(folder)
    try:
        qtbot.waitUntil(lambda: bool(list(folder.glob("*/tour.json"))), timeout=2000)
        copies = list(folder.glob("*/tour.json"))
        second = Recovery(TourDocument(), folder)  # a second window while the first still runs
        assert second.pending() is None and not second.restore()
        assert copies[0].exists()
    finally:
        kill(other)
    found = Recovery(TourDocument(), folder).pending()  # now its owner is dead: offered
    assert found is not None and visits_in(found) == ["mill"]


def test_an_edit_half_a_second_before_the_app_is_killed_is_recovered(qtbot, tmp_path):
    folder = tmp_path / "recovery"
    other = other_app(folder)
    time.sleep(0.5)
    kill(other)
    found = Recovery(TourDocument(), folder).pending()
    assert found is not None and visits_in(found) == ["mill"]


def test_declining_the_recovered_work_removes_it_and_an_idle_dead_session_leaves_nothing(qapp, small_tour, tmp_path):
    crashed = TourDocument(small_tour.model_copy(deep=True))
    before = Recovery(crashed, tmp_path / "recovery")
    add_visit(crashed)
    before.write()
    before.lock.unlock()
    later = Recovery(TourDocument(), tmp_path / "recovery")
    later.discard(later.pending())
    assert later.pending() is None and list((tmp_path / "recovery").iterdir()) == []


def test_a_corrupt_recovery_file_is_ignored_and_kept(tmp_path, qapp):
    folder = tmp_path / "recovery" / "123-dead"
    folder.mkdir(parents=True)
    (folder / "tour.json").write_text("{broken", encoding="utf-8")
    assert Recovery(TourDocument(), tmp_path / "recovery").pending() is None
    assert (folder / "tour.json").exists()  # for a person to look at, not silently deleted


def test_discarding_changes_on_close_leaves_nothing_to_recover(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    recovery = attach(window, tmp_path / "recovery")
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    assert recovery.write() and recovery.tour_file.exists()
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert not recovery.folder.exists()
    assert Recovery(TourDocument(), tmp_path / "recovery").pending() is None


def test_a_copy_that_cannot_be_written_is_said_once_in_the_status_bar(window, qtbot, tmp_path, capfd, english):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the recovery folder should be", encoding="utf-8")
    recovery = attach(window, blocked)
    said = []
    recovery.failed.connect(said.append)
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    qtbot.waitUntil(lambda: bool(said), timeout=1000)
    drop_site(window.board, "leather", cell_point(window.board, "g2", MON))
    qtbot.wait(500)
    assert len(said) == 1 and "recovery" in window.statusBar().currentMessage()
    assert "Traceback" not in capfd.readouterr().err
    blocked.unlink()  # room again: the next edit is copied and the warning goes
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    qtbot.waitUntil(lambda: recovery.tour_file.exists(), timeout=1000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=500)  # the worker's outcome


def test_a_lone_surrogate_in_a_name_is_a_status_message_not_a_traceback(window, qtbot, tmp_path, capfd, english):
    recovery = attach(window, tmp_path / "recovery")
    window.document.tour.groups[0].leader = "张\ud800"  # as a damaged paste could leave it
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=1000)
    assert "recovery" in window.statusBar().currentMessage() and not recovery.tour_file.exists()
    assert "Traceback" not in capfd.readouterr().err


def test_a_copy_left_by_the_earlier_single_copy_layout_is_still_offered(qapp, small_tour, tmp_path):
    from planner.io.fileformat import tour_to_json

    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "recovery.tour.json").write_text(tour_to_json(small_tour), encoding="utf-8")
    (folder / "recovery.json").write_text('{"path": "/somewhere/trip.tour.json"}', encoding="utf-8")
    found = Recovery(TourDocument(), folder).pending()
    assert found is not None and found.tour == small_tour and found.path == Path("/somewhere/trip.tour.json")


def crash_with_unsaved_work(folder: Path, small_tour, path: Path) -> TourDocument:
    """A session that edited `path` and died (its lock gone) before saving."""
    crashed = TourDocument(small_tour.model_copy(deep=True), path=path)
    before = Recovery(crashed, folder)
    add_visit(crashed)
    assert before.write()
    before.lock.unlock()
    return crashed


@ignore_webengine_noise
def test_at_start_the_dead_sessions_work_is_offered_restored_and_already_copied_again(
        data_dir, small_tour, tmp_path, monkeypatch):
    crashed = crash_with_unsaved_work(data_dir / "recovery", small_tour, tmp_path / "trip.tour.json")
    asked = []
    monkeypatch.setattr(FileActions, "ask_restore", lambda self, found: asked.append(found.path) or True)
    window = create_window([])
    try:
        assert asked == [tmp_path / "trip.tour.json"]  # the question names the file
        assert window.document.tour == crashed.tour and window.document.modified
        assert load_tour(window.recovery.tour_file) == crashed.tour  # a second crash would lose nothing
        assert [p.name for p in (data_dir / "recovery").iterdir()] == [window.recovery.folder.name]
    finally:
        close(window)
    assert list((data_dir / "recovery").iterdir()) == []  # closed (here: discarded): nothing left behind


@ignore_webengine_noise
def test_at_start_declining_removes_the_copy_and_opens_the_given_file(data_dir, small_tour, tmp_path, monkeypatch):
    from planner.io.fileformat import save_tour

    crash_with_unsaved_work(data_dir / "recovery", small_tour, tmp_path / "trip.tour.json")
    other = tmp_path / "other.tour.json"
    save_tour(small_tour, other)
    monkeypatch.setattr(FileActions, "ask_restore", lambda self, found: False)
    window = create_window([str(other)])
    try:
        assert window.document.path == other and not window.document.modified
        assert Recovery(TourDocument(), data_dir / "recovery").pending() is None
    finally:
        close(window)


def test_a_full_disk_is_said_once_in_the_status_bar_and_copying_resumes_when_there_is_room(
        window, qtbot, tmp_path, english, capfd):
    from tests.faults import fill, small_disk

    with small_disk(tmp_path / "data", size_kb=256) as data:
        recovery = attach(window, data / "recovery")
        said = []
        recovery.failed.connect(said.append)
        drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
        qtbot.waitUntil(lambda: recovery.tour_file.exists(), timeout=1000)
        fill(data)
        for group_id in ("g1", "g2"):
            drop_site(window.board, "leather", cell_point(window.board, group_id, MON))
            qtbot.wait(300)
        assert len(said) == 1 and "No space left" in said[0] and window.statusBar().currentMessage() == said[0]
        assert [p.name for p in recovery.folder.iterdir() if p.name.endswith(".tmp")] == []
        (data / "filler").unlink()
        drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
        qtbot.waitUntil(lambda: said[-1] == "", timeout=1000)
        assert load_tour(recovery.tour_file) == window.document.tour
        window.recovery.release()
        window.recovery = None
    assert "Traceback" not in capfd.readouterr().err


def test_the_restore_question_names_the_file_as_typed_and_recover_means_yes(window, qtbot, small_tour, tmp_path,
                                                                           english):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    small_tour.title = "<b>湖南</b>"
    crash_with_unsaved_work(tmp_path / "recovery", small_tour, tmp_path / "trip.tour.json")
    found = Recovery(TourDocument(), tmp_path / "recovery").pending()
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        seen.append((box.text(), box.textFormat()))
        next(b for b in box.buttons() if b.text() == "Recover").click()

    QTimer.singleShot(0, answer)
    assert window.files.ask_restore(found)
    text, fmt = seen[0]
    assert str(tmp_path / "trip.tour.json") in text and "“<b>湖南</b>”" in text and fmt == Qt.TextFormat.PlainText


def test_saving_while_the_copy_is_being_written_leaves_no_copy_behind(document, qtbot, tmp_path):
    """The copy goes to disk in a worker: a save (or close) right after must wait for it, or the worker's
    write would bring back a copy of work that is already saved."""
    recovery = Recovery(document, tmp_path / "recovery")
    for _ in range(5):
        add_visit(document)
        recovery.timer.timeout.emit()  # the write starts now, in the worker
        document.undo_stack.setClean()  # as a save does: the copy goes
        assert not recovery.tour_file.exists()
        qtbot.wait(30)
        assert not recovery.tour_file.exists() and not recovery.writer.busy
