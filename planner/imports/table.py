"""The generic import engine: a grid, a header row and a column mapping in; good rows and bad cells out.

Used for sites (planner/imports/sites.py) and rosters alike: the caller supplies its `Field`s.

    grid = read_grid(path, sheet)                       # .xlsx or CSV in any of the usual encodings
    table = Table.from_grid(grid, FIELDS)               # finds the header row
    mapping = guess_mapping(table.headers, FIELDS)      # or the user's remembered one
    result = parse_rows(table, mapping, FIELDS)         # result.rows: ParsedRow; result.errors: CellError
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from planner.imports.cells import CellProblem
from pathlib import Path

from planner.imports.headers import Field, Mapping, find_header_row, guess_mapping, missing_required
from planner.imports.sheet import Grid, blank, column_letter, read_grid


@dataclass
class Table:
    source: str
    headers: list[str]
    rows: list[tuple[int, list[object]]]     # (row number in the file, cells), header row excluded
    header_row: int = 1
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    encoding: str = ""

    @classmethod
    def from_grid(cls, grid: Grid, fields: Sequence[Field]) -> "Table":
        if not grid.rows:
            return cls(grid.source, [], [], 1, grid.sheet, grid.sheets, grid.encoding)
        at = find_header_row(grid, fields)
        number, header_cells = grid.rows[at]
        headers = ["" if blank(h) else str(h).strip() for h in header_cells]
        return cls(grid.source, headers, grid.rows[at + 1:], number, grid.sheet, grid.sheets, grid.encoding)


def read_table(path: Path | str, fields: Sequence[Field], sheet: str | None = None) -> Table:
    """The named sheet's table; without a name, the first sheet whose headers name every required field
    (a workbook often opens on a cover or notes sheet), else the first sheet."""
    first = Table.from_grid(read_grid(path, sheet), fields)
    if sheet is not None or not missing_required(guess_mapping(first.headers, fields), fields):
        return first
    for name in first.sheets[1:]:
        table = Table.from_grid(read_grid(path, name), fields)
        if not missing_required(guess_mapping(table.headers, fields), fields):
            return table
    return first


@dataclass(frozen=True)
class CellError:
    """One refused cell (or a whole row when `column` is None), with where and why."""

    row: int                      # row number in the file, as the spreadsheet shows it
    column: int | None            # 0-based column index; None: the row as a whole
    header: str
    value: str
    zh: str
    en: str

    @property
    def cell(self) -> str:
        """'D5' for a cell, '5' for a row: how the user finds it in Excel or WPS."""
        return f"{column_letter(self.column)}{self.row}" if self.column is not None else str(self.row)

    def text(self, lang: str) -> str:
        reason = self.zh if lang == "zh" else self.en
        return f"{self.header}: {reason}" if self.header else reason


@dataclass
class ParsedRow:
    row: int
    values: dict[str, object]     # field key → parsed value (blank cells are absent)
    columns: dict[str, int]       # field key → column index, to point at a cell in later checks


@dataclass
class ParseResult:
    rows: list[ParsedRow] = field(default_factory=list)       # rows with no bad cell
    errors: list[CellError] = field(default_factory=list)
    refused: list[int] = field(default_factory=list)          # row numbers with at least one bad cell

    def errors_in(self, row: int) -> list[CellError]:
        return [e for e in self.errors if e.row == row]


class MappingError(ValueError):
    """The mapping leaves a required field without a column."""


def parse_rows(table: Table, mapping: Mapping, fields: Sequence[Field]) -> ParseResult:
    missing = missing_required(mapping, fields)
    if missing:
        names = "、".join(f.zh for f in missing)
        raise MappingError(f"没有对应“{names}”的列 (no column for {', '.join(f.en for f in missing)})")
    by_key = {f.key: f for f in fields}
    result = ParseResult()
    for number, cells in table.rows:
        values: dict[str, object] = {}
        columns: dict[str, int] = {}
        bad: list[CellError] = []
        for col, key in sorted(mapping.items()):
            f = by_key[key]
            raw = cells[col] if col < len(cells) else None
            columns[key] = col
            if blank(raw):
                if f.required:
                    bad.append(CellError(number, col, _header(table, col), "", f"{f.zh}不能为空",
                                         f"{f.en} is required"))
                continue
            try:
                values[key] = f.parse(raw)
            except CellProblem as p:
                bad.append(CellError(number, col, _header(table, col), str(raw), p.zh, p.en))
        if bad:
            result.errors.extend(bad)
            result.refused.append(number)
        else:
            result.rows.append(ParsedRow(number, values, columns))
    return result


def _header(table: Table, col: int) -> str:
    return table.headers[col] if col < len(table.headers) and table.headers[col] else column_letter(col)
