"""Checks on who travels: roster against headcount, seats, people in two groups, rooms, unassigned people.

Codes and wording are registered in planner.schedule.problems.CATALOGUE (section "people").
A tour with nobody on its roster yet is not checked for roster or seats against people: most tours are
planned weeks before the 组织部 sends names, and a warning on every group would only be noise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from planner.model.people import People, Room, StaffRole, person_keys
from planner.model.tour import Tour
from planner.render.labels import short_date
from planner.schedule.problems import Problem

NAMES_SHOWN = 8  # a message lists at most this many names, then "等 N 人"


def people_problems(tour: Tour) -> list[Problem]:
    people = tour.people
    if people.is_empty():
        return []
    out: list[Problem] = []
    names = {g.id: g.name for g in tour.groups}
    has_roster = bool(people.participants)
    for group in tour.groups:
        roster = len(people.in_group(group.id))
        if has_roster and roster != group.headcount:
            out.append(Problem("roster-headcount", group.id, params={
                "group": group.name, "roster": roster, "headcount": group.headcount}))
        out += _seats(people, group.id, group.name, roster if has_roster else group.headcount)
    out += _two_groups(people, names)
    out += _rooms(people, names)
    loose = [p.name for p in people.participants if p.group is None]
    if loose and tour.groups:
        out.append(Problem("participant-no-group", params=lambda lang: {
            "count": len(loose), "names": name_list(loose, lang)}))
    return out


def _seats(people: People, group_id: str, group_name: str, riders: int) -> list[Problem]:
    vehicles = people.vehicles_of(group_id)
    if not vehicles or any(v.seats == 0 for v in vehicles):
        return []  # seats not known yet: nothing to compare
    # Drivers sit in the driver's seat, which `seats` (passenger seats) does not count.
    staff = [s for s in people.staff_of(group_id) if s.role is not StaffRole.DRIVER]
    seats = sum(v.seats for v in vehicles)
    need = riders + len(staff)
    if seats >= need:
        return []
    plates = "、".join(v.plate or v.id for v in vehicles)
    return [Problem("vehicle-seats", group_id, params={
        "group": group_name, "vehicles": plates, "seats": seats, "people": need,
        "participants": riders, "staff": len(staff)})]


def _two_groups(people: People, names: dict[str, str]) -> list[Problem]:
    where: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)  # key -> group -> name
    for person in [*people.participants, *people.staff]:
        if person.group is not None:
            for key in person_keys(person):
                where[key].setdefault(person.group, person.name)
    out, seen = [], set()
    for groups in where.values():
        name = next(iter(groups.values()))
        if len(groups) < 2 or (name, tuple(groups)) in seen:
            continue
        seen.add((name, tuple(groups)))
        out.append(Problem("person-in-two-groups", groups=tuple(groups), params={
            "name": name, "groups": "、".join(names.get(g, g) for g in groups)}))
    return out


def _rooms(people: People, names: dict[str, str]) -> list[Problem]:
    out = []
    for room in people.rooms:
        if len(room.occupants) > room.beds:
            who = [p.name if (p := people.person(i)) else i for i in room.occupants]
            out.append(Problem("room-over-beds", room.group, room.date, params=lambda lang, r=room, w=who: {
                "group": names.get(r.group, r.group), "date": short_date(r.date, lang), "room": r.number,
                "count": len(r.occupants), "beds": r.beds, "names": name_list(w, lang)}))
    out += _double_booked(people)
    return out


def _double_booked(people: People) -> list[Problem]:
    """One person in two rooms on the same night: a row copied and not cleared."""
    nights: dict[tuple[str, dt.date], list[Room]] = defaultdict(list)
    for room in people.rooms:
        for who in dict.fromkeys(room.occupants):
            nights[(who, room.date)].append(room)
    out = []
    for (who, date), rooms in nights.items():
        if len(rooms) < 2:
            continue
        person = people.person(who)
        name = person.name if person else who
        numbers = "、".join(r.number for r in rooms)
        out.append(Problem("person-two-rooms", rooms[0].group, date,
                           groups=tuple(dict.fromkeys(r.group for r in rooms)),
                           params=lambda lang, d=date, n=name, rs=numbers: {
                               "date": short_date(d, lang), "name": n, "rooms": rs}))
    return out


def name_list(names: list[str], lang: str) -> str:
    shown = names[:NAMES_SHOWN]
    more = len(names) - len(shown)
    if lang == "zh":
        return "、".join(shown) + (f" 等 {len(names)} 人" if more else "")
    return ", ".join(shown) + (f" and {more} more" if more else "")
