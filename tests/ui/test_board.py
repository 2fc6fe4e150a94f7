"""The schedule board: drops add and move visits, the timeline and problems follow, undo restores."""

import datetime as dt

from PySide6.QtCore import Qt

from planner.model.edits import Slot
from planner.model.tour import ActivityKind
from tests.ui.board_helpers import cell_point, drop_activity, drop_site

MON = dt.date(2025, 2, 24)


def day_ids(document, gid, date=MON):
    d = document.tour.group(gid).day(date)
    return [a.id for a in d.activities] if d else []


def test_dropping_a_catalogue_site_adds_a_visit_and_updates_timeline_and_problems(window, qtbot):
    doc, board = window.document, window.board
    before = window.problems_dock.model.rowCount()
    drop_site(board, "leather", cell_point(board, "g1", MON, below_card="v1"))
    acts = doc.tour.group("g1").day(MON).activities
    assert [a.site for a in acts] == ["mill", "leather", "lab"]
    assert acts[1].kind is ActivityKind.VISIT
    assert doc.tour.site("leather") is not None  # the tour now carries the site
    plan = doc.schedule.plan("g1", MON)
    assert [e.activity.site for e in plan.entries] == ["mill", "leather", "lab"]
    assert plan.entries[1].start == plan.entries[0].end  # same point: no travel
    assert "海宁中国皮革城" in doc.undo_stack.undoText()
    # The showroom takes one group: group 2 at 08:00 too makes a capacity error in the problems dock
    drop_site(board, "leather", cell_point(board, "g2", MON, below_card=None))
    window.actions_.move(doc.tour.group("g2").day(MON).activities[-1].id, Slot("g2", MON, 0))
    window.actions_.move(doc.tour.group("g1").day(MON).activities[1].id, Slot("g1", MON, 0))
    codes = [window.problems_dock.model.problem(r).code for r in range(window.problems_dock.model.rowCount())]
    assert window.problems_dock.model.rowCount() > before and codes.count("over-capacity-groups") == 1


def test_dragging_a_card_to_another_group_moves_it(window):
    doc, board = window.document, window.board
    drop_activity(board, "v2", cell_point(board, "g2", MON))
    assert day_ids(doc, "g1") == ["v1"]
    assert day_ids(doc, "g2") == ["w1", "w2", "v2"]
    assert doc.undo_stack.undoText().startswith(("移动", "Move"))
    assert "第二组" in doc.undo_stack.undoText()


def test_dragging_a_card_to_another_day_creates_that_day(window):
    doc, board = window.document, window.board
    tue = dt.date(2025, 2, 25)
    drop_activity(board, "w1", cell_point(board, "g2", tue))
    assert day_ids(doc, "g2", tue) == ["w1"]
    assert doc.schedule.plan("g2", tue) is not None


def test_reordering_within_a_day(window):
    doc, board = window.document, window.board
    drop_activity(board, "v1", cell_point(board, "g1", MON))  # to the bottom of its own day
    assert day_ids(doc, "g1") == ["v2", "v1"]


def test_undo_and_redo_restore_exactly(window):
    doc, board = window.document, window.board
    original = doc.tour.model_dump()
    drop_site(board, "leather", cell_point(board, "g2", MON, below_card="w1"))
    drop_activity(board, "v1", cell_point(board, "g2", MON))
    board.select_activity("w2")
    board.setFocus()
    from PySide6.QtTest import QTest

    QTest.keyClick(board, Qt.Key.Key_Delete)
    edited = doc.tour.model_dump()
    assert edited != original and doc.modified
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.tour.model_dump() == original
    assert not doc.modified
    for _ in range(3):
        doc.undo_stack.redo()
    assert doc.tour.model_dump() == edited


def test_delete_key_removes_the_selected_card(window, qtbot):
    doc, board = window.document, window.board
    centre = board.card_center("v2")
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert board.selected_activity == "v2"
    qtbot.keyClick(board, Qt.Key.Key_Delete)
    assert day_ids(doc, "g1") == ["v1"]


def test_board_cells_carry_group_colour_and_plan(window):
    idx = window.board_model.index_of("g2", MON)
    from ui.board.board_model import ColourRole, PlanRole

    assert idx.data(PlanRole).group_id == "g2"
    assert idx.data(ColourRole).name() == window.document.tour.group("g2").colour.lower()
    header = window.board_model.headerData(0, Qt.Orientation.Horizontal)
    assert "23" in header  # the tour starts on Sunday 23 Feb


def test_item_models_pass_qtmodeltester(window, qtmodeltester):
    qtmodeltester.check(window.board_model)
    qtmodeltester.check(window.problems_dock.model)
    window.day_dock.show_day("g1", MON)
    qtmodeltester.check(window.day_dock.model)


def test_a_cards_tooltip_says_what_is_wrong_with_it(window):
    from tests.ui.test_main_window import clash_at_the_village

    clash_at_the_village(window)
    board = window.board
    idx = window.board_model.index_of("g1", MON)
    clashing = window.document.tour.group("g1").day(MON).activities[0].id
    tip = board.card_tooltip(idx, clashing)
    assert tip.startswith("08:00–09:00") and "李祖村" in tip and "⚠" in tip
    assert "⚠" not in board.card_tooltip(idx, "v2")
