"""Undo commands for the 名单 dock; each only calls planner.model.people_edits.

An edit is applied (and validated) before its command is pushed, so a refused value never reaches the
undo stack; the command's first redo() is then a no-op.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from planner.model.people import People
from planner.model.people_edits import (Removed, insert_records, remove_records, replace_people, restore_records,
                                        set_field, set_headcounts)
from planner.model.tour import Tour
from ui.dialogs.mnemonics import undo_text


class _Applied(QUndoCommand):
    def __init__(self, tour: Tour, text: str):
        super().__init__(undo_text(text))
        self.tour = tour
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.apply()

    def apply(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class _Swap(_Applied):
    """A value put in by a setter that returns the one it replaced: undo puts that back."""

    def __init__(self, tour: Tour, text: str, put: Callable[[Tour, Any], Any], new: Any):
        super().__init__(tour, text)
        self._put, self.new = put, new
        self.old = put(tour, new)

    def apply(self) -> None:
        self._put(self.tour, self.new)

    def undo(self) -> None:
        self._put(self.tour, self.old)


class SetPeopleField(_Swap):
    """One cell: raises EditError from the constructor when the value is refused."""

    def __init__(self, tour: Tour, kind: str, index: int, name: str, value: Any, text: str):
        super().__init__(tour, text, lambda t, v: set_field(t, kind, index, name, v), value)


class InsertPeople(_Applied):
    def __init__(self, tour: Tour, kind: str, index: int, records: list, text: str):
        super().__init__(tour, text)
        self.kind, self.records = kind, records
        self.index = insert_records(tour, kind, index, records)

    def apply(self) -> None:
        insert_records(self.tour, self.kind, self.index, self.records)

    def undo(self) -> None:
        remove_records(self.tour, self.kind, self.index, len(self.records))


class RemovePeople(_Applied):
    """Remove records; rows need not be adjacent (a multi-selection): removed bottom-up, restored top-down."""

    def __init__(self, tour: Tour, kind: str, rows: list[int], text: str):
        super().__init__(tour, text)
        self.kind, self.rows = kind, sorted(set(rows), reverse=True)
        self.removed: list[Removed] = []
        self.apply()

    def apply(self) -> None:
        self.removed = [remove_records(self.tour, self.kind, row) for row in self.rows]

    def undo(self) -> None:
        for removed in reversed(self.removed):
            restore_records(self.tour, self.kind, removed)


class ReplacePeople(_Swap):
    """A whole new roster at once (an import): one undo step."""

    def __init__(self, tour: Tour, people: People, text: str):
        super().__init__(tour, text, replace_people, people)


class SetHeadcounts(_Swap):
    """Groups' headcounts set at once (to their roster sizes): one undo step."""

    def __init__(self, tour: Tour, counts: dict[str, int], text: str):
        super().__init__(tour, text, set_headcounts, counts)
