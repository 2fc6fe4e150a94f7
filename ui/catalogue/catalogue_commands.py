"""Undo commands for the catalogue (教学点库), pushed on the document's one undo stack.

Each command remembers what it replaced so undo restores it exactly, then tells the document
(`catalogue_changed()`), which saves the catalogue file and refreshes the catalogue views; the
undo stack's index change makes the document reschedule the tour.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from planner.model.edits import EditError, replace_site
from planner.model.site import Catalogue, Site
from ui.dialogs.form_errors import fill
from ui.dialogs.mnemonics import undo_text


def _index(catalogue: Catalogue, site_id: str) -> int:
    for i, s in enumerate(catalogue.sites):
        if s.id == site_id:
            return i
    raise EditError(f"site {site_id!r} is not in the catalogue")


class _CatalogueCommand(QUndoCommand):
    def __init__(self, document, text: str):
        super().__init__(undo_text(text))
        self.document = document

    @property
    def catalogue(self) -> Catalogue:
        return self.document.catalogue


class AddCatalogueSite(_CatalogueCommand):
    """Append a new site; undo removes it again."""

    def __init__(self, document, site: Site):
        if document.catalogue.get(site.id) is not None:
            raise EditError(f"site id {site.id!r} is already in the catalogue")
        text = QCoreApplication.translate("CatalogueCommands", "Add site %1")
        super().__init__(document, fill(text, site.name))
        self.site = site.model_copy(deep=True)

    def redo(self) -> None:
        self.catalogue.sites.append(self.site.model_copy(deep=True))
        self.document.catalogue_changed()

    def undo(self) -> None:
        self.catalogue.sites.pop(_index(self.catalogue, self.site.id))
        self.document.catalogue_changed()


class EditCatalogueSite(_CatalogueCommand):
    """Replace the catalogue record, and the tour's copy when the tour carries that site.

    Editing a site in the library is how organizers correct it (new hours, a closed day); the
    open tour should be checked against the corrected record, and undo must put both back.
    """

    def __init__(self, document, site: Site):
        _index(document.catalogue, site.id)  # fail before the command reaches the stack
        text = QCoreApplication.translate("CatalogueCommands", "Edit site %1")
        super().__init__(document, fill(text, site.name))
        self.new = site.model_copy(deep=True)
        self.old: Site | None = None
        self.old_in_tour: Site | None = None

    def redo(self) -> None:
        i = _index(self.catalogue, self.new.id)
        self.old = self.catalogue.sites[i]
        self.catalogue.sites[i] = self.new.model_copy(deep=True)
        self.old_in_tour = replace_site(self.document.tour, self.new)
        self.document.catalogue_changed()

    def undo(self) -> None:
        self.catalogue.sites[_index(self.catalogue, self.new.id)] = self.old
        if self.old_in_tour is not None:
            replace_site(self.document.tour, self.old_in_tour)
        self.document.catalogue_changed()


class DeleteCatalogueSite(_CatalogueCommand):
    """Remove a site from the catalogue only: a tour that uses it keeps its own copy."""

    def __init__(self, document, site_id: str):
        i = _index(document.catalogue, site_id)
        name = document.catalogue.sites[i].name
        text = QCoreApplication.translate("CatalogueCommands", "Delete site %1")
        super().__init__(document, fill(text, name))
        self.site_id = site_id
        self.index = i
        self.site: Site | None = None

    def redo(self) -> None:
        self.index = _index(self.catalogue, self.site_id)
        self.site = self.catalogue.sites.pop(self.index)
        self.document.catalogue_changed()

    def undo(self) -> None:
        self.catalogue.sites.insert(self.index, self.site)
        self.document.catalogue_changed()
