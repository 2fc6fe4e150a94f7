"""Roster (学员名单) import on the shared engine: the fields a 组织部 sheet uses, and participants built from
good rows, with each group cell matched to a tour group and each person matched against the roster.

    table = load_roster_table(path)
    imp = prepare_roster(table, tour)          # imp.incoming: RosterRow; imp.errors: CellError
    people = apply_roster(tour, imp.incoming)  # a new People for ReplacePeople / saving
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from planner.imports.cells import CellProblem, plain, text
from planner.imports.headers import Field, Mapping, guess_mapping
from planner.imports.sheet import blank
from planner.imports.table import CellError, ParsedRow, ParseResult, Table, parse_rows, read_table
from planner.model.people import Gender, Participant, People, new_person_id, person_keys
from planner.model.tour import Tour


def gender(value: object) -> Gender:
    v = plain(value).lower()
    if v in ("男", "m", "male", "男性"):
        return Gender.MALE
    if v in ("女", "f", "female", "女性"):
        return Gender.FEMALE
    raise CellProblem(f"“{plain(value)}” 不是性别（男/女）", f"'{plain(value)}' is not a gender (男/女, M/F)")


def phone(value: object) -> str:
    """Excel keeps long numbers as numbers (13900001111.0); text cells keep their spaces and dashes."""
    v = plain(value)
    if not re.fullmatch(r"[0-9+\-\s()（）]*\d[0-9+\-\s()（）]*", v):
        raise CellProblem(f"“{v}” 不是电话号码", f"'{v}' is not a phone number")
    return v


def id_number(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 10**15:
        # Excel keeps 15 significant digits: an 18-digit 身份证号 typed as a number has lost its last ones
        raise CellProblem("证件号被 Excel 存成了数字，末几位已丢失：请把该列设为“文本”后重新填写",
                          "Excel stored the ID number as a number and lost its last digits: "
                          "format the column as text and enter it again")
    v = plain(value).upper().replace(" ", "")
    if not re.fullmatch(r"[0-9A-Z\-]{1,30}", v):
        raise CellProblem(f"“{plain(value)}” 不是证件号", f"'{plain(value)}' is not an ID number")
    return v


ROSTER_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", "Name", ("名字", "学员姓名", "学员", "full name"), text, required=True),
    Field("gender", "性别", "Gender", ("sex",), gender),
    Field("unit", "单位职务", "Unit and position", ("单位及职务", "工作单位及职务", "单位职务职级", "工作单位",
                                                "单位", "unit", "organisation", "organization"), text),
    Field("position", "职务", "Position", ("职位", "现任职务", "职务职级", "title", "job title"), text),
    Field("phone", "手机", "Phone", ("电话", "手机号", "手机号码", "联系电话", "联系方式", "mobile", "tel"), phone),
    Field("group", "组别", "Group", ("分组", "小组", "组", "所在组"), text),
    Field("room", "房间", "Room", ("房号", "房间号", "住宿"), text),
    Field("seat", "座位", "Seat", ("座位号", "车座", "座次"), text),
    Field("ethnicity", "民族", "Ethnicity", ("ethnic",), text),
    Field("diet", "饮食", "Diet", ("饮食禁忌", "饮食要求", "饮食习惯", "忌口", "dietary"), text),
    Field("id_number", "身份证号", "ID number", ("身份证", "身份证号码", "证件号", "证件号码", "idnumber", "id no"),
          id_number),
    Field("notes", "备注", "Notes", ("remark", "remarks"), text),
)

_NUMERALS = dict(zip("一二三四五六七八九十", range(1, 11)))


def group_number(name: str) -> int | None:
    """'第3组', '3组', 'G3', '三组', '第十组' → the number; names without one → None."""
    digits = re.search(r"\d+", name)
    if digits:
        return int(digits.group())
    found = re.search(r"[一二三四五六七八九十]+", name)
    if not found:
        return None
    chars = found.group()
    if chars.startswith("十"):
        return 10 + (_NUMERALS[chars[1]] if len(chars) > 1 else 0)
    if len(chars) > 1 and chars[1] == "十":
        return _NUMERALS[chars[0]] * 10 + (_NUMERALS[chars[2]] if len(chars) > 2 else 0)
    return _NUMERALS[chars[0]]


def match_group(tour: Tour, cell: str) -> str | None:
    """The tour group a sheet's group cell means: same name, same id, or same number (1组 = 第一组)."""
    fold = unicodedata.normalize("NFKC", cell).strip().lower()
    for g in tour.groups:
        if fold in (unicodedata.normalize("NFKC", g.name).lower(), g.id):
            return g.id
    number = group_number(fold)
    if number is None:
        return None
    hits = [g.id for g in tour.groups if group_number(g.name) == number]
    return hits[0] if len(hits) == 1 else None


@dataclass
class RosterRow:
    row: int
    person: Participant
    duplicate: Participant | None = None   # the roster's line for the same person
    action: str = "add"                    # add | skip | replace


@dataclass
class RosterImport:
    table: Table
    mapping: Mapping
    parsed: ParseResult
    incoming: list[RosterRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)

    @property
    def refused(self) -> list[int]:
        return sorted({e.row for e in self.errors})


def load_roster_table(path: Path | str, sheet: str | None = None) -> Table:
    """The named sheet, else the first one with a 姓名 column (a workbook may open on a cover sheet)."""
    return read_table(path, ROSTER_FIELDS, sheet)


def prepare_roster(table: Table, tour: Tour, mapping: Mapping | None = None,
                   on_duplicate: str = "skip") -> RosterImport:
    """Parse and build; raises MappingError when no column holds the name."""
    chosen = guess_mapping(table.headers, ROSTER_FIELDS) if mapping is None else mapping
    parsed = parse_rows(table, chosen, ROSTER_FIELDS)
    imp = RosterImport(table, chosen, parsed, errors=list(parsed.errors))
    imp.errors += _groups_of_refused_rows(table, chosen, parsed, tour)
    known = {k: p for p in tour.people.participants for k in person_keys(p)}
    first_row: dict[tuple[str, ...], int] = {}
    people = tour.people.model_copy()
    people.participants = list(people.participants)
    for r in parsed.rows:
        person = _participant(r, tour, people, table, imp.errors)
        if person is None:
            continue
        keys = person_keys(person)
        again = next((first_row[k] for k in keys if k in first_row), None)
        if again is not None:
            imp.errors.append(_error(r, "name", table, f"与第 {again} 行是同一人", f"same person as row {again}"))
            continue
        first_row.update({k: r.row for k in keys})
        people.participants.append(person)  # so the next new id is fresh
        duplicate = next((known[k] for k in keys if k in known), None)
        imp.incoming.append(RosterRow(r.row, person, duplicate, on_duplicate if duplicate else "add"))
    imp.errors.sort(key=lambda e: (e.row, -1 if e.column is None else e.column))
    return imp


def _participant(r: ParsedRow, tour: Tour, people: People, table: Table, errors: list[CellError]
                 ) -> Participant | None:
    v = dict(r.values)
    position = v.pop("position", "")
    if position:
        v["unit"] = f"{v.get('unit', '')} {position}".strip()
    cell = v.pop("group", None)
    if cell is not None:
        v["group"] = match_group(tour, str(cell))
        if v["group"] is None:
            errors.append(_group_error(tour, table, r.row, r.columns["group"], str(cell)))
            return None
    try:
        return Participant.model_validate({**v, "id": new_person_id(people, "p")})
    except ValidationError as e:
        for err in e.errors(include_url=False):
            key = str(err["loc"][0]) if err["loc"] else "name"
            errors.append(_error(r, "unit" if key == "unit" and "unit" in r.columns else key, table,
                                 err["msg"], err["msg"]))
        return None


def _group_error(tour: Tour, table: Table, row: int, col: int, cell: str) -> CellError:
    names = "、".join(g.name for g in tour.groups) or "—"
    header = table.headers[col] if col < len(table.headers) else ""
    return CellError(row, col, header, cell, f"没有名为“{cell}”的组（本班有：{names}）",
                     f"no group '{cell}' in the tour (it has: {names})")


def _groups_of_refused_rows(table: Table, mapping: Mapping, parsed: ParseResult, tour: Tour) -> list[CellError]:
    """A row refused for one cell still gets its group checked, so the user fixes the row in one go."""
    col = next((c for c, key in mapping.items() if key == "group"), None)
    if col is None:
        return []
    refused = set(parsed.refused)
    out = []
    for number, cells in table.rows:
        cell = cells[col] if col < len(cells) else None
        if number in refused and not blank(cell) and match_group(tour, text(cell)) is None:
            out.append(_group_error(tour, table, number, col, text(cell)))
    return out


def _error(r: ParsedRow, key: str, table: Table, zh: str, en: str) -> CellError:
    col = r.columns.get(key)
    header = table.headers[col] if col is not None and col < len(table.headers) else ""
    return CellError(r.row, col, header, "" if col is None else str(r.values.get(key, "")), zh, en)


def apply_roster(tour: Tour, incoming: list[RosterRow]) -> People:
    """A copy of the tour's people with the rows applied: added, skipped, or replacing the old line."""
    people = tour.people.model_copy(deep=True)
    for row in incoming:
        if row.action == "skip":
            continue
        if row.action == "replace" and row.duplicate is not None:
            at = next(i for i, p in enumerate(people.participants) if p.id == row.duplicate.id)
            people.participants[at] = row.person.model_copy(update={"id": row.duplicate.id})
        else:
            people.participants.append(row.person)
    return people
