"""Incremental re-planning equals a full `schedule(tour)` after any sequence of edits (hypothesis)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io.fileformat import load_tour
from planner.model.edits import Slot, find_activity, insert_activity, move_activity, remove_activity, \
    replace_activity
from planner.model.tour import Activity
from planner.schedule.incremental import Replanner
from planner.schedule.scheduler import schedule

SEED = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"

# (kind, group pick, day offset, index, activity pick, site pick, minutes)
EDIT = st.tuples(st.sampled_from(["insert", "remove", "move", "replace"]), st.integers(0, 9),
                 st.integers(-1, 8), st.integers(0, 9), st.integers(0, 999), st.integers(0, 999),
                 st.sampled_from([None, 0, 30, 90, 240]))


def apply(tour, edit) -> set[tuple[str, dt.date]]:
    """Apply one edit through planner.model.edits; returns the group-days it touched (what a command reports)."""
    kind, g, offset, index, a, s, minutes = edit
    group = tour.groups[g % len(tour.groups)]
    date = tour.start_date + dt.timedelta(days=offset)  # -1 and beyond the end: outside the tour
    acts = [act for gr in tour.groups for d in gr.days for act in d.activities]
    site = tour.sites[s % len(tour.sites)]
    if kind == "insert" or not acts:
        if not tour.start_date <= date <= tour.end_date:
            return set()
        insert_activity(tour, Slot(group.id, date, index), Activity(site=site.id, minutes=minutes))
        return {(group.id, date)}
    act = acts[a % len(acts)]
    old, _ = find_activity(tour, act.id)
    if kind == "remove":
        remove_activity(tour, act.id)
        return {(old.group_id, old.date)}
    if kind == "move":
        if not tour.start_date <= date <= tour.end_date:
            return set()
        move_activity(tour, act.id, Slot(group.id, date, index))
        return {(old.group_id, old.date), (group.id, date)}
    replace_activity(tour, act.id, act.model_copy(update={"minutes": minutes, "site": site.id}))
    return {(old.group_id, old.date)}


def same(a, b) -> bool:
    return list(a.plans.items()) == list(b.plans.items()) and a.problems == b.problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDIT, min_size=1, max_size=12))
def test_after_random_edits_the_incremental_schedule_equals_a_full_one(edits):
    tour = load_tour(SEED)
    replanner = Replanner(tour)
    for edit in edits:
        touched = apply(tour, edit)
        assert same(replanner.update(touched), schedule(tour)), edit


def test_an_edit_that_cannot_say_what_it_touched_replans_everything():
    tour = load_tour(SEED)
    replanner = Replanner(tour)
    tour.max_visits_per_day = 1  # a setting: every day is affected
    assert same(replanner.update(None), schedule(tour))
    assert replanner.schedule.problems != Replanner(load_tour(SEED)).schedule.problems


def test_untouched_timelines_are_kept_not_recomputed():
    tour = load_tour(SEED)
    replanner = Replanner(tour)
    before = dict(replanner.schedule.plans)
    group = tour.groups[0]
    day = group.days[0]
    remove_activity(tour, day.activities[0].id)
    after = replanner.update({(group.id, day.date)}).plans
    kept = [k for k in before if after[k] is before[k]]
    assert (group.id, day.date) not in kept and len(kept) == len(before) - 1
