"""Edit one activity: what, where, how long, when pinned, and for a transfer how it travels.

The dialog builds an Activity from its widgets with Activity.model_validate, so the rules it
enforces are the model's (a visit needs a site, a transfer a destination and its minutes) and
each reason appears next to the field it is about. The main window pushes the result as an
EditActivity command.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTimeEdit, QVBoxLayout,
                               QWidget)
from pydantic import ValidationError

from planner.model.site import Site
from planner.schedule.timeline import activity_minutes
from planner.model.tour import KIND_LABELS, MODE_LABELS, Activity, ActivityKind, Tour, TransferMode
from ui.dialogs.form_errors import FieldErrors, Loc, field_errors, fill, over_file_limits
from ui.i18n import pick

DEFAULT_MINUTES = -1   # the minutes spin's lowest value stands for "the usual minutes" (None)


class SiteCombo(QComboBox):
    """One of the tour's sites, found by typing any part of its name; the first entry is "no site"."""

    def __init__(self, sites: list[Site], none_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(none_text, "")   # never None as item data: PySide mis-counts references to it
        for s in sites:
            self.addItem(f"{s.name}（{s.place}）" if s.place else s.name, s.id)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_site_id(self, site_id: str | None) -> None:
        self.setCurrentIndex(max(0, self.findData(site_id or "")))

    def _row(self) -> int:
        text = self.currentText().strip()
        if not text:
            return 0
        if text == self.itemText(self.currentIndex()):
            return self.currentIndex()
        return self.findText(text, Qt.MatchFlag.MatchExactly)

    def is_known(self) -> bool:
        """False while the typed text names no site of the list."""
        return self._row() >= 0

    def site_id(self) -> str | None:
        row = self._row()
        return self.itemData(row) or None if row > 0 else None


class ActivityDialog(QDialog):
    """`catalogue_sites`: sites of the catalogue offered too (a venue, a station); the window copies the
    ones the result uses into the tour with the same undo step (see `needed_sites`)."""

    def __init__(self, activity: Activity, tour: Tour, parent: QWidget | None = None,
                 catalogue_sites: list[Site] = (), new: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New activity") if new else self.tr("Activity"))
        self._original = activity
        self._tour = tour
        known = {s.id for s in tour.sites}
        self._sites = {s.id: s for s in [*tour.sites, *(c for c in catalogue_sites if c.id not in known)]}
        self._result: Activity | None = None
        self.errors = FieldErrors(self)
        self._build(activity)
        self._connect_changes()
        self._kind_changed()

    # -- widgets
    def _build(self, a: Activity) -> None:
        self.kind_combo = QComboBox()
        for kind in ActivityKind:
            self.kind_combo.addItem(pick(KIND_LABELS[kind]), kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(a.kind.value))
        self.site_combo = SiteCombo(list(self._sites.values()), self.tr("(where the group is)"))
        self.site_combo.set_site_id(a.site)
        self.site_label = QLabel()
        self.title_edit = QLineEdit(a.title)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(DEFAULT_MINUTES, 1440)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(DEFAULT_MINUTES if a.minutes is None else a.minutes)
        self.pinned_check = QCheckBox(self.tr("Starts at"))
        self.pinned_check.setChecked(a.pinned is not None)
        self.pinned_time = QTimeEdit(QTime(a.pinned.hour, a.pinned.minute) if a.pinned else QTime(9, 0))
        self.pinned_time.setDisplayFormat("HH:mm")
        self.joint_combo = QComboBox()
        self.joint_combo.setEditable(True)
        self.joint_combo.addItems(["", *self._joint_tags()])
        self.joint_combo.setCurrentText(a.joint or "")
        self.presenter_edit = QLineEdit(a.presenter)
        self.notes_edit = QPlainTextEdit(a.notes)

        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("(not given)"), "")
        for mode in TransferMode:
            self.mode_combo.addItem(pick(MODE_LABELS[mode]), mode.value)
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(a.mode.value if a.mode else "")))
        self.origin_combo = SiteCombo(list(self._sites.values()), self.tr("(none)"))
        self.origin_combo.set_site_id(a.origin)
        self.service_edit = QLineEdit(a.service)
        self.service_edit.setPlaceholderText(self.tr("train or flight number"))

        pinned = QWidget()
        row = QHBoxLayout(pinned)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pinned_check)
        row.addWidget(self.pinned_time, 1)

        form = QFormLayout()
        e = self.errors
        form.addRow(self.tr("Kind"), e.wrap(self.kind_combo))
        form.addRow(self.site_label, e.wrap(self.site_combo))
        form.addRow(self.tr("Title"), e.wrap(self.title_edit))
        form.addRow(self.tr("Minutes"), e.wrap(self.minutes_spin))
        form.addRow(self.tr("Pinned time"), e.wrap(pinned))
        form.addRow(self.tr("Joint session"), e.wrap(self.joint_combo))
        form.addRow(self.tr("Presenter"), e.wrap(self.presenter_edit))
        form.addRow(self.tr("Notes"), e.wrap(self.notes_edit))

        self.transfer_box = QGroupBox(self.tr("Transfer"))
        transfer = QFormLayout(self.transfer_box)
        transfer.addRow(self.tr("Mode"), e.wrap(self.mode_combo))
        transfer.addRow(self.tr("From"), e.wrap(self.origin_combo))
        transfer.addRow(self.tr("Service"), e.wrap(self.service_edit))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.transfer_box)
        layout.addWidget(buttons)

        # Model-level checks have no field in their location; their type says which field they are about.
        self._by_type = {"visit_site": self.site_combo, "transfer_site": self.site_combo,
                         "transfer_minutes": self.minutes_spin, "not_transfer": self.mode_combo}
        self._fields: dict[Loc, QWidget] = {
            ("kind",): self.kind_combo, ("site",): self.site_combo, ("title",): self.title_edit,
            ("minutes",): self.minutes_spin, ("pinned",): pinned, ("joint",): self.joint_combo,
            ("presenter",): self.presenter_edit, ("notes",): self.notes_edit, ("mode",): self.mode_combo,
            ("origin",): self.origin_combo, ("service",): self.service_edit}

    def _joint_tags(self) -> list[str]:
        tags = {a.joint for g in self._tour.groups for d in g.days for a in d.activities if a.joint}
        return sorted(tags)

    def _connect_changes(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.site_combo.currentTextChanged.connect(self._refresh)
        self.origin_combo.currentTextChanged.connect(self.validate)
        self.mode_combo.currentIndexChanged.connect(self.validate)
        self.minutes_spin.valueChanged.connect(self.validate)
        self.pinned_check.toggled.connect(self._refresh)
        self.pinned_time.timeChanged.connect(self.validate)
        self.joint_combo.currentTextChanged.connect(self.validate)
        for edit in (self.title_edit, self.presenter_edit, self.service_edit):
            edit.textChanged.connect(self.validate)
        self.notes_edit.textChanged.connect(self.validate)

    # -- reacting
    def kind(self) -> ActivityKind:
        return ActivityKind(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        transfer = self.kind() is ActivityKind.TRANSFER
        self.transfer_box.setEnabled(transfer)
        self.transfer_box.setVisible(transfer)  # mode, boarding point and service belong to transfers only
        self.site_label.setText(self.tr("Destination") if transfer else self.tr("Site"))
        self._refresh()

    def _refresh(self) -> None:
        """Show what "default" means for this kind and site, then re-check."""
        self.pinned_time.setEnabled(self.pinned_check.isChecked())
        kind = self.kind()
        if kind is ActivityKind.TRANSFER:
            self.minutes_spin.setSpecialValueText(self.tr("Not set"))
        else:
            probe = Activity.model_construct(kind=kind, site=self.site_combo.site_id(), minutes=None)
            usual = activity_minutes(probe, self._sites.get(probe.site or ""))
            self.minutes_spin.setSpecialValueText(fill(self.tr("Default (%1 min)"), usual))
        self.validate()

    # -- validation
    def _edited(self) -> dict[str, Any]:
        transfer = self.kind() is ActivityKind.TRANSFER
        minutes = self.minutes_spin.value()
        joint = self.joint_combo.currentText().strip()
        return {
            "id": self._original.id, "kind": self.kind().value, "site": self.site_combo.site_id(),
            "title": self.title_edit.text(), "minutes": None if minutes == DEFAULT_MINUTES else minutes,
            "pinned": self.pinned_time.time().toString("HH:mm") if self.pinned_check.isChecked() else None,
            "joint": joint or None, "presenter": self.presenter_edit.text(),
            "notes": self.notes_edit.toPlainText(),
            "mode": (self.mode_combo.currentData() or None) if transfer else None,
            "origin": self.origin_combo.site_id() if transfer else None,
            "service": self.service_edit.text() if transfer else "",
        }

    def validate(self) -> Activity | None:
        """Rebuild the activity from the widgets; show every reason next to its field; None when invalid."""
        self.errors.clear()
        unknown = [c for c in (self.site_combo, self.origin_combo) if c.isEnabled() and not c.is_known()]
        for combo in unknown:
            self.errors.show(combo, fill(self.tr("No site of this tour is called “%1”"), combo.currentText()))
        activity = None
        edited = self._edited()
        try:
            activity = Activity.model_validate(edited)
        except ValidationError as exc:
            self.errors.show_all(field_errors(exc), self._fields, self.kind_combo, self._by_type)
        too_long = {self._fields[(k,)]: reason for k, reason in over_file_limits(edited).items()
                    if (k,) in self._fields}
        for widget, reason in too_long.items():  # the model allows it, but no tour file could hold it
            if widget not in self.errors.fields():
                self.errors.show(widget, reason)
        valid = activity is not None and not unknown and not too_long
        self.ok_button.setEnabled(valid)
        return activity if valid else None

    # -- result
    def accept(self) -> None:
        activity = self.validate()
        if activity is None:
            return
        self._result = activity
        super().accept()

    def needed_sites(self) -> list[Site]:
        """Catalogue sites the result names that the tour does not carry yet."""
        result = self.result_activity()
        ids = [i for i in (result.site, result.origin) if i and self._tour.site(i) is None]
        return [self._sites[i] for i in dict.fromkeys(ids) if i in self._sites]

    def result_activity(self) -> Activity:
        """The edited activity once accepted (keeps the original id); the original before that."""
        return self._result if self._result is not None else self._original
