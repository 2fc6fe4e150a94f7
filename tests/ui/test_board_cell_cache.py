"""The board keeps painted cells: after any edit it must look exactly like a board painted from nothing,
while the cells an edit did not touch are not drawn again."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from planner.io.fileformat import load_tour
from tests.ui.edit_steps import SEED, STEP, run
from ui.board.board_model import BoardModel
from ui.board.board_view import BoardView
from ui.commands import EditActivity
from ui.document import TourDocument

SIZE = (1300, 900)


def _hunan_board() -> tuple[TourDocument, BoardModel, BoardView]:
    doc = TourDocument(load_tour(SEED))
    model = BoardModel(doc)
    return doc, model, _view(model)


def _view(model: BoardModel, selected: str | None = None) -> BoardView:
    view = BoardView(model)
    view.resize(*SIZE)
    view.delegate.selected_activity = selected
    view.show()
    return view


def _picture(view: BoardView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def _drawn(view: BoardView) -> dict:
    """cell → the identity of the pixmap now kept for it"""
    return {cell: entry[2].cacheKey() for cell, entry in view.delegate.cells._cells.items()}


def _same_as_fresh(model: BoardModel, view: BoardView) -> None:
    fresh = _view(model, view.delegate.selected_activity)
    fresh.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
    fresh.verticalScrollBar().setValue(view.verticalScrollBar().value())
    try:
        assert _picture(view) == _picture(fresh)
    finally:
        fresh.close()
        fresh.deleteLater()


def test_an_edit_draws_its_own_cell_again_and_reuses_every_other(qapp):
    doc, model, view = _hunan_board()
    before_picture = _picture(view)
    before = _drawn(view)
    assert len(before) >= 6  # several cells are on screen
    signalled: set = set()
    model.dataChanged.connect(lambda tl, br, *_: signalled.update(
        (r, c) for r in range(tl.row(), br.row() + 1) for c in range(tl.column(), br.column() + 1)))
    group = doc.tour.groups[0]
    act = group.days[0].activities[-1]
    doc.push(EditActivity(doc.tour, act.id, act.model_copy(update={"minutes": act.minutes + 100}), "edit"))
    after_picture = _picture(view)
    after = _drawn(view)
    edited = (0, model.index_of(group.id, group.days[0].date).column())
    assert edited in signalled and after[edited] != before[edited]
    assert {c for c in before if c not in signalled} and all(
        after[c] == before[c] for c in before if c not in signalled)  # untouched cells: the same pixmap
    assert after_picture != before_picture  # the longer visit shows
    _same_as_fresh(model, view)
    view.close()


def test_selecting_a_card_or_marking_a_drop_repaints_its_cell(qapp):
    doc, model, view = _hunan_board()
    first = _picture(view)
    act = doc.tour.groups[0].days[0].activities[0]
    view.delegate.selected_activity = act.id
    view.viewport().update()
    assert _picture(view) != first  # the selection frame, though the plan is the same object
    _same_as_fresh(model, view)
    view.delegate.selected_activity = None
    view.viewport().update()
    assert _picture(view) == first
    view.delegate.drop_marker = (model.index(0, 0), 1)
    view.viewport().update()
    assert _picture(view) != first
    view.delegate.drop_marker = None
    view.viewport().update()
    assert _picture(view) == first
    view.close()


def test_the_kept_cells_stay_within_their_budget(qapp):
    doc, model, view = _hunan_board()
    view.delegate.cells.budget = 1  # room for one cell: the others are forgotten, the board still paints
    picture = _picture(view)
    assert len(view.delegate.cells) == 1
    _same_as_fresh(model, view)
    assert _picture(view) == picture
    view.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(STEP, min_size=1, max_size=5))
def test_after_random_edits_the_board_looks_like_one_painted_from_nothing(qapp, steps):
    doc, model, view = _hunan_board()
    _picture(view)
    for step in steps:
        run(doc, step)
        _same_as_fresh(model, view)
    view.close()
    view.deleteLater()
    model.deleteLater()
    doc.deleteLater()


def test_a_cell_is_drawn_again_at_a_new_screen_scale(qapp):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter, QPixmap

    from ui.board.cell_cache import CellCache

    cache, drawn, plan = CellCache(), [], object()
    for ratio in (1.0, 1.0, 2.0, 2.0):
        target = QPixmap(200 * int(ratio), 100 * int(ratio))
        target.setDevicePixelRatio(ratio)
        painter = QPainter(target)
        cache.paint(painter, QRect(10, 10, 80, 40), (0, 0), plan, ("key",), lambda p: drawn.append(ratio))
        painter.end()
    assert drawn == [1.0, 2.0]  # once per scale, then kept
    assert cache._cells[(0, 0)][2].devicePixelRatio() == 2.0
