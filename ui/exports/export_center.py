"""File › Export…: one dialog for every output (what, which groups and sites, edition, where)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QRadioButton, QVBoxLayout,
                               QWidget)

from planner.model.tour import Tour
from planner.render.handbook import PARTICIPANT, STAFF
from planner.render.notices import host_sites
from planner.schedule.scheduler import schedule
from ui.exports.export_jobs import CALENDARS, DAILY, HANDBOOK, IMAGES, NOTICES, WORKBOOK, ExportRequest


def _checklist(parent: QWidget, items: list[tuple[str, str]]) -> QListWidget:
    box = QListWidget(parent)
    for key, label in items:
        item = QListWidgetItem(label, box)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
    box.setMaximumHeight(140)
    return box


def _checked(box: QListWidget) -> list[str]:
    return [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


class ExportCenterDialog(QDialog):
    def __init__(self, tour: Tour, folder: Path, parent=None):
        super().__init__(parent)
        self.tour = tour
        self.setWindowTitle(self.tr("Export"))
        form = QFormLayout(self)
        what = QWidget(self)
        column = QVBoxLayout(what)
        column.setContentsMargins(0, 0, 0, 0)
        self.kinds: dict[str, QCheckBox] = {}
        for kind, label in ((HANDBOOK, self.tr("Itinerary handbook (PDF)")),
                            (DAILY, self.tr("Daily sheets for the bus leaders (PDF)")),
                            (NOTICES, self.tr("Host notices (PDF)")),
                            (WORKBOOK, self.tr("Excel workbook")),
                            (CALENDARS, self.tr("Phone calendars (.ics), one per group")),
                            (IMAGES, self.tr("WeChat images (PNG), one per group"))):
            box = QCheckBox(label, what)
            self.kinds[kind] = box
            column.addWidget(box)
        self.kinds[HANDBOOK].setChecked(True)
        self.handbook_daily = QCheckBox(self.tr("Handbook: append the daily sheets"), what)
        self.notices_each = QCheckBox(self.tr("One PDF per host site"), what)
        self.images_by_day = QCheckBox(self.tr("One image per day"), what)
        column.addWidget(self.handbook_daily)
        column.addWidget(self.notices_each)
        column.addWidget(self.images_by_day)
        form.addRow(self.tr("What"), what)
        editions = QWidget(self)
        row = QHBoxLayout(editions)
        row.setContentsMargins(0, 0, 0, 0)
        self.staff = QRadioButton(self.tr("Staff (everything)"), editions)
        self.participant = QRadioButton(self.tr("Participants (only shared phones)"), editions)
        self.staff.setChecked(True)
        row.addWidget(self.staff)
        row.addWidget(self.participant)
        form.addRow(self.tr("Edition"), editions)
        self.groups = _checklist(self, [(g.id, g.name) for g in tour.groups])
        form.addRow(self.tr("Groups"), self.groups)
        s = schedule(tour)
        self.sites = _checklist(self, [(sid, tour.site(sid).name) for sid in host_sites(s)])
        self.sites.itemChanged.connect(lambda _item: self._validate())
        form.addRow(self.tr("Host sites"), self.sites)
        place = QWidget(self)
        line = QHBoxLayout(place)
        line.setContentsMargins(0, 0, 0, 0)
        self.folder_edit = QLineEdit(str(folder), place)
        self.folder_edit.textChanged.connect(self._validate)
        browse = QPushButton(self.tr("Browse…"), place)
        browse.clicked.connect(self._browse)
        line.addWidget(self.folder_edit, 1)
        line.addWidget(browse)
        form.addRow(self.tr("Folder"), place)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for box in self.kinds.values():
            box.toggled.connect(self._validate)
        self.groups.itemChanged.connect(self._validate)
        self._validate()

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.folder_edit.text())
        if name:
            self.folder_edit.setText(name)

    def _validate(self) -> None:
        self.handbook_daily.setEnabled(self.kinds[HANDBOOK].isChecked())
        self.notices_each.setEnabled(self.kinds[NOTICES].isChecked())
        self.images_by_day.setEnabled(self.kinds[IMAGES].isChecked())
        self.sites.setEnabled(self.kinds[NOTICES].isChecked())
        folder = Path(self.folder_edit.text().strip()) if self.folder_edit.text().strip() else None
        no_site = self.kinds[NOTICES].isChecked() and self.sites.count() > 0 and not _checked(self.sites)
        ok = (any(b.isChecked() for b in self.kinds.values()) and bool(_checked(self.groups)) and not no_site
              and folder is not None and folder.is_dir())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> ExportRequest:
        groups = _checked(self.groups)
        sites = _checked(self.sites)
        return ExportRequest(
            kinds=[k for k, b in self.kinds.items() if b.isChecked()],
            folder=Path(self.folder_edit.text().strip()),
            groups=None if len(groups) == self.groups.count() else groups,
            sites=None if len(sites) == self.sites.count() else sites,
            edition=PARTICIPANT if self.participant.isChecked() else STAFF,
            notices_each=self.notices_each.isChecked(), images_by_day=self.images_by_day.isChecked(),
            handbook_daily=self.handbook_daily.isChecked(),
            print_date=dt.date.today())
