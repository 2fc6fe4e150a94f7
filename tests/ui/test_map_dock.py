"""The map dock on a real QWebEngineView: offline Leaflet, one line per group, follows the board, keeps zoom."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWebEngineWidgets import QWebEngineView

from tests.ui.noise import ignore_webengine_noise
from ui.panels.map_dock import MapDock

pytestmark = ignore_webengine_noise

MON = dt.date(2025, 2, 24)


def js(qtbot, view, script):
    box = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def gone(qtbot, d) -> None:
    """Delete the web view now, inside the test: a Chromium page left to Python's GC can hang a later test."""
    d.shutdown()
    d.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(20)


@pytest.fixture
def dock(qtbot, document, isolated_settings):
    d = MapDock(document, isolated_settings, view_class=QWebEngineView)
    d.resize(700, 500)
    with qtbot.waitSignal(d.view.loadFinished, timeout=20000):  # a hidden dock loads nothing: showing it does
        d.show()
    qtbot.waitUntil(lambda: js_ready(qtbot, d), timeout=20000)
    yield d
    gone(qtbot, d)


def js_ready(qtbot, d) -> bool:
    return js(qtbot, d.view, "typeof window.studyTourMap") == "object"


def lines(qtbot, d) -> list[int] | None:
    """Number of points of every route line on the page (None while a page is still loading); the offline
    geography's outlines (Leaflet polygons, marked `studyTourGeo`) are not routes."""
    found = js(qtbot, d.view, "window.studyTourMap ? JSON.stringify(Object.values(studyTourMap._layers)"
                              ".filter(l => l instanceof L.Polyline && !l.options.studyTourGeo)"
                              ".map(l => l.getLatLngs().length)) : ''")
    return json.loads(found) if found else None


def test_the_offline_page_loads_leaflet_and_draws_one_line_per_group(qtbot, dock):
    assert js(qtbot, dock.view, "typeof L") == "object"
    assert js(qtbot, dock.view, "L.version") == "1.9.3"
    assert dock.view.url().isLocalFile()
    assert lines(qtbot, dock) == [4, 4]  # two groups: hotel → first site → second site → hotel
    # offline, the province/city outlines and names are drawn under the routes
    names = js(qtbot, dock.view, "Array.from(document.querySelectorAll('.st-place')).map(e => e.textContent)"
                                 ".join(' ')")
    assert "杭州市" in names


def test_the_dock_follows_the_boards_selection(qtbot, dock, document):
    dock.scope_box.setCurrentIndex(dock.scope_box.findData("day"))
    dock.follow("g2", MON)
    assert dock.scope().group_id == "g2" and dock.scope().date == MON
    qtbot.waitUntil(lambda: dock.view.url().fileName() == dock.page_path.name, timeout=20000)
    qtbot.waitUntil(lambda: (lines(qtbot, dock) or []) == [4], timeout=20000)  # hotel → 李祖村 → 展厅 → hotel
    tips = js(qtbot, dock.view, "Object.values(studyTourMap._layers).filter(l => l.getTooltip && l.getTooltip())"
                                ".map(l => l.getTooltip().getContent()).join(' ')")
    assert "李祖村" in tips and "羊毛衫市场" not in tips


def test_edits_keep_the_users_zoom_while_the_scope_stays(qtbot, dock, document):
    # the user grabs the map and zooms to 11
    js(qtbot, dock.view, "studyTourMap.getContainer().dispatchEvent(new MouseEvent('mousedown'));"
                         "studyTourMap.setView([30.3, 120.2], 11); studyTourMap.getZoom()")
    from ui.commands import RemoveActivity

    document.push(RemoveActivity(document.tour, "v2", "删除"))
    qtbot.waitUntil(lambda: dock.view.url().fileName() == dock.page_path.name, timeout=20000)
    qtbot.waitUntil(lambda: (lines(qtbot, dock) or []) == [3, 4], timeout=20000)  # the edit is on the map
    # the page may still be running its last script (the one that puts the view back): give it a moment
    qtbot.waitUntil(lambda: js(qtbot, dock.view, "studyTourMap.getZoom()") == 11, timeout=5000)


def test_the_page_cannot_read_local_files(qtbot, dock, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("秘密", encoding="utf-8")
    js(qtbot, dock.view, f"window.__read = 'pending'; fetch('file://{secret}').then(r => r.text())"
                         ".then(t => window.__read = t, e => window.__read = 'blocked'); 1")
    qtbot.waitUntil(lambda: js(qtbot, dock.view, "window.__read") != "pending", timeout=10000)
    assert js(qtbot, dock.view, "window.__read") == "blocked"


def test_without_qtwebengine_the_dock_says_so_and_offers_the_browser(qtbot, document, isolated_settings):
    d = MapDock(document, isolated_settings, view_class=None)
    qtbot.addWidget(d)
    assert d.view is None
    assert "QtWebEngine" in d.message.text() and d.browser_button.isEnabled()
    assert d.page_path is not None and d.page_path.read_text(encoding="utf-8").count("L.polyline(") == 2


def test_the_tile_choice_is_remembered(qtbot, document, isolated_settings):
    d = MapDock(document, isolated_settings, view_class=None)
    qtbot.addWidget(d)
    d.tiles_box.setCurrentIndex(d.tiles_box.findData("gaode"))
    assert isolated_settings.value("map/tiles") == "gaode"
    again = MapDock(document, isolated_settings, view_class=None)
    qtbot.addWidget(again)
    assert again.tiles_box.currentData() == "gaode"
    assert "autonavi" in again.page_path.read_text(encoding="utf-8")


def test_tianditu_asks_for_the_users_key_once_and_keeps_it_in_settings(qtbot, document, isolated_settings,
                                                                        monkeypatch):
    d = MapDock(document, isolated_settings, view_class=None)
    qtbot.addWidget(d)
    asked = []
    monkeypatch.setattr(d, "ask_key", lambda: asked.append(1) or "my-key-42")
    d.tiles_box.setCurrentIndex(d.tiles_box.findData("tianditu"))
    assert asked == [1] and isolated_settings.value("map/tianditu_key") == "my-key-42"
    assert "tk=my-key-42" in d.page_path.read_text(encoding="utf-8")
    assert "my-key-42" not in document.tour.model_dump_json()


def test_hostile_names_run_nothing_in_the_real_page(qtbot, isolated_settings):
    from tests.builders import day, group, site, tour, visit
    from ui.document import TourDocument

    evil = ['<img src=x onerror="window.__pwned=1">', '</script><script>window.__pwned=2</script>',
            '`${window.__pwned=3}`']
    t = tour(group("g1", day("2025-02-24", visit("a"), visit("b"), visit("c")), name=evil[0]),
             sites=[site("a", evil[0], at=(30.3, 120.2)), site("b", evil[1], at=(30.4, 120.3)),
                    site("c", evil[2], at=(30.5, 120.4))], title=evil[1])
    d = MapDock(TourDocument(t), isolated_settings, view_class=QWebEngineView)
    d.resize(600, 400)
    d.show()
    try:
        qtbot.waitUntil(lambda: js_ready(qtbot, d), timeout=20000)
        assert js(qtbot, d.view, "typeof window.__pwned") == "undefined"
        shown = js(qtbot, d.view, "Object.values(studyTourMap._layers).filter(l => l.getTooltip && l.getTooltip())"
                                  ".map(l => { var e = document.createElement('div');"
                                  " e.innerHTML = l.getTooltip().getContent(); return e.textContent; }).join('|')")
        assert all(text in shown for text in evil)  # shown as the very characters typed
    finally:
        gone(qtbot, d)


@pytest.mark.qt_log_ignore(r"does not support QPlatformServices::openDocument")
def test_open_in_browser_says_where_the_page_is_when_no_browser_opens_it(qtbot, document, isolated_settings,
                                                                        english):
    from PySide6.QtGui import QGuiApplication

    d = MapDock(document, isolated_settings, view_class=None)
    qtbot.addWidget(d)
    d.show()
    assert d.notice.isHidden()
    d.browser_button.click()  # offscreen: no browser is configured, openUrl gives False
    assert d.notice.isVisible()
    shown = d.notice.path
    assert d.notice.label.text() == f"No browser opened the map. Open this file in a browser: {shown}"
    assert shown.read_text(encoding="utf-8") == d.page_path.read_text(encoding="utf-8")
    d.notice.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(shown)
    d.refresh()  # a later page leaves the copy the user was given
    assert shown.exists()


def test_open_in_browser_hands_the_page_to_the_browser(qtbot, document, isolated_settings):
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class Browser(QObject):
        def __init__(self):
            super().__init__()
            self.pages = []

        @Slot(QUrl)
        def open(self, url):
            self.pages.append(url.toLocalFile())

    browser = Browser()
    QDesktopServices.setUrlHandler("file", browser, "open")
    try:
        d = MapDock(document, isolated_settings, view_class=None)
        qtbot.addWidget(d)
        d.browser_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert len(browser.pages) == 1 and "L.polyline(" in open(browser.pages[0], encoding="utf-8").read()
    assert d.notice.isHidden()


def test_an_edit_while_visible_replaces_the_pages_data_without_a_reload(qtbot, dock, document):
    loads, sent = [], []
    dock.view.loadFinished.connect(loads.append)
    dock.dataSent.connect(lambda: sent.append(1))
    js(qtbot, dock.view, "window.__samePage = 1")  # a reload would forget it
    from ui.commands import RemoveActivity

    document.push(RemoveActivity(document.tour, "v2", "删除"))
    qtbot.waitUntil(lambda: (lines(qtbot, dock) or []) == [3, 4], timeout=20000)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: (lines(qtbot, dock) or []) == [4, 4], timeout=20000)
    assert sent == [1, 1] and loads == []
    assert js(qtbot, dock.view, "window.__samePage") == 1


def test_a_hidden_map_does_no_work_until_it_is_shown(qtbot, dock, document):
    sent, written = [], []
    dock.dataSent.connect(lambda: sent.append(1))
    dock.pageWritten.connect(written.append)
    dock.hide()
    from ui.commands import RemoveActivity

    document.push(RemoveActivity(document.tour, "v2", "删除"))
    dock.follow_group("g1")
    assert sent == [] and written == []  # nothing built while nobody can see it
    dock.show()
    assert sent == [1]  # one catch-up with the latest tour and scope
    qtbot.waitUntil(lambda: (lines(qtbot, dock) or []) == [3], timeout=20000)


def test_the_view_fits_what_is_shown_and_the_scale_is_metric_only(qtbot, dock):
    inside = ("JSON.stringify(Object.values(studyTourMap._layers).filter(l => l.getLatLng && !l.options.studyTourGeo)"
              ".every(l => studyTourMap.getBounds().contains(l.getLatLng())))")
    assert js(qtbot, dock.view, inside) == "true"
    zoom_tour = js(qtbot, dock.view, "studyTourMap.getZoom()")
    dock.follow("g2", MON)
    qtbot.waitUntil(lambda: (lines(qtbot, dock) or []) == [4], timeout=20000)
    assert js(qtbot, dock.view, inside) == "true" and js(qtbot, dock.view, "studyTourMap.getZoom()") >= zoom_tour
    assert js(qtbot, dock.view, "document.querySelectorAll('.leaflet-control-scale-line').length") == 1
    assert js(qtbot, dock.view, "document.querySelector('.leaflet-control-scale-line').textContent").endswith("m")


def test_failing_online_tiles_fall_back_and_the_dock_says_so(qtbot, dock):
    with qtbot.waitSignal(dock.view.loadFinished, timeout=20000):  # another base map: a new page
        dock.tiles_box.setCurrentIndex(dock.tiles_box.findData("osm"))
    qtbot.waitUntil(lambda: js_ready(qtbot, dock), timeout=20000)
    # the office network refuses the tile server: every tile fails (the page's own error event)
    js(qtbot, dock.view, "Object.values(studyTourMap._layers).filter(l => l instanceof L.TileLayer)"
                         ".forEach(t => { for (var i = 0; i < 5; i++) t.fire('tileerror', {}); }); 1")
    qtbot.waitUntil(lambda: dock.tiles_failed.isVisible(), timeout=10000)
    assert js(qtbot, dock.view, "Object.values(studyTourMap._layers).some(l => l instanceof L.TileLayer)") is False
    assert js(qtbot, dock.view, "getComputedStyle(document.getElementById('st-failed')).display") == "block"
    # the offline geography takes the tiles' place
    assert js(qtbot, dock.view, "Object.values(studyTourMap._layers).filter(l => l.options.studyTourGeo).length") > 0


def test_the_browser_copy_goes_through_the_safe_writer(qtbot, document, isolated_settings, english):
    """A copy that cannot be replaced (read-only, even for root) is left as it was and the dock says so."""
    import os

    d = MapDock(document, isolated_settings, view_class=None)
    qtbot.addWidget(d)
    d.show()
    copy = d.page_path.parent / "study-tour-map.html"
    copy.write_text("old", encoding="utf-8")
    os.chmod(copy, 0o444)
    assert d.open_in_browser() is False
    assert copy.read_text(encoding="utf-8") == "old"
    assert d.notice.isVisible() and "study-tour-map.html" in d.notice.label.text()
    assert [p.name for p in copy.parent.iterdir() if p.name.endswith(".tmp")] == []
