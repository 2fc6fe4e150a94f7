"""The form for one site (教学点): every field, checked by the Site model itself as the user types.

The reasons appear under the field they are about, in a line kept for them, so no field moves while
the user types; OK stays disabled until there are none, so a site that reaches the catalogue is always
one the planner accepts. The id is made from the name and never shown: organizers think in names.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from planner.render.labels import weekday_of
from planner.model.site import KIND_LABELS, TOPICS, Site, SiteKind
from ui.catalogue.site_form_rules import (LIST_SEPARATORS, coordinate_pair, default_visit_minutes, in_china_area,
                                          parse_hours, suggest_id)
from ui.dialogs.form_errors import FieldErrors, Loc, field_errors, fill, over_file_limits, widget_for
from ui.geo.locate_button import LocateButton
from ui.i18n import lang, pick

class SiteDialog(QDialog):
    """New site (site=None) or edit one; `result_site()` gives the validated Site after accept."""

    def __init__(self, site: Site | None, existing_ids: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("siteDialog")
        self.setWindowTitle(self.tr("New site") if site is None else self.tr("Edit site"))
        self.setMinimumWidth(900)  # two columns of fields, each wide enough for its reason on one line
        self._original = site
        self._taken = set(existing_ids) - ({site.id} if site else set())
        self._site: Site | None = None
        self.field_errors = FieldErrors(self)
        self._build()
        if site is not None:
            self._load(site)
        else:  # the model's defaults; name and coordinates stay empty until typed
            self.minutes_spin.setValue(default_visit_minutes(SiteKind(self.kind_box.currentData())))
            self.max_groups_spin.setValue(Site.model_fields["max_groups"].default)
        self._kind = SiteKind(self.kind_box.currentData())
        self._connect()
        self.locate_button = LocateButton(self)  # ui/geo: 定位 beside the address
        QWidget.setTabOrder(self.address_edit, self.locate_button.button)  # Tab: address, 定位, kind
        QWidget.setTabOrder(self.locate_button.button, self.kind_box)
        self.validate()

    # -- building
    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.kind_box = QComboBox()
        for kind in SiteKind:
            self.kind_box.addItem(pick(KIND_LABELS[kind]), kind.value)
        self.province_edit, self.city_edit, self.county_edit, self.address_edit = (QLineEdit() for _ in range(4))
        self.lat_edit, self.lon_edit = QLineEdit(), QLineEdit()
        self.lat_edit.setPlaceholderText(fill(self.tr("e.g. %1"), "30.27"))
        self.lon_edit.setPlaceholderText(fill(self.tr("e.g. %1"), "120.15"))
        self.precision_box = QComboBox()
        self.precision_box.addItem(self.tr("At the site"), "site")
        self.precision_box.addItem(self.tr("County centre"), "county")
        self.coord_warning = QLabel()  # outside China: a warning, the site may still be saved
        self.coord_warning.setObjectName("coordWarning")
        self.coord_warning.setStyleSheet("color: #b9770e;")
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

        weekday_row = QWidget()
        weekdays = QHBoxLayout(weekday_row)
        weekdays.setContentsMargins(0, 0, 0, 0)
        for check in self.weekday_checks:
            weekdays.addWidget(check)
        weekdays.addStretch()
        # The address line holds more than the field: a "locate" button goes beside it, and what locating
        # found (or why not) on a line of its own below, so a long note never squeezes the address.
        address_box = QWidget()
        address_lines = QVBoxLayout(address_box)
        address_lines.setContentsMargins(0, 0, 0, 0)
        address_lines.setSpacing(2)
        self.address_row = QHBoxLayout()
        self.address_row.addWidget(self.address_edit, 1)
        address_lines.addLayout(self.address_row)
        self.address_note = QLabel()
        address_lines.addWidget(_line_for(self.address_note))

        self._fields: dict[Loc, QWidget] = {("intro",): self.intro_edit}
        self._by_type: dict[str, QWidget] = {"hours_overlap": self.hours_edit}
        left, right = QFormLayout(), QFormLayout()
        for form, rows in ((left, [
            ("name", self.tr("Name"), self.name_edit), ("address", self.tr("Address"), address_box),
            ("kind", self.tr("Kind"), self.kind_box), ("province", self.tr("Province"), self.province_edit),
            ("city", self.tr("City"), self.city_edit), ("county", self.tr("County"), self.county_edit),
            ("lat", self.tr("Latitude"), self.lat_edit), ("lon", self.tr("Longitude"), self.lon_edit),
            ("precision", self.tr("Precision"), self.precision_box),
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
            for field, label, widget in rows:  # the reason on a row of its own: the label stays by the field
                form.addRow(label, widget)
                form.addRow("", _line_for(self.field_errors.label(widget)))
                self._fields[(field,)] = widget
        left.addRow("", _line_for(self.coord_warning))

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
        outer.addWidget(self.intro_edit)
        outer.addWidget(_line_for(self.field_errors.label(self.intro_edit)))
        outer.addWidget(_line_for(self.field_errors.label(self.buttons)))  # anything without a field of its own
        outer.addWidget(self.buttons)
        order = [self.name_edit, self.address_edit, self.kind_box, self.province_edit, self.city_edit,
                 self.county_edit, self.lat_edit, self.lon_edit, self.precision_box, self.minutes_spin,
                 self.hours_edit, *self.weekday_checks, self.holidays_check, self.max_groups_spin,
                 self.max_people_spin, self.topics_edit, self.contact_edit, self.presenter_edit, self.intro_edit]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    def _load(self, site: Site) -> None:
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
        for edit in (self.name_edit, self.province_edit, self.city_edit, self.county_edit, self.address_edit,
                     self.lat_edit, self.lon_edit, self.hours_edit, self.topics_edit, self.contact_edit,
                     self.presenter_edit):
            edit.textChanged.connect(self.validate)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self._coordinates_before = {self.lat_edit: self.lat_edit.text(), self.lon_edit: self.lon_edit.text()}
        for edit in (self.lat_edit, self.lon_edit):
            edit.textEdited.connect(lambda text, e=edit: self._maybe_pair_pasted(e, text))
        self.precision_box.currentIndexChanged.connect(self.validate)
        for spin in (self.minutes_spin, self.max_groups_spin, self.max_people_spin):
            spin.valueChanged.connect(self.validate)
        for check in (*self.weekday_checks, self.holidays_check):
            check.toggled.connect(self.validate)
        self.intro_edit.textChanged.connect(self.validate)

    def _maybe_pair_pasted(self, edit: QLineEdit, text: str) -> None:
        """Both coordinates pasted at once (as map sites copy them, often longitude first) go to their fields.
        Only a paste: typed one key at a time, "30.27,1" is on its way to something else."""
        before, self._coordinates_before[edit] = self._coordinates_before[edit], text
        pair = coordinate_pair(text) if len(text) - len(before) >= 3 else None
        if pair is not None:
            self.lat_edit.setText(f"{pair[0]:g}")
            self.lon_edit.setText(f"{pair[1]:g}")
            self.lon_edit.setFocus()

    def _kind_changed(self) -> None:
        """A hotel has no visit time, a visit site an hour: follow the kind unless the user set the time."""
        kind = SiteKind(self.kind_box.currentData())
        if self.minutes_spin.value() == default_visit_minutes(self._kind):
            self.minutes_spin.setValue(default_visit_minutes(kind))
        self._kind = kind
        self.validate()

    def site_id(self) -> str:
        """The site's id: kept when editing, made from the name for a new site."""
        if self._original is not None:
            return self._original.id
        return suggest_id(self.name_edit.text(), self._taken)

    # -- checking
    def _data(self) -> dict[str, Any]:
        """The form as Site fields; text the model cannot even read is reported here."""
        data: dict[str, Any] = {
            "id": self.site_id(), "name": self.name_edit.text(),
            "kind": self.kind_box.currentData(), "province": self.province_edit.text().strip(),
            "city": self.city_edit.text().strip(), "county": self.county_edit.text().strip(),
            "address": self.address_edit.text().strip(), "precision": self.precision_box.currentData(),
            "visit_minutes": self.minutes_spin.value(),
            "closed_weekdays": [d for d, c in enumerate(self.weekday_checks, start=1) if c.isChecked()],
            "closed_on_holidays": self.holidays_check.isChecked(),
            "max_groups": self.max_groups_spin.value(), "max_people": self.max_people_spin.value() or None,
            "topics": [t.strip() for t in LIST_SEPARATORS.split(self.topics_edit.text()) if t.strip()],
            "contact": self.contact_edit.text().strip(), "presenter": self.presenter_edit.text().strip(),
            "intro": self.intro_edit.toPlainText().strip(),
            "source": self._original.source if self._original else "",
        }
        for field, edit, empty, example in (
                ("lat", self.lat_edit, self.tr("Enter the latitude, e.g. 30.27"), "30.27"),
                ("lon", self.lon_edit, self.tr("Enter the longitude, e.g. 120.15"), "120.15")):
            text = edit.text().strip()
            try:
                data[field] = float(text)
            except ValueError:
                self.field_errors.show(edit, empty if not text else fill(self.tr("Enter a number, e.g. %1"), example))
        hours = parse_hours(self.hours_edit.text())
        if hours is None:
            self.field_errors.show(self.hours_edit, self.tr("Write opening hours like 09:00-11:30, 13:30-17:00"))
        else:
            data["hours"] = hours
        return data

    def _reason(self, error: dict[str, Any], text: str) -> str:
        """Site-specific wording where the generic text would not say enough."""
        field = error["loc"][0] if error.get("loc") else None
        ctx = error.get("ctx") or {}
        if field == "lat":
            return self.tr("Latitude must be between -90 and 90")
        if field == "lon":
            return self.tr("Longitude must be between -180 and 180")
        if field == "name" and error["type"] != "string_too_long":
            return self.tr("Enter a name")
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
        for key, reason in over_file_limits(data).items():  # the model allows it, but no file could hold it
            widget = self._fields.get((key,))
            if widget is not None and widget not in self.field_errors.fields():
                self.field_errors.show(widget, reason)
        for widget in self.field_errors.fields():
            self.field_errors.label(widget).setToolTip(self.field_errors.text(widget))
        valid = not self.field_errors.has_errors()
        self._site = site if valid else None
        self.ok_button.setEnabled(valid)
        self._warn_about_coordinates(data.get("lat"), data.get("lon"))
        return valid

    def _warn_about_coordinates(self, lat: float | None, lon: float | None) -> None:
        text = ""
        if lat is not None and lon is not None and not in_china_area(lat, lon):
            text = self.tr("Latitude and longitude look swapped") if in_china_area(lon, lat) else \
                self.tr("This point is outside China: check the coordinates")
        self.coord_warning.setText(text)
        self.coord_warning.setToolTip(text)

    def error_text(self, field: str) -> str:
        """The reason shown under the widget of Site field `field` ("" when it is fine)."""
        return self.field_errors.text(self._fields[(field,)])

    def warning_text(self) -> str:
        """The warning about the coordinates ("" when there is none); it does not stop OK."""
        return self.coord_warning.text()

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def result_site(self) -> Site:
        if self._site is None:
            raise ValueError("the form does not describe a valid site")
        return self._site


def _line_for(label: QLabel) -> QWidget:
    """A one-line holder for the label that keeps its height whether the label shows a reason or not,
    so the fields never move; a reason longer than the column is cut, and whole in its tooltip."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    label.setWordWrap(False)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    holder.setFixedHeight(label.fontMetrics().lineSpacing() + 2)
    holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return holder
