"""The tour settings dialog: dates, day window, groups and travel model, edited on a copy.

The dialog never touches the open tour: it edits a deep copy and, on OK, hands back a new
validated Tour (`result_tour`) for the main window to push as one ReplaceTourSettings command,
so a whole settings change is one undo step. Validation is the Tour model's own, shown next
to the field it is about.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QColorDialog, QDateEdit, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QStyledItemDelegate,
                               QTableView, QTabWidget, QTimeEdit, QVBoxLayout, QWidget)
from pydantic import ValidationError

from planner.render.labels import short_date
from ui import literal
from planner.model.people_edits import refit_people
from planner.model.tour import Tour
from ui.dialogs.form_errors import FieldErrors, Loc, field_errors, fill, over_file_limits, widget_for
from ui.dialogs.groups_model import COLOUR, HEADCOUNT, GroupsModel, planned_activities
from ui.dialogs.settings_values import LostDay, clock_text, date_of, float_of, qdate, qtime, refit_days
from ui.i18n import lang

WARNING_STYLE = "color: #b9770e;"


class _HeadcountDelegate(QStyledItemDelegate):
    """Headcounts are typed in a spin box bounded like Group.headcount."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, 2000)
        return spin


class TourSettingsDialog(QDialog):
    def __init__(self, tour: Tour, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tour settings"))
        self._original = tour
        self._work = tour.model_copy(deep=True)   # the groups table edits this copy in place
        self._result: Tour | None = None
        self._lost: list[LostDay] = []
        self._last_start = tour.start_date
        self.errors = FieldErrors(self)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._schedule_tab(), self.tr("Schedule"))
        self.tabs.addTab(self._groups_tab(), self.tr("Groups"))
        self.tabs.addTab(self._travel_tab(), self.tr("Travel model"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

        self._fields: dict[Loc, QWidget] = {
            ("title",): self.title_edit, ("organizer",): self.organizer_edit, ("revision",): self.version_edit,
            ("start_date",): self.start_date, ("end_date",): self.end_date, ("notes",): self.notes_edit,
            ("day_window",): self.day_end, ("lunch_window",): self.lunch_end,
            ("lunch_minutes",): self.lunch_minutes, ("max_visits_per_day",): self.max_visits,
            ("travel",): self.road_factor, ("travel", "road_factor"): self.road_factor,
            ("travel", "speed_kmh"): self.coach_speed, ("travel", "urban_speed_kmh"): self.urban_speed,
            ("travel", "urban_km"): self.urban_km, ("travel", "boarding_minutes"): self.boarding_minutes,
            ("travel", "long_leg_minutes"): self.long_leg_minutes, ("travel", "station_minutes"): self.station_minutes,
            ("travel", "airport_minutes"): self.airport_minutes, ("groups",): self.groups_view,
        }
        self._connect_changes()
        self.resize(720, 520)
        self.validate()

    # -- tabs
    def _general_tab(self) -> QWidget:
        t = self._original
        self.title_edit = QLineEdit(t.title)
        self.organizer_edit = QLineEdit(t.organizer)
        self.version_edit = QLineEdit(t.revision)
        self.start_date = self._date_edit(t.start_date)
        self.end_date = self._date_edit(t.end_date)
        self.shift_plan = QCheckBox(self.tr("Shift the plan with the start date"))
        self.shift_plan.setChecked(True)
        self.shift_plan.setToolTip(self.tr("Moving the start date moves the end date and every group's days "
                                           "by the same number of days."))
        self.date_warning = QLabel()
        self.date_warning.setTextFormat(Qt.TextFormat.PlainText)  # group names as typed
        self.date_warning.setStyleSheet(WARNING_STYLE)
        self.date_warning.setWordWrap(True)
        self.date_warning.setVisible(False)
        self.notes_edit = QPlainTextEdit(t.notes)

        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Title"), self.errors.wrap(self.title_edit))
        form.addRow(self.tr("Organizer"), self.errors.wrap(self.organizer_edit))
        form.addRow(self.tr("Version"), self.errors.wrap(self.version_edit))
        form.addRow(self.tr("Start date"), self.errors.wrap(self.start_date))
        form.addRow(self.tr("End date"), self.errors.wrap(self.end_date))
        form.addRow("", self.shift_plan)
        form.addRow("", self.date_warning)
        form.addRow(self.tr("Notes"), self.errors.wrap(self.notes_edit))
        return page

    def _schedule_tab(self) -> QWidget:
        t = self._original
        self.day_start = self._time_edit(t.day_window.start)
        self.day_end = self._time_edit(t.day_window.end)
        self.lunch_start = self._time_edit(t.lunch_window.start)
        self.lunch_end = self._time_edit(t.lunch_window.end)
        self.lunch_minutes = self._spin(t.lunch_minutes, 0, 240)
        self.max_visits = self._spin(t.max_visits_per_day, 1, 50)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Day starts"), self.errors.wrap(self.day_start))
        form.addRow(self.tr("Day ends"), self.errors.wrap(self.day_end))
        form.addRow(self.tr("Lunch from"), self.errors.wrap(self.lunch_start))
        form.addRow(self.tr("Lunch until"), self.errors.wrap(self.lunch_end))
        form.addRow(self.tr("Lunch break (min)"), self.errors.wrap(self.lunch_minutes))
        form.addRow(self.tr("Most visits a day"), self.errors.wrap(self.max_visits))
        return page

    def _groups_tab(self) -> QWidget:
        self.groups_model = GroupsModel(self._work, self)
        self.groups_view = QTableView()
        self.groups_view.setModel(self.groups_model)
        self.groups_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups_view.setItemDelegateForColumn(HEADCOUNT, _HeadcountDelegate(self.groups_view))
        self.groups_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.groups_view.doubleClicked.connect(
            lambda index: self.choose_colour(index.row()) if index.column() == COLOUR else None)

        self.add_group_button = QPushButton(self.tr("Add"))
        self.remove_group_button = QPushButton(self.tr("Remove"))
        self.move_up_button = QPushButton(self.tr("Move up"))
        self.move_down_button = QPushButton(self.tr("Move down"))
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.add_group_button.clicked.connect(self.add_group)
        self.remove_group_button.clicked.connect(lambda: self.remove_group(self._current_row()))
        self.move_up_button.clicked.connect(lambda: self.move_group(self._current_row(), -1))
        self.move_down_button.clicked.connect(lambda: self.move_group(self._current_row(), +1))
        self.colour_button.clicked.connect(lambda: self.choose_colour(self._current_row()))
        self.groups_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_group_buttons())

        row = QHBoxLayout()
        for button in (self.add_group_button, self.remove_group_button, self.move_up_button,
                       self.move_down_button, self.colour_button):
            row.addWidget(button)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.errors.wrap(self.groups_view))
        layout.addLayout(row)
        self._select_row(0)
        return page

    def _travel_tab(self) -> QWidget:
        m = self._original.travel
        self.road_factor = self._double(m.road_factor, 1.0, 3.0, 2, 0.05)
        self.coach_speed = self._double(m.speed_kmh, 1.0, 200.0, 1, 5.0)
        self.urban_speed = self._double(m.urban_speed_kmh, 1.0, 200.0, 1, 5.0)
        self.urban_km = self._double(m.urban_km, 0.0, 200.0, 1, 1.0)
        self.boarding_minutes = self._spin(m.boarding_minutes, 0, 120)
        self.long_leg_minutes = self._spin(m.long_leg_minutes, 1, 1440)
        self.station_minutes = self._spin(m.station_minutes, 0, 240)
        self.airport_minutes = self._spin(m.airport_minutes, 0, 240)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Road factor"), self.errors.wrap(self.road_factor))
        form.addRow(self.tr("Coach speed (km/h)"), self.errors.wrap(self.coach_speed))
        form.addRow(self.tr("Town speed (km/h)"), self.errors.wrap(self.urban_speed))
        form.addRow(self.tr("Town driving (km)"), self.errors.wrap(self.urban_km))
        form.addRow(self.tr("Boarding (min)"), self.errors.wrap(self.boarding_minutes))
        form.addRow(self.tr("Long leg from (min)"), self.errors.wrap(self.long_leg_minutes))
        form.addRow(self.tr("At the station before a train (min)"), self.errors.wrap(self.station_minutes))
        form.addRow(self.tr("At the airport before a flight (min)"), self.errors.wrap(self.airport_minutes))
        return page

    # -- small widget factories
    @staticmethod
    def _date_edit(value: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    @staticmethod
    def _time_edit(value: dt.time) -> QTimeEdit:
        edit = QTimeEdit(qtime(value))
        edit.setDisplayFormat("HH:mm")
        return edit

    @staticmethod
    def _spin(value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    @staticmethod
    def _double(value: float, low: float, high: float, decimals: int, step: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(decimals)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setValue(value)
        return spin

    def _connect_changes(self) -> None:
        for edit in (self.title_edit, self.organizer_edit, self.version_edit):
            edit.textChanged.connect(self.validate)
        self.notes_edit.textChanged.connect(self.validate)
        self.start_date.dateChanged.connect(self._start_moved)
        self.end_date.dateChanged.connect(self.validate)
        self.shift_plan.toggled.connect(self.validate)
        for edit in (self.day_start, self.day_end, self.lunch_start, self.lunch_end):
            edit.timeChanged.connect(self.validate)
        for spin in (self.lunch_minutes, self.max_visits, self.road_factor, self.coach_speed, self.urban_speed,
                     self.urban_km, self.boarding_minutes, self.long_leg_minutes, self.station_minutes,
                     self.airport_minutes):
            spin.valueChanged.connect(self.validate)
        for signal in (self.groups_model.dataChanged, self.groups_model.rowsInserted,
                       self.groups_model.rowsRemoved, self.groups_model.rowsMoved):
            signal.connect(self.validate)

    # -- groups
    def _current_row(self) -> int:
        index = self.groups_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.groups_model.rowCount():
            self.groups_view.setCurrentIndex(self.groups_model.index(row, 0))
        self._update_group_buttons()

    def _update_group_buttons(self) -> None:
        row, rows = self._current_row(), self.groups_model.rowCount()
        self.remove_group_button.setEnabled(row >= 0)
        self.colour_button.setEnabled(row >= 0)
        self.move_up_button.setEnabled(row > 0)
        self.move_down_button.setEnabled(0 <= row < rows - 1)

    def add_group(self) -> int:
        row = self.groups_model.add_group(fill(self.tr("Group %1"), self.groups_model.rowCount() + 1))
        self._select_row(row)
        return row

    def remove_group(self, row: int) -> bool:
        """Remove the group at `row`, after asking when it has planned activities."""
        if not 0 <= row < self.groups_model.rowCount():
            return False
        group = self.groups_model.group(row)
        n = planned_activities(group)
        if n:
            answer = QMessageBox.question(
                self, self.tr("Remove group"),
                literal.tooltip(fill(self.tr("Remove %1 and its %2 planned activities?"), group.name, n)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.groups_model.remove_group(row)
        self._select_row(min(row, self.groups_model.rowCount() - 1))
        return True

    def move_group(self, row: int, delta: int) -> None:
        self._select_row(self.groups_model.move_group(row, delta))

    def choose_colour(self, row: int) -> None:
        if not 0 <= row < self.groups_model.rowCount():
            return
        group = self.groups_model.group(row)
        colour = QColorDialog.getColor(QColor(group.colour), self, fill(self.tr("Colour of %1"), group.name))
        if colour.isValid():
            self.groups_model.setData(self.groups_model.index(row, COLOUR), colour)

    # -- dates
    def _start_moved(self) -> None:
        """With the plan shifting, the end date follows the start so the tour keeps its length."""
        new = date_of(self.start_date)
        delta = new - self._last_start
        self._last_start = new
        if self.shift_plan.isChecked() and delta:
            self.end_date.setDate(qdate(date_of(self.end_date) + delta))
        self.validate()

    # -- validation
    def _edited(self) -> tuple[dict[str, Any], list[LostDay]]:
        """The tour as the widgets say, as a dump for Tour.model_validate, and the planned days it drops."""
        o = self._original
        data = self._work.model_dump()
        start, end = date_of(self.start_date), date_of(self.end_date)
        data.update(
            title=self.title_edit.text(), organizer=self.organizer_edit.text(), revision=self.version_edit.text(),
            notes=self.notes_edit.toPlainText(), start_date=start, end_date=end,
            day_window={"start": clock_text(self.day_start), "end": clock_text(self.day_end)},
            lunch_window={"start": clock_text(self.lunch_start), "end": clock_text(self.lunch_end)},
            lunch_minutes=self.lunch_minutes.value(), max_visits_per_day=self.max_visits.value())
        data["travel"].update(
            road_factor=float_of(self.road_factor, o.travel.road_factor),
            speed_kmh=float_of(self.coach_speed, o.travel.speed_kmh),
            urban_speed_kmh=float_of(self.urban_speed, o.travel.urban_speed_kmh),
            urban_km=float_of(self.urban_km, o.travel.urban_km),
            boarding_minutes=self.boarding_minutes.value(), long_leg_minutes=self.long_leg_minutes.value(),
            station_minutes=self.station_minutes.value(), airport_minutes=self.airport_minutes.value())
        shift = (start - o.start_date).days if self.shift_plan.isChecked() else 0
        if end < start:   # the dates themselves are wrong: say that, and drop nothing yet
            return data, []
        data["people"] = refit_people(self._work.people, {g["id"] for g in data["groups"]}, start, end,
                                      shift).model_dump()
        return data, refit_days(data["groups"], shift, start, end)

    def validate(self) -> Tour | None:
        """Rebuild the tour from the widgets; show every reason next to its field; None when invalid."""
        data, self._lost = self._edited()
        self.errors.clear()
        self._show_lost()
        tour = None
        try:
            tour = Tour.model_validate(data)
        except ValidationError as exc:
            for err in field_errors(exc):
                if err.type == "tour_dates":
                    self.errors.show(self.end_date, err.text)
                elif err.loc[:1] == ("groups",) and len(err.loc) > 1 and isinstance(err.loc[1], int):
                    where = fill(self.tr("Row %1"), err.loc[1] + 1)
                    self.errors.show(self.groups_view, f"{where}: {err.text}")
                else:
                    self.errors.show(widget_for(err.loc, self._fields) or self.title_edit, err.text)
        too_long = over_file_limits({k: data.get(k) for k in ("title", "organizer", "revision", "notes")})
        for key, reason in too_long.items():  # the model allows it, but no tour file could hold it
            if self._fields.get((key,)) not in self.errors.fields():
                self.errors.show(self._fields.get((key,)) or self.title_edit, reason)
        tour = None if too_long else tour
        self._mark_tabs()
        self.ok_button.setEnabled(tour is not None)
        return tour

    def _show_lost(self) -> None:
        template = self.tr("%1 %2: %3 activities will be deleted")
        lines = [fill(template, d.group, short_date(d.date, lang()), d.activities) for d in self._lost]
        self.date_warning.setText("\n".join(lines))
        self.date_warning.setVisible(bool(lines))

    def _mark_tabs(self) -> None:
        """Colour the title of every tab holding an error, so a reason on a hidden tab is not missed."""
        bar = self.tabs.tabBar()
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            bad = any(page.isAncestorOf(w) for w in self.errors.fields())
            bar.setTabTextColor(i, QColor("#c0392b") if bad else QColor())

    def lost_days(self) -> list[LostDay]:
        """Planned days the current dates would delete."""
        return list(self._lost)

    # -- result
    def accept(self) -> None:
        tour = self.validate()
        if tour is None:
            return
        if self._lost:
            answer = QMessageBox.question(
                self, self.tr("Delete planned days"),
                literal.tooltip("\n".join([self.tr("The new dates leave these days out of the tour:"),
                                            self.date_warning.text(), "", self.tr("Delete them?")])))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._result = tour
        super().accept()

    def result_tour(self) -> Tour:
        """The edited tour once accepted (the original, unchanged, before that)."""
        return self._result if self._result is not None else self._original
