"""Copy 名单 rows as tab-separated text, and paste a block copied from Excel or WPS into a table.

A paste fills cells from the current one rightwards and downwards, adding rows below the end; it is
checked on a copy of the roster and lands as one undo step. Cells that cannot be read are named and
left as they were; the rest of the block still comes in.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from planner.imports.roster import match_group
from planner.model.edits import EditError
from planner.model.people_edits import insert_records, set_field
from ui.people.columns import CHECK, CHOICE, NUMBER, READ_ONLY, Column
from ui.people.people_commands import ReplacePeople

YES, NO = {"1", "是", "y", "yes", "true", "✓", "√", "x"}, {"", "0", "否", "n", "no", "false"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PeopleClipboard", text)


def rows_text(model, rows: list[int]) -> str:
    """The rows as a spreadsheet takes them: one line each, cells as shown, tabs between."""
    lines = []
    for r in rows:
        cells = []
        for c, col in enumerate(model.columns):
            index = model.index(r, c)
            if col.kind == CHECK:
                cells.append("是" if index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked else "")
            else:
                shown = index.data()
                cells.append("" if shown is None else str(shown).replace("\t", " ").replace("\n", " "))
        lines.append("\t".join(cells))
    return "\n".join(lines)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def cell_value(col: Column, choices: list[tuple[Any, str]], tour, text: str) -> Any:
    """A pasted cell as the column's value; EditError says why it cannot be one."""
    text = text.strip()
    if col.kind == CHOICE:
        for value, label in choices:
            if _fold(text) in (_fold(label), _fold("" if value is None else str(value))):
                return value
        if not text and any(v is None for v, _ in choices):
            return None
        if col.field == "group" and (found := match_group(tour, text)) is not None:
            return found  # 1组, 一组, G1 …: as the roster import reads them
        raise EditError(_tr("'%1' is not one of: %2").replace("%1", text)
                        .replace("%2", "、".join(label for _, label in choices)))
    if col.kind == CHECK:
        if _fold(text) in YES | NO:
            return _fold(text) in YES
        raise EditError(_tr("'%1' is not yes or no").replace("%1", text))
    if col.kind == NUMBER:
        try:
            return int(float(unicodedata.normalize("NFKC", text) or 0))
        except ValueError:
            raise EditError(_tr("'%1' is not a number").replace("%1", text)) from None
    return col.parse(tour, text) if col.parse is not None else text


def split_block(text: str) -> list[list[str]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # spreadsheets end a copied block with a newline
    return [line.split("\t") for line in lines]


def paste(tab, text: str, row: int, column: int) -> list[str]:
    """Paste `text` at source (row, column) of `tab`; returns the reasons cells were refused."""
    model, document = tab.model, tab.document
    block = split_block(text)
    if not block:
        return []
    trial = document.tour.model_copy(deep=True)
    errors: list[str] = []
    for i, cells in enumerate(block):
        r = row + i
        if r >= len(getattr(trial.people, tab.kind)):
            record = tab.new_record(trial)
            if record is None:
                break
            insert_records(trial, tab.kind, r, [record])
        for j, raw in enumerate(cells):
            c = column + j
            if c >= len(model.columns):
                break
            col = model.columns[c]
            if col.kind == READ_ONLY:
                continue
            title = QCoreApplication.translate("PeopleModel", col.title)
            try:
                choices = col.choices(trial) if col.choices else []
                set_field(trial, tab.kind, r, col.field, cell_value(col, choices, trial, raw))
            except EditError as e:
                errors.append(_tr("Row %1, %2: %3").replace("%1", str(r + 1)).replace("%2", title)
                              .replace("%3", str(e)))
    if trial.people != document.tour.people:
        document.push(ReplacePeople(document.tour, trial.people, _tr("Paste")))
    return errors
