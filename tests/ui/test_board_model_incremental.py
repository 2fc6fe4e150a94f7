"""The board model after incremental refreshes shows what a freshly built model shows, and says so to the view."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.io.fileformat import load_tour
from tests.ui.edit_steps import SEED, STEP, run
from ui.board.board_model import BoardModel, NightRole, PlanRole, ProblemsRole
from ui.document import TourDocument
from PySide6.QtCore import Qt

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, PlanRole, ProblemsRole, NightRole)


def contents(model: BoardModel) -> dict:
    cells = {(r, c, role): model.index(r, c).data(role)
             for r in range(model.rowCount()) for c in range(model.columnCount()) for role in ROLES}
    heads = {("h", s): model.headerData(s, Qt.Orientation.Horizontal) for s in range(model.columnCount())}
    return cells | heads


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(STEP, min_size=1, max_size=8))
# found by hypothesis: the fifth visit put before the joint opening moves it again, and the other groups'
# cells name group 1's new time in their joint-mismatch problem, which compares equal to the old one
@example(steps=[("add", 0, 0, 0, 0)] * 5)
def test_after_random_commands_the_board_equals_a_fresh_one_and_every_changed_cell_was_signalled(qapp, steps):
    doc = TourDocument(load_tour(SEED))
    model = BoardModel(doc)
    signalled: set = set()
    resets = []
    model.dataChanged.connect(lambda tl, br, *_: signalled.update(
        (r, c) for r in range(tl.row(), br.row() + 1) for c in range(tl.column(), br.column() + 1)))
    model.modelReset.connect(lambda: resets.append(1))
    for step in steps:
        before = contents(model)
        signalled.clear()
        resets.clear()
        run(doc, step)
        after = contents(model)
        fresh = BoardModel(doc)
        assert after == contents(fresh)
        changed = {(r, c) for (r, c, *_rest) in (k for k in after if after[k] != before.get(k)) if r != "h"}
        assert resets or changed <= signalled  # the view repaints every cell whose contents changed
        fresh.deleteLater()
    model.deleteLater()
    doc.deleteLater()


def test_an_edit_signals_its_own_cells_not_the_whole_board(qapp):
    from ui.commands import EditActivity

    doc = TourDocument(load_tour(SEED))
    model = BoardModel(doc)
    ranges = []
    model.dataChanged.connect(lambda tl, br, *_: ranges.append((tl.row(), tl.column(), br.row(), br.column())))
    group = doc.tour.groups[0]
    day = group.days[1]
    act = day.activities[0]
    doc.push(EditActivity(doc.tour, act.id, act.model_copy(update={"minutes": 100}), "edit"))
    cell = model.index_of(group.id, day.date)
    assert (0, cell.column(), 0, cell.column()) in ranges
    assert all(r[0] == r[2] and r[1] == r[3] for r in ranges)  # single cells, never the whole board


def test_the_date_list_is_computed_once_per_change_and_follows_the_tours_dates(qapp):
    import datetime as dt

    from ui.commands import ReplaceTourSettings

    doc = TourDocument(load_tour(SEED))
    model = BoardModel(doc)
    assert model.dates is model.dates  # the header asks for it per section: one list, not one per call
    new = doc.tour.model_copy(deep=True)
    new.end_date = new.end_date + dt.timedelta(days=3652)
    doc.push(ReplaceTourSettings(doc.tour, new, "ten years"))
    assert model.columnCount() == len(doc.tour.dates()) and model.dates[-1] == new.end_date
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) is not None
