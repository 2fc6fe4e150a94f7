"""Online locating: off until the user allows it; the Baidu key is theirs, kept in QSettings only.

The geocoder's answers are cached in the application data folder (geocache.json).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from planner.geo.cache import GeoCache
from planner.geo.online import OnlineGeocoder, Services

ONLINE_SETTING = "geo/online"
KEY_SETTING = "geo/baidu_key"
NOMINATIM_SETTING = "geo/nominatim"

SERVICES: Services | None = None
"""Where the services are; None: the real ones. Tests point this at a local fake server."""


def online_allowed(settings: QSettings) -> bool:
    return str(settings.value(ONLINE_SETTING, "false")).lower() in ("true", "1")


def cache_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "geocache.json"


def geocoder(settings: QSettings) -> OnlineGeocoder | None:
    """The online geocoder the user allowed, or None (offline only)."""
    if not online_allowed(settings):
        return None
    use_osm = str(settings.value(NOMINATIM_SETTING, "true")).lower() in ("true", "1")
    geo = OnlineGeocoder(str(settings.value(KEY_SETTING, "")), GeoCache(cache_path()), SERVICES, use_osm)
    return geo if geo.services else None


class GeoSettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("geoSettingsDialog")
        self.setWindowTitle(self.tr("Locating sites"))
        self.settings = settings
        self.online_check = QCheckBox(self.tr("Look addresses up online (sends the address to the map service)"))
        self.online_check.setChecked(online_allowed(settings))
        self.key_edit = QLineEdit(str(settings.value(KEY_SETTING, "")))
        self.key_edit.setPlaceholderText(self.tr("your own Baidu Maps server key (AK)"))
        self.key_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.osm_check = QCheckBox(self.tr("Ask OpenStreetMap (Nominatim) when Baidu has no answer or no key"))
        self.osm_check.setChecked(str(settings.value(NOMINATIM_SETTING, "true")).lower() in ("true", "1"))
        note = QLabel(self.tr("Without online locating a site is placed at the centre of the county its address "
                              "names. The key stays in this computer's settings and never goes into tour files."))
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.online_check)
        form.addRow(self.tr("Baidu key"), self.key_edit)
        form.addRow(self.osm_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.setValue(ONLINE_SETTING, self.online_check.isChecked())
        self.settings.setValue(KEY_SETTING, self.key_edit.text().strip())
        self.settings.setValue(NOMINATIM_SETTING, self.osm_check.isChecked())
        super().accept()
