"""What each 名单 table shows: one Column per field, with how it is shown, edited and chosen from.

Titles are English and translated in the "PeopleModel" context (lines in zh_CN.tsv).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from planner.model.people import GENDER_LABELS, ROLE_LABELS, Gender, StaffRole
from planner.model.people_edits import occupants_from_text, occupants_text
from planner.model.tour import Tour
from planner.render.labels import short_date
from ui.i18n import lang, pick, translator

_tr = translator("PeopleModel")
TEXT, NUMBER, CHECK, CHOICE, READ_ONLY = "text", "number", "check", "choice", "read-only"


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    kind: str = TEXT
    # CHOICE columns: the (value, label) pairs to choose from, for this tour
    choices: Callable[[Tour], list[tuple[Any, str]]] | None = None
    # derived columns: shown from the whole record (and the tour) rather than one field
    show: Callable[[Tour, Any], str] | None = None
    # text columns stored in another shape (room occupants: names shown, ids stored)
    parse: Callable[[Tour, str], Any] | None = None


def _groups(tour: Tour, none_label: str | None) -> list[tuple[Any, str]]:
    none = [(None, none_label)] if none_label is not None else []
    return none + [(g.id, g.name) for g in tour.groups]


def _dates(tour: Tour) -> list[tuple[Any, str]]:
    return [(d, short_date(d, lang())) for d in tour.dates()]


def _hotel(tour: Tour, rec: Any) -> str:
    """The night's hotel is the group's day.end site; its address follows it."""
    group = tour.group(rec.group)
    day = group.day(rec.date) if group else None
    site = tour.site(day.end) if day else None
    return site.name if site else ""


def _address(tour: Tour, rec: Any) -> str:
    group = tour.group(rec.group)
    day = group.day(rec.date) if group else None
    site = tour.site(day.end) if day else None
    return " ".join(x for x in (site.address, site.contact) if x) if site else ""


def label_of(choices: list[tuple[Any, str]], value: Any) -> str:
    return next((label for v, label in choices if v == value), "" if value is None else str(value))


GENDERS = lambda _t: [(None, "—")] + [(g.value, pick(GENDER_LABELS[g])) for g in Gender]  # noqa: E731
ROLES = lambda _t: [(r.value, pick(ROLE_LABELS[r])) for r in StaffRole]  # noqa: E731

COLUMNS: dict[str, tuple[Column, ...]] = {
    "participants": (
        Column("name", "Name"),
        Column("gender", "Gender", CHOICE, GENDERS),
        Column("unit", "Unit and position"),
        Column("phone", "Phone"),
        Column("group", "Group", CHOICE, lambda t: _groups(t, "—")),
        Column("room", "Room"),
        Column("seat", "Seat"),
        Column("ethnicity", "Ethnicity"),
        Column("diet", "Diet"),
        Column("id_number", "ID number"),
        Column("notes", "Notes"),
    ),
    "staff": (
        Column("role", "Role", CHOICE, ROLES),
        Column("name", "Name"),
        Column("phone", "Phone"),
        Column("phone_shared", "Participants see phone", CHECK),
        Column("group", "Group", CHOICE, lambda t: _groups(t, _tr("Whole tour"))),
        Column("notes", "Notes"),
    ),
    "vehicles": (
        Column("group", "Group", CHOICE, lambda t: _groups(t, None)),
        Column("plate", "Plate"),
        Column("seats", "Seats", NUMBER),
        Column("driver", "Driver"),
        Column("driver_phone", "Driver phone"),
        Column("phone_shared", "Participants see phone", CHECK),
        Column("notes", "Notes"),
    ),
    "nights": (
        Column("group", "Group", CHOICE, lambda t: _groups(t, None)),
        Column("date", "Night of", CHOICE, _dates),
        Column("hotel", "Hotel", READ_ONLY, show=_hotel),
        Column("address", "Address and phone", READ_ONLY, show=_address),
        Column("notes", "Check-in notes"),
    ),
    "rooms": (
        Column("group", "Group", CHOICE, lambda t: _groups(t, None)),
        Column("date", "Night of", CHOICE, _dates),
        Column("hotel", "Hotel", READ_ONLY, show=_hotel),
        Column("number", "Room"),
        Column("beds", "Beds", NUMBER),
        Column("occupants", "Who", show=lambda t, r: occupants_text(t.people, r.occupants),
               parse=lambda t, text: occupants_from_text(t.people, text)),
    ),
    "emergency": (
        Column("name", "Name or place"),
        Column("phone", "Phone"),
        Column("address", "Address"),
        Column("notes", "Notes"),
    ),
}


def sort_key(value: Any) -> tuple:
    """Numbers (and numeric text: seats, rooms) sort as numbers, dates as dates, the rest as text."""
    if isinstance(value, dt.date):
        return (0, value.toordinal(), "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value, "")
    text = "" if value is None else str(value)
    return (0, int(text), "") if text.isdigit() else (1, 0, text)
