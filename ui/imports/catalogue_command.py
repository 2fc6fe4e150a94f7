"""One undo step that replaces the catalogue's site list: a whole import, or a batch of new coordinates.

Sites the open tour carries get the new record too (as editing one site does), and undo puts both
the catalogue and the tour's copies back.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from planner.model.edits import replace_site
from planner.model.site import Site
from ui.dialogs.mnemonics import undo_text


class ReplaceCatalogueSites(QUndoCommand):
    def __init__(self, document, sites: list[Site], text: str):
        super().__init__(undo_text(text))
        self.document = document
        self.new = [s.model_copy(deep=True) for s in sites]
        self.old = [s.model_copy(deep=True) for s in document.catalogue.sites]
        old_by_id = {s.id: s for s in self.old}
        self.changed = [s for s in self.new if s.id in old_by_id and old_by_id[s.id] != s]
        self.old_in_tour: list[Site] = []

    def redo(self) -> None:
        self.document.catalogue.sites = [s.model_copy(deep=True) for s in self.new]
        self.old_in_tour = [old for s in self.changed if (old := replace_site(self.document.tour, s)) is not None]
        self.document.catalogue_changed()

    def undo(self) -> None:
        self.document.catalogue.sites = [s.model_copy(deep=True) for s in self.old]
        for s in self.old_in_tour:
            replace_site(self.document.tour, s)
        self.document.catalogue_changed()
