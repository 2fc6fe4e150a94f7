"""Where each card of a board cell sits: one geometry for painting, hit-testing and dropping."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

from planner.schedule.timeline import DayPlan

PAD = 4
LEG_H = 14
GAP_H = 4
CARD_H = 38
FINAL_H = 14
NIGHT_H = 18
BAR_H = 16
CELL_W = 196
EMPTY_H = PAD + NIGHT_H + PAD + BAR_H + PAD


@dataclass(frozen=True)
class CardBox:
    index: int          # position of the activity in the day
    activity_id: str
    leg: QRect          # the travel line above the card (may be empty)
    card: QRect


@dataclass(frozen=True)
class CellLayout:
    cards: list[CardBox]
    final: QRect        # the line for the leg to tonight's hotel
    night: QRect        # tonight's hotel, its own line (click or drop a hotel to set it)
    bar: QRect          # the day-capacity bar

    def card_at(self, x: int, y: int) -> CardBox | None:
        return next((c for c in self.cards if c.card.contains(x, y)), None)

    def leg_at(self, x: int, y: int) -> int | None:
        """Index of the card whose leg line is at (x, y); len(cards) for the drive to the hotel."""
        hit = next((c.index for c in self.cards if c.leg.height() > GAP_H and c.leg.contains(x, y)), None)
        if hit is None and self.final.height() and self.final.contains(x, y):
            return len(self.cards)
        return hit

    def drop_index(self, y: int) -> int:
        """Insertion index for a drop at height y: before the first card whose middle is below y."""
        for c in self.cards:
            if y < c.card.center().y():
                return c.index
        return len(self.cards)

    def drop_line_y(self, index: int) -> int:
        if not self.cards:
            return self.night.top() - 2
        if index < len(self.cards):
            return self.cards[index].leg.top()
        return self.cards[-1].card.bottom() + 2


def layout(rect: QRect, plan: DayPlan | None) -> CellLayout:
    x, w = rect.left() + PAD, rect.width() - 2 * PAD
    y = rect.top() + PAD
    cards: list[CardBox] = []
    for e in plan.entries if plan is not None else []:
        leg_h = LEG_H if e.leg.moves else GAP_H
        leg = QRect(x, y, w, leg_h)
        y += leg_h
        cards.append(CardBox(e.index, e.activity.id or "", leg, QRect(x, y, w, CARD_H)))
        y += CARD_H
    final = QRect(x, y, w, FINAL_H if plan is not None and plan.final_leg.moves else 0)
    y += final.height() + PAD
    bar_top = max(y + NIGHT_H, rect.bottom() - BAR_H - PAD + 1)
    night = QRect(x, bar_top - NIGHT_H, w, NIGHT_H)
    return CellLayout(cards, final, night, QRect(x, bar_top, w, BAR_H))


def cell_height(plan: DayPlan | None) -> int:
    if plan is None:
        return EMPTY_H
    content = sum((LEG_H if e.leg.moves else GAP_H) + CARD_H for e in plan.entries)
    final = FINAL_H if plan.final_leg.moves else 0
    return PAD + content + final + PAD + NIGHT_H + BAR_H + PAD
