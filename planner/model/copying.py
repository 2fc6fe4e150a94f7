"""Copy and reuse: pasted activities, whole days and whole routes, plus snapshots for exact undo.

A pasted activity always gets a fresh id. Its joint tag (联合 session) is kept only where it can still
be the same session: another group on the same date. Anywhere else it would claim to share a session
that happens at another time, so the tag is dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.model.edits import EditError, Slot, day_of, insert_activity
from planner.model.nights import follow_night
from planner.model.tour import Activity, Day, Tour


@dataclass(frozen=True)
class Clip:
    """A copied activity and where it came from (the joint rule needs the source group and date)."""

    group_id: str
    date: dt.date
    activity: Activity


def clone(activity: Activity, keep_joint: bool) -> Activity:
    copy = activity.model_copy(deep=True)
    copy.id = None
    if not keep_joint:
        copy.joint = None
    return copy


def _same_session(source_group: str, source_date: dt.date, group_id: str, date: dt.date) -> bool:
    return source_group != group_id and source_date == date


def paste(tour: Tour, slot: Slot, clips: list[Clip]) -> list[str]:
    """Insert copies of `clips` in order from `slot`; returns their new ids."""
    for clip in clips:
        for ref in (clip.activity.site, clip.activity.origin):
            if ref is not None and tour.site(ref) is None:
                raise EditError(f"site {ref!r} is not in the tour")
    ids = []
    for i, clip in enumerate(clips):
        keep = _same_session(clip.group_id, clip.date, slot.group_id, slot.date)
        new = insert_activity(tour, Slot(slot.group_id, slot.date, slot.index + i), clone(clip.activity, keep))
        ids.append(new.id)
    return ids


def copy_day(tour: Tour, group_id: str, date: dt.date, to_group: str, to_date: dt.date) -> None:
    """Make the target group-day a copy of the source: its activities and its night."""
    if (group_id, date) == (to_group, to_date):
        raise EditError("a day cannot be copied onto itself")
    source = day_of(tour, group_id, date, create=False)
    target = day_of(tour, to_group, to_date)
    keep = _same_session(group_id, date, to_group, to_date)
    target.activities = []
    for act in source.activities:
        insert_activity(tour, Slot(to_group, to_date, len(target.activities)), clone(act, keep))
    if group_id != to_group and date == to_date:
        target.start = source.start  # same date: the copy sets off from the same place
    old_end, target.end = target.end, source.end
    follow_night(tour, to_group, to_date, old_end)


def copy_route(tour: Tour, group_id: str, to_group: str) -> None:
    """The target group follows the source group's whole route: every day, night and start."""
    source = tour.group(group_id)
    target = tour.group(to_group)
    if source is None or target is None:
        raise EditError(f"group {group_id if source is None else to_group!r} is not in the tour")
    if source is target:
        raise EditError("a route cannot be copied onto its own group")
    target.days = []
    for day in source.days:
        copy = day_of(tour, to_group, day.date)
        copy.start, copy.end = day.start, day.end
        for act in day.activities:
            insert_activity(tour, Slot(to_group, day.date, len(copy.activities)), clone(act, True))


DaysSnapshot = dict[str, list[Day]]


def snapshot_days(tour: Tour, group_ids: list[str]) -> DaysSnapshot:
    """The groups' days as they are, to put back exactly on undo (or redo)."""
    snap = {}
    for gid in dict.fromkeys(group_ids):
        group = tour.group(gid)
        if group is None:
            raise EditError(f"group {gid!r} is not in the tour")
        snap[gid] = [d.model_copy(deep=True) for d in group.days]
    return snap


def restore_days(tour: Tour, snap: DaysSnapshot) -> None:
    for gid, days in snap.items():
        tour.group(gid).days = [d.model_copy(deep=True) for d in days]
