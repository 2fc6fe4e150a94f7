"""Saving never silently loses or overwrites work: read-only files, symlinks, failing saves, a colleague's
(or a second window's) change on disk, and a sync client replacing the file while it is open."""

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.io.fileformat import load_tour, save_tour, tour_to_json
from planner.io.versions import list_versions
from tests.ui.board_helpers import cell_point, drop_site
from ui.document import TourDocument
from ui.file_actions import Conflict
from ui.main_window import MainWindow

MON = dt.date(2025, 2, 24)


def sites_on(tour, group="g1"):
    return [a.site for a in tour.group(group).day(MON).activities]


@pytest.fixture
def saved(window, tmp_path):
    """The window on a tour file of its own."""
    path = tmp_path / "trip.tour.json"
    save_tour(window.document.tour, path)
    assert window.files.open(path)
    return path


def boxes(window, answer=False):
    """Answer the error box like a user would; returns what it said."""
    shown = []
    window.errors.ask = lambda title, text, offer_save_as: shown.append((text, offer_save_as)) or answer
    return shown


def test_a_read_only_tour_is_not_overwritten_the_failure_is_said_and_save_as_is_offered(window, saved, tmp_path):
    before = saved.read_bytes()
    os.chmod(saved, 0o444)
    shown = boxes(window, answer=True)  # the user takes "Save As…"
    window.files.ask_save_path = lambda: tmp_path / "copy.tour.json"
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    assert window.files.save()
    assert saved.read_bytes() == before and oct(saved.stat().st_mode & 0o777) == "0o444"
    text, offered = shown[0]
    assert offered and "read-only" in text and str(saved) in text
    assert sites_on(load_tour(tmp_path / "copy.tour.json"))[-1] == "leather"
    assert window.document.path == tmp_path / "copy.tour.json" and not window.document.modified


def test_a_symlinked_tour_keeps_its_link_and_the_real_file_changes(window, tmp_path):
    real = tmp_path / "shared" / "trip.tour.json"
    real.parent.mkdir()
    save_tour(window.document.tour, real)
    link = tmp_path / "trip.tour.json"
    link.symlink_to(real)
    assert window.files.open(link)
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    assert window.files.save()
    assert link.is_symlink() and sites_on(load_tour(real))[-1] == "leather"


def test_a_save_that_fails_for_any_reason_is_said_and_the_file_is_untouched(window, saved, tmp_path, english):
    before = saved.read_bytes()
    window.errors._log_folder = tmp_path / "logs"
    shown = boxes(window)
    window.document.tour.groups[0].leader = "张\ud800"  # cannot be written as UTF-8
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    assert not window.files.save()
    text, offered = shown[0]
    assert "failed" in text and "intact" in text and str(tmp_path / "logs" / "errors.log") in text
    assert "UnicodeEncodeError" in (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert saved.read_bytes() == before and window.document.modified
    assert [p.name for p in saved.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_answering_save_on_close_when_the_save_fails_keeps_the_window_open(window, saved, monkeypatch):
    boxes(window)
    window.document.tour.groups[0].leader = "张\ud800"
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: QMessageBox.StandardButton.Save)
    assert not window.close()
    assert window.isVisible() and window.document.modified and sites_on(window.document.tour)[-1] == "leather"


@pytest.fixture
def second(qtbot, isolated_settings, catalogue):
    """A second window of the app."""
    win = MainWindow(TourDocument(catalogue=catalogue), isolated_settings, map_view_class=None)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


@pytest.mark.parametrize("answer", list(Conflict))
def test_two_windows_on_one_file_the_second_save_asks_first(window, second, saved, tmp_path, answer):
    assert second.files.open(saved)
    second.files.ask_reload = lambda modified: False  # it notices the first window's save; keeps its own
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    assert window.files.save()  # the first window's change is on disk
    first = load_tour(saved)
    drop_site(second.board, "leather", cell_point(second.board, "g2", MON))
    asked = []
    second.files.ask_conflict = lambda: asked.append(1) or answer
    second.files.ask_save_path = lambda: tmp_path / "mine.tour.json"
    second.files.save()
    assert asked
    on_disk = load_tour(saved)
    if answer is Conflict.OVERWRITE:  # on purpose: what was there is the newest version, not lost
        assert sites_on(on_disk, "g2")[-1] == "leather"
        assert load_tour(list_versions(saved)[0].path) == first
    else:
        assert on_disk == first
    if answer is Conflict.SAVE_AS:
        assert sites_on(load_tour(tmp_path / "mine.tour.json"), "g2")[-1] == "leather"
    if answer is Conflict.RELOAD:
        assert second.document.tour == first and not second.document.modified
    if answer is Conflict.CANCEL:
        assert second.document.modified


def test_saving_twice_in_one_window_does_not_ask(window, saved):
    window.files.ask_conflict = lambda: pytest.fail("asked about its own save")
    for group in ("g1", "g2"):
        drop_site(window.board, "leather", cell_point(window.board, group, MON))
        assert window.files.save()


def replace_on_disk(path, tour):
    """As editors and sync clients do: a new file renamed over the old one (the watch on it is lost)."""
    tmp = path.with_name("sync-tmp")
    save_tour(tour, tmp)
    os.replace(tmp, path)


def test_a_change_on_disk_while_open_is_noticed_and_reloaded_even_after_an_atomic_replace(window, saved, qtbot):
    asked = []
    window.files.ask_reload = lambda modified: asked.append(modified) or True
    theirs = window.document.tour.model_copy(deep=True)
    theirs.title = "同事改过的标题"
    replace_on_disk(saved, theirs)
    qtbot.waitUntil(lambda: window.document.tour.title == "同事改过的标题", timeout=3000)
    assert asked == [False]  # nothing unsaved here: the simple question
    theirs.title = "又改了一次"
    saved.write_text(tour_to_json(theirs), encoding="utf-8")  # in place this time
    qtbot.waitUntil(lambda: window.document.tour.title == "又改了一次", timeout=3000)


def test_declining_a_reload_keeps_the_edits_and_the_save_still_asks(window, saved, qtbot):
    asked = []
    window.files.ask_reload = lambda modified: asked.append(modified) or False
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    theirs = load_tour(saved)
    theirs.title = "同事改过的标题"
    replace_on_disk(saved, theirs)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    qtbot.wait(600)
    assert asked == [True] and sites_on(window.document.tour)[-1] == "leather"  # asked once, edits kept
    window.files.ask_conflict = lambda: Conflict.CANCEL
    assert not window.files.save() and load_tour(saved).title == "同事改过的标题"


def test_touching_the_file_without_changing_it_does_not_ask(window, saved, qtbot):
    window.files.ask_reload = lambda modified: pytest.fail("asked for an unchanged file")
    os.utime(saved, None)
    qtbot.wait(700)


def test_saving_on_a_full_disk_is_said_and_the_file_and_the_disk_are_as_before(window, tmp_path):
    from tests.faults import fill, small_disk

    with small_disk(tmp_path / "usb", size_kb=512) as usb:
        path = usb / "trip.tour.json"
        save_tour(window.document.tour, path)
        assert window.files.open(path)
        before = path.read_bytes()
        shown = boxes(window)
        drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
        fill(usb, leave=1024)  # room for less than the tour
        assert not window.files.save()
        assert "磁盘已满" in shown[0][0] and shown[0][1]  # said, with Save As… offered
        assert path.read_bytes() == before and window.document.modified
        assert sorted(p.name for p in usb.iterdir() if p.name.endswith(".tmp")) == []
        window.document.undo_stack.setClean()
