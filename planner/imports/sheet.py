"""Read a spreadsheet (.xlsx or CSV) into a plain grid of cells, whatever the file's encoding.

Organizers receive sheets saved by Excel, WPS or a host's own system: .xlsx, CSV in UTF-8 (with or
without the BOM Excel writes) or in GBK/GB18030, separated by commas, tabs or semicolons. All of
them become a `Grid`: rows of cell values, each remembering its row number in the file so every
message can point at the cell the user sees.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from planner.io.errors import PlannerError

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000
"""A site list or a roster has hundreds of rows; far more means the wrong file was chosen."""


class SheetError(PlannerError):
    """The file cannot be read as a table; the message names the file and the problem."""


@dataclass
class Grid:
    source: str                                   # file name, for messages
    rows: list[tuple[int, list[object]]]          # (row number in the file, 1-based; cell values)
    sheet: str = ""                               # chosen worksheet ("" for CSV)
    sheets: list[str] = field(default_factory=list)
    encoding: str = ""                            # CSV only: "UTF-8", "UTF-8 (BOM)" or "GB18030"


def read_grid(path: Path | str, sheet: str | None = None) -> Grid:
    """The cells of an .xlsx worksheet (the first one unless `sheet` names another) or of a CSV file."""
    p = Path(path)
    raw = _read_bytes(p)
    if raw[:4] == b"PK\x03\x04":
        return _read_xlsx(p, raw, sheet)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise SheetError(f"{p.name}: 这是旧版 Excel (.xls) 文件，请另存为 .xlsx 或 CSV "
                         f"(old .xls format: save it as .xlsx or CSV)")
    if sheet:
        raise SheetError(f"{p.name}: CSV 文件没有工作表，不能选择 “{sheet}” "
                         f"(a CSV file has no sheets to choose from)")
    return _read_csv(p, raw)


def _read_bytes(p: Path) -> bytes:
    try:
        if p.stat().st_size > MAX_BYTES:
            raise SheetError(f"{p.name}: 文件过大（超过 {MAX_BYTES // 2**20} MB） (file too large)")
        return p.read_bytes()
    except FileNotFoundError:
        raise SheetError(f"{p}: 文件不存在 (file not found)") from None
    except IsADirectoryError:
        raise SheetError(f"{p}: 这是一个文件夹，不是文件 (is a directory)") from None
    except OSError as e:
        raise SheetError(f"{p}: 无法读取 (cannot read): {e.strerror}") from None


def _read_xlsx(p: Path, raw: bytes, sheet: str | None) -> Grid:
    from openpyxl import load_workbook  # imported here: CSV users and start-up do not pay for it

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise SheetError(f"{p.name}: 不是可读的 .xlsx 文件 (not a readable .xlsx workbook: {e})") from None
    try:
        names = list(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise SheetError(f"{p.name}: 没有工作表 “{sheet}”；有：{'、'.join(names)} "
                             f"(no sheet '{sheet}')")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows: list[tuple[int, list[object]]] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            _count(p, number)
            rows.append((number, list(values)))
        return Grid(p.name, _trim(rows), ws.title, names)
    finally:
        book.close()


def _count(p: Path, number: int) -> None:
    if number > MAX_ROWS:
        raise SheetError(f"{p.name}: 超过 {MAX_ROWS} 行，不像教学点或名单 (more than {MAX_ROWS} rows)")


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding label). UTF-8 first: GBK bytes are almost never valid UTF-8, the reverse often is.

    Excel's "Unicode text" export is UTF-16 with a byte-order mark (and tabs), so that is read too.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as e:
        raise SheetError(f"既不是 UTF-8 也不是 GBK/GB18030 文本（第 {e.start} 字节）"
                         f" (neither UTF-8 nor GBK/GB18030 text at byte {e.start})") from None


def _read_csv(p: Path, raw: bytes) -> Grid:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetError(f"{p.name}: 不是表格文本（含二进制内容），请选择 .xlsx 或 CSV 文件 "
                         f"(binary content: not a CSV file)")
    try:
        text, encoding = decode(raw)
    except SheetError as e:
        raise SheetError(f"{p.name}: {e}") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[tuple[int, list[object]]] = []
    try:
        for number, values in enumerate(reader, start=1):  # records, as Excel numbers rows: a quoted
            _count(p, number)                                 # line break does not start a new row
            rows.append((number, list(values)))
    except csv.Error as e:
        raise SheetError(f"{p.name}: 第 {reader.line_num} 行无法解析 (CSV line {reader.line_num}: {e})") from None
    return Grid(p.name, _trim(rows), encoding=encoding)


def _delimiter(text: str) -> str:
    head = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters=",\t;").delimiter
    except csv.Error:
        return ","


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _trim(rows: list[tuple[int, list[object]]]) -> list[tuple[int, list[object]]]:
    """Drop empty rows and the empty columns spreadsheets often carry on the right."""
    kept = [(n, v) for n, v in rows if not all(blank(c) for c in v)]
    width = max((max((i + 1 for i, c in enumerate(v) if not blank(c)), default=0) for _, v in kept),
                default=0)
    return [(n, (v + [None] * width)[:width]) for n, v in kept]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how the user finds a column in Excel or WPS."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
