"""Problem marks that stand out in any group colour: a solid badge with the count, a wide stripe, no tint.

A thin red frame vanished on a red group's pink cards; a filled badge with white text, a stripe in the
severity colour (wider than the group stripe) and a white card instead of the group's tint do not depend
on the group's colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from planner.schedule.problems import Severity

ERROR = QColor("#c0392b")
WARNING = QColor("#d35400")
STRIPE_W = 8       # a card with a problem; a normal card's group stripe is 4 px
BADGE_W = 22


@dataclass
class Mark:
    severity: Severity
    count: int = 0


def severity_colour(severity: Severity) -> QColor:
    return ERROR if severity is Severity.ERROR else WARNING


def card_marks(problems) -> dict[str, Mark]:
    """Per activity: its worst severity and how many problems name it (information does not count)."""
    marks: dict[str, Mark] = {}
    for p in problems:
        if p.severity is Severity.INFO:
            continue
        for activity in {p.activity_id, *p.activities} - {None}:
            mark = marks.setdefault(activity, Mark(p.severity))
            mark.count += 1
            if p.severity is Severity.ERROR:
                mark.severity = Severity.ERROR
    return marks


def cell_count(problems) -> tuple[Severity | None, int]:
    """The cell's count of errors and warnings, and the worst of them."""
    shown = [p for p in problems if p.severity is not Severity.INFO]
    if not shown:
        return None, 0
    worst = Severity.ERROR if any(p.severity is Severity.ERROR for p in shown) else Severity.WARNING
    return worst, len(shown)


def badge_rect(card: QRect) -> QRect:
    return QRect(card.right() - BADGE_W - 2, card.top() + 3, BADGE_W, 16)


def paint_badge(painter: QPainter, rect: QRect, severity: Severity, text: str, font: QFont) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(severity_colour(severity))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def paint_card_mark(painter: QPainter, card: QRect, mark: Mark, font: QFont) -> None:
    painter.save()
    painter.setPen(QPen(severity_colour(mark.severity), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), 4, 4)
    painter.restore()
    painter.fillRect(QRect(card.left(), card.top(), STRIPE_W, card.height()), severity_colour(mark.severity))
    paint_badge(painter, badge_rect(card), mark.severity, f"!{mark.count}" if mark.count > 1 else "!", font)
