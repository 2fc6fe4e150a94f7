"""The 定位 button beside the address in the site form: fills the place and the point in the background.

Offline it fills province, city and county and the county's centre (precision "county"); with
online locating allowed, the site's own point when a service knows it. The form stays usable
while it works; a network failure only leaves a note beside the button.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from planner.geo.locate import Located
from ui import literal
from ui.dialogs.form_errors import fill
from ui.geo.geo_settings import geocoder
from ui.geo.locate_job import LocateJob, Request


class LocateButton(QObject):
    """Installs itself on a SiteDialog (its `address_row`, name/address/place/coordinate fields)."""

    def __init__(self, dialog, settings: QSettings | None = None):
        super().__init__(dialog)
        self.dialog = dialog
        self.settings = settings or QSettings()
        self.button = QPushButton(self.tr("Locate"))
        self.button.setObjectName("locateButton")
        self.button.setToolTip(self.tr("Fill province, city, county and coordinates from the address "
                                       "(or the name)"))
        self.note = getattr(dialog, "address_note", None) or QLabel()  # a line of its own under the address
        self.note.setObjectName("locateNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # service messages and addresses show as typed
        dialog.address_row.addWidget(self.button)
        if self.note.parent() is None:
            dialog.address_row.addWidget(self.note)
        self.button.clicked.connect(self.locate)
        self.job: LocateJob | None = None

    def _say(self, text: str) -> None:
        """The note, whole in its tooltip: the line under the address cuts a long one."""
        self.note.setText(text)
        self.note.setToolTip(literal.tooltip(text))  # as typed: an address may hold anything

    def locate(self) -> None:
        d = self.dialog
        address, name = d.address_edit.text().strip(), d.name_edit.text().strip()
        if not (address or name):
            self._say(self.tr("Type the address first"))
            return
        region = d.province_edit.text().strip() + d.city_edit.text().strip() + d.county_edit.text().strip()
        self.job = LocateJob([Request("form", address, name, region)], geocoder(self.settings))
        self.job.located.connect(self._located)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._finished)
        self.button.setEnabled(False)
        self._say(self.tr("Locating…"))
        self.job.start()

    def _located(self, _key: str, found: Located | None) -> None:
        d = self.dialog
        if found is None:
            self._say(self.tr("No county found in the address or name"))
            return
        for edit, value in ((d.province_edit, found.province), (d.city_edit, found.city),
                            (d.county_edit, found.county)):
            if not edit.text().strip() and value:
                edit.setText(value)
        has_point = d.lat_edit.text().strip() and d.lon_edit.text().strip() and \
            d.precision_box.currentData() == "site"
        if found.precision == "county" and has_point:  # a county centre never replaces the site's own point
            text = self.tr("Place filled; your coordinates kept (the county centre is less precise)")
        else:
            d.lat_edit.setText(f"{found.lat:.6f}")
            d.lon_edit.setText(f"{found.lon:.6f}")
            d.precision_box.setCurrentIndex(d.precision_box.findData(found.precision))
            where = {"county": self.tr("county centre"), "baidu": self.tr("Baidu Maps"),
                     "nominatim": self.tr("OpenStreetMap")}[found.source]
            text = fill(self.tr("Located: %1"), where)
        self._say(f"{text} · {found.warning}" if found.warning else text)

    def _failed(self, _key: str, message: str) -> None:
        self._say(message)

    def _finished(self, _stopped: str) -> None:
        self.button.setEnabled(True)
        self.job = None
