"""Which column holds which field: header aliases (Chinese and English), the guessed mapping, and the
signature under which the window remembers a mapping the user corrected.

A mapping is `{column index: field key}`; columns not in it are ignored. The engine never guesses
behind the user's back: `guess_mapping` proposes, the caller may override, `parse_rows` obeys.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planner.imports.sheet import Grid

Mapping = dict[int, str]


@dataclass(frozen=True)
class Field:
    """A target field: its key, labels for the mapping dialog, header aliases and its cell parser.

    `parse(value)` returns the parsed value or raises `CellProblem`; it is never called on a blank cell.
    """

    key: str
    zh: str
    en: str
    aliases: tuple[str, ...]
    parse: Callable[[object], object]
    required: bool = False

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


_DROP = re.compile(r"[（(【\[].*?[）)】\]]|[\s\u3000_\-—:：*＊/／.。·]")


def normalize(header: object) -> str:
    """'时长（分钟）' → '时长', ' Visit Minutes ' → 'visitminutes': what aliases are compared with."""
    text = unicodedata.normalize("NFKC", str(header or "")).lower()
    return _DROP.sub("", text)


def _alias_index(fields: Sequence[Field]) -> dict[str, str]:
    index: dict[str, str] = {}
    for f in fields:
        for alias in (f.key, f.zh, f.en, *f.aliases):
            index.setdefault(normalize(alias), f.key)
    return index


def guess_mapping(headers: Sequence[object], fields: Sequence[Field]) -> Mapping:
    """Columns whose header is a known alias; when two columns claim a field, the first keeps it."""
    index = _alias_index(fields)
    mapping: Mapping = {}
    for i, h in enumerate(headers):
        key = index.get(normalize(h))
        if key is not None and key not in mapping.values():
            mapping[i] = key
    return mapping


def find_header_row(grid: Grid, fields: Sequence[Field], look: int = 10) -> int:
    """Index in `grid.rows` of the header row: the one among the first rows naming the most fields.

    Sheets from hosts often open with a title row (“2025年教学点清单”) or a note above the headers.
    """
    best, best_hits = 0, -1
    for i, (_, values) in enumerate(grid.rows[:look]):
        hits = len(guess_mapping(values, fields))
        if hits > best_hits:
            best, best_hits = i, hits
    return best


def header_signature(headers: Sequence[object]) -> str:
    """A short stable key for a header set, under which a corrected mapping is remembered."""
    joined = "|".join(normalize(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def missing_required(mapping: Mapping, fields: Sequence[Field]) -> list[Field]:
    chosen = set(mapping.values())
    return [f for f in fields if f.required and f.key not in chosen]
