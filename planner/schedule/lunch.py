"""Lunch: which meals are lunches, whether they sit in the lunch window, and whether a day has one."""

from __future__ import annotations

from planner.model.tour import ActivityKind, Tour
from planner.schedule.timeline import DayPlan, Entry


def window_text(tour: Tour) -> str:
    return f"{tour.lunch_window.start:%H:%M}–{tour.lunch_window.end:%H:%M}"


def is_lunch(tour: Tour, entry: Entry) -> bool:
    """A meal starting before the lunch window closes; a later one is a dinner and follows no window."""
    return entry.activity.kind is ActivityKind.MEAL and entry.start < tour.lunch_window.end_min


def lunches(tour: Tour, plan: DayPlan) -> list[Entry]:
    return [e for e in plan.entries if is_lunch(tour, e)]


def misplaced_lunches(tour: Tour, plan: DayPlan) -> list[Entry]:
    """Lunches with less than the lunch length (or their own, if shorter) inside the lunch window.

    A 60-minute lunch at 12:39 keeps 51 minutes inside 11:30–13:30 and is fine; one pinned at 10:00, or
    pushed to 13:00 by a long morning, is not.
    """
    lo, hi = tour.lunch_window.start_min, tour.lunch_window.end_min
    return [e for e in lunches(tour, plan) if _overlap(e.start, e.end, lo, hi) < min(tour.lunch_minutes, e.duration)]


def has_break(tour: Tour, plan: DayPlan) -> bool:
    """Without a lunch: a break of the lunch length inside the window, or a day that misses lunch time."""
    lo, hi = tour.lunch_window.start_min, tour.lunch_window.end_min
    need = tour.lunch_minutes
    if not plan.entries or plan.day_end <= lo + need or plan.day_start >= hi - need:
        return True
    free = 0
    for e in plan.entries:
        # waiting at a place and free-time activities count as a break
        free += _overlap(e.arrive, e.start, lo, hi)
        if e.activity.kind is ActivityKind.FREE:
            free += _overlap(e.start, e.end, lo, hi)
    return free >= need  # a lunch length of 0 always passes


def _overlap(a: int, b: int, lo: int, hi: int) -> int:
    return max(0, min(b, hi) - max(a, lo))
