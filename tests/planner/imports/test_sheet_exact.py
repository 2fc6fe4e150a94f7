"""Reading sheets: exact cells and row numbers, every encoding and layout, and one exact message per unusable file."""

from __future__ import annotations

from datetime import time

import pytest
from openpyxl import Workbook

from planner.imports.sheet import MAX_BYTES, MAX_ROWS, Grid, SheetError, blank, read_grid


def message(path, sheet=None) -> str:
    with pytest.raises(SheetError) as caught:
        read_grid(path, sheet)
    return str(caught.value)


def test_csv_keeps_row_numbers_drops_blank_rows_and_trims_empty_columns(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("名称,时长,,\n\n, ,,\n甲馆,90,,\n乙馆\n", encoding="utf-8")
    assert read_grid(path) == Grid("s.csv", [(1, ["名称", "时长"]), (4, ["甲馆", "90"]), (5, ["乙馆", None])],
                                   encoding="UTF-8")


def test_a_cell_keeps_its_line_break_exactly(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes('名称,简介\r\n甲馆,"第一行\r\n第二行"\r\n'.encode("utf-8"))
    assert read_grid(path).rows[1][1] == ["甲馆", "第一行\r\n第二行"]


def test_rows_after_a_cell_with_a_line_break_are_numbered_as_excel_shows_them(tmp_path):
    # a quoted cell with a line break is one row in Excel and WPS: the rows after it keep their numbers
    path = tmp_path / "s.csv"
    path.write_bytes('名称,简介\r\n甲馆,"第一行\r\n第二行"\r\n乙馆,x\r\n'.encode("utf-8"))
    assert read_grid(path).rows == [(1, ["名称", "简介"]), (2, ["甲馆", "第一行\r\n第二行"]), (3, ["乙馆", "x"])]


def test_a_one_column_list_is_not_split_at_its_spaces(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Site name\nOld Town\nNew Park\n", encoding="utf-8")
    assert [v for _, v in read_grid(path).rows] == [["Site name"], ["Old Town"], ["New Park"]]


@pytest.mark.parametrize("codec,label", [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16")])
def test_utf16_either_byte_order(tmp_path, codec, label):
    path = tmp_path / "s.txt"
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    path.write_bytes(bom + "名称\t时长\r\n甲馆\t90\r\n".encode(codec))
    grid = read_grid(path)
    assert (grid.encoding, grid.rows) == (label, [(1, ["名称", "时长"]), (2, ["甲馆", "90"])])


def test_a_utf8_bom_is_not_part_of_the_first_header(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "名称,时长\n甲馆,90\n".encode("utf-8"))
    grid = read_grid(path)
    assert grid.encoding == "UTF-8 (BOM)" and grid.rows[0] == (1, ["名称", "时长"])


def test_a_nul_byte_after_the_first_4_kib_is_kept_as_text(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(b"a\n" + b"b" * 4094 + b"\x00\n")
    rows = read_grid(path).rows
    assert rows[0] == (1, ["a"]) and rows[1][1] == ["b" * 4094 + "\x00"]


def test_csv_row_limit(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("名称\n" * MAX_ROWS, encoding="utf-8")
    assert len(read_grid(path).rows) == MAX_ROWS
    path.write_text("名称\n" * (MAX_ROWS + 1), encoding="utf-8")
    assert message(path) == "s.csv: 超过 20000 行，不像教学点或名单 (more than 20000 rows)"


def test_xlsx_first_sheet_by_default_with_typed_cells_and_row_numbers(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "教学点"
    ws.append(["名称", "时长", "开门", None, None])
    ws.append([])
    ws.append(["甲馆", 90, time(9, 30), None, "=1+1"])
    wb.create_sheet("备注").append(["别的"])
    path = tmp_path / "s.xlsx"
    wb.save(path)
    grid = read_grid(path)
    # a formula cell gives its computed value (none saved here), never its formula text
    assert grid == Grid("s.xlsx", [(1, ["名称", "时长", "开门"]), (3, ["甲馆", 90, time(9, 30)])], "教学点",
                        ["教学点", "备注"])
    assert read_grid(path, "备注").rows == [(1, ["别的"])] and read_grid(path, "备注").sheet == "备注"
    assert message(path, "名单") == "s.xlsx: 没有工作表 “名单”；有：教学点、备注 (no sheet '名单')"


@pytest.mark.parametrize("content,expected", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "bad.csv: 这是旧版 Excel (.xls) 文件，请另存为 .xlsx 或 CSV (old .xls format: save it as .xlsx or CSV)"),
    (b"PK\x03\x04 junk", "bad.csv: 不是可读的 .xlsx 文件 (not a readable .xlsx workbook: File is not a zip file)"),
    (b"a,b\n\x00\x01", "bad.csv: 不是表格文本（含二进制内容），请选择 .xlsx 或 CSV 文件 (binary content: not a CSV file)"),
    (b"abc\xff", "bad.csv: 既不是 UTF-8 也不是 GBK/GB18030 文本（第 3 字节） "
                 "(neither UTF-8 nor GBK/GB18030 text at byte 3)"),
    (b'a,"' + b"y" * 200_000 + b'"\n',
     "bad.csv: 第 1 行无法解析 (CSV line 1: field larger than field limit (131072))"),
])
def test_unusable_files_get_one_exact_message(tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert message(path) == expected


def test_unreadable_paths(tmp_path):
    assert message(tmp_path / "nope.csv") == f"{tmp_path / 'nope.csv'}: 文件不存在 (file not found)"
    assert message(tmp_path) == f"{tmp_path}: 这是一个文件夹，不是文件 (is a directory)"
    (tmp_path / "f.txt").write_text("x")
    assert message(tmp_path / "f.txt" / "x") == f"{tmp_path / 'f.txt' / 'x'}: 无法读取 (cannot read): Not a directory"
    (tmp_path / "s.csv").write_text("名称\n甲\n", encoding="utf-8")
    assert message(tmp_path / "s.csv", "名单") == \
        "s.csv: CSV 文件没有工作表，不能选择 “名单” (a CSV file has no sheets to choose from)"


def test_file_size_limit(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as f:  # sparse: costs no disk
        f.truncate(MAX_BYTES + 1)
    assert message(path) == "big.csv: 文件过大（超过 50 MB） (file too large)"
    with open(path, "r+b") as f:
        f.truncate(MAX_BYTES)
    assert "binary content" in message(path)  # exactly at the limit it is read (and found to be zeros)


def test_blank():
    assert [blank(v) for v in (None, "", "  ", "\u3000", 0, 0.0, "x", False)] == \
        [True, True, True, True, False, False, False, False]
