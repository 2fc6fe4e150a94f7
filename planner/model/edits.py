"""Edits of a tour, each returning what is needed to undo it. The window's undo commands call these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.model.site import Site
from planner.model.tour import Activity, Day, Group, LegOverride, Tour, new_activity_id


class EditError(ValueError):
    """An edit that cannot apply (unknown group, activity …); the message says which."""


@dataclass(frozen=True)
class Slot:
    """Where an activity sits: group, date and position in that day."""

    group_id: str
    date: dt.date
    index: int


def find_activity(tour: Tour, activity_id: str) -> tuple[Slot, Activity]:
    for group in tour.groups:
        for day in group.days:
            for i, act in enumerate(day.activities):
                if act.id == activity_id:
                    return Slot(group.id, day.date, i), act
    raise EditError(f"activity {activity_id!r} is not in the tour")


def _group(tour: Tour, group_id: str) -> Group:
    group = tour.group(group_id)
    if group is None:
        raise EditError(f"group {group_id!r} is not in the tour")
    return group


def day_of(tour: Tour, group_id: str, date: dt.date, create: bool = True) -> Day:
    """The group's day on `date`; a missing day inside the tour dates is created in date order."""
    group = _group(tour, group_id)
    day = group.day(date)
    if day is None:
        if not create or not tour.start_date <= date <= tour.end_date:
            raise EditError(f"{date} is not a day of group {group_id!r}")
        previous = max((d for d in group.days if d.date < date), key=lambda d: d.date, default=None)
        # a new day starts where the group slept; it keeps that hotel unless it is the tour's last day
        night = previous.end if previous and date < tour.end_date else None
        day = Day(date=date, start=previous.end if previous else None, end=night)
        group.days.append(day)
        group.days.sort(key=lambda d: d.date)
    return day


def insert_activity(tour: Tour, slot: Slot, activity: Activity) -> Activity:
    """Insert at `slot` (index clamped to the day); gives the activity a fresh id when it has none."""
    if activity.site is not None and tour.site(activity.site) is None:
        raise EditError(f"site {activity.site!r} is not in the tour")
    if activity.id is None or _exists(tour, activity.id):
        activity.id = new_activity_id(tour)
    day = day_of(tour, slot.group_id, slot.date)
    day.activities.insert(max(0, min(slot.index, len(day.activities))), activity)
    return activity


def _exists(tour: Tour, activity_id: str) -> bool:
    try:
        find_activity(tour, activity_id)
    except EditError:
        return False
    return True


def has_day(tour: Tour, group_id: str, date: dt.date) -> bool:
    return _group(tour, group_id).day(date) is not None


def remove_activity(tour: Tour, activity_id: str, drop_day: bool = False) -> tuple[Slot, Activity]:
    """drop_day: the day was made for this activity (the undo of its insert or move), so an undo leaves no
    empty day behind; a day that still holds activities stays."""
    slot, act = find_activity(tour, activity_id)
    day = day_of(tour, slot.group_id, slot.date, create=False)
    day.activities.pop(slot.index)
    if drop_day and not day.activities:
        _group(tour, slot.group_id).days.remove(day)
    return slot, act


def move_activity(tour: Tour, activity_id: str, target: Slot) -> Slot:
    """Move to `target` (index counted in the target day as it is before the move); returns the old slot.

    Moving within the same day below its own position accounts for the gap it leaves.
    """
    old, act = find_activity(tour, activity_id)
    index = target.index
    if (old.group_id, old.date) == (target.group_id, target.date) and index > old.index:
        index -= 1
    day_of(tour, target.group_id, target.date)  # fail before removing anything
    remove_activity(tour, activity_id)
    insert_activity(tour, Slot(target.group_id, target.date, index), act)
    return old


def replace_activity(tour: Tour, activity_id: str, new: Activity) -> Activity:
    slot, old = find_activity(tour, activity_id)
    if new.site is not None and tour.site(new.site) is None:
        raise EditError(f"site {new.site!r} is not in the tour")
    new.id = old.id
    day_of(tour, slot.group_id, slot.date, create=False).activities[slot.index] = new
    return old


def adopt_site(tour: Tour, site: Site) -> bool:
    """Copy a catalogue site into the tour (tours carry their sites); True when it was added."""
    if tour.site(site.id) is not None:
        return False
    tour.sites.append(site.model_copy(deep=True))
    return True


def drop_site(tour: Tour, site_id: str) -> Site:
    """Remove a site no activity or day uses any more (undo of adopt_site)."""
    if site_in_use(tour, site_id):
        raise EditError(f"site {site_id!r} is still used")
    for i, s in enumerate(tour.sites):
        if s.id == site_id:
            return tour.sites.pop(i)
    raise EditError(f"site {site_id!r} is not in the tour")


def site_in_use(tour: Tour, site_id: str) -> bool:
    for g in tour.groups:
        for d in g.days:
            if site_id in (d.start, d.end):
                return True
            if any(site_id in (a.site, a.origin) for a in d.activities):
                return True
    return False


def replace_site(tour: Tour, site: Site) -> Site | None:
    """Put `site` in place of the tour's site with the same id; returns the old one (None: not in the tour)."""
    for i, s in enumerate(tour.sites):
        if s.id == site.id:
            tour.sites[i] = site.model_copy(deep=True)
            return s
    return None


def leg_override(tour: Tour, origin: str, destination: str) -> LegOverride | None:
    """The known duration that applies to origin → destination (A→B also serves B→A unless B→A is given)."""
    overrides = tour.travel.overrides
    exact = next((o for o in overrides if (o.origin, o.destination) == (origin, destination)), None)
    return exact or next((o for o in overrides if (o.origin, o.destination) == (destination, origin)), None)


def set_leg_override(tour: Tour, origin: str, destination: str, minutes: int | None,
                     km: float | None = None) -> list[LegOverride]:
    """Give origin → destination a known duration (None: back to the model); returns the old list for undo."""
    for site_id in (origin, destination):
        if tour.site(site_id) is None:
            raise EditError(f"site {site_id!r} is not in the tour")
    if origin == destination:
        raise EditError("a leg needs two different places")
    old = [o.model_copy() for o in tour.travel.overrides]
    # setting replaces only this direction; clearing removes whichever override made this leg known
    current = leg_override(tour, origin, destination) if minutes is None else None
    kept = [o for o in tour.travel.overrides
            if o is not current and (o.origin, o.destination) != (origin, destination)]
    if minutes is not None:
        kept.append(LegOverride(origin=origin, destination=destination, minutes=minutes, km=km))
    tour.travel.overrides = kept
    return old


def restore_leg_overrides(tour: Tour, overrides: list[LegOverride]) -> None:
    tour.travel.overrides = [o.model_copy() for o in overrides]
