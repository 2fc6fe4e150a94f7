"""Where a group sleeps: a day's `end` is tonight's hotel, and the next morning starts there.

The file stores both ends explicitly (`day.start`, `day.end`) so a colleague's tour reads the same.
To keep them consistent, setting a night also moves the next day's start when that start followed
the old night (same site, or none); a start the organizer chose differently is left alone.
"""

from __future__ import annotations

import datetime as dt

from planner.model.edits import EditError, day_of
from planner.model.tour import Tour

ONE_DAY = dt.timedelta(days=1)


def nights_to_set(tour: Tour, date: dt.date, following: bool) -> list[dt.date]:
    """The night of `date`, and with `following` every later night of the tour (the last day has none)."""
    if not tour.start_date <= date <= tour.end_date:
        raise EditError(f"{date} is outside the tour dates")
    if not following:
        return [date]
    last_night = max(date, tour.end_date - ONE_DAY)
    return [date + ONE_DAY * i for i in range((last_night - date).days + 1)]


def set_night(tour: Tour, group_id: str, date: dt.date, site_id: str | None, following: bool = False) -> None:
    """Tonight's hotel (None: no hotel); with `following`, the same hotel every later night."""
    if site_id is not None and tour.site(site_id) is None:
        raise EditError(f"site {site_id!r} is not in the tour")
    for night in nights_to_set(tour, date, following):
        day = day_of(tour, group_id, night)
        old, day.end = day.end, site_id
        follow_night(tour, group_id, night, old)


def follow_night(tour: Tour, group_id: str, date: dt.date, old_end: str | None) -> None:
    """The next morning starts where the group slept, unless the organizer chose another start."""
    group = tour.group(group_id)
    tonight = group.day(date) if group else None
    tomorrow = group.day(date + ONE_DAY) if group else None
    if tonight is None or tomorrow is None:
        return
    if tomorrow.start is None or tomorrow.start == old_end:
        tomorrow.start = tonight.end


def night_of(tour: Tour, group_id: str, date: dt.date) -> str | None:
    group = tour.group(group_id)
    day = group.day(date) if group else None
    return day.end if day else None


def set_start(tour: Tour, group_id: str, date: dt.date, site_id: str | None) -> None:
    """Where the day sets off; None: from where the group slept (the night before), as usual."""
    if site_id is not None and tour.site(site_id) is None:
        raise EditError(f"site {site_id!r} is not in the tour")
    day = day_of(tour, group_id, date)
    day.start = site_id if site_id is not None else night_of(tour, group_id, date - ONE_DAY)
