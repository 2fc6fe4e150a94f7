"""Tours (培训班/考察团), their groups, days and activities."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from planner.model.clock import Clock, TimeSpan
from planner.model.day_tips import DayTips
from planner.model.people import People, check_people
from planner.model.site import Ident, Site, check_unique_ids

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
MAX_TOUR_DAYS = 366
GROUP_COLOURS = ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
                 "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")


class ActivityKind(str, Enum):
    VISIT = "visit"
    LECTURE = "lecture"
    DISCUSSION = "discussion"
    MEAL = "meal"
    TRANSFER = "transfer"
    CHECKIN = "checkin"
    FREE = "free"


KIND_LABELS = {
    ActivityKind.VISIT: ("现场教学", "Site visit"),
    ActivityKind.LECTURE: ("专题授课", "Lecture"),
    ActivityKind.DISCUSSION: ("座谈交流", "Discussion"),
    ActivityKind.MEAL: ("用餐", "Meal"),
    ActivityKind.TRANSFER: ("交通", "Transfer"),
    ActivityKind.CHECKIN: ("入住", "Check-in"),
    ActivityKind.FREE: ("自由活动", "Free time"),
}

DEFAULT_MINUTES = {
    ActivityKind.LECTURE: 150, ActivityKind.DISCUSSION: 90, ActivityKind.MEAL: 60,
    ActivityKind.CHECKIN: 20, ActivityKind.FREE: 60, ActivityKind.TRANSFER: 60,
}


class TransferMode(str, Enum):
    COACH = "coach"
    RAIL = "rail"
    FLIGHT = "flight"


MODE_LABELS = {TransferMode.COACH: ("大巴", "Coach"), TransferMode.RAIL: ("高铁", "High-speed rail"),
               TransferMode.FLIGHT: ("航班", "Flight")}


class Activity(BaseModel):
    """One item of a day. Its place is `site`; a transfer boards at `origin` and arrives at `site`."""

    model_config = ConfigDict(extra="forbid")

    id: Ident | None = None
    kind: ActivityKind = ActivityKind.VISIT
    site: Ident | None = None
    title: str = ""
    minutes: int | None = Field(default=None, ge=0, le=1440)
    pinned: Clock | None = None
    joint: str | None = None
    presenter: str = ""
    notes: str = ""
    mode: TransferMode | None = None
    origin: Ident | None = None
    service: str = ""

    @model_validator(mode="after")
    def _shape(self) -> "Activity":
        if self.kind is ActivityKind.VISIT and self.site is None:
            raise PydanticCustomError("visit_site", "a visit needs a site", {})
        if self.kind is ActivityKind.TRANSFER:
            if self.site is None:
                raise PydanticCustomError("transfer_site", "a transfer needs a destination site", {})
            if self.minutes is None:
                raise PydanticCustomError("transfer_minutes",
                                          "a transfer needs its known duration in minutes", {})
        elif self.origin is not None or self.mode is not None:
            raise PydanticCustomError("not_transfer", "only a transfer has a mode and an origin", {})
        return self


class Day(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    start: Ident | None = Field(default=None, description="where the day starts (last night's hotel)")
    end: Ident | None = Field(default=None, description="where the day ends (tonight's hotel)")
    activities: list[Activity] = Field(default_factory=list)
    tips: DayTips = Field(default_factory=DayTips, description="每日提示: meeting time and place, dress, what to bring")


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Ident
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    colour: Colour = "#1f77b4"
    headcount: int = Field(default=0, ge=0, le=2000)
    leader: str = ""
    contact: str = ""
    vehicle: str = ""
    days: list[Day] = Field(default_factory=list)

    def day(self, date: dt.date) -> Day | None:
        return next((d for d in self.days if d.date == date), None)


class LegOverride(BaseModel):
    """A leg whose duration is known (a timetable, the coach company's estimate)."""

    model_config = ConfigDict(extra="forbid")

    origin: Ident
    destination: Ident
    minutes: int = Field(ge=0, le=1440)
    km: float | None = Field(default=None, ge=0, le=10_000)


class TravelModel(BaseModel):
    """Straight-line distance × road factor, driven at urban speed for the first km, then coach speed."""

    model_config = ConfigDict(extra="forbid")

    road_factor: float = Field(default=1.3, ge=1.0, le=3.0)
    speed_kmh: float = Field(default=75.0, ge=1, le=200)  # ≥ 1: a tiny speed overflows travel times
    urban_speed_kmh: float = Field(default=30.0, ge=1, le=200)
    urban_km: float = Field(default=12.0, ge=0, le=200)
    boarding_minutes: int = Field(default=10, ge=0, le=120)
    # a class must reach a train or a plane this long before it leaves: tickets, security, a big group boarding
    station_minutes: int = Field(default=30, ge=0, le=240)
    airport_minutes: int = Field(default=90, ge=0, le=240)
    long_leg_minutes: int = Field(default=180, ge=1, le=1440)
    overrides: list[LegOverride] = Field(default_factory=list)


class Tour(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    organizer: str = ""
    start_date: dt.date
    end_date: dt.date
    day_window: TimeSpan = TimeSpan(start="08:00", end="18:00")
    lunch_window: TimeSpan = TimeSpan(start="11:30", end="13:30")
    lunch_minutes: int = Field(default=45, ge=0, le=240)
    max_visits_per_day: int = Field(default=5, ge=1, le=50)
    travel: TravelModel = Field(default_factory=TravelModel)
    notes: str = ""
    revision: str = Field(default="", max_length=40, description="the plan's own label, e.g. 第3版 (not the file schema)")
    groups: list[Group] = Field(default_factory=list)
    sites: list[Site] = Field(default_factory=list)
    people: People = Field(default_factory=People, description="roster, staff, vehicles, rooms (file v2)")

    @model_validator(mode="after")
    def _consistent(self) -> "Tour":
        if self.end_date < self.start_date:
            raise PydanticCustomError("tour_dates", "ends on {end}, before it starts on {start}",
                                      {"start": str(self.start_date), "end": str(self.end_date)})
        days = (self.end_date - self.start_date).days + 1
        if days > MAX_TOUR_DAYS:
            raise _err("tour_too_long", "end_date", "the tour lasts {days} days; at most {max} (a plan covers "
                       "at most a year, so checking and the board stay fast)", days=days, max=MAX_TOUR_DAYS)
        check_unique_ids(self.sites, "sites")
        _check_groups(self)
        check_people(self.people, {g.id for g in self.groups}, self.start_date, self.end_date)
        assign_activity_ids(self)
        return self

    # -- lookups used everywhere; kept here so callers never rebuild the index by hand
    def site_index(self) -> dict[str, Site]:
        return {s.id: s for s in self.sites}

    def site(self, site_id: str | None) -> Site | None:
        if site_id is None:
            return None
        return next((s for s in self.sites if s.id == site_id), None)

    def group(self, group_id: str) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def dates(self) -> list[dt.date]:
        n = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=i) for i in range(n)]


def _err(code: str, where: str, message: str, **ctx: object) -> PydanticCustomError:
    return PydanticCustomError(code, "{where}: " + message, {"where": where, **ctx})


def _check_groups(tour: Tour) -> None:
    site_ids = {s.id for s in tour.sites}
    group_ids: dict[str, int] = {}
    for gi, group in enumerate(tour.groups):
        gw = f"groups[{gi}]"
        if group.id in group_ids:
            raise _err("duplicate_id", f"{gw}.id", "id '{id}' is already used by [{first}]",
                       id=group.id, first=group_ids[group.id])
        group_ids[group.id] = gi
        dates: dict[dt.date, int] = {}
        for di, day in enumerate(group.days):
            dw = f"{gw}.days[{di}]"
            if day.date in dates:
                raise _err("duplicate_date", dw, "{date} already planned in days[{first}]",
                           date=str(day.date), first=dates[day.date])
            dates[day.date] = di
            if not tour.start_date <= day.date <= tour.end_date:
                raise _err("day_outside", dw, "{date} is outside the tour dates {start} – {end}",
                           date=str(day.date), start=str(tour.start_date), end=str(tour.end_date))
            for field in ("start", "end"):
                ref = getattr(day, field)
                if ref is not None and ref not in site_ids:
                    raise _err("unknown_site", f"{dw}.{field}", "site '{site}' is not in the tour's sites",
                               site=ref)
            for ai, act in enumerate(day.activities):
                for field in ("site", "origin"):
                    ref = getattr(act, field)
                    if ref is not None and ref not in site_ids:
                        raise _err("unknown_site", f"{dw}.activities[{ai}].{field}",
                                   "site '{site}' is not in the tour's sites", site=ref)


def assign_activity_ids(tour: Tour) -> None:
    """Give every activity a tour-unique id; files typed by hand may leave them out."""
    used: set[str] = set()
    missing: list[Activity] = []
    for group in tour.groups:
        for day in group.days:
            for act in day.activities:
                if act.id is None or act.id in used:
                    missing.append(act)
                else:
                    used.add(act.id)
    counter = 0
    for act in missing:
        while True:
            counter += 1
            candidate = f"a{counter}"
            if candidate not in used:
                break
        act.id = candidate
        used.add(candidate)


def new_activity_id(tour: Tour) -> str:
    used = {a.id for g in tour.groups for d in g.days for a in d.activities}
    n = len(used) + 1
    while f"a{n}" in used:
        n += 1
    return f"a{n}"
