"""Problems and day-detail tables follow edits row by row, and always show what a fresh table would."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtTest import QAbstractItemModelTester

from planner.io.fileformat import load_tour
from tests.ui.edit_steps import SEED, STEP, run
from ui.commands import EditActivity
from ui.document import TourDocument
from ui.panels.day_detail import DayDetailDock, DayTimelineModel
from ui.panels.problems_model import ProblemsModel


def rows(model) -> list:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(STEP, min_size=1, max_size=8))
def test_the_problems_table_equals_a_fresh_one_after_random_commands(qapp, steps):
    doc = TourDocument(load_tour(SEED))
    model = ProblemsModel(doc)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    for step in steps:
        run(doc, step)
        assert model._rows == doc.schedule.problems
        assert all(a is b for a, b in zip(model._rows, doc.schedule.problems))
        assert rows(model) == rows(ProblemsModel(doc))
    del tester


def test_an_edit_on_one_day_keeps_the_problems_table_and_the_other_days_detail(qapp):
    doc = TourDocument(load_tour(SEED))
    problems = ProblemsModel(doc)
    dock = DayDetailDock(doc)
    shown, edited = doc.tour.groups[0].days[0], doc.tour.groups[1].days[1]
    dock.show_day(doc.tour.groups[0].id, shown.date)
    events = []
    for model in (problems, dock.model):
        model.modelReset.connect(lambda m=model: events.append(("reset", m)))
        model.dataChanged.connect(lambda *_, m=model: events.append(("changed", m)))
    act = edited.activities[0]
    doc.push(EditActivity(doc.tour, act.id, act.model_copy(update={"minutes": 300}), "longer"))
    assert not any(kind == "reset" for kind, _ in events)
    assert not any(m is dock.model for _, m in events)  # the shown day did not change: nothing to repaint
    # an edit of the shown day repaints it, and it shows what a fresh table shows
    act = shown.activities[0]
    doc.push(EditActivity(doc.tour, act.id, act.model_copy(update={"minutes": 200}), "longer"))
    fresh = DayTimelineModel()
    fresh.set_plan(doc.schedule.plan(doc.tour.groups[0].id, shown.date))
    assert rows(dock.model) == rows(fresh) and ("changed", dock.model) in events
    dock.deleteLater()
