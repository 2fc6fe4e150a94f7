"""导入名单: a roster sheet mapped, previewed and brought into the tour in one undo step.

The frame is the site import's (ui/imports/sheet_import_dialog: column mapping remembered per header set, a
preview marking every bad cell with its reason); the fields and the decisions are the roster's: a group cell
matched to a tour group, someone already on the roster skipped, replaced or added.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from planner.imports.roster import ROSTER_FIELDS, RosterImport, RosterRow, apply_roster, load_roster_table, \
    prepare_roster
from planner.imports.table import Table
from ui.dialogs.form_errors import fill
from ui.imports.sheet_import_dialog import SheetImportDialog
from ui.people.people_commands import ReplacePeople


class RosterImportDialog(SheetImportDialog):
    SCOPE = "roster"
    FIELDS = ROSTER_FIELDS
    ACTIONS = ("add", "replace", "skip")

    def __init__(self, document, path: Path, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(document, path, settings, parent)
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(fill(self.tr("Import roster from %1"), path.name))

    def _read(self, sheet: str | None) -> Table:
        return load_roster_table(self.path, sheet)

    def _prepare(self, table: Table) -> RosterImport:
        return prepare_roster(table, self.document.tour, self.mapping.mapping())

    def _refused(self) -> str:
        return self.tr("Refused")

    def _action(self, row: RosterRow | None) -> QWidget | str:
        if row is None:
            return ""
        group = self.document.tour.group(row.person.group) if row.person.group else None
        if row.duplicate is None:
            return self.tr("Add") + (f" → {group.name}" if group else "")
        return self._choice(row, [(fill(self.tr("Skip: already on the roster as %1"), row.duplicate.name), "skip"),
                                  (self.tr("Replace the roster line"), "replace"),
                                  (self.tr("Add as another person"), "add")])

    def _summary(self, rows: int, counts: dict[str, int], refused: int) -> str:
        return fill(self.tr("%1 rows: %2 to add, %3 to replace, %4 skipped, %5 refused "
                            "(hover a red cell for the reason)"),
                    rows, counts["add"], counts["replace"], counts["skip"], refused)

    def _apply(self, imp: RosterImport) -> None:
        n = sum(1 for r in imp.incoming if r.action != "skip")
        people = apply_roster(self.document.tour, imp.incoming)
        self.document.push(ReplacePeople(self.document.tour, people,
                                         fill(self.tr("Import %1 participants from %2"), n, self.path.name)))
