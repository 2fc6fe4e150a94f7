"""Drive the board like a mouse would: drops at a point of a cell."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QDropEvent

from ui.board.board_view import BoardView, activity_mime, site_mime


def cell_point(board: BoardView, group_id: str, date: dt.date, below_card: str | None = None) -> QPoint:
    """A point in the cell: just under the given card, or at the bottom of the cell."""
    idx = board.board.index_of(group_id, date)
    rect = board.visualRect(idx)
    if below_card is not None:
        centre = board.card_center(below_card)
        return QPoint(centre.x(), centre.y() + 12)
    return QPoint(rect.center().x(), rect.bottom() - 4)


def drop(board: BoardView, mime, point: QPoint) -> None:
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # QApplication only routes Drop events that follow a real platform drag; call the view's handler.
    board.dropEvent(event)


def drop_site(board: BoardView, site_id: str, point: QPoint) -> None:
    drop(board, site_mime(site_id), point)


def drop_activity(board: BoardView, activity_id: str, point: QPoint) -> None:
    drop(board, activity_mime(activity_id), point)


def answer_with(monkeypatch, cls, fill):
    """The next dialogs of `cls` are answered by `fill(dialog)` and OK."""
    def answer(dialog):
        fill(dialog)
        dialog.ok_button.click()
        return dialog.result()
    monkeypatch.setattr(cls, "exec", answer)


def fill_g7501(dialog) -> None:
    """The activity form for the G7501 from Hangzhou East (hzeast) to Yiwu (yiwu-st) at 10:00, 35 minutes."""
    dialog.origin_combo.set_site_id("hzeast")
    dialog.site_combo.set_site_id("yiwu-st")
    dialog.service_edit.setText("G7501")
    dialog.pinned_check.setChecked(True)
    dialog.pinned_time.setTime(QTime(10, 0))
    dialog.minutes_spin.setValue(35)
