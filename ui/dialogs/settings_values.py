"""Values between the tour settings dialog and the tour: Qt date/time widgets ⇄ Python values, and the
planned days a change of dates shifts or leaves out (kept apart so the dialog module stays about its form)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QDoubleSpinBox, QTimeEdit


@dataclass(frozen=True)
class LostDay:
    """A planned day that the new dates leave outside the tour (named by its date before the change)."""

    group: str
    date: dt.date
    activities: int


def refit_days(groups: list[dict[str, Any]], shift: int, start: dt.date, end: dt.date) -> list[LostDay]:
    """Shift every day of the dumped groups by `shift` days and drop those outside start–end.

    Returns the dropped days that had activities; empty days go silently.
    """
    lost: list[LostDay] = []
    for group in groups:
        kept = []
        for day in group["days"]:
            date = day["date"] + dt.timedelta(days=shift)
            if start <= date <= end:
                kept.append({**day, "date": date})
            elif day["activities"]:
                lost.append(LostDay(group["name"], day["date"], len(day["activities"])))
        group["days"] = kept
    return lost


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def qtime(t: dt.time) -> QTime:
    return QTime(t.hour, t.minute)


def clock_text(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


def date_of(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def float_of(spin: QDoubleSpinBox, original: float) -> float:
    """The spin's value, or the original when the spin only shows it rounded."""
    return original if round(original, spin.decimals()) == spin.value() else spin.value()
