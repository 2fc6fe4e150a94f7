"""Undo commands: each only calls planner.model.edits; the document reschedules after every one."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from planner.model.edits import (Slot, adopt_site, drop_site, find_activity, has_day, insert_activity, move_activity,
                                 remove_activity, replace_activity)
from planner.model.site import Site
from planner.model.tour import Activity, Tour
from ui.dialogs.mnemonics import undo_text


class _TourCommand(QUndoCommand):
    def __init__(self, tour: Tour, text: str):
        super().__init__(undo_text(text))
        self.tour = tour

    def touched(self) -> set | None:
        """The group-days redo/undo change (the document re-plans only those); None: anything."""
        return None


class AddActivity(_TourCommand):
    """Add an activity; catalogue sites it needs are copied into the tour and removed again on undo."""

    def __init__(self, tour: Tour, slot: Slot, activity: Activity, text: str, site: Site | None = None,
                 sites: list[Site] = ()):
        super().__init__(tour, text)
        self.slot, self.activity = slot, activity
        self.sites = [s for s in ([site] if site is not None else []) + list(sites)]
        self.adopted: list[str] = []
        self.new_day = False

    def redo(self) -> None:
        self.adopted = [s.id for s in self.sites if adopt_site(self.tour, s)]
        self.new_day = not has_day(self.tour, self.slot.group_id, self.slot.date)
        insert_activity(self.tour, self.slot, self.activity)

    def undo(self) -> None:
        remove_activity(self.tour, self.activity.id, drop_day=self.new_day)
        for site_id in reversed(self.adopted):
            drop_site(self.tour, site_id)

    def touched(self) -> set | None:
        # a site new to the tour could complete another day that named it: re-plan everything then
        return None if self.adopted else {(self.slot.group_id, self.slot.date)}


class RemoveActivity(_TourCommand):
    def __init__(self, tour: Tour, activity_id: str, text: str):
        super().__init__(tour, text)
        self.activity_id = activity_id
        self.slot: Slot | None = None
        self.activity: Activity | None = None

    def redo(self) -> None:
        self.slot, self.activity = remove_activity(self.tour, self.activity_id)

    def undo(self) -> None:
        insert_activity(self.tour, self.slot, self.activity)

    def touched(self) -> set | None:
        return {(self.slot.group_id, self.slot.date)}


class MoveActivity(_TourCommand):
    def __init__(self, tour: Tour, activity_id: str, target: Slot, text: str):
        super().__init__(tour, text)
        self.activity_id, self.target = activity_id, target
        self.origin: Slot | None = None
        self.new_day = False

    def redo(self) -> None:
        self.new_day = not has_day(self.tour, self.target.group_id, self.target.date)
        self.origin = move_activity(self.tour, self.activity_id, self.target)

    def undo(self) -> None:
        # Put it back exactly: remove from where it landed (and the day made for it), insert at the old index.
        _, act = remove_activity(self.tour, self.activity_id, drop_day=self.new_day)
        insert_activity(self.tour, self.origin, act)

    def touched(self) -> set | None:
        return {(self.origin.group_id, self.origin.date), (self.target.group_id, self.target.date)}


class EditActivity(_TourCommand):
    def __init__(self, tour: Tour, activity_id: str, new: Activity, text: str, sites: list[Site] = ()):
        super().__init__(tour, text)
        self.activity_id, self.new, self.sites = activity_id, new, list(sites)
        self.old: Activity | None = None
        self.adopted: list[str] = []

    def redo(self) -> None:
        self.adopted = [s.id for s in self.sites if adopt_site(self.tour, s)]
        self.old = replace_activity(self.tour, self.activity_id, self.new.model_copy(deep=True))

    def undo(self) -> None:
        replace_activity(self.tour, self.activity_id, self.old)
        for site_id in reversed(self.adopted):
            drop_site(self.tour, site_id)

    def touched(self) -> set | None:
        if self.adopted:
            return None
        slot, _ = find_activity(self.tour, self.activity_id)
        return {(slot.group_id, slot.date)}


class ReplaceTourSettings(_TourCommand):
    """Settings-dialog edits touch many fields at once; swapping whole snapshots keeps undo exact."""

    def __init__(self, tour: Tour, new: Tour, text: str):
        super().__init__(tour, text)
        self.new = new.model_copy(deep=True)
        self.old = tour.model_copy(deep=True)

    def _apply(self, source: Tour) -> None:
        fresh = source.model_copy(deep=True)
        for name in type(source).model_fields:
            setattr(self.tour, name, getattr(fresh, name))

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)
