"""UI test fixtures: settings isolated per test, small documents, a ready main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

import ui.i18n

from planner.model.site import Catalogue, Site
from tests.builders import day, group, site, tour, visit


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """Each test gets empty QSettings in its own folder, never the user's."""
    qapp.setOrganizationName("StudyTourTests")
    qapp.setApplicationName("Study-Tour Planner Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    settings = QSettings()
    settings.clear()
    yield settings
    settings.clear()


@pytest.fixture
def small_tour():
    """Two groups on Mon 24 Feb 2025, two visits each, all at one point (no travel)."""
    return tour(group("g1", day("2025-02-24", visit("mill", id="v1"), visit("lab", id="v2")), name="第一组"),
                group("g2", day("2025-02-24", visit("farm", id="w1"), visit("hall", id="w2")), name="第二组"),
                sites=[site("mill", "羊毛衫市场"), site("lab", "实验室"), site("farm", "李祖村", kind="village"),
                       site("hall", "展厅", kind="government")])


@pytest.fixture
def catalogue():
    return Catalogue(sites=[Site(id="leather", name="海宁中国皮革城", kind="enterprise", city="嘉兴市",
                                 county="海宁市", lat=30.27, lon=120.15, visit_minutes=60)])


@pytest.fixture
def document(qapp, small_tour, catalogue):
    from ui.document import TourDocument

    return TourDocument(small_tour, catalogue=catalogue)


@pytest.fixture
def window(qtbot, document, isolated_settings):
    from ui.main_window import MainWindow

    # No embedded web view here (the map dock's own tests use the real one): one Chromium per test is slow.
    win = MainWindow(document, isolated_settings, map_view_class=None)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    document.undo_stack.setClean()  # closing below must not ask about unsaved changes
    win.close()
    win.deleteLater()


@pytest.fixture(autouse=True)
def no_modal_message_boxes(monkeypatch):
    """A modal box would hang a headless test run: fail at once instead, naming the box."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(name):
        def box(*args, **kwargs):
            raise AssertionError(f"unexpected QMessageBox.{name}: {args[1:3]}")
        return box

    for name in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse(name))


@pytest.fixture(autouse=True)
def language_reset(qapp):
    """Whatever language a test switched to (a fixture, the View menu), the next test starts as if none was
    installed: a test passing alone must pass after any other."""
    yield
    ui.i18n.reset()


@pytest.fixture
def english():
    ui.i18n.install("en")


@pytest.fixture
def chinese(qapp):
    """The interface in Chinese, from the project's translation (built from its TSV when stale)."""
    ui.i18n.install("zh")
