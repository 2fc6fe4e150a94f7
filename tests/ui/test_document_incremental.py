"""The document re-plans only what its undo commands touched, and ends with the schedule a full run gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io.fileformat import load_tour
from planner.schedule.scheduler import schedule
from tests.ui.edit_steps import SEED, STEP, run
from ui.commands import EditActivity, ReplaceTourSettings
from ui.document import TourDocument

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(STEP, min_size=1, max_size=10))
def test_after_random_commands_undo_and_redo_the_schedule_equals_a_full_one(qapp, steps):
    doc = TourDocument(load_tour(SEED))
    for step in steps:
        run(doc, step)
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
