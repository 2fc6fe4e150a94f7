"""Undo commands for edits that reshape whole days (nights, paste, copy a day or a route) and for legs.

Such edits touch several days at once, so undo puts back a snapshot of the groups' days taken before,
and redo after an undo puts back the snapshot taken after: ids and order come back exactly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from planner.model.copying import restore_days, snapshot_days
from planner.model.edits import adopt_site, drop_site, restore_leg_overrides, set_leg_override
from planner.model.site import Site
from planner.model.tour import Tour
from ui.dialogs.mnemonics import undo_text


class DaysEdit(QUndoCommand):
    """Run `edit(tour)` on the days of `group_ids`; `sites` are catalogue sites it needs in the tour."""

    def __init__(self, tour: Tour, group_ids: list[str], edit: Callable[[Tour], object], text: str,
                 sites: list[Site] = ()):
        super().__init__(undo_text(text))
        self.tour, self.group_ids, self.edit, self.sites = tour, list(group_ids), edit, list(sites)
        self.before = self.after = None
        self.adopted: list[str] = []
        self.result = None

    def redo(self) -> None:
        self.adopted = [s.id for s in self.sites if adopt_site(self.tour, s)]
        if self.after is None:
            self.before = snapshot_days(self.tour, self.group_ids)
            self.result = self.edit(self.tour)
            self.after = snapshot_days(self.tour, self.group_ids)
        else:
            restore_days(self.tour, self.after)

    def undo(self) -> None:
        restore_days(self.tour, self.before)
        for site_id in reversed(self.adopted):
            drop_site(self.tour, site_id)


class SetLeg(QUndoCommand):
    """Give a leg a known duration, or clear it (minutes None)."""

    def __init__(self, tour: Tour, origin: str, destination: str, minutes: int | None, km: float | None,
                 text: str):
        super().__init__(undo_text(text))
        self.tour, self.origin, self.destination, self.minutes, self.km = tour, origin, destination, minutes, km
        self.old = None

    def redo(self) -> None:
        self.old = set_leg_override(self.tour, self.origin, self.destination, self.minutes, self.km)

    def undo(self) -> None:
        restore_leg_overrides(self.tour, self.old)
