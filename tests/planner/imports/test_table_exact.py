"""Headers to fields, the header row, the sheet chosen, and each row parsed into values or exact cell errors."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from planner.imports import cells
from planner.imports.headers import (Field, find_header_row, guess_mapping, header_signature, missing_required,
                                     normalize)
from planner.imports.sheet import Grid
from planner.imports.table import CellError, MappingError, ParsedRow, Table, parse_rows, read_table

NAME = Field("name", "名称", "Name", ("教学点",), cells.text, required=True)
OPENS = Field("opens", "开门时间", "Opens", ("开馆时间",), cells.clock)
PEOPLE = Field("max_people", "人数上限", "Max people", ("capacity",), cells.whole(1, 1000))
DAY = Field("day", "日期", "Date", (), cells.text, required=True)
FIELDS = (NAME, OPENS, PEOPLE)


def test_field_labels():
    assert (NAME.label("zh"), NAME.label("en")) == ("名称", "Name")


def test_normalize_drops_units_spaces_and_case():
    assert normalize("时长（分钟）") == "时长" and normalize(" Visit Minutes ") == "visitminutes"
    assert normalize("ＯＰＥＮ_Time") == "opentime" and normalize(None) == "" and normalize(0) == ""


def test_guess_mapping_first_column_and_first_field_win():
    assert guess_mapping(["备注", "教学点", "名称", "CAPACITY", "开馆时间"], FIELDS) == \
        {1: "name", 3: "max_people", 4: "opens"}
    twin = (Field("a", "甲", "A", ("x",), cells.text), Field("b", "乙", "B", ("x",), cells.text))
    assert guess_mapping(["X"], twin) == {0: "a"}
    assert guess_mapping([], FIELDS) == {}


def test_header_row_is_the_first_naming_the_most_fields():
    grid = Grid("s.csv", [(1, ["2025 年清单"]), (3, ["名称", "备注"]), (4, ["名称", "开门时间"]),
                          (5, ["名称", "开门时间"])])
    assert find_header_row(grid, FIELDS) == 2
    assert find_header_row(Grid("s", [(1, ["标题"]), (2, ["名称"])]), FIELDS) == 1
    assert find_header_row(Grid("s", [(1, ["甲"]), (2, ["乙"])]), FIELDS) == 0
    eleventh = Grid("s", [(i, ["说明"]) for i in range(1, 11)] + [(11, ["名称", "开门时间"])])
    assert find_header_row(eleventh, FIELDS) == 0  # only the first ten rows are looked at


def test_header_signature_is_stable_and_tells_header_sets_apart():
    # a remembered mapping is found again by this key, also after an update: it must never change
    assert header_signature(["教学点", "开馆时间", "capacity"]) == "9a202feb45fecb36"
    assert header_signature(["教学点", " 开馆时间（24小时制） ", "CAPACITY"]) == "9a202feb45fecb36"
    assert header_signature(["a"]) != header_signature(["b"])


def test_missing_required_lists_only_required_fields_without_a_column():
    fields = (NAME, OPENS, DAY)
    assert missing_required({}, fields) == [NAME, DAY]
    assert missing_required({0: "name", 1: "opens"}, fields) == [DAY]
    assert missing_required({0: "day", 1: "name"}, fields) == []


def test_table_from_grid_finds_headers_and_keeps_everything_else():
    grid = Grid("s.xlsx", [(1, ["清单"]), (2, [" 名称 ", None, 2025, "  "]), (3, ["甲", "x", 1, None])],
                "教学点", ["封面", "教学点"], "UTF-8")
    assert Table.from_grid(grid, FIELDS) == Table("s.xlsx", ["名称", "", "2025", ""], [(3, ["甲", "x", 1, None])],
                                                  2, "教学点", ["封面", "教学点"], "UTF-8")
    empty = Grid("e.csv", [], "", [], "GB18030")
    assert Table.from_grid(empty, FIELDS) == Table("e.csv", [], [], 1, "", [], "GB18030")


def _workbook(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def test_read_table_picks_the_first_sheet_naming_every_required_field(tmp_path):
    path = _workbook(tmp_path / "s.xlsx", [("封面", [["说明"]]), ("数据", [["名称"], ["甲"]]),
                                           ("其他", [["名称"], ["乙"]])])
    t = read_table(path, FIELDS)
    assert (t.sheet, t.header_row, t.headers, t.rows) == ("数据", 1, ["名称"], [(2, ["甲"])])
    assert read_table(path, FIELDS, "封面").sheet == "封面"
    assert read_table(path, FIELDS, "其他").rows == [(2, ["乙"])]
    third = _workbook(tmp_path / "t.xlsx", [("封面", [["说明"]]), ("备注", [["x"]]), ("数据", [["名称"], ["丙"]])])
    assert read_table(third, FIELDS).sheet == "数据"
    none = _workbook(tmp_path / "n.xlsx", [("甲", [["a"]]), ("乙", [["b"]])])
    assert read_table(none, FIELDS).sheet == "甲"
    first = _workbook(tmp_path / "f.xlsx", [("甲", [["名称"], ["丁"]]), ("乙", [["名称"], ["戊"]])])
    assert read_table(first, FIELDS).sheet == "甲"


def test_parse_rows_values_columns_and_every_bad_cell():
    table = Table("s.csv", ["名称", "开门时间", ""], [
        (2, ["皮革城", "9:00", "30人"]),
        (3, ["某村", None, "三十"]),        # a blank optional cell does not stop the row's later cells
        (5, ["", "25:00"]),                 # short row: the missing cell is blank
        (6, ["乙馆"]),
    ])
    result = parse_rows(table, {2: "max_people", 0: "name", 1: "opens"}, FIELDS)
    assert result.rows == [ParsedRow(2, {"name": "皮革城", "opens": "09:00", "max_people": 30},
                                     {"name": 0, "opens": 1, "max_people": 2}),
                           ParsedRow(6, {"name": "乙馆"}, {"name": 0, "opens": 1, "max_people": 2})]
    assert result.errors == [
        CellError(3, 2, "C", "三十", "“三十” 不是阿拉伯数字（请写作如 30）", "'三十' is not a number (write e.g. 30)"),
        CellError(5, 0, "名称", "", "名称不能为空", "Name is required"),
        CellError(5, 1, "开门时间", "25:00", "“25:00” 不是一天中的时刻（00:00–23:59）",
                  "'25:00' is not a time of day (00:00–23:59)")]
    assert result.refused == [3, 5]
    assert result.errors_in(5) == result.errors[1:] and result.errors_in(2) == []


def test_a_column_beyond_the_headers_is_named_by_its_letter():
    table = Table("s.csv", ["名称"], [(2, ["甲", "三十", "三十"])])
    (err,) = parse_rows(table, {0: "name", 1: "max_people"}, FIELDS).errors
    assert (err.cell, err.header, err.text("en")) == ("B2", "B", "B: '三十' is not a number (write e.g. 30)")
    (err,) = parse_rows(table, {0: "name", 2: "max_people"}, FIELDS).errors
    assert (err.cell, err.header, err.text("en")) == ("C2", "C", "C: '三十' is not a number (write e.g. 30)")


def test_cell_error_where_and_text():
    e = CellError(5, 3, "人数", "x", "原因", "reason")
    assert (e.cell, e.text("zh"), e.text("en")) == ("D5", "人数: 原因", "人数: reason")
    row = CellError(12, None, "", "", "整行", "whole row")
    assert (row.cell, row.text("zh"), row.text("en")) == ("12", "整行", "whole row")


def test_a_mapping_without_required_fields_names_them_all():
    table = Table("x.csv", ["a"], [(2, ["b"])])
    with pytest.raises(MappingError) as caught:
        parse_rows(table, {0: "opens"}, (NAME, OPENS, DAY))
    assert str(caught.value) == "没有对应“名称、日期”的列 (no column for Name, Date)"
