"""Who travels: participants (学员), staff (工作人员), vehicles (车辆) and hotel rooms, held in `Tour.people`.

Everything is flat lists of records referring to groups by id, so tables, spreadsheets and checks all see
the same shape. Hotels themselves are the tour's sites: a group's hotel on a night is that day's `end`
site (address and contact come from the site); a `HotelNight` only adds check-in notes and `Room`s.

Privacy lives here, in one place: every renderer asks `visible_phone(...)` / `visible_id_number(...)`
for what an edition may print, and never reads `.phone` or `.id_number` directly.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from planner.model.site import Ident

STAFF_EDITION, PARTICIPANT_EDITION = "staff", "participant"
"""The two handbook/export editions; the same strings as planner.render.handbook.STAFF/PARTICIPANT."""

_PHONE = re.compile(r"^[0-9+\-\s()（）]*$")
_ID_NUMBER = re.compile(r"^[0-9A-Za-z\-]*$")


def _phone(value: str) -> str:
    """Loose on purpose: rosters mix 0571-8697 1085, +86 139…, (0731)… — only letters and junk are refused."""
    value = value.strip()
    if not _PHONE.match(value) or (value and not any(c.isdigit() for c in value)):
        raise PydanticCustomError("phone", "'{value}' is not a phone number (digits, +, - and spaces only)",
                                  {"value": value})
    return value


def _id_number(value: str) -> str:
    value = value.strip()
    if not _ID_NUMBER.match(value):
        raise PydanticCustomError("id_number", "'{value}' is not an ID number (letters, digits and - only)",
                                  {"value": value})
    return value


Phone = Annotated[str, StringConstraints(max_length=40), AfterValidator(_phone)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class Gender(str, Enum):
    MALE = "male"
    FEMALE = "female"


GENDER_LABELS = {Gender.MALE: ("男", "Male"), Gender.FEMALE: ("女", "Female")}


class StaffRole(str, Enum):
    HEAD_TEACHER = "head_teacher"
    LEADER = "leader"
    LIAISON = "liaison"
    MEDIC = "medic"
    DRIVER = "driver"
    GUIDE = "guide"


ROLE_LABELS = {
    StaffRole.HEAD_TEACHER: ("班主任", "Head teacher"),
    StaffRole.LEADER: ("领队", "Tour leader"),
    StaffRole.LIAISON: ("联络员", "Liaison"),
    StaffRole.MEDIC: ("医护", "Medic"),
    StaffRole.DRIVER: ("司机", "Driver"),
    StaffRole.GUIDE: ("讲解", "Guide"),
}


class Participant(BaseModel):
    """A trainee (学员). `group` None = not yet assigned (the checks report it)."""

    model_config = ConfigDict(extra="forbid")

    id: Ident
    name: Name
    gender: Gender | None = None
    unit: Text = Field(default="", description="单位职务: unit and position, e.g. 嘉兴市商务局 副局长")
    phone: Phone = ""
    group: Ident | None = None
    room: Text = Field(default="", description="usual room or roommate note; nightly rooms are in `Room`")
    seat: Text = ""
    ethnicity: Text = Field(default="", description="民族, when the host needs it (meals, customs)")
    diet: Text = Field(default="", description="饮食: 清真, 素食, allergies …")
    id_number: Annotated[str, StringConstraints(max_length=30), AfterValidator(_id_number)] = Field(
        default="", description="证件号: staff-only, never printed in a participant edition")
    notes: Text = ""


class StaffMember(BaseModel):
    """Staff with a role; `group` None = serves the whole tour. Phone shown to participants only if shared."""

    model_config = ConfigDict(extra="forbid")

    id: Ident
    role: StaffRole
    name: Name
    phone: Phone = ""
    group: Ident | None = None
    phone_shared: bool = Field(default=False, description="participants may see this phone")
    notes: Text = ""


class Vehicle(BaseModel):
    """A coach serving one group. The driver's phone is shared with participants only when marked."""

    model_config = ConfigDict(extra="forbid")

    id: Ident
    group: Ident
    plate: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] = ""
    seats: int = Field(default=0, ge=0, le=100, description="passenger seats; 0 = not known yet")
    driver: Text = ""
    driver_phone: Phone = ""
    phone_shared: bool = True
    notes: Text = ""


class HotelNight(BaseModel):
    """Check-in notes for one group's night; the hotel is the group's day.end site on that date."""

    model_config = ConfigDict(extra="forbid")

    group: Ident
    date: dt.date
    notes: Text = Field(default="", description="入住说明: check-in time, breakfast, deposit …")


class Room(BaseModel):
    """A room one group uses on one night, with the people (participant or staff ids) sleeping in it."""

    model_config = ConfigDict(extra="forbid")

    group: Ident
    date: dt.date
    number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
    beds: int = Field(default=2, ge=1, le=20)
    occupants: list[Ident] = Field(default_factory=list)


class EmergencyContact(BaseModel):
    """Whom to call when something goes wrong: the nearest hospital, the organizer's duty phone, the police.
    Printed for everyone: these numbers exist to be shared, so no edition hides them."""

    model_config = ConfigDict(extra="forbid")

    name: Name = Field(description="e.g. 湖南省人民医院急诊, 主办方值班电话")
    phone: Phone = ""
    address: Text = ""
    notes: Text = ""


class People(BaseModel):
    model_config = ConfigDict(extra="forbid")

    participants: list[Participant] = Field(default_factory=list)
    staff: list[StaffMember] = Field(default_factory=list)
    vehicles: list[Vehicle] = Field(default_factory=list)
    nights: list[HotelNight] = Field(default_factory=list)
    rooms: list[Room] = Field(default_factory=list)
    emergency: list[EmergencyContact] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.participants or self.staff or self.vehicles or self.nights or self.rooms
                    or self.emergency)

    def person(self, person_id: str) -> Participant | StaffMember | None:
        return next((p for p in [*self.participants, *self.staff] if p.id == person_id), None)

    def in_group(self, group_id: str) -> list[Participant]:
        return [p for p in self.participants if p.group == group_id]

    def staff_of(self, group_id: str | None) -> list[StaffMember]:
        """Staff serving this group only (group_id None: those serving the whole tour)."""
        return [s for s in self.staff if s.group == group_id]

    def vehicles_of(self, group_id: str) -> list[Vehicle]:
        return [v for v in self.vehicles if v.group == group_id]


Person = Union[Participant, StaffMember, Vehicle, EmergencyContact]


def visible_phone(person: Person, edition: str) -> str:
    """The phone an edition may print: participants' phones only in the staff edition; staff and driver
    phones in the participant edition only when marked shared; emergency numbers always. Unknown editions
    get the strict rule."""
    phone = person.driver_phone if isinstance(person, Vehicle) else person.phone
    if edition == STAFF_EDITION:
        return phone
    if isinstance(person, Participant):
        return ""
    if isinstance(person, EmergencyContact):
        return phone
    return phone if person.phone_shared else ""


def visible_id_number(person: Participant, edition: str) -> str:
    return person.id_number if edition == STAFF_EDITION else ""


def person_keys(person: Participant | StaffMember) -> list[tuple[str, ...]]:
    """What identifies a roster line: its ID number, its name with its phone, or (lacking both) its name.
    Two lines sharing any key are the same person."""
    number = getattr(person, "id_number", "").upper()
    digits = "".join(c for c in person.phone if c.isdigit())
    keys = [("id", number)] if number else []
    if digits:
        keys.append(("phone", person.name, digits))
    return keys or [("name", person.name)]


def new_person_id(people: People, prefix: str) -> str:
    """`prefix` + the first free number: p1, p2 … for participants, s1 … staff, v1 … vehicles."""
    used = {p.id for p in [*people.participants, *people.staff, *people.vehicles]}
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def check_people(people: People, group_ids: set[str], start: dt.date, end: dt.date) -> None:
    """References must resolve (Tour's validator calls this); the softer rules are checks, not errors."""
    seen: dict[str, str] = {}
    for kind in ("participants", "staff", "vehicles"):
        for i, rec in enumerate(getattr(people, kind)):
            where = f"people.{kind}[{i}]"
            if rec.id in seen:
                raise _err("duplicate_id", f"{where}.id", "id '{id}' is already used by {first}",
                           id=rec.id, first=seen[rec.id])
            seen[rec.id] = where
            if rec.group is not None and rec.group not in group_ids:
                raise _err("unknown_group", f"{where}.group", "group '{group}' is not in the tour",
                           group=rec.group)
    person_ids = {p.id for p in [*people.participants, *people.staff]}
    nights: set[tuple[str, dt.date]] = set()
    for kind in ("nights", "rooms"):
        for i, rec in enumerate(getattr(people, kind)):
            where = f"people.{kind}[{i}]"
            if rec.group not in group_ids:
                raise _err("unknown_group", f"{where}.group", "group '{group}' is not in the tour",
                           group=rec.group)
            if not start <= rec.date <= end:
                raise _err("day_outside", f"{where}.date", "{date} is outside the tour dates {start} – {end}",
                           date=str(rec.date), start=str(start), end=str(end))
            if kind == "nights":
                if (rec.group, rec.date) in nights:
                    raise _err("duplicate_night", where, "{group} {date} has notes twice",
                               group=rec.group, date=str(rec.date))
                nights.add((rec.group, rec.date))
            else:
                for j, who in enumerate(rec.occupants):
                    if who not in person_ids:
                        raise _err("unknown_person", f"{where}.occupants[{j}]", "'{who}' is not in the roster",
                                   who=who)


def _err(code: str, where: str, message: str, **ctx: object) -> PydanticCustomError:
    return PydanticCustomError(code, "{where}: " + message, {"where": where, **ctx})
