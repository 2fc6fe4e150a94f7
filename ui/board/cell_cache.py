"""Painted board cells kept as pixmaps: after an edit only the cells that changed are drawn again.

A cell's text drawing costs about a millisecond; the view repaints every visible cell after any edit
(and on each scroll step), so a board of a few dozen visible cells spent most of an edit painting cells
whose contents had not changed. An entry is used only when everything the painting reads is the same:
the day's plan (the same object: re-planning a day makes a new one), its problems, the cell's size and
state, and the board's language and font; model changes also drop the cells they name.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap

BUDGET_PIXELS = 8_000_000  # ≈ 32 MB of cells: several screens' worth, whatever the tour's size


class CellCache:
    def __init__(self, budget: int = BUDGET_PIXELS):
        self.budget = budget
        self._cells: OrderedDict[tuple[int, int], tuple[object, Hashable, QPixmap]] = OrderedDict()
        self._pixels = 0

    def __len__(self) -> int:
        return len(self._cells)

    def paint(self, painter: QPainter, rect: QRect, cell: tuple[int, int], plan: object, key: Hashable,
              draw: Callable[[QPainter], None]) -> None:
        """Blit the cell's pixmap if `plan` and `key` are what it was drawn from; else draw it anew with
        `draw` (which paints at `rect`, as it would on the view) and keep it."""
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        found = self._cells.get(cell)
        # a window moved to a screen of another scale needs sharper (or lighter) pixmaps
        if found is not None and found[0] is plan and found[1] == key and found[2].devicePixelRatio() == ratio:
            self._cells.move_to_end(cell)
            painter.drawPixmap(rect.topLeft(), found[2])
            return
        pixmap = QPixmap(rect.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        inner = QPainter(pixmap)
        inner.setFont(painter.font())
        inner.setPen(painter.pen())
        inner.setBrush(painter.brush())
        inner.setLayoutDirection(painter.layoutDirection())
        inner.translate(QPoint(-rect.left(), -rect.top()))
        try:
            draw(inner)
        finally:
            inner.end()
        painter.drawPixmap(rect.topLeft(), pixmap)
        self.drop(cell)
        self._cells[cell] = (plan, key, pixmap)
        self._pixels += pixmap.width() * pixmap.height()
        while self._pixels > self.budget and len(self._cells) > 1:
            self._forget(next(iter(self._cells)))

    def drop(self, cell: tuple[int, int]) -> None:
        if cell in self._cells:
            self._forget(cell)

    def drop_range(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles) -> None:
        for cell in [c for c in self._cells if top_left.row() <= c[0] <= bottom_right.row()
                     and top_left.column() <= c[1] <= bottom_right.column()]:
            self._forget(cell)

    def clear(self, *_args) -> None:
        self._cells.clear()
        self._pixels = 0

    def _forget(self, cell: tuple[int, int]) -> None:
        pixmap = self._cells.pop(cell)[2]
        self._pixels -= pixmap.width() * pixmap.height()
