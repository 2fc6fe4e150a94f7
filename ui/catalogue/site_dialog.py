"""The form for one site (教学点): every field, checked by the Site model itself as the user types.

The reasons appear under the field they are about, and OK stays disabled until there are none,
so a site that reaches the catalogue is always one the planner accepts.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from planner.render.labels import weekday_of
from planner.model.site import KIND_LABELS, TOPICS, Site, SiteKind
from ui.dialogs.form_errors import FieldErrors, Loc, field_errors, fill, widget_for
from ui.i18n import lang, pick

_LIST_SEPARATORS = re.compile(r"[,，、;；]+")
_SPAN = re.compile(r"^\s*(\S+?)\s*(?:-|–|—|~|～|至|到)\s*(\S+)\s*$")


def parse_hours(text: str) -> list[dict[str, str]] | None:
    """"09:00-11:30, 13:30-17:00" → spans for the Site model; "" → [] (all day); None: not that shape.

    Only the shape is checked here; whether "25:00" is a time is the model's answer.
    """
    spans = []
    for piece in filter(str.strip, _LIST_SEPARATORS.split(text)):
        m = _SPAN.match(piece)
        if m is None:
            return None
        spans.append({"start": m.group(1), "end": m.group(2)})
    return spans


def suggest_id(name: str, kind: SiteKind, taken: set[str]) -> str:
    """An id from the Latin letters of the name (or the kind, for Chinese names), unused so far."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:56] or kind.value
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class SiteDialog(QDialog):
    """New site (site=None) or edit one; `result_site()` gives the validated Site after accept."""

    def __init__(self, site: Site | None, existing_ids: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("siteDialog")
        self.setWindowTitle(self.tr("New site") if site is None else self.tr("Edit site"))
        self.setMinimumWidth(860)  # two columns of fields, each wide enough for its reason on one line
        self._original = site
        self._taken = set(existing_ids) - ({site.id} if site else set())
        self._id_typed = site is not None
        self._site: Site | None = None
        self.field_errors = FieldErrors(self)
        self._build()
        if site is not None:
            self._load(site)
        else:  # the model's defaults; name, id and coordinates stay empty until typed
            defaults = Site.model_fields
            self.minutes_spin.setValue(defaults["visit_minutes"].default)
            self.max_groups_spin.setValue(defaults["max_groups"].default)
        self.id_edit.setReadOnly(site is not None)
        self._connect()
        self.validate()

    # -- building
    def _build(self) -> None:
        self.id_edit, self.name_edit = QLineEdit(), QLineEdit()
        self.kind_box = QComboBox()
        for kind in SiteKind:
            self.kind_box.addItem(pick(KIND_LABELS[kind]), kind.value)
        self.province_edit, self.city_edit, self.county_edit, self.address_edit = (QLineEdit() for _ in range(4))
        self.lat_edit, self.lon_edit = QLineEdit(), QLineEdit()
        self.lat_edit.setPlaceholderText("30.27")
        self.lon_edit.setPlaceholderText("120.15")
        self.precision_box = QComboBox()
        self.precision_box.addItem(self.tr("At the site"), "site")
        self.precision_box.addItem(self.tr("County centre"), "county")
        self.minutes_spin = QSpinBox(minimum=0, maximum=720, singleStep=15, suffix=" " + self.tr("min"))
        self.hours_edit = QLineEdit(placeholderText=self.tr("09:00-11:30, 13:30-17:00 (empty: all day)"))
        self.weekday_checks = [QCheckBox(weekday_of(d, lang())[:2 if lang() == "zh" else 3]) for d in range(1, 8)]
        self.holidays_check = QCheckBox(self.tr("Closed on public holidays"))
        self.max_groups_spin = QSpinBox(minimum=1, maximum=99)
        self.max_people_spin = QSpinBox(minimum=0, maximum=99999, singleStep=10)
        self.max_people_spin.setSpecialValueText(self.tr("Unlimited"))
        self.topics_edit = QLineEdit(placeholderText="、".join(TOPICS[:4]))
        self.topics_edit.setToolTip(fill(self.tr("Separate topics with commas. Usual topics: %1"),
                                         "、".join(TOPICS)))
        self.contact_edit, self.presenter_edit = QLineEdit(), QLineEdit()
        self.intro_edit = QPlainTextEdit()
        self.intro_edit.setFixedHeight(70)

        weekdays = QHBoxLayout()
        weekdays.setContentsMargins(0, 0, 0, 0)
        for check in self.weekday_checks:
            weekdays.addWidget(check)
        weekdays.addStretch()
        weekday_row = QWidget()
        weekday_row.setLayout(weekdays)

        self._fields: dict[Loc, QWidget] = {("intro",): self.intro_edit}
        self._by_type: dict[str, QWidget] = {"hours_overlap": self.hours_edit}
        left, right = QFormLayout(), QFormLayout()
        for form, rows in ((left, [
            ("id", self.tr("Id"), self.id_edit), ("name", self.tr("Name"), self.name_edit),
            ("kind", self.tr("Kind"), self.kind_box), ("province", self.tr("Province"), self.province_edit),
            ("city", self.tr("City"), self.city_edit), ("county", self.tr("County"), self.county_edit),
            ("address", self.tr("Address"), self.address_edit), ("lat", self.tr("Latitude"), self.lat_edit),
            ("lon", self.tr("Longitude"), self.lon_edit), ("precision", self.tr("Precision"), self.precision_box),
        ]), (right, [
            ("visit_minutes", self.tr("Visit time"), self.minutes_spin),
            ("hours", self.tr("Opening hours"), self.hours_edit),
            ("closed_weekdays", self.tr("Closed on"), weekday_row),
            ("closed_on_holidays", "", self.holidays_check),
            ("max_groups", self.tr("Groups at once"), self.max_groups_spin),
            ("max_people", self.tr("People at most"), self.max_people_spin),
            ("topics", self.tr("Topics"), self.topics_edit), ("contact", self.tr("Contact"), self.contact_edit),
            ("presenter", self.tr("Presenter"), self.presenter_edit),
        ])):
            for field, label, widget in rows:
                form.addRow(label, self.field_errors.wrap(widget))
                self._fields[(field,)] = widget

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        outer = QVBoxLayout(self)
        outer.addLayout(columns)
        outer.addWidget(QLabel(self.tr("Introduction")))
        outer.addWidget(self.field_errors.wrap(self.intro_edit))
        outer.addWidget(self.field_errors.label(self.buttons))  # anything without a field of its own
        outer.addWidget(self.buttons)

    def _load(self, site: Site) -> None:
        self.id_edit.setText(site.id)
        self.name_edit.setText(site.name)
        self.kind_box.setCurrentIndex(self.kind_box.findData(site.kind.value))
        for edit, value in ((self.province_edit, site.province), (self.city_edit, site.city),
                            (self.county_edit, site.county), (self.address_edit, site.address),
                            (self.contact_edit, site.contact), (self.presenter_edit, site.presenter)):
            edit.setText(value)
        self.lat_edit.setText(str(site.lat))
        self.lon_edit.setText(str(site.lon))
        self.precision_box.setCurrentIndex(self.precision_box.findData(site.precision))
        self.minutes_spin.setValue(site.visit_minutes)
        self.hours_edit.setText(", ".join(f"{s.start:%H:%M}-{s.end:%H:%M}" for s in site.hours))
        for day, check in enumerate(self.weekday_checks, start=1):
            check.setChecked(day in site.closed_weekdays)
        self.holidays_check.setChecked(site.closed_on_holidays)
        self.max_groups_spin.setValue(site.max_groups)
        self.max_people_spin.setValue(site.max_people or 0)
        self.topics_edit.setText(", ".join(site.topics))
        self.intro_edit.setPlainText(site.intro)

    def _connect(self) -> None:
        for edit in (self.id_edit, self.province_edit, self.city_edit, self.county_edit, self.address_edit,
                     self.lat_edit, self.lon_edit, self.hours_edit, self.topics_edit, self.contact_edit,
                     self.presenter_edit):
            edit.textChanged.connect(self.validate)
        self.id_edit.textEdited.connect(self._id_was_typed)
        self.name_edit.textChanged.connect(self._suggest_id)
        self.kind_box.currentIndexChanged.connect(self._suggest_id)
        self.precision_box.currentIndexChanged.connect(self.validate)
        for spin in (self.minutes_spin, self.max_groups_spin, self.max_people_spin):
            spin.valueChanged.connect(self.validate)
        for check in (*self.weekday_checks, self.holidays_check):
            check.toggled.connect(self.validate)
        self.intro_edit.textChanged.connect(self.validate)

    def _id_was_typed(self, text: str) -> None:
        self._id_typed = bool(text)

    def _suggest_id(self) -> None:
        if not self._id_typed and self.name_edit.text().strip():
            self.id_edit.setText(suggest_id(self.name_edit.text(), SiteKind(self.kind_box.currentData()),
                                            self._taken))
        self.validate()

    # -- checking
    def _data(self) -> dict[str, Any]:
        """The form as Site fields; text the model cannot even read is reported here."""
        data: dict[str, Any] = {
            "id": self.id_edit.text().strip(), "name": self.name_edit.text(),
            "kind": self.kind_box.currentData(), "province": self.province_edit.text().strip(),
            "city": self.city_edit.text().strip(), "county": self.county_edit.text().strip(),
            "address": self.address_edit.text().strip(), "precision": self.precision_box.currentData(),
            "visit_minutes": self.minutes_spin.value(),
            "closed_weekdays": [d for d, c in enumerate(self.weekday_checks, start=1) if c.isChecked()],
            "closed_on_holidays": self.holidays_check.isChecked(),
            "max_groups": self.max_groups_spin.value(), "max_people": self.max_people_spin.value() or None,
            "topics": [t.strip() for t in _LIST_SEPARATORS.split(self.topics_edit.text()) if t.strip()],
            "contact": self.contact_edit.text().strip(), "presenter": self.presenter_edit.text().strip(),
            "intro": self.intro_edit.toPlainText().strip(),
            "source": self._original.source if self._original else "",
        }
        for field, edit in (("lat", self.lat_edit), ("lon", self.lon_edit)):
            try:
                data[field] = float(edit.text().strip())
            except ValueError:
                self.field_errors.show(edit, self.tr("Enter a number, e.g. 30.27"))
        hours = parse_hours(self.hours_edit.text())
        if hours is None:
            self.field_errors.show(self.hours_edit, self.tr("Write opening hours like 09:00-11:30, 13:30-17:00"))
        else:
            data["hours"] = hours
        if data["id"] in self._taken:
            self.field_errors.show(self.id_edit, fill(self.tr("The id “%1” is already used"), data["id"]))
        return data

    def _reason(self, error: dict[str, Any], text: str) -> str:
        """Site-specific wording where the generic text would not say enough."""
        field = error["loc"][0] if error.get("loc") else None
        ctx = error.get("ctx") or {}
        if field == "lat":
            return self.tr("Latitude must be between -90 and 90")
        if field == "lon":
            return self.tr("Longitude must be between -180 and 180")
        if field == "name":
            return self.tr("Enter a name")
        if field == "id":
            return self.tr("Enter an id") if not error.get("input") else \
                self.tr("Use lower-case letters, digits, - _ or . (at most 64)")
        if error["type"] == "clock":
            return fill(self.tr("“%1” is not a time of day (00:00–23:59)"), ctx.get("value", ""))
        if error["type"] == "hours_overlap":
            return fill(self.tr("Opening hours overlap: %1 and %2"), ctx.get("a", ""), ctx.get("b", ""))
        return text

    def validate(self) -> bool:
        """Rebuild the Site from the form; show each reason under its field; OK only when valid."""
        self.field_errors.clear()
        data = self._data()
        site = None
        try:
            site = Site.model_validate(data)
        except ValidationError as e:
            # field_errors gives one entry per pydantic error, in the same order.
            for raw, err in zip(e.errors(include_url=False), field_errors(e)):
                widget = self._by_type.get(err.type) or widget_for(err.loc, self._fields) or self.buttons
                if widget not in self.field_errors.fields():  # the form's own reason comes first
                    self.field_errors.show(widget, self._reason(raw, err.text))
        valid = not self.field_errors.has_errors()
        self._site = site if valid else None
        self.ok_button.setEnabled(valid)
        return valid

    def error_text(self, field: str) -> str:
        """The reason shown under the widget of Site field `field` ("" when it is fine)."""
        return self.field_errors.text(self._fields[(field,)])

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def result_site(self) -> Site:
        if self._site is None:
            raise ValueError("the form does not describe a valid site")
        return self._site
