"""The map dock: every group's route for the tour, the selected group or the selected day.

The page is written to a temporary file and loaded by URL (large pages fail through setHtml) once per
base map and language; an edit replaces only its data in place (`runJavaScript` with the data script),
and only while the dock is visible: a hidden map remembers it is behind and catches up when shown.
It follows the board's selection and keeps the user's zoom while the scope stays the same.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, QUrl, Signal
from PySide6.QtWidgets import (QComboBox, QDockWidget, QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from planner.io.atomic import FileWriteError, atomic_write
from planner.render.map_html import TILES, data_script, render_html
from planner.render.routes import Scope, build_route_map
from ui.dialogs.file_notice import FileNotice, open_externally
from ui.document import TourDocument
from ui.i18n import lang

TILES_SETTING = "map/tiles"
EDIT_DELAY_MS = 120
KEY_SETTING = "map/tianditu_key"


def web_view_class():
    """QWebEngineView, or None where QtWebEngine cannot be loaded on this machine."""
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
    except ImportError:
        return None
    return QWebEngineView


class MapDock(QDockWidget):
    pageWritten = Signal(str)  # a whole page was written to this file (a load follows)
    dataSent = Signal()        # an edit's data went into the loaded page in place

    def __init__(self, document: TourDocument, settings: QSettings, parent=None, view_class=None):
        """`view_class`: a QWebEngineView class, or None when the embedded viewer is not available."""
        super().__init__(parent)
        self.setObjectName("mapDock")
        self.setWindowTitle(self.tr("Map"))
        self.document, self.settings = document, settings
        self.selected: tuple[str, dt.date] | None = None
        self._temp = tempfile.TemporaryDirectory(prefix="study-tour-map-")  # removed with the dock
        self._folder = Path(self._temp.name)
        self._generation = 0
        self._shown_scope: Scope | None = None
        self._page_key: tuple | None = None  # (tiles, language) of the page in the view
        self._loading = False                # the view is loading the page: data waits for it
        self._behind = True                  # the page lags the tour (an edit while hidden, or none yet)
        self._page_path: Path | None = None
        body = QWidget(self)
        box = QVBoxLayout(body)
        box.setContentsMargins(2, 2, 2, 2)
        bar = QHBoxLayout()
        self.scope_box = QComboBox(body)
        for key, text in (("tour", self.tr("Whole tour")), ("group", self.tr("Selected group")),
                          ("day", self.tr("Selected day"))):
            self.scope_box.addItem(text, key)
        self.tiles_box = QComboBox(body)
        for key, text in (("none", self.tr("No base map (offline)")), ("osm", "OpenStreetMap"),
                          ("gaode", self.tr("Gaode (高德)")), ("tianditu", self.tr("Tianditu (天地图)"))):
            self.tiles_box.addItem(text, key)
        chosen = str(settings.value(TILES_SETTING, "none"))
        self.tiles_box.setCurrentIndex(max(0, self.tiles_box.findData(chosen if chosen in TILES else "none")))
        self.browser_button = QPushButton(self.tr("Open in browser"), body)
        bar.addWidget(self.scope_box)
        bar.addWidget(self.tiles_box)
        bar.addStretch(1)
        bar.addWidget(self.browser_button)
        box.addLayout(bar)
        self.notice = FileNotice(body)  # says where the page is when no browser opens it
        self.notice.setObjectName("mapNotice")
        box.addWidget(self.notice)
        self.view = self._make_view(view_class, body)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        if self.view is None:
            self.message.setText(self.tr("The built-in map viewer (QtWebEngine) cannot start on this machine. "
                                         "Use “Open in browser” to see the map."))
            box.addWidget(self.message)
            box.addStretch(1)
        else:
            box.addWidget(self.view, 1)
        self.setWidget(body)
        self.scope_box.currentIndexChanged.connect(self.refresh)
        self.tiles_box.currentIndexChanged.connect(self._tiles_changed)
        self.browser_button.clicked.connect(self.open_in_browser)
        if self.view is not None:
            self.view.loadFinished.connect(self._load_finished)
            self.view.urlChanged.connect(self._url_changed)
        self.tiles_failed = QLabel(self.tr("The online base map could not be loaded; the offline base is shown."),
                                   body)
        self.tiles_failed.setWordWrap(True)
        self.tiles_failed.hide()
        box.insertWidget(1, self.tiles_failed)
        # edits come in bursts (typing, dragging): the map follows once they pause, after the board
        self._edits = QTimer(self, singleShot=True, interval=EDIT_DELAY_MS, timeout=self._catch_up_if_visible)
        document.changed.connect(self._edited)
        self.refresh()

    @staticmethod
    def _make_view(view_class, parent):
        if view_class is None:
            return None
        try:
            view = view_class(parent)
        except Exception:  # noqa: BLE001 - any failure to start Chromium means: no embedded map
            return None
        _lock_down(view)
        return view

    # -- scope
    def follow(self, group_id: str, date: dt.date) -> None:
        """A group-day was selected on the board: show that day."""
        self._follow((group_id, date), "day")

    def follow_group(self, group_id: str) -> None:
        """A group's row header was selected: show the group's whole route."""
        self._follow((group_id, None), "group")

    def follow_tour(self) -> None:
        """The whole board was selected: every group."""
        self._follow(self.selected, "tour")

    def _follow(self, selected: tuple[str, dt.date | None] | None, key: str) -> None:
        self.selected = selected
        self.scope_box.blockSignals(True)
        self.scope_box.setCurrentIndex(self.scope_box.findData(key))
        self.scope_box.blockSignals(False)
        self.refresh()

    def scope(self) -> Scope:
        """What the scope box asks for, as far as the selection allows."""
        key = self.scope_box.currentData()
        group_id, date = self.selected if self.selected is not None else (None, None)
        if key == "tour" or group_id is None:
            return Scope()
        return Scope(group_id, date) if key == "day" and date is not None else Scope(group_id)

    def ask_key(self) -> str:
        """The user's own 天地图 key (kept in the settings, never in a tour file)."""
        key, ok = QInputDialog.getText(self, self.tr("Tianditu key"),
                                       self.tr("Your Tianditu (天地图) browser key:"),
                                       text=str(self.settings.value(KEY_SETTING, "")))
        return key.strip() if ok else ""

    def _tiles_changed(self) -> None:
        if self.tiles_box.currentData() == "tianditu" and not self.settings.value(KEY_SETTING, ""):
            key = self.ask_key()
            if key:
                self.settings.setValue(KEY_SETTING, key)
        self.settings.setValue(TILES_SETTING, self.tiles_box.currentData())
        self.refresh()  # another base map: a new page, fitted afresh

    # -- page
    def refresh(self) -> None:
        """The tour, scope or base map changed: bring the page up to date now if it can be seen."""
        self._behind = True
        if self.view is not None and self.isVisible():
            self._catch_up()

    def _edited(self) -> None:
        self._behind = True
        if self.view is not None and self.isVisible():
            self._edits.start()

    def _catch_up_if_visible(self) -> None:
        if self._behind and self.view is not None and self.isVisible():
            self._catch_up()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._behind and self.view is not None:
            self._catch_up()

    def _route_map(self):
        return build_route_map(self.document.schedule, self.scope())

    def _key(self) -> tuple:
        """What the loaded page itself depends on: base map, language and the area its geography covers."""
        return self.tiles_box.currentData(), lang(), self._area()

    def _area(self):
        """Every site of the tour, widened to half degrees: the geography stays while the scope moves
        inside it, and a site far outside brings a new page."""
        sites = self.document.tour.sites
        if not sites:
            return None
        lats, lons = [s.lat for s in sites], [s.lon for s in sites]
        return ((math.floor(min(lats) * 2) / 2, math.floor(min(lons) * 2) / 2),
                (math.ceil(max(lats) * 2) / 2, math.ceil(max(lons) * 2) / 2))

    def _catch_up(self) -> None:
        if self._page_key != self._key():
            self._shown_scope = self.scope()
            self._page_path = self._write_page(self._page_path)
            self._page_key = self._key()
            self._loading = True
            self.tiles_failed.hide()
            self.view.load(QUrl.fromLocalFile(str(self._page_path)))
        elif self._loading:
            return  # the page being loaded is already out of date: `_load_finished` sends the data
        else:
            scope = self.scope()
            refit, self._shown_scope = scope != self._shown_scope, scope
            self.view.page().runJavaScript(data_script(self._route_map(), self._key()[0], lang(), refit))
            self.dataSent.emit()
        self._behind = False

    def _write_page(self, old: Path | None) -> Path:
        """A whole page (folium) for the current tour, scope and base map, in a new file; the old one goes."""
        tiles, language, area = self._key()
        html = render_html(self._route_map(), tiles, str(self.settings.value(KEY_SETTING, "")), language, area)
        self._generation += 1
        path = self._folder / f"map-{self._generation}.html"
        atomic_write(path, html)
        if old is not None:
            old.unlink(missing_ok=True)
        self.pageWritten.emit(str(path))
        return path

    def _load_finished(self, _ok: bool) -> None:
        self._loading = False
        if self._behind and self.isVisible():  # edits came while the page was loading
            self._catch_up()

    def _url_changed(self, url: QUrl) -> None:
        """The page marks its URL when online tiles fail: say so here too."""
        self.tiles_failed.setVisible(url.fragment() == "tiles-failed")

    @property
    def page_path(self) -> Path | None:
        """The page in the view (its data since replaced in place); without a view, the current page."""
        if self.view is None and self._behind:
            self._page_path = self._write_page(self._page_path)
            self._behind = False
        return self._page_path

    def shutdown(self) -> None:
        """Free the web page before Chromium's profile goes: the reverse order crashes at exit."""
        if self.view is not None:
            view, self.view = self.view, None
            view.stop()
            view.deleteLater()

    def open_in_browser(self) -> bool:
        """Open a copy of the page that later edits leave alone; say where it is when no browser opens it."""
        copy = self._folder / "study-tour-map.html"
        try:
            if self.view is None:
                atomic_write(copy, self.page_path.read_bytes())
            else:  # the view's file has the data it was loaded with; the browser gets today's
                tiles, language, area = self._key()
                atomic_write(copy, render_html(self._route_map(), tiles, str(self.settings.value(KEY_SETTING, "")),
                                               language, area))
        except FileWriteError as e:
            # %1 stays for the path; the reason (read-only, disk full) goes in first
            self.notice.show_file(self.tr("The map could not be written for the browser (%2): %1")
                                  .replace("%2", e.reason), copy)
            return False
        if open_externally(copy):
            self.notice.hide()
            return True
        self.notice.show_file(self.tr("No browser opened the map. Open this file in a browser: %1"), copy)
        return False


def _lock_down(view) -> None:
    """The page may fetch tiles over the network, never read the user's files."""
    from PySide6.QtWebEngineCore import QWebEngineSettings

    settings = view.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalStorageEnabled, False)
