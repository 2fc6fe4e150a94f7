"""Paints a group-day cell: travel legs, activity cards, problem marks and the day-capacity bar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.model.clock import fmt
from planner.schedule.problems import Severity
from planner.schedule.timeline import DayPlan, Entry
from planner.model.tour import KIND_LABELS, MODE_LABELS, ActivityKind
from ui.board.board_model import ColourRole, NightRole, PlanRole, ProblemsRole
from ui.board.card_layout import CELL_W, cell_height, layout
from ui.board.cell_cache import CellCache
from ui.board.marks import BADGE_W, Mark, card_marks, cell_count, paint_badge, paint_card_mark
from ui.board.night_line import paint_night
from ui.i18n import lang, pick

ERROR = QColor("#c0392b")
WARNING = QColor("#e67e22")
OK = QColor("#27ae60")
MUTED = QColor("#6b6b6b")
KNOWN = QColor("#1a5fb4")
SELECTED = QColor("#1a5fb4")
AMBER_SLACK = 30  # minutes: less slack than this shows amber


def slack_colour(slack: int) -> QColor:
    if slack < 0:
        return ERROR
    return WARNING if slack < AMBER_SLACK else OK


def leg_text(minutes: int, km: float, known: bool) -> str:
    if lang() == "zh":
        return f"↓ {'已知 ' if known else ''}{minutes} 分 · {km:.0f} km"
    return f"↓ {'known ' if known else ''}{minutes} min · {km:.0f} km"


def card_title(e: Entry) -> str:
    act = e.activity
    name = act.title or (e.site.name if e.site is not None else "")
    if act.kind is ActivityKind.VISIT:
        return name
    label = pick(MODE_LABELS[act.mode]) if act.kind is ActivityKind.TRANSFER and act.mode else pick(
        KIND_LABELS[act.kind])
    if act.kind is ActivityKind.TRANSFER and act.service:
        label = f"{label} {act.service}"  # the train or flight number is what the group is told
    return f"{label}｜{name}" if name else label


class CardDelegate(QStyledItemDelegate):
    """Stateless painter; the view tells it which activity is selected."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.selected_activity: str | None = None
        self.selected: set[str] = set()   # every selected card (Ctrl/Shift-click); includes the one above
        self.drop_marker: tuple[QModelIndex, int] | None = None
        self.cells = CellCache()  # the view drops cells its model says changed

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(CELL_W, cell_height(index.data(PlanRole)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        plan: DayPlan | None = index.data(PlanRole)
        problems = index.data(ProblemsRole) or []
        colour: QColor = index.data(ColourRole) or QColor("#888888")
        night = index.data(NightRole)
        ids = {e.activity.id for e in plan.entries} if plan else set()
        marker = self.drop_marker[1] if self.drop_marker is not None and self.drop_marker[0] == index else None
        key = (tuple(problems), colour.rgba(), night, option.rect.size().toTuple(),
               bool(option.state & QStyle.StateFlag.State_Selected), option.font.key(), lang(), marker,
               self.selected_activity if self.selected_activity in ids else None,
               frozenset(self.selected & ids))
        self.cells.paint(painter, option.rect, (index.row(), index.column()), plan, key,
                         lambda p: self._paint_cell(p, option, plan, problems, colour, night, marker))

    def _paint_cell(self, painter: QPainter, option: QStyleOptionViewItem, plan: DayPlan | None, problems,
                    colour: QColor, night, marker: int | None) -> None:
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._background(painter, option, rect, problems)
        geometry = layout(rect, plan)
        marks = card_marks(problems)
        small = QFont(option.font)
        small.setPointSizeF(max(6.5, option.font.pointSizeF() * 0.82))
        for box, entry in zip(geometry.cards, plan.entries if plan else []):
            if entry.leg.moves:
                painter.setFont(small)
                painter.setPen(KNOWN if entry.leg.known else MUTED)  # known legs read apart from estimates
                painter.drawText(box.leg.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                                 leg_text(entry.leg.minutes, entry.leg.km, entry.leg.known))
            self._card(painter, option, box.card, entry, colour, marks.get(entry.activity.id), small)
        if plan is not None and plan.final_leg.moves and geometry.final.height():
            painter.setFont(small)
            painter.setPen(KNOWN if plan.final_leg.known else MUTED)
            hotel = plan.end_site.name if plan.end_site else ""
            painter.drawText(geometry.final.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                             f"{leg_text(plan.final_leg.minutes, plan.final_leg.km, plan.final_leg.known)}"
                             f" → {hotel}")
        paint_night(painter, geometry.night, night, small)
        bar = geometry.bar
        worst, count = cell_count(problems)
        if worst is not None:  # the cell's count, readable without hovering
            paint_badge(painter, QRect(bar.left(), bar.top() + 1, BADGE_W + 8, bar.height() - 2), worst,
                        f"⚠{count}", small)
            bar = bar.adjusted(BADGE_W + 14, 0, 0, 0)
        if plan is not None and plan.entries:
            self._bar(painter, bar, plan, small)
        if marker is not None:
            painter.setPen(QPen(SELECTED, 3))
            y = geometry.drop_line_y(marker)
            painter.drawLine(geometry.bar.left(), y, geometry.bar.right(), y)
        painter.restore()

    def _background(self, painter: QPainter, option, rect: QRect, problems) -> None:
        fill = QColor("#ffffff")
        if any(p.severity is Severity.ERROR for p in problems):
            fill = QColor("#fdecea")
        elif any(p.severity is Severity.WARNING for p in problems):
            fill = QColor("#fff6e5")
        painter.fillRect(rect, fill)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(SELECTED, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))

    def _card(self, painter: QPainter, option, r: QRect, e: Entry, colour: QColor,
              mark: Mark | None, small: QFont) -> None:
        act = e.activity
        base = QColor(colour).lighter(185) if act.kind in (ActivityKind.VISIT, ActivityKind.LECTURE,
                                                         ActivityKind.DISCUSSION) else QColor("#f1f1f1")
        if mark is not None:
            base = QColor("#ffffff")  # a problem card drops the group tint: it reads apart in any colour
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        painter.drawRoundedRect(r, 4, 4)
        painter.fillRect(QRect(r.left(), r.top(), 4, r.height()), colour)
        if mark is not None:
            paint_card_mark(painter, r, mark, small)
        if act.id == self.selected_activity or act.id in self.selected:
            painter.setPen(QPen(SELECTED, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(1, 1, -1, -1), 4, 4)
        text = r.adjusted(12, 2, -(BADGE_W + 4) if mark else -4, -2)
        painter.setFont(small)
        painter.setPen(QColor("#333333"))
        times = f"{fmt(e.start)}–{fmt(e.end)}"
        if act.pinned is not None:
            times += " ●"  # pinned
        if act.joint:
            times += "  " + ("联合" if lang() == "zh" else "joint")
        painter.drawText(QRect(text.left(), text.top(), text.width(), text.height() // 2),
                         Qt.AlignmentFlag.AlignVCenter, times)
        bold = QFont(option.font)
        bold.setBold(act.kind is ActivityKind.VISIT)
        painter.setFont(bold)
        painter.setPen(QColor("#111111"))
        name_rect = QRect(text.left(), text.top() + text.height() // 2, text.width(), text.height() // 2)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(card_title(e), Qt.TextElideMode.ElideRight,
                                                          name_rect.width()))

    def _bar(self, painter: QPainter, r: QRect, plan: DayPlan, small: QFont) -> None:
        window = max(1, plan.window_end - plan.window_start)
        used = max(0, plan.used_minutes)
        track = QRect(r.left(), r.top() + r.height() // 2 - 3, r.width() // 2, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e3e3e3"))
        painter.drawRoundedRect(track, 3, 3)
        painter.setBrush(slack_colour(plan.slack))
        filled = QRect(track.left(), track.top(), int(track.width() * min(1.0, used / window)), track.height())
        painter.drawRoundedRect(filled, 3, 3)
        painter.setFont(small)
        painter.setPen(slack_colour(plan.slack))
        label = ("余 " if lang() == "zh" else "slack ") + _hm(plan.slack)
        painter.drawText(QRect(track.right() + 6, r.top(), r.width() - track.width() - 6, r.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)


def _hm(minutes: int) -> str:
    sign = "-" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h}:{m:02d}"
