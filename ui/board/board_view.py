"""The schedule board (centre of the window): group × date cells with draggable activity cards."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QDragMoveEvent, QDropEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QToolTip

from planner.model.edits import Slot
from planner.model.clock import fmt
from ui.board.board_model import BoardModel, PlanRole, ProblemsRole
from ui.board.card_delegate import CardDelegate, card_title, leg_text
from ui import literal
from ui.i18n import lang
from ui.board.card_layout import CELL_W, layout
from ui.catalogue.catalogue_model import MIME_TYPE as SITE_MIME

ACTIVITY_MIME = "application/x-study-tour-activity"


class BoardView(QTableView):
    activitySelected = Signal(str)               # activity id
    cellSelected = Signal(str, object)           # group id, date
    groupSelected = Signal(str)                  # a group's row header
    tourSelected = Signal()                      # the corner button: everything
    activityActivated = Signal(str)              # double-click / Enter: edit it
    deleteRequested = Signal(str)                # Delete key on a card
    activityDropped = Signal(str, object)        # activity id, target Slot
    siteDropped = Signal(str, object)            # catalogue site id, target Slot
    menuRequested = Signal(object, str, object)  # Slot under the mouse, card id ("" on a cell), global pos
    nightClicked = Signal(str, object, object)   # group id, date, global pos: tonight's hotel line
    legClicked = Signal(str, object, int, object)  # group id, date, card index (len: to the hotel), pos

    def __init__(self, model: BoardModel, parent=None):
        super().__init__(parent)
        self.setObjectName("scheduleBoard")
        self.setModel(model)
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(False)  # the delegate draws a line between cards instead
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setShowGrid(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(CELL_W)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumWidth(84)
        self._press: tuple[QPoint, str] | None = None
        self.verticalHeader().sectionClicked.connect(self._row_header_clicked)
        for signal in (model.modelReset, model.layoutChanged, model.headerDataChanged):
            signal.connect(self.delegate.cells.clear)
        model.dataChanged.connect(self.delegate.cells.drop_range)  # before the repaint it asks for
        model.modelReset.connect(self._after_change)
        model.dataChanged.connect(self._cells_changed)

    @property
    def board(self) -> BoardModel:
        return self.model()  # type: ignore[return-value]

    @property
    def selected_activity(self) -> str | None:
        return self.delegate.selected_activity

    @property
    def selected_activities(self) -> list[str]:
        """Every selected card in board order (Ctrl/Shift-click adds to the selection)."""
        chosen = self.delegate.selected | ({self.selected_activity} if self.selected_activity else set())
        return [a.id for g in self.board.document.tour.groups for d in sorted(g.days, key=lambda d: d.date)
                for a in d.activities if a.id in chosen]

    def insertion_slot(self) -> Slot | None:
        """Where a new activity goes: after the selected card, else at the end of the current cell."""
        tour = self.board.document.tour
        if self.selected_activity:
            for g in tour.groups:
                for d in g.days:
                    for i, a in enumerate(d.activities):
                        if a.id == self.selected_activity:
                            return Slot(g.id, d.date, i + 1)
        idx = self.currentIndex()
        if not idx.isValid():
            return None
        group_id, date = self.board.slot(idx)
        day = tour.group(group_id).day(date)
        return Slot(group_id, date, len(day.activities) if day else 0)

    def _after_change(self, *_args) -> None:
        self.resizeRowsToContents()
        self.viewport().update()

    def _cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles) -> None:
        """Only the rows that changed are measured again (a row's height fits its fullest day)."""
        rows = range(top_left.row(), bottom_right.row() + 1)
        if len(rows) == self.board.rowCount():
            self.resizeRowsToContents()
        else:
            for row in rows:
                self.resizeRowToContents(row)
        self.viewport().update()

    # -- selection
    def select_activity(self, activity_id: str | None) -> None:
        """Select a card (and its cell) and scroll it into view; used by the problems dock."""
        self.delegate.selected_activity = activity_id
        self.delegate.selected = set()
        if activity_id:
            for row in range(self.board.rowCount()):
                for col in range(self.board.columnCount()):
                    idx = self.board.index(row, col)
                    plan = idx.data(PlanRole)
                    if plan and any(e.activity.id == activity_id for e in plan.entries):
                        self.setCurrentIndex(idx)
                        self.scrollTo(idx, QAbstractItemView.ScrollHint.EnsureVisible)
                        self.activitySelected.emit(activity_id)
                        self.viewport().update()
                        return
        self.viewport().update()

    def select_cell(self, group_id: str, date: dt.date) -> None:
        idx = self.board.index_of(group_id, date)
        if idx.isValid():
            self.setCurrentIndex(idx)
            self.scrollTo(idx)

    def _row_header_clicked(self, row: int) -> None:
        if 0 <= row < self.board.rowCount():
            self.groupSelected.emit(self.board.document.tour.groups[row].id)

    def selectAll(self) -> None:
        """The corner button: the board has no "all cells" edit, so it means "the whole tour"."""
        self.tourSelected.emit()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid():
            group_id, date = self.board.slot(current)
            self.cellSelected.emit(group_id, date)

    def card_at(self, pos: QPoint) -> tuple[QModelIndex, str | None]:
        idx = self.indexAt(pos)
        if not idx.isValid():
            return idx, None
        box = layout(self.visualRect(idx), idx.data(PlanRole)).card_at(pos.x(), pos.y())
        return idx, box.activity_id if box else None

    def card_center(self, activity_id: str) -> QPoint | None:
        """Viewport position of a card's middle (tests and keyboard use it)."""
        for row in range(self.board.rowCount()):
            for col in range(self.board.columnCount()):
                idx = self.board.index(row, col)
                for box in layout(self.visualRect(idx), idx.data(PlanRole)).cards:
                    if box.activity_id == activity_id:
                        return box.card.center()
        return None

    def card_tooltip(self, index: QModelIndex, activity_id: str) -> str:
        """What a card is and, above all, what is wrong with it."""
        plan = index.data(PlanRole)
        entry = next((e for e in plan.entries if e.activity.id == activity_id), None) if plan else None
        if entry is None:
            return ""
        lines = [f"{fmt(entry.start)}–{fmt(entry.end)}  {card_title(entry)}"]
        if entry.site is not None and entry.site.address:
            lines.append(entry.site.address)
        if entry.leg.moves:
            lines.append(leg_text(entry.leg.minutes, entry.leg.km, entry.leg.known).lstrip("↓ "))
        lines += ["⚠ " + p.message(lang()) for p in index.data(ProblemsRole) or []
                  if p.involves(activity_id)]
        return "\n".join(lines)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            idx, activity = self.card_at(event.pos())
            if activity:
                QToolTip.showText(event.globalPos(), literal.tooltip(self.card_tooltip(idx, activity)), self.viewport())
                return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        idx, activity = self.card_at(pos)
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and idx.isValid() and not activity:
            if self._line_clicked(idx, pos):
                return
        self._select_on_press(activity, event.modifiers())
        self._press = (pos, activity) if activity else None
        if activity:
            self.activitySelected.emit(activity)
        self.viewport().update()

    def _select_on_press(self, activity: str | None, modifiers) -> None:
        """Ctrl toggles a card in the selection; Shift adds the cards between it and the selected one."""
        extend = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        if not (activity and extend):
            self.delegate.selected = set()
            self.delegate.selected_activity = activity
            return
        chosen = set(self.selected_activities)
        if modifiers & Qt.KeyboardModifier.ShiftModifier and self.selected_activity:
            order = [a.id for g in self.board.document.tour.groups for d in sorted(g.days, key=lambda d: d.date)
                     for a in d.activities]
            lo, hi = sorted((order.index(self.selected_activity), order.index(activity)))
            chosen |= set(order[lo:hi + 1])
        else:
            chosen ^= {activity}
        self.delegate.selected = chosen
        self.delegate.selected_activity = activity if activity in chosen else next(iter(chosen), None)

    def _line_clicked(self, idx: QModelIndex, pos: QPoint) -> bool:
        """A click on tonight's hotel line or on a leg line opens its editor."""
        geometry = layout(self.visualRect(idx), idx.data(PlanRole))
        group_id, date = self.board.slot(idx)
        where = self.viewport().mapToGlobal(pos)
        if geometry.night.contains(pos):
            self.nightClicked.emit(group_id, date, where)
            return True
        leg = geometry.leg_at(pos.x(), pos.y())
        if leg is not None:
            self.legClicked.emit(group_id, date, leg, where)
            return True
        return False

    def contextMenuEvent(self, event) -> None:
        idx, activity = self.card_at(event.pos())
        if not idx.isValid():
            return
        if activity and activity not in self.selected_activities:
            self._select_on_press(activity, Qt.KeyboardModifier.NoModifier)
        self.setCurrentIndex(idx)
        group_id, date = self.board.slot(idx)
        position = layout(self.visualRect(idx), idx.data(PlanRole)).drop_index(event.pos().y())
        self.viewport().update()
        self.menuRequested.emit(Slot(group_id, date, position), activity or "", event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press and (event.buttons() & Qt.MouseButton.LeftButton):
            start, activity = self._press
            if (event.position().toPoint() - start).manhattanLength() >= QApplication.startDragDistance():
                self._press = None
                drag = QDrag(self)
                drag.setMimeData(activity_mime(activity))
                drag.exec(Qt.DropAction.MoveAction)
                return
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        _, activity = self.card_at(event.position().toPoint())
        if activity:
            self.activityActivated.emit(activity)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        activity = self.delegate.selected_activity
        if activity and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit(activity)
            return
        if activity and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activityActivated.emit(activity)
            return
        super().keyPressEvent(event)

    # -- drag and drop
    def _target(self, pos: QPoint) -> tuple[QModelIndex, int] | None:
        idx = self.indexAt(pos)
        if not idx.isValid():
            return None
        return idx, layout(self.visualRect(idx), idx.data(PlanRole)).drop_index(pos.y())

    @staticmethod
    def _accepts(mime: QMimeData) -> bool:
        return mime.hasFormat(ACTIVITY_MIME) or mime.hasFormat(SITE_MIME)

    def dragEnterEvent(self, event) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        target = self._target(event.position().toPoint())
        if target is None or not self._accepts(event.mimeData()):
            self.delegate.drop_marker = None
            event.ignore()
        else:
            self.delegate.drop_marker = target
            event.acceptProposedAction()
        self.viewport().update()

    def dragLeaveEvent(self, event) -> None:
        self.delegate.drop_marker = None
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        self.delegate.drop_marker = None
        target = self._target(event.position().toPoint())
        mime = event.mimeData()
        if target is None or not self._accepts(mime):
            event.ignore()
            return
        idx, position = target
        group_id, date = self.board.slot(idx)
        slot = Slot(group_id, date, position)
        event.setDropAction(Qt.DropAction.MoveAction if mime.hasFormat(ACTIVITY_MIME)
                            else Qt.DropAction.CopyAction)
        event.accept()
        if mime.hasFormat(ACTIVITY_MIME):
            self.activityDropped.emit(bytes(mime.data(ACTIVITY_MIME).data()).decode(), slot)
        else:
            self.siteDropped.emit(bytes(mime.data(SITE_MIME).data()).decode(), slot)
        self.viewport().update()


def activity_mime(activity_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(ACTIVITY_MIME, QByteArray(activity_id.encode()))
    return mime


def site_mime(site_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(SITE_MIME, QByteArray(site_id.encode()))
    return mime
