"""Edit › 每日提示…: a group-day's meeting time and place, dress and what to bring, as fields (one undo step).

The handbook's day tables, the daily sheets, the Excel sheet and the WeChat images all print them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTime
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QMenu, \
    QTimeEdit, QWidget

from planner.model.day_tips import DayTips
from planner.model.edits import day_of
from planner.model.tour import Tour
from planner.render.labels import day_label
from ui.dialogs.mnemonics import undo_text


class EditDayTips(QUndoCommand):
    """Set one group-day's tips; a day created only to hold them goes away again on undo."""

    def __init__(self, tour: Tour, group_id: str, date: dt.date, tips: DayTips, text: str):
        super().__init__(undo_text(text))
        self.tour, self.group_id, self.date, self.tips = tour, group_id, date, tips
        self.before: DayTips | None = None
        self.created = False

    def redo(self) -> None:
        group = self.tour.group(self.group_id)
        self.created = group.day(self.date) is None
        day = day_of(self.tour, self.group_id, self.date)
        self.before, day.tips = day.tips, self.tips.model_copy()

    def undo(self) -> None:
        group = self.tour.group(self.group_id)
        day = group.day(self.date)
        if self.created and not day.activities:
            group.days.remove(day)
        else:
            day.tips = self.before


class DayTipsDialog(QDialog):
    def __init__(self, tips: DayTips, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Day tips — %1").replace("%1", title))
        form = QFormLayout(self)
        meet = QWidget(self)
        row = QHBoxLayout(meet)
        row.setContentsMargins(0, 0, 0, 0)
        self.has_time = QCheckBox(self.tr("at"), meet)
        self.meet_time = QTimeEdit(meet)
        self.meet_time.setDisplayFormat("HH:mm")
        when = tips.meet_time or dt.time(7, 50)
        self.meet_time.setTime(QTime(when.hour, when.minute))
        self.has_time.setChecked(tips.meet_time is not None)
        self.meet_time.setEnabled(self.has_time.isChecked())
        self.has_time.toggled.connect(self.meet_time.setEnabled)
        self.meet_at = QLineEdit(tips.meet_at, meet)
        self.meet_at.setPlaceholderText(self.tr("e.g. hotel lobby"))
        row.addWidget(self.has_time)
        row.addWidget(self.meet_time)
        row.addWidget(self.meet_at, 1)
        form.addRow(self.tr("Meet"), meet)
        self.dress = QLineEdit(tips.dress, self)
        self.dress.setPlaceholderText(self.tr("e.g. formal for the opening"))
        form.addRow(self.tr("Dress"), self.dress)
        self.bring = QLineEdit(tips.bring, self)
        self.bring.setPlaceholderText(self.tr("e.g. ID card, umbrella"))
        form.addRow(self.tr("Bring"), self.bring)
        self.other = QLineEdit(tips.other, self)
        form.addRow(self.tr("Other"), self.other)
        for edit in (self.meet_at, self.dress, self.bring, self.other):
            edit.setMaxLength(200)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def tips(self) -> DayTips:
        t = self.meet_time.time()
        return DayTips(meet_time=dt.time(t.hour(), t.minute()) if self.has_time.isChecked() else None,
                       meet_at=self.meet_at.text(), dress=self.dress.text(), bring=self.bring.text(),
                       other=self.other.text())


class DayTipsAction(QObject):
    """Edit › 每日提示… for the group-day selected on the board."""

    def __init__(self, window, menu: QMenu):
        super().__init__(window)
        self.window = window
        self.target: tuple[str, dt.date] | None = None
        self.action = QAction(self.tr("Day &tips…"), window)
        self.action.triggered.connect(lambda: self.edit())
        menu.addAction(self.action)
        window.board.cellSelected.connect(lambda gid, date: self._select((gid, date)))
        window.board.groupSelected.connect(lambda _gid: self._select(None))
        window.board.tourSelected.connect(lambda: self._select(None))
        self._select(None)

    def _select(self, target: tuple[str, dt.date] | None) -> None:
        self.target = target
        self.action.setEnabled(target is not None)

    def edit(self, dialog: DayTipsDialog | None = None) -> bool:
        """Ask (unless a filled dialog is given) and apply as one undo step; True when something changed."""
        if self.target is None:
            return False
        gid, date = self.target
        tour = self.window.document.tour
        day = tour.group(gid).day(date)
        current = day.tips if day is not None else DayTips()
        if dialog is None:
            dialog = DayTipsDialog(current, f"{tour.group(gid).name} {day_label(date)}", self.window)
            if not dialog.exec():
                return False
        tips = dialog.tips()
        if tips == current:
            return False
        self.window.document.push(EditDayTips(tour, gid, date, tips, self.tr("Edit day tips")))
        return True
