"""Edits of `Tour.people`, each returning what undo needs. The 名单 dock's undo commands call these.

Records are addressed by list kind and index: undo commands run in stack order, so an index saved by
an edit is the right one when that edit is undone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from planner.model.edits import EditError
from planner.model.people import (EmergencyContact, HotelNight, Participant, People, Room, StaffMember, Vehicle,
                                  check_people, new_person_id)
from planner.model.site import SiteKind
from planner.model.tour import Tour

RECORD_TYPES: dict[str, type[BaseModel]] = {
    "participants": Participant, "staff": StaffMember, "vehicles": Vehicle, "nights": HotelNight,
    "rooms": Room, "emergency": EmergencyContact}
ID_PREFIX = {"participants": "p", "staff": "s", "vehicles": "v"}


def records(tour: Tour, kind: str) -> list[Any]:
    if kind not in RECORD_TYPES:
        raise EditError(f"unknown list {kind!r}")
    return getattr(tour.people, kind)


def _checked(tour: Tour) -> None:
    check_people(tour.people, {g.id for g in tour.groups}, tour.start_date, tour.end_date)


def _message(e: ValidationError) -> str:
    first = e.errors()[0]
    where = ".".join(str(x) for x in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


def validated(kind: str, data: dict[str, Any]) -> BaseModel:
    try:
        return RECORD_TYPES[kind].model_validate(data)
    except ValidationError as e:
        raise EditError(_message(e)) from None


def set_field(tour: Tour, kind: str, index: int, name: str, value: Any) -> Any:
    """Set one field, validated as a whole record and against the tour; returns the old value."""
    rows = records(tour, kind)
    if not 0 <= index < len(rows):
        raise EditError(f"{kind}[{index}] does not exist")
    old = rows[index]
    new = validated(kind, {**old.model_dump(), name: value})
    rows[index] = new
    try:
        _checked(tour)
    except ValueError as e:
        rows[index] = old
        raise EditError(str(e)) from None
    return getattr(old, name)


def insert_records(tour: Tour, kind: str, index: int, new: list[BaseModel]) -> int:
    """Insert at `index` (clamped); people without a fresh id get one. Returns where they went."""
    rows = records(tour, kind)
    index = max(0, min(index, len(rows)))
    for rec in new:
        if kind in ID_PREFIX and (not getattr(rec, "id", "") or tour.people.person(rec.id)
                                  or any(v.id == rec.id for v in tour.people.vehicles)):
            rec.id = new_person_id(tour.people, ID_PREFIX[kind])
    rows[index:index] = new
    try:
        _checked(tour)
    except ValueError as e:
        del rows[index:index + len(new)]
        raise EditError(str(e)) from None
    return index


@dataclass
class Removed:
    """What `remove_records` took away: the records and the room places of the people among them."""

    index: int
    records: list[Any]
    beds: list[tuple[int, int, str]] = field(default_factory=list)  # (room index, position, person id)


def remove_records(tour: Tour, kind: str, index: int, count: int = 1) -> Removed:
    """Remove `count` records from `index`; people removed also leave the rooms they slept in."""
    rows = records(tour, kind)
    if not (0 <= index and index + count <= len(rows)):
        raise EditError(f"{kind}[{index}:{index + count}] does not exist")
    taken = rows[index:index + count]
    del rows[index:index + count]
    gone = {r.id for r in taken} if kind in ("participants", "staff") else set()
    beds = []
    for ri, room in enumerate(tour.people.rooms):
        for pos, who in enumerate(room.occupants):
            if who in gone:
                beds.append((ri, pos, who))
        room.occupants = [w for w in room.occupants if w not in gone]
    return Removed(index, taken, beds)


def restore_records(tour: Tour, kind: str, removed: Removed) -> None:
    """Undo of `remove_records`: the same records at the same place, back in the same beds."""
    records(tour, kind)[removed.index:removed.index] = removed.records
    for ri, pos, who in removed.beds:
        tour.people.rooms[ri].occupants.insert(pos, who)


def replace_people(tour: Tour, people: People) -> People:
    """Swap the whole roster (an import, a paste); returns the old one for undo."""
    old = tour.people
    tour.people = people
    try:
        _checked(tour)
    except ValueError as e:
        tour.people = old
        raise EditError(str(e)) from None
    return old


_SEPARATORS = re.compile(r"[、,，;；/\s]+")


def occupants_from_text(people: People, text: str) -> list[str]:
    """'张三、李四' → their ids. A name on two roster lines, or on none, is refused by name."""
    ids = []
    for name in (n for n in _SEPARATORS.split(text) if n):
        found = [p.id for p in [*people.participants, *people.staff] if p.name == name or p.id == name]
        if not found:
            raise EditError(f"{name} is not on the roster")
        if len(found) > 1:
            raise EditError(f"{name} is on the roster {len(found)} times; use the id ({', '.join(found)})")
        ids.append(found[0])
    return ids


def occupants_text(people: People, ids: list[str]) -> str:
    return "、".join(p.name if (p := people.person(i)) else i for i in ids)


def refit_people(people: People, group_ids: set[str], start: dt.date, end: dt.date, shift: int = 0) -> People:
    """A copy fitting changed tour settings: people of removed groups become unassigned, their vehicles go;
    nights and rooms move with a shifted plan and go when their group or date is no longer in the tour."""
    copy = people.model_copy(deep=True)
    for rec in [*copy.participants, *copy.staff]:
        if rec.group not in group_ids:
            rec.group = None
    copy.vehicles = [v for v in copy.vehicles if v.group in group_ids]
    step = dt.timedelta(days=shift)
    for rec in [*copy.nights, *copy.rooms]:
        rec.date += step
    copy.nights = [n for n in copy.nights if n.group in group_ids and start <= n.date <= end]
    copy.rooms = [r for r in copy.rooms if r.group in group_ids and start <= r.date <= end]
    return copy


def set_headcounts(tour: Tour, counts: dict[str, int]) -> dict[str, int]:
    """Set groups' headcounts (e.g. to their roster sizes); returns the old ones for undo."""
    old = {}
    for group in tour.groups:
        if group.id in counts:
            old[group.id] = group.headcount
            group.headcount = counts[group.id]
    return old


def roster_counts(tour: Tour) -> dict[str, int]:
    return {g.id: len(tour.people.in_group(g.id)) for g in tour.groups}


def rooms_from_roster(tour: Tour) -> People:
    """A copy of the people with rooms filled from each participant's `room` for every hotel night of their
    group that has no rooms yet: the 组织部 sheet's 房间 column becomes the nightly room list."""
    copy = tour.people.model_copy(deep=True)
    planned = {(r.group, r.date) for r in copy.rooms}
    for group in tour.groups:
        by_room: dict[str, list[str]] = {}
        for p in copy.in_group(group.id):
            if p.room:
                by_room.setdefault(p.room, []).append(p.id)
        for day in sorted(group.days, key=lambda d: d.date):
            site = tour.site(day.end)
            if site is None or site.kind is not SiteKind.HOTEL or (group.id, day.date) in planned:
                continue
            copy.rooms += [Room(group=group.id, date=day.date, number=number, beds=max(2, len(ids)),
                                occupants=ids) for number, ids in by_room.items()]
    return copy
