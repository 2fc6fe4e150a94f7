"""Copy, cut, paste and duplicate on the board: activities, or a whole group-day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from planner.model.copying import Clip
from planner.model.edits import EditError, Slot, find_activity
from ui.board.board_actions import BoardActions


class BoardClipboard(QObject):
    """The window's own clipboard: copied activities keep where they came from (for joint tags)."""

    def __init__(self, actions: BoardActions, parent=None):
        super().__init__(parent)
        self.actions = actions
        self.clips: list[Clip] = []
        self.day: tuple[str, dt.date] | None = None

    def _clips(self, activity_ids: list[str]) -> list[Clip]:
        out = []
        for activity_id in activity_ids:
            try:
                slot, act = find_activity(self.actions.tour, activity_id)
            except EditError:
                continue
            out.append(Clip(slot.group_id, slot.date, act.model_copy(deep=True)))
        return out

    def copy(self, activity_ids: list[str]) -> int:
        self.clips = self._clips(activity_ids)
        return len(self.clips)

    def cut(self, activity_ids: list[str]) -> int:
        count = self.copy(activity_ids)
        self.actions.remove_many([c.activity.id for c in self.clips])
        return count

    def paste(self, slot: Slot) -> list[str]:
        return self.actions.paste(slot, self.clips)

    def duplicate(self, activity_ids: list[str]) -> list[str]:
        """Copies right after the last of them, in the same day."""
        clips = self._clips(activity_ids)
        if not clips:
            return []
        last, _ = find_activity(self.actions.tour, clips[-1].activity.id)
        return self.actions.paste(Slot(last.group_id, last.date, last.index + 1), clips)

    def copy_day(self, group_id: str, date: dt.date) -> None:
        self.day = (group_id, date)

    def paste_day(self, group_id: str, date: dt.date) -> bool:
        return self.day is not None and self.actions.copy_day(self.day, (group_id, date))
