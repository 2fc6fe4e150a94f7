"""One site import from file to decisions: read, map, parse, build, match — shared by window and CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.imports.headers import Mapping, guess_mapping
from planner.imports.site_merge import Incoming, match
from planner.imports.sites import SITE_FIELDS, build_sites
from planner.imports.table import CellError, ParseResult, Table, parse_rows, read_table
from planner.model.site import Catalogue


def load_table(path: Path | str, sheet: str | None = None) -> Table:
    """The sheet's table with its header row found; raises SheetError when the file is unusable."""
    return read_table(path, SITE_FIELDS, sheet)


@dataclass
class SiteImport:
    table: Table
    mapping: Mapping
    parsed: ParseResult
    incoming: list[Incoming]
    errors: list[CellError]          # every bad cell and every refused row, in row order

    @property
    def refused(self) -> list[int]:
        return sorted({e.row for e in self.errors})


def prepare(table: Table, catalogue: Catalogue, mapping: Mapping | None = None,
            source: str = "", taken_ids: set[str] | frozenset[str] = frozenset()) -> SiteImport:
    """Parse every row under `mapping` (guessed from the headers when None); raises MappingError
    when no column holds the name. New ids avoid the catalogue's and `taken_ids` (the open tour's)."""
    chosen = guess_mapping(table.headers, SITE_FIELDS) if mapping is None else mapping
    parsed = parse_rows(table, chosen, SITE_FIELDS)
    rows, row_errors = build_sites(table, parsed, {s.id for s in catalogue.sites} | set(taken_ids),
                                   source or f"import: {table.source}")
    errors = sorted(parsed.errors + row_errors, key=lambda e: (e.row, -1 if e.column is None else e.column))
    return SiteImport(table, chosen, parsed, match(rows, catalogue), errors)
