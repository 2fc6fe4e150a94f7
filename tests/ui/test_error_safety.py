"""One error boundary: a failing slot, export or catalogue write becomes a message that says what failed and
that the tour is intact, with the traceback in a log file whose path the message shows."""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from planner.model.site import Site
from ui.catalogue.catalogue_commands import AddCatalogueSite
from ui.exports.export_dialog import ExportDialog



def answer_boxes(window, tmp_path):
    window.errors._log_folder = tmp_path / "logs"
    shown = []
    window.errors.ask = lambda title, text, offer_save_as: shown.append(text) or False
    return shown


class Sender(QObject):
    fired = Signal()


def test_an_exception_in_any_slot_becomes_a_message_and_a_log_entry(window, tmp_path, english, capfd):
    shown = answer_boxes(window, tmp_path)
    sender = Sender()

    def broken_slot():
        raise ZeroDivisionError("a bug in a slot")

    sender.fired.connect(broken_slot)
    before = sys.excepthook
    window.errors.install()
    try:
        sender.fired.emit()  # PySide6 hands the exception to sys.excepthook and carries on
    finally:
        sys.excepthook = before
    log = tmp_path / "logs" / "errors.log"
    assert len(shown) == 1 and "intact" in shown[0] and str(log) in shown[0] and "a bug in a slot" in shown[0]
    assert "broken_slot" in log.read_text(encoding="utf-8")  # the traceback, for whoever fixes it
    assert "Traceback" not in capfd.readouterr().err


def test_a_handbook_export_that_fails_in_an_unexpected_way_is_said(window, qtbot, tmp_path, monkeypatch, english):
    shown = answer_boxes(window, tmp_path)
    window.document.tour.title = "标题\ud800"  # cannot be encoded into the PDF's metadata

    def accept(dialog: ExportDialog):
        dialog.path_edit.setText(str(tmp_path / "handbook.pdf"))
        dialog.open_when_done.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    job = window.export_handbook()
    with qtbot.waitSignal(job.finished, timeout=60000):  # a busy machine prints slowly
        pass
    assert isinstance(job.error, UnicodeEncodeError)
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    assert "Exporting the handbook failed" in shown[0] and "UnicodeEncodeError" in shown[0]
    assert not (tmp_path / "handbook.pdf").exists()


def test_a_catalogue_that_cannot_be_saved_is_said_and_the_edit_stays(window, tmp_path, english, qtbot):
    shown = answer_boxes(window, tmp_path)
    path = tmp_path / "catalogue.sites.json"
    path.write_text('{"format": "study-tour/sites", "version": 1, "sites": []}', encoding="utf-8")
    path.chmod(0o444)
    window.document.catalogue_path = path
    site = Site(id="mine", name="我的教学点", kind="enterprise", lat=30.1, lon=120.1)
    window.document.push(AddCatalogueSite(window.document, site))
    assert window.document.catalogue.get("mine") is not None  # the edit is kept in the window
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=500)  # the file is written within half a second
    assert len(shown) == 1 and "read-only" in shown[0] and str(path) in shown[0]
    window.document.undo_stack.undo()
    assert window.document.catalogue.get("mine") is None



def test_after_a_language_switch_a_failing_save_is_still_said(qtbot, document, isolated_settings, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.i18n import install, lang
    from ui.main_window import MainWindow

    before = lang()
    old = MainWindow(document, isolated_settings, map_view_class=None)
    new = old.set_language("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the switch let go is gone
    try:
        shown = answer_boxes(new, tmp_path)
        target = tmp_path / "trip.tour.json"
        target.write_text("{}", encoding="utf-8")
        target.chmod(0o444)
        new.files.ask_save_path = lambda: target
        assert not new.files.save_as()
        assert len(shown) == 1 and "read-only" in shown[0]
    finally:
        new.close()
        new.deleteLater()
        install(before)


def test_an_exception_in_a_background_thread_is_said_in_the_window(window, qtbot, tmp_path, english):
    from PySide6.QtCore import QThread

    shown = answer_boxes(window, tmp_path)
    seen_in = []
    window.errors.ask = lambda title, text, offer: seen_in.append(QThread.currentThread()) or shown.append(text)

    class Job(QThread):
        def run(self):
            raise LookupError("a bug in a background job")

    before = sys.excepthook
    window.errors.install()
    try:
        job = Job()
        job.start()
        job.wait()
        qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    finally:
        sys.excepthook = before
    assert "a bug in a background job" in shown[0] and seen_in == [window.thread()]  # shown by the GUI thread
