"""The Excel workbook (行程表.xlsx) for the 组织部: an overview, one sheet per group, sites and problems.

Times and dates are real Excel values (not text), so the office can sort, filter and re-time the plan.
Every sheet is set up to print: landscape A4, one page wide, the header repeated on each page.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.model.clock import fmt
from planner.model.site import KIND_LABELS as SITE_KINDS
from planner.model.tour import Group
from planner.render.day_rows import LEG, TEACHING, day_places, day_rows, hotel_name, tips_text
from planner.render.labels import day_label, weekday_of
from planner.render.people_view import group_size, leader_text, private_for, vehicle_text
from planner.render.people_tables import (STAFF, Table, coach_table, emergency_table, hotel_table, roster_table,
                                          staff_table)
from planner.schedule.problems import SEVERITY_LABELS
from planner.schedule.scheduler import Schedule

FONT = "等线"  # Excel's and WPS's default CJK font; both fall back sensibly where it is missing
TITLE = Font(name=FONT, size=14, bold=True)
HEAD = Font(name=FONT, size=10.5, bold=True, color="FFFFFF")
BODY = Font(name=FONT, size=10.5)
MUTED = Font(name=FONT, size=10, color="555555", italic=True)
HEAD_FILL = PatternFill("solid", fgColor="1A3D6D")
THIN = Side(style="thin", color="8A949E")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top")
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]+")
DATE_FORMAT = 'm"月"d"日"'
TIME_FORMAT = "hh:mm"
LINE_POINTS = 14.5  # one line of 10.5 pt text with its leading


def clock(minutes: int) -> dt.time | str:
    """An Excel time; past midnight (a late arrival) stays text, as Excel times wrap at 24:00."""
    return dt.time(minutes // 60, minutes % 60) if 0 <= minutes < 1440 else fmt(minutes)


def sheet_name(name: str, taken: set[str]) -> str:
    """Excel's rules: ≤ 31 characters, none of []:*?/\\, unique ignoring case."""
    base = SHEET_NAME_BAD.sub("_", name).strip("'") or "分组"
    base = (base + "_" if base.lower() == "history" else base)[:31]  # Excel reserves "History"
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f"({n})"
        candidate, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _units(text: str) -> int:
    """Display width in Excel's units: CJK characters take two."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _fit_rows(ws: Worksheet, first_row: int, widths: list[float]) -> None:
    """Row heights for wrapped text, written into the file: LibreOffice (and some WPS versions) keep one line
    per row when no height is given, and print long place lists cut off."""
    for row in ws.iter_rows(min_row=first_row, max_col=len(widths)):
        lines = 1
        for cell, width in zip(row, widths):
            if isinstance(cell.value, str) and cell.value:
                usable = max(1.0, width - 1.5)
                lines = max(lines, sum(max(1, math.ceil(_units(part) / usable)) for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = LINE_POINTS * lines + 3


def _print_setup(ws: Worksheet, header_row: int, widths: list[float], title: str) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _fit_rows(ws, header_row + 1, widths)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddHeader.center.font = FONT
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = FONT


def _cell(ws: Worksheet, row: int, col: int, value: object):
    """Every value goes in as data: control characters (which make Excel refuse the file) are dropped, and
    text typed as "=SUM(…)" stays text, never a formula in the office's Excel."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=col, value=value)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _header(ws: Worksheet, row: int, labels: list[str]) -> None:
    for col, label in enumerate(labels, start=1):
        cell = _cell(ws, row, col, label)
        cell.font, cell.fill, cell.border, cell.alignment = HEAD, HEAD_FILL, GRID, CENTRE


def _styles(wb: Workbook) -> None:
    """Named cell styles, registered once: assigning a name is far cheaper than a font, border and alignment
    per cell (openpyxl hashes each), and a 20-group, 30-day tour has ~100 000 cells."""
    for name, font in (("body", BODY), ("muted", MUTED)):
        for suffix, number_format in (("", "General"), ("-time", TIME_FORMAT), ("-date", DATE_FORMAT)):
            wb.add_named_style(NamedStyle(name=name + suffix, font=font, border=GRID, alignment=WRAP,
                                          number_format=number_format))


def _put(ws: Worksheet, row: int, values: list[object], font: Font = BODY) -> None:
    base = "muted" if font is MUTED else "body"
    for col, value in enumerate(values, start=1):
        cell = _cell(ws, row, col, value)
        suffix = "-time" if isinstance(value, dt.time) else "-date" if isinstance(value, dt.date) else ""
        cell.style = base + suffix


def _title(ws: Worksheet, text: str, sub: str = "") -> int:
    _cell(ws, 1, 1, text).font = TITLE
    if sub:
        _cell(ws, 2, 1, sub).font = MUTED
        return 4
    return 3


def overview_sheet(wb: Workbook, s: Schedule, groups: list[Group]) -> None:
    ws = wb.active
    ws.title = "总览"
    t = s.tour
    sub = " · ".join(x for x in (t.organizer, f"{t.start_date.isoformat()} 至 {t.end_date.isoformat()}",
                                 f"版本 {t.revision}" if t.revision else "") if x)
    head = _title(ws, t.title, sub)
    _header(ws, head, ["日期", "星期"] + [g.name for g in groups])
    for r, date in enumerate(t.dates(), start=head + 1):
        cells: list[object] = [date, weekday_of(date.isoweekday())]
        for g in groups:
            plan = s.plan(g.id, date)
            text = " → ".join(day_places(plan))
            hotel = hotel_name(plan)
            cells.append(text + (f"\n住：{hotel}" if hotel else ""))
        _put(ws, r, cells)
    _print_setup(ws, head, [9, 6] + [38] * len(groups), t.title)


def group_sheet(wb: Workbook, s: Schedule, g: Group, name: str, edition: str = STAFF) -> None:
    ws = wb.create_sheet(name)
    lead, coach = leader_text(s.tour, g.id, edition), vehicle_text(s.tour, g.id, edition)  # roster first
    private = private_for(edition)  # host phones only in the staff edition, as in the handbook
    size = group_size(s.tour, g.id)
    facts = [f"人数 {size} 人" if size else "", f"带队 {lead}" if lead else "",
             f"车辆 {coach}" if coach else ""]
    head = _title(ws, f"{g.name} 行程", " · ".join(x for x in facts if x))
    _header(ws, head, ["日期", "开始", "结束", "类别", "内容", "地点", "地址", "讲解/带队", "联系人", "备注"])
    row = head + 1
    for plan in sorted(s.group_plans(g.id), key=lambda p: p.date):
        if not plan.day.tips.is_empty():
            meet = plan.day.tips.meet_time
            _put(ws, row, [plan.date, meet, None, "每日提示", tips_text(plan), plan.day.tips.meet_at, "", "", "",
                           ""])
            row += 1
        if plan.start_site is not None and plan.entries:
            _put(ws, row, [plan.date, clock(plan.day_start), None, "出发", f"从 {plan.start_site.name} 出发",
                           plan.start_site.name, plan.start_site.address, "", "", ""], MUTED)
            row += 1
        for item in day_rows(plan):
            _put(ws, row, [plan.date, clock(item.start), clock(item.end), item.kind, item.what, item.place,
                           item.address, item.presenter, private(item.contact), item.notes],
                 MUTED if item.role == LEG else BODY)
            row += 1
    _print_setup(ws, head, [9, 7, 7, 10, 30, 24, 30, 12, 18, 20], f"{s.tour.title} · {g.name}")
    ws.auto_filter.ref = f"A{head}:J{max(row - 1, head)}"


def sites_sheet(wb: Workbook, s: Schedule, groups: list[Group], edition: str = STAFF) -> None:
    private = private_for(edition)
    ws = wb.create_sheet("教学点")
    head = _title(ws, "教学点一览")
    _header(ws, head, ["名称", "类别", "地区", "地址", "纬度", "经度", "开放时间", "闭馆", "最多组数",
                       "最多人数", "专题", "联系人", "讲解", "安排"])
    visits: dict[str, list[str]] = {}
    for g in groups:
        for plan in sorted(s.group_plans(g.id), key=lambda p: p.date):
            for e in plan.entries:
                if e.site is not None and e.site.kind in TEACHING:
                    visits.setdefault(e.site.id, []).append(f"{day_label(plan.date)} {fmt(e.start)} {g.name}")
    row = head + 1
    for site in s.tour.sites:
        if site.kind not in TEACHING:
            continue
        hours = "、".join(f"{h.start:%H:%M}–{h.end:%H:%M}" for h in site.hours) or "不限"
        closed = "、".join(weekday_of(d) for d in site.closed_weekdays) + (
            "、法定节假日" if site.closed_on_holidays else "")
        _put(ws, row, [site.name, SITE_KINDS[site.kind][0], f"{site.province}{site.city}{site.county}",
                       site.address, site.lat, site.lon, hours, closed.strip("、"), site.max_groups,
                       site.max_people, "、".join(site.topics), private(site.contact), site.presenter,
                       "\n".join(visits.get(site.id, []))])
        row += 1
    _print_setup(ws, head, [28, 10, 18, 30, 9, 9, 14, 14, 8, 8, 20, 18, 12, 28], "教学点一览")
    ws.auto_filter.ref = f"A{head}:N{max(row - 1, head)}"


def problems_sheet(wb: Workbook, s: Schedule) -> None:
    ws = wb.create_sheet("问题")
    head = _title(ws, "检查发现的问题")
    _header(ws, head, ["级别", "代码", "分组", "日期", "说明"])
    names = {g.id: g.name for g in s.tour.groups}
    row = head + 1
    for p in s.problems:
        group = "、".join(names.get(gid, gid) for gid in (p.groups or ((p.group_id,) if p.group_id else ())))
        _put(ws, row, [SEVERITY_LABELS[p.severity][0], p.code, group, p.date, p.message()])
        row += 1
    if row == head + 1:
        _put(ws, row, ["", "", "", None, "没有发现问题。"])
    _print_setup(ws, head, [7, 20, 14, 9, 90], "检查发现的问题")


def _width(texts: list[str]) -> float:
    """Excel column width for the longest text: CJK characters take two units."""
    longest = max((_units(t) for t in texts), default=4)
    return max(6, min(48, longest + 2))


def table_sheet(wb: Workbook, name: str, table: Table) -> None:
    """A roster table (names, hotels, coaches, staff) as a printable, filterable sheet."""
    headers, rows = table
    ws = wb.create_sheet(name)
    head = _title(ws, name)
    _header(ws, head, headers)
    for r, row in enumerate(rows, start=head + 1):
        _put(ws, r, row)
    _print_setup(ws, head, [_width([h, *(row[i] for row in rows)]) for i, h in enumerate(headers)], name)
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(headers))}{max(head, head + len(rows))}"


def people_sheets(wb: Workbook, s: Schedule, chosen: list[Group], edition: str, taken: set[str]) -> None:
    """名单, 住宿, 车辆, 工作人员, 紧急联系: each only when the roster has something for it."""
    t = s.tour
    tables = [("名单", roster_table(t, None, edition, id_numbers=True) if t.people.participants else ([], [])),
              ("住宿", hotel_table(t, chosen, edition)), ("车辆", coach_table(t, chosen, edition)),
              ("工作人员", staff_table(t, chosen, edition)), ("紧急联系", emergency_table(t))]
    for name, table in tables:
        if table[1]:
            table_sheet(wb, sheet_name(name, taken), table)


def build_workbook(s: Schedule, groups: list[str] | None = None, stamp: dt.datetime | None = None,
                   edition: str = STAFF) -> Workbook:
    chosen = [g for g in s.tour.groups if groups is None or g.id in groups]
    wb = Workbook()
    wb.properties.title = s.tour.title
    wb.properties.creator = "研学行程 · Study-Tour Planner"
    when = stamp or dt.datetime.now().replace(microsecond=0)
    wb.properties.created = wb.properties.modified = when
    _styles(wb)
    overview_sheet(wb, s, chosen)
    taken = {"总览", "教学点", "问题"}
    for g in chosen:
        group_sheet(wb, s, g, sheet_name(g.name, taken), edition)
    people_sheets(wb, s, chosen, edition, taken)
    sites_sheet(wb, s, chosen, edition)
    if edition == STAFF:  # as in the handbook: the open problems are the organizers' business
        problems_sheet(wb, s)
    return wb


def workbook_bytes(s: Schedule, groups: list[str] | None = None, stamp: dt.datetime | None = None,
                   edition: str = STAFF) -> bytes:
    buffer = io.BytesIO()
    build_workbook(s, groups, stamp, edition).save(buffer)
    return buffer.getvalue()
