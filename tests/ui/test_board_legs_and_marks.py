"""Legs are fixed where they are shown; problem cards and counts stand out in any group colour."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ui.board.board_model import PlanRole
from ui.board.card_layout import layout
from ui.board.leg_dialog import LegDialog
from ui.board.marks import ERROR, STRIPE_W, badge_rect

MON = dt.date(2025, 2, 24)


@pytest.fixture
def far_lab(window):
    """Move the lab 40 km away so the day has a real leg before it."""
    window.document.tour.site("lab").lat += 0.35
    window.document.refresh()
    return window


def geometry(board, gid, date=MON):
    idx = board.board.index_of(gid, date)
    return layout(board.visualRect(idx), idx.data(PlanRole))


def test_clicking_a_leg_sets_its_known_duration_and_the_board_marks_it(far_lab, qtbot, monkeypatch):
    window = far_lab
    doc, board = window.document, window.board
    estimated = doc.schedule.plan("g1", MON).entries[1].leg
    assert not estimated.known and estimated.minutes > 40

    def answer(dialog):
        assert dialog.minutes_spin.value() == estimated.minutes and not dialog.clear_button.isEnabled()
        dialog.minutes_spin.setValue(40)
        dialog.km_spin.setValue(52)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(LegDialog, "exec", answer)
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=geometry(board, "g1").cards[1].leg.center())
    leg = doc.schedule.plan("g1", MON).entries[1].leg
    assert (leg.minutes, leg.km, leg.known) == (40, 52.0, True)
    assert [(o.origin, o.destination, o.minutes) for o in doc.tour.travel.overrides] == [("mill", "lab", 40)]
    assert "known" in board.card_tooltip(board.board.index_of("g1", MON), "v2") or \
        "已知" in board.card_tooltip(board.board.index_of("g1", MON), "v2")
    doc.undo_stack.undo()
    assert doc.tour.travel.overrides == []


def test_the_drive_to_the_hotel_can_be_known_and_cleared_again(far_lab, qtbot, monkeypatch):
    window = far_lab
    doc, board = window.document, window.board
    answers = iter([lambda d: (d.minutes_spin.setValue(30), d.ok_button.click(), d.result())[-1],
                    lambda d: (d.clear_button.click(), d.result())[-1]])
    monkeypatch.setattr(LegDialog, "exec", lambda d: next(answers)(d))
    final = geometry(board, "g1").final
    assert final.height() > 0
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=final.center())
    assert doc.schedule.plan("g1", MON).final_leg.known
    assert [(o.origin, o.destination) for o in doc.tour.travel.overrides] == [("lab", "hotel")]
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=geometry(board, "g1").final.center())
    assert doc.tour.travel.overrides == [] and not doc.schedule.plan("g1", MON).final_leg.known


def close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_an_error_card_stands_out_in_a_red_group_and_the_cell_shows_its_count(window):
    doc, board = window.document, window.board
    doc.tour.groups[0].colour = "#d62728"
    doc.tour.site("mill").closed_weekdays = [1]   # closed on Mondays: the visit v1 is an error
    doc.refresh()
    board.viewport().repaint()
    image = board.viewport().grab().toImage()
    cells = geometry(board, "g1")
    bad, good = cells.cards[0].card, cells.cards[1].card
    # a solid badge in the error colour where a normal card of the same colour shows its own background
    badge = badge_rect(bad)
    at = badge.left() + 3, badge.center().y()
    assert close(image.pixelColor(*at), ERROR)
    same_place = good.right() - (bad.right() - at[0]), good.top() + (at[1] - bad.top())
    assert image.pixelColor(*same_place).lightness() > 200
    # a stripe twice as wide as the group's colour stripe
    assert close(image.pixelColor(bad.left() + STRIPE_W - 2, bad.center().y()), ERROR)
    assert image.pixelColor(good.left() + STRIPE_W - 2, good.center().y()).lightness() > 200
    # the problem card drops the group's tint, so it differs from its neighbours in any colour
    assert image.pixelColor(bad.right() - 30, bad.bottom() - 4) == QColor("#ffffff")
    assert image.pixelColor(good.right() - 30, good.bottom() - 4) != QColor("#ffffff")
    # the cell's count is on the board, not only in a tooltip
    bar = cells.bar
    assert close(image.pixelColor(bar.left() + 3, bar.center().y()), ERROR)
