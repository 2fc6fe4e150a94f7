"""Tonight's hotel as its own line at the foot of a cell: where the group sleeps, or that it is not set."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from ui.board.board_model import Night
from ui.i18n import lang

HOTEL = QColor("#4a3b8f")
UNSET = QColor("#9a6700")
MUTED = QColor("#8a8a8a")


def night_text(night: Night) -> str:
    zh = lang() == "zh"
    if night.hotel:
        return f"宿 {night.hotel}" if zh else f"Night: {night.hotel}"
    if night.needed:
        return "宿 未定 ▾" if zh else "Night: not set ▾"
    return "宿 —（末日）" if zh else "Night: — (last day)"


def paint_night(painter: QPainter, rect: QRect, night: Night | None, font: QFont) -> None:
    if night is None or not rect.height():
        return
    painter.save()
    colour = HOTEL if night.hotel else (UNSET if night.needed else MUTED)
    painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
    painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top())
    label = QFont(font)
    label.setBold(bool(night.hotel))
    painter.setFont(label)
    painter.setPen(colour)
    text = painter.fontMetrics().elidedText(night_text(night), Qt.TextElideMode.ElideRight, rect.width() - 6)
    painter.drawText(rect.adjusted(4, 1, -2, 0), Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()
