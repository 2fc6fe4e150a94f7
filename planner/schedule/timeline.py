"""Walk one group-day: travel, wait, stay; the timeline and its totals. Pure and deterministic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.model.clock import minutes
from planner.model.site import Site
from planner.model.tour import DEFAULT_MINUTES, Activity, ActivityKind, Day, Tour, TransferMode, TravelModel
from planner.schedule.travel import STAY, Leg, TravelEstimator

HOURS_APPLY = {ActivityKind.VISIT, ActivityKind.LECTURE, ActivityKind.DISCUSSION}
"""Kinds that need the site open; meals, check-in and transfers do not follow a site's visiting hours."""


@dataclass(slots=True)
class Entry:
    """One activity in a computed day; times are minutes since midnight."""

    activity: Activity
    index: int
    site: Site | None          # where it happens (a transfer: where it arrives)
    leg: Leg                   # travel before it, from the previous place
    leg_to: Site | None        # where that leg goes (a transfer's boarding station)
    depart: int                # left the previous place: when the activity before it ended
    arrive: int                # depart + leg
    start: int
    end: int                   # the `leave` of the check output
    duration: int
    wait: int                  # start − arrive: waiting here (0 for the first: the group sets off in time)
    pinned_late: int = 0       # minutes the pinned start was missed by
    hours_violation: bool = False

    @property
    def is_transfer(self) -> bool:
        return self.activity.kind is ActivityKind.TRANSFER


@dataclass(slots=True)
class DayPlan:
    group_id: str
    date: dt.date
    day: Day
    entries: list[Entry] = field(default_factory=list)
    final_leg: Leg = STAY
    start_site: Site | None = None
    end_site: Site | None = None
    day_start: int = 0
    day_end: int = 0
    window_start: int = 0
    window_end: int = 0

    @property
    def activity_minutes(self) -> int:
        return sum(e.duration for e in self.entries if not e.is_transfer)

    @property
    def travel_minutes(self) -> int:
        legs = sum(e.leg.minutes for e in self.entries) + self.final_leg.minutes
        return legs + sum(e.duration for e in self.entries if e.is_transfer)

    @property
    def coach_minutes(self) -> int:
        return sum(e.leg.minutes for e in self.entries if not e.leg.known) + (
            0 if self.final_leg.known else self.final_leg.minutes)

    @property
    def idle_minutes(self) -> int:
        """Waiting at places between arriving and starting; the hotel morning before setting off is not."""
        return sum(e.wait for e in self.entries)

    @property
    def km(self) -> float:
        return round(sum(e.leg.km for e in self.entries) + self.final_leg.km, 1)

    @property
    def used_minutes(self) -> int:
        """From setting off to arriving for the night."""
        return self.day_end - self.day_start

    @property
    def slack(self) -> int:
        """Minutes left before the window closes; negative when the day overflows."""
        return self.window_end - self.day_end

    @property
    def visits(self) -> int:
        return sum(1 for e in self.entries if e.activity.kind is ActivityKind.VISIT)


def activity_minutes(act: Activity, site: Site | None) -> int:
    if act.minutes is not None:
        return act.minutes
    if act.kind is ActivityKind.VISIT:
        return site.visit_minutes if site is not None else 60
    return DEFAULT_MINUTES[act.kind]


def boarding_margin(travel: TravelModel, act: Activity) -> int:
    """Minutes a group must be at the station or airport before its train or plane leaves (0 for the rest)."""
    if act.kind is not ActivityKind.TRANSFER:
        return 0
    return {TransferMode.RAIL: travel.station_minutes, TransferMode.FLIGHT: travel.airport_minutes}.get(act.mode, 0)


def _open_start(site: Site, start: int, duration: int) -> tuple[int, bool]:
    """Earliest start ≥ `start` at which the site is open for the whole stay; flags when none exists."""
    for span in site.hours:
        begin = max(start, span.start_min)
        if begin + duration <= span.end_min:
            return begin, False
    # none is long enough: start when it next opens (not before it opens) and flag the overrun
    return min((max(start, sp.start_min) for sp in site.hours if sp.end_min > start), default=start), True


def plan_day(tour: Tour, group_id: str, day: Day, sites: dict[str, Site],
             travel: TravelEstimator) -> DayPlan:
    window = tour.day_window
    plan = DayPlan(group_id=group_id, date=day.date, day=day,
                   start_site=sites.get(day.start), end_site=sites.get(day.end),
                   window_start=window.start_min, window_end=window.end_min)
    lunch = tour.lunch_window
    t = window.start_min
    here = plan.start_site
    for index, act in enumerate(day.activities):
        site = sites.get(act.site)
        if act.kind is ActivityKind.TRANSFER:
            # a transfer is itself the journey: drive to where it boards, if that is elsewhere, then ride
            goal = sites.get(act.origin) or here
        else:
            goal = site or here
        leg = travel.leg(here, goal)
        earliest = t + leg.minutes
        duration = activity_minutes(act, site)
        margin = boarding_margin(tour.travel, act)
        start, late, closed = earliest + margin, 0, False
        if act.pinned is not None:
            pinned = minutes(act.pinned)
            # the first activity's pin holds even before the window opens: that is an early start. A train
            # leaves at its time: reached within the margin it is still caught (a warning), after it, missed
            start = pinned if index == 0 else max(pinned, earliest)
            late = start - pinned
        elif act.kind is ActivityKind.MEAL:
            start = max(start, lunch.start_min)  # a lunch waits for the lunch window (a dinner is later)
        if site is not None and site.hours and act.kind in HOURS_APPLY:
            if act.pinned is None:
                start, closed = _open_start(site, start, duration)
            else:
                closed = not any(sp.start_min <= start and start + duration <= sp.end_min
                                 for sp in site.hours)
        if index == 0:
            # the group sets off just in time (a train or plane: its margin early): time at the hotel is not waiting
            depart = start - margin - leg.minutes
        else:
            depart = t  # it leaves when the previous activity ends and waits at the next place
        arrive = depart + leg.minutes
        plan.entries.append(Entry(activity=act, index=index, site=site or here, leg=leg, leg_to=goal,
                                  depart=depart, arrive=arrive, start=start,
                                  end=start + duration, duration=duration, wait=start - arrive,
                                  pinned_late=late, hours_violation=closed))
        t = start + duration
        here = site or goal
    plan.final_leg = travel.leg(here, plan.end_site)
    plan.day_end = t + plan.final_leg.minutes
    plan.day_start = plan.entries[0].depart if plan.entries else window.start_min
    return plan
