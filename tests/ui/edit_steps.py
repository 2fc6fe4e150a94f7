"""Random undo commands for property tests of the document and the views that follow it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import strategies as st

from planner.model.edits import Slot
from planner.model.tour import Activity
from ui.commands import AddActivity, EditActivity, MoveActivity, RemoveActivity, ReplaceTourSettings

SEED = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"
STEP = st.tuples(st.sampled_from(["add", "remove", "move", "edit", "settings", "undo", "redo"]),
                 st.integers(0, 99), st.integers(0, 7), st.integers(0, 9), st.integers(0, 999))


def command(doc, step):
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


def run(doc, step) -> None:
    """One step: undo, redo or push a new command."""
    if step[0] == "undo":
        doc.undo_stack.undo()
    elif step[0] == "redo":
        doc.undo_stack.redo()
    else:
        doc.push(command(doc, step))
