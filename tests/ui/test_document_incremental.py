"""The document re-plans only what its undo commands touched, and ends with the schedule a full run gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io.fileformat import load_tour
from planner.model.edits import Slot
from planner.model.tour import Activity
from planner.schedule.scheduler import schedule
from ui.commands import AddActivity, EditActivity, MoveActivity, RemoveActivity, ReplaceTourSettings
from ui.document import TourDocument

SEED = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"
STEP = st.tuples(st.sampled_from(["add", "remove", "move", "edit", "settings", "undo", "redo"]),
                 st.integers(0, 99), st.integers(0, 7), st.integers(0, 9), st.integers(0, 999))


def command(doc: TourDocument, step):
    kind, g, offset, index, pick = step
    tour = doc.tour
    group = tour.groups[g % len(tour.groups)]
    date = tour.start_date + dt.timedelta(days=offset % ((tour.end_date - tour.start_date).days + 1))
    acts = [a for gr in tour.groups for d in gr.days for a in d.activities]
    site = tour.sites[pick % len(tour.sites)]
    if kind == "add" or not acts:
        return AddActivity(tour, Slot(group.id, date, index), Activity(site=site.id), "add")
    act = acts[pick % len(acts)]
    if kind == "remove":
        return RemoveActivity(tour, act.id, "remove")
    if kind == "move":
        return MoveActivity(tour, act.id, Slot(group.id, date, index), "move")
    if kind == "edit":
        return EditActivity(tour, act.id, act.model_copy(update={"minutes": 30 + pick % 5 * 30}), "edit")
    new = tour.model_copy(deep=True)
    new.max_visits_per_day = 1 + pick % 4
    return ReplaceTourSettings(tour, new, "settings")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(STEP, min_size=1, max_size=10))
def test_after_random_commands_undo_and_redo_the_schedule_equals_a_full_one(qapp, steps):
    doc = TourDocument(load_tour(SEED))
    for step in steps:
        if step[0] == "undo":
            doc.undo_stack.undo()
        elif step[0] == "redo":
            doc.undo_stack.redo()
        else:
            doc.push(command(doc, step))
        full = schedule(doc.tour)
        assert list(doc.schedule.plans.items()) == list(full.plans.items()) and doc.schedule.problems == full.problems
    doc.deleteLater()


def test_an_activity_edit_touches_only_its_group_day(qapp):
    doc = TourDocument(load_tour(SEED))
    group = doc.tour.groups[1]
    day = group.days[2]
    act = day.activities[0]
    doc.push(EditActivity(doc.tour, act.id, act.model_copy(update={"minutes": 200}), "edit"))
    assert doc.touched == {(group.id, day.date)}
    doc.undo_stack.undo()
    assert doc.touched == {(group.id, day.date)}
    new = doc.tour.model_copy(deep=True)
    new.max_visits_per_day = 2
    doc.push(ReplaceTourSettings(doc.tour, new, "settings"))
    assert doc.touched is None  # settings change every day: a full re-plan
