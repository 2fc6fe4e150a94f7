"""The generic spreadsheet engine: reading .xlsx and CSV in every usual encoding, headers, cells."""

from __future__ import annotations

from datetime import time

import pytest
from openpyxl import Workbook

from planner.imports import cells
from planner.imports.cells import CellProblem
from planner.imports.headers import Field, guess_mapping, header_signature
from planner.imports.sheet import SheetError, column_letter, read_grid
from planner.imports.table import MappingError, Table, parse_rows

ROWS = [["名称", "开门时间", "人数上限"], ["皮革城", "09:00", "30"], ["某村", "25:00", "三十"]]
FIELDS = (Field("name", "名称", "Name", ("教学点",), cells.text, required=True),
          Field("opens", "开门时间", "Opens", ("开馆时间",), cells.clock),
          Field("max_people", "人数上限", "Max people", ("capacity",), cells.whole(1, 1000)))


@pytest.mark.parametrize("encoding,label", [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"),
                                            ("gbk", "GB18030"), ("gb18030", "GB18030")])
def test_csv_in_each_encoding_reads_the_same_cells(tmp_path, encoding, label):
    path = tmp_path / "sites.csv"
    path.write_bytes("\r\n".join(",".join(r) for r in ROWS).encode(encoding))
    grid = read_grid(path)
    assert grid.encoding == label
    assert [v for _, v in grid.rows] == ROWS


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    path = tmp_path / "sites.txt"
    path.write_bytes("\r\n".join("\t".join(r) for r in ROWS).encode("utf-16"))
    grid = read_grid(path)
    assert grid.encoding == "UTF-16" and [v for _, v in grid.rows] == ROWS


def test_tab_and_semicolon_separated_csv(tmp_path):
    for sep in ("\t", ";"):
        path = tmp_path / "s.csv"
        path.write_text("\n".join(sep.join(r) for r in ROWS), encoding="utf-8")
        assert read_grid(path).rows[1][1] == ["皮革城", "09:00", "30"]


def test_xlsx_chosen_sheet_keeps_row_numbers_and_typed_cells(tmp_path):
    wb = Workbook()
    wb.active.title = "封面"
    wb.active.append(["不是这张"])
    ws = wb.create_sheet("教学点")
    ws.append(["2025 年教学点清单"])
    ws.append([])
    for r in ROWS:
        ws.append(r)
    ws.append(["时间单元格", time(9, 30), 20])
    path = tmp_path / "s.xlsx"
    wb.save(path)
    grid = read_grid(path, "教学点")
    assert grid.sheets == ["封面", "教学点"] and grid.sheet == "教学点"
    assert grid.rows[-1] == (6, ["时间单元格", time(9, 30), 20])
    table = Table.from_grid(grid, FIELDS)
    assert table.header_row == 3 and table.headers == ROWS[0]
    with pytest.raises(SheetError, match="没有工作表 “名单”"):
        read_grid(path, "名单")


@pytest.mark.parametrize("content,message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, r"\.xls"),
    (b"PK\x03\x04 not really a zip", "not a readable .xlsx"),
    (b"\x00\x01\x02binary", "binary content"),
])
def test_unusable_files_get_one_message(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(SheetError, match=message):
        read_grid(path)


def test_missing_file(tmp_path):
    with pytest.raises(SheetError, match="file not found"):
        read_grid(tmp_path / "nope.xlsx")


def test_headers_recognised_through_aliases_units_and_case():
    headers = ["教学点", " 开馆时间（24小时制） ", "CAPACITY", "备注", "名称"]
    assert guess_mapping(headers, FIELDS) == {0: "name", 1: "opens", 2: "max_people"}
    assert header_signature(headers) == header_signature(["教学点", "开馆时间", "capacity", "备注", "名称"])
    assert header_signature(headers) != header_signature(headers[:-1])


def test_parse_rows_gives_good_rows_and_every_bad_cell_with_its_reason(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("\n".join(",".join(r) for r in ROWS + [["", "10:00", "5"]]), encoding="utf-8")
    table = Table.from_grid(read_grid(path), FIELDS)
    result = parse_rows(table, guess_mapping(table.headers, FIELDS), FIELDS)
    assert [(r.row, r.values) for r in result.rows] == [(2, {"name": "皮革城", "opens": "09:00", "max_people": 30})]
    assert [(e.cell, e.header, e.value) for e in result.errors] == [
        ("B3", "开门时间", "25:00"), ("C3", "人数上限", "三十"), ("A4", "名称", "")]
    assert "00:00–23:59" in result.errors[0].en and "不是阿拉伯数字" in result.errors[1].zh
    assert result.refused == [3, 4]


def test_a_mapping_without_the_required_field_is_refused():
    table = Table("x.csv", ["a"], [(2, ["b"])])
    with pytest.raises(MappingError, match="名称"):
        parse_rows(table, {0: "opens"}, FIELDS)


@pytest.mark.parametrize("value,expected", [
    ("9:00", "09:00"), ("09:30", "09:30"), ("9点半", "09:30"), ("14点", "14:00"), ("9：00", "09:00"),
    (time(8, 15), "08:15"), (0.375, "09:00"), (0.5, "12:00"), (0.99999, None),
])
def test_clock(value, expected):
    if expected is None:  # 0.99999 of a day rounds to 24:00, which is no time of day
        with pytest.raises(CellProblem):
            cells.clock(value)
    else:
        assert cells.clock(value) == expected


@pytest.mark.parametrize("value", ["25:00", "9:60", "nine", 1.5, -0.1])
def test_clock_refuses(value):
    with pytest.raises(CellProblem):
        cells.clock(value)


@pytest.mark.parametrize("value,expected", [
    (90, 90), ("90分钟", 90), ("1.5小时", 90), ("1小时30分", 90), ("1h30", 90), ("2h", 120), (time(1, 30), 90),
    ("01:30", 90)])
def test_minutes(value, expected):
    assert cells.minutes(value) == expected


@pytest.mark.parametrize("value", ["一个半小时", "90.5", 800, "abc"])
def test_minutes_refuses(value):
    with pytest.raises(CellProblem):
        cells.minutes(value)


def test_hours_closed_days_whole_numbers_and_lists():
    assert cells.hours("09:00-11:30，13:30-17:00") == [("09:00", "11:30"), ("13:30", "17:00")]
    assert cells.hours("全天") == []
    with pytest.raises(CellProblem, match="does not end after"):
        cells.hours("17:00-09:00")
    assert cells.closed_days("每周一闭馆") == ([1], False)
    assert cells.closed_days("周一、周日及法定节假日") == ([1, 7], True)
    assert cells.closed_days("Mon, Sun") == ([1, 7], False)
    assert cells.closed_days("1,7") == ([1, 7], False)
    with pytest.raises(CellProblem):
        cells.closed_days("看情况")
    assert cells.whole(1, 99)("30人") == 30 and cells.whole(1, 99)(12.0) == 12
    with pytest.raises(CellProblem, match="not a number"):
        cells.whole(1, 99)("三十")
    with pytest.raises(CellProblem, match="outside"):
        cells.whole(1, 99)(100)
    assert cells.items("乡村振兴、文旅融合; 数字经济") == ["乡村振兴", "文旅融合", "数字经济"]


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
