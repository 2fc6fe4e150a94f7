"""The map dock: every group's route for the tour, the selected group or the selected day.

The page is written to a temporary file and loaded by URL (large pages fail through setHtml). It
follows the board's selection and keeps the user's zoom while the scope stays the same.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtWidgets import (QComboBox, QDockWidget, QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from planner.render.map_html import TILES, render_html
from planner.render.routes import Scope, build_route_map
from ui.dialogs.file_notice import FileNotice, open_externally
from ui.document import TourDocument
from ui.i18n import lang

TILES_SETTING = "map/tiles"
KEY_SETTING = "map/tianditu_key"


def web_view_class():
    """QWebEngineView, or None where QtWebEngine cannot be loaded on this machine."""
    try:
        from PySide6.QtWebEngineWidgets import QWebEngineView
    except ImportError:
        return None
    return QWebEngineView


class MapDock(QDockWidget):
    pageWritten = Signal(str)  # the file just written (tests wait on the load that follows)

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
        self.page_path: Path | None = None
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
        document.changed.connect(self.refresh)
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
        self._shown_scope = None  # other tiles: a fresh view
        self.refresh()

    # -- page
    def refresh(self) -> None:
        scope = self.scope()
        html = render_html(build_route_map(self.document.schedule, scope), self.tiles_box.currentData(),
                           str(self.settings.value(KEY_SETTING, "")), lang())
        self._generation += 1
        path = self._folder / f"map-{self._generation}.html"
        path.write_text(html, encoding="utf-8")
        old, self.page_path = self.page_path, path
        same_scope = scope == self._shown_scope
        self._shown_scope = scope
        if self.view is not None:
            if same_scope:
                self._reload_keeping_view(path)
            else:
                self.view.load(QUrl.fromLocalFile(str(path)))
        if old is not None and old != path:
            old.unlink(missing_ok=True)
        self.pageWritten.emit(str(path))

    def _reload_keeping_view(self, path: Path) -> None:
        """Ask the page where the user is looking, then load the new page and put the view back there."""
        view = self.view

        def restore(state) -> None:
            if self.page_path != path:
                return  # a newer edit already replaced this page
            try:
                lat, lon, zoom = (float(v) for v in json.loads(state))
            except (TypeError, ValueError):
                pass  # no map on the old page: the new one fits its routes
            else:
                _set_initial_view(path, lat, lon, zoom)
            view.load(QUrl.fromLocalFile(str(path)))

        # JSON text, because JavaScript arrays do not cross into Python reliably
        view.page().runJavaScript(
            "window.studyTourMap ? JSON.stringify([studyTourMap.getCenter().lat, studyTourMap.getCenter().lng, "
            "studyTourMap.getZoom()]) : ''", 0, restore)

    def shutdown(self) -> None:
        """Free the web page before Chromium's profile goes: the reverse order crashes at exit."""
        if self.view is not None:
            view, self.view = self.view, None
            view.stop()
            view.deleteLater()

    def open_in_browser(self) -> bool:
        """Open a copy of the page that later edits leave alone; say where it is when no browser opens it."""
        if self.page_path is None:
            return False
        copy = self._folder / "study-tour-map.html"
        copy.write_bytes(self.page_path.read_bytes())
        if open_externally(copy):
            self.notice.hide()
            return True
        self.notice.show_file(self.tr("No browser opened the map. Open this file in a browser: %1"), copy)
        return False


def _set_initial_view(path: Path, lat: float, lon: float, zoom: int) -> None:
    # appended last, so it runs after the page's own fitBounds
    text = path.read_text(encoding="utf-8")
    keep = f"<script>window.studyTourKeepView && studyTourKeepView({lat:.6f}, {lon:.6f}, {int(zoom)});</script>"
    path.write_text(text.replace("</html>", keep + "\n</html>"), encoding="utf-8")


def _lock_down(view) -> None:
    """The page may fetch tiles over the network, never read the user's files."""
    from PySide6.QtWebEngineCore import QWebEngineSettings

    settings = view.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalStorageEnabled, False)
