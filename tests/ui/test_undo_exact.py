"""Undo puts the tour back exactly, in the window and in the saved file: no empty day left behind."""

import datetime as dt
import json

from planner.io.fileformat import save_tour
from planner.model.edits import Slot
from planner.model.tour import Activity, ActivityKind
from tests.ui.board_helpers import cell_point, drop_activity, drop_site

TUE = dt.date(2025, 2, 25)


def saved(tour, path):
    save_tour(tour, path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_undoing_the_first_activity_on_an_unplanned_date_leaves_the_tour_as_before(window, tmp_path):
    doc, board = window.document, window.board
    before, file_before = doc.tour.model_dump(), saved(doc.tour, tmp_path / "a.tour.json")
    drop_site(board, "leather", cell_point(board, "g1", TUE))      # a catalogue site onto an empty day
    assert [a.site for a in doc.tour.group("g1").day(TUE).activities] == ["leather"]
    doc.undo_stack.undo()
    assert doc.tour.group("g1").day(TUE) is None
    assert doc.tour.model_dump() == before
    assert saved(doc.tour, tmp_path / "b.tour.json") == file_before
    doc.undo_stack.redo()
    assert [a.site for a in doc.tour.group("g1").day(TUE).activities] == ["leather"]


def test_undoing_a_move_to_an_unplanned_date_leaves_no_empty_day(window):
    doc, board = window.document, window.board
    before = doc.tour.model_dump()
    drop_activity(board, "v2", cell_point(board, "g1", TUE))
    assert [a.id for a in doc.tour.group("g1").day(TUE).activities] == ["v2"]
    doc.undo_stack.undo()
    assert doc.tour.model_dump() == before


def test_a_lecture_added_from_the_menu_and_undone_leaves_no_day(window):
    doc = window.document
    before = doc.tour.model_dump()
    window.actions_.add(Slot("g2", TUE, 0), Activity(kind=ActivityKind.LECTURE))
    doc.undo_stack.undo()
    assert doc.tour.model_dump() == before
