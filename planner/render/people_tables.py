"""The roster as tables: 分组名单, 住宿安排, 乘车安排, 工作人员及紧急联系 for the handbook, and the workbook's
people sheets.

Rows are plain text; a column empty in every row is dropped; phones come only from visible_phone, so the
participant edition never shows a participant's phone, room or seat.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from planner.model.people import GENDER_LABELS, ROLE_LABELS, StaffRole, visible_id_number, visible_phone
from planner.model.tour import Group, Tour

STAFF = "staff"
PHONE_COLUMNS = {"电话", "司机电话", "酒店电话", "带队及电话", "车辆"}  # kept on one line: no number is split
Table = tuple[list[str], list[list[str]]]
# Qt draws no border round a cell with its own style unless the style repeats it
NOWRAP = "white-space: nowrap; border: 1px solid #8a949e; padding: 3px;"


def drop_empty(headers: list[str], rows: list[list[str]], keep: int = 2) -> Table:
    """Leave out columns with nothing in any row (the first `keep` always stay)."""
    cols = [i for i in range(len(headers)) if i < keep or any(r[i] for r in rows)]
    return [headers[i] for i in cols], [[r[i] for i in cols] for r in rows]


def roster_table(tour: Tour, group_id: str | None, edition: str, id_numbers: bool = False) -> Table:
    """Participants of a group (None: all) in roster order; the staff edition adds phone, room and seat, and
    with `id_numbers` the ID number (the organizers' workbook: hotels and insurers ask for it)."""
    names = {g.id: g.name for g in tour.groups}
    people = [p for p in tour.people.participants if group_id is None or p.group == group_id]
    staff = edition == STAFF
    headers = ["序号", "姓名", "性别", "单位职务"] + (["分组"] if group_id is None else []) + (
        ["电话", "房间", "座位", "民族", "饮食", "备注"] if staff else []) + (["证件号"] if id_numbers else [])
    rows = []
    for i, p in enumerate(people, 1):
        row = [str(i), p.name, GENDER_LABELS[p.gender][0] if p.gender else "", p.unit]
        if group_id is None:
            row.append(names.get(p.group or "", "未分组"))
        if staff:
            row += [visible_phone(p, edition), p.room, p.seat, p.ethnicity, p.diet, p.notes]
        if id_numbers:
            row.append(visible_id_number(p, edition))
        rows.append(row)
    return drop_empty(headers, rows)


def hotel_table(tour: Tour, groups: list[Group], edition: str) -> Table:
    """Per night and group: hotel, address, phone, check-in notes; the staff edition lists the rooms."""
    notes = {(n.group, n.date): n.notes for n in tour.people.nights}
    people = {p.id: p.name for p in [*tour.people.participants, *tour.people.staff]}
    sites = tour.site_index()  # looked up once: a site scan per night was quadratic on a big tour
    rooms_of: dict[tuple[str, dt.date], list] = {}
    for r in tour.people.rooms:
        rooms_of.setdefault((r.group, r.date), []).append(r)
    days = {g.id: {d.date: d for d in g.days} for g in groups}
    rows = []
    for date in tour.dates():
        for g in groups:
            day = days[g.id].get(date)
            hotel = sites.get(day.end) if day is not None and day.end is not None else None
            if hotel is None:
                continue
            rooms = ""
            if edition == STAFF:
                rooms = "；".join(f"{r.number}：{'、'.join(people.get(o, o) for o in r.occupants)}"
                                 for r in rooms_of.get((g.id, date), []))
            rows.append([f"{date.month}月{date.day}日", g.name, hotel.name, hotel.address, hotel.contact,
                         notes.get((g.id, date), ""), rooms])
    return drop_empty(["日期", "分组", "酒店", "地址", "酒店电话", "入住说明", "房间安排"], rows)


def coach_table(tour: Tour, groups: list[Group], edition: str) -> Table:
    """Each group's coaches: plate, seats, driver and phone (as the edition allows), and who rides."""
    rows = []
    for g in groups:
        riders = [p.name for p in tour.people.in_group(g.id)] + [s.name for s in tour.people.staff_of(g.id)]
        for v in tour.people.vehicles_of(g.id):
            rows.append([g.name, v.plate, str(v.seats or ""), v.driver, visible_phone(v, edition),
                         f"{len(riders)} 人：" + "、".join(riders) if riders else ""])
    return drop_empty(["分组", "车牌", "座位", "司机", "司机电话", "乘车人员"], rows)


ROLE_ORDER = {role: i for i, role in enumerate(ROLE_LABELS)}  # 班主任, 领队, 联络员, 医护, 司机, 讲解


def staff_table(tour: Tour, groups: list[Group], edition: str) -> Table:
    """Every staff member serving the chosen groups or the whole tour, by role, with the phone the edition
    may show (the workbook's 工作人员 sheet)."""
    names = {g.id: g.name for g in tour.groups}
    chosen = {g.id for g in groups}
    people = sorted((s for s in tour.people.staff if s.group is None or s.group in chosen),
                    key=lambda s: ROLE_ORDER[s.role])
    rows = [[ROLE_LABELS[s.role][0], s.name, names.get(s.group or "", "全团"), visible_phone(s, edition), s.notes]
            for s in people]
    return drop_empty(["职责", "姓名", "服务", "电话", "备注"], rows)


def crew_table(tour: Tour, group_id: str | None, edition: str) -> Table:
    """One group's staff by role (None: those serving the whole tour), then its coach drivers not already
    listed as staff, each with the phone the edition may show."""
    staff = sorted(tour.people.staff_of(group_id), key=lambda s: ROLE_ORDER[s.role])
    rows = [[ROLE_LABELS[s.role][0], s.name, visible_phone(s, edition), s.notes] for s in staff]
    listed = {s.name for s in staff}
    for v in tour.people.vehicles_of(group_id) if group_id is not None else []:
        if v.driver and v.driver not in listed:
            rows.append([ROLE_LABELS[StaffRole.DRIVER][0], v.driver, visible_phone(v, edition),
                         f"车牌 {v.plate}" if v.plate else ""])
    return drop_empty(["职责", "姓名", "电话", "备注"], rows)


def emergency_table(tour: Tour) -> Table:
    """Hospital, the organizer's duty phone …: the same in every edition (they exist to be called)."""
    rows = [[c.name, visible_phone(c, STAFF), c.address, c.notes] for c in tour.people.emergency]
    return drop_empty(["名称", "电话", "地址", "备注"], rows, keep=1)


def staff_section(tour: Tour, groups: list[Group], edition: str) -> str:
    """工作人员及紧急联系: whole-tour staff, each group's staff and drivers, the emergency numbers; "" if none."""
    parts = []
    for title, gid in [("全团", None), *((g.name, g.id) for g in groups)]:
        table = crew_table(tour, gid, edition)
        if table[1]:
            parts.append(f"<h3>{escape(title)}</h3>" + table_html(table))
    emergency = emergency_table(tour)
    if emergency[1]:
        parts.append("<h3>紧急联系</h3>" + table_html(emergency))
    return "".join(parts)


def table_html(table: Table) -> str:
    """A grid table; phone numbers never wrap inside a number."""
    headers, rows = table
    phones = {i for i, h in enumerate(headers) if h in PHONE_COLUMNS}

    def cell(i: int, text: str) -> str:
        shown = escape(text) or "&nbsp;"  # Qt draws no borders round an empty cell: the grid looked torn
        if i in phones:  # the column takes the number's width; no line break inside it
            return f'<td style="{NOWRAP}">{shown}</td>'
        return f"<td>{shown}</td>"

    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<table class="grid" width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>{body}</table>'


def people_sections(tour: Tour, groups: list[Group], edition: str) -> list[tuple[str, str, str]]:
    """(anchor, title, html) of the handbook's roster sections that have content, in print order."""
    out = []
    if any(tour.people.in_group(g.id) for g in groups):
        parts = [f"<h3>{escape(g.name)}（{len(tour.people.in_group(g.id))} 人）</h3>"
                 + table_html(roster_table(tour, g.id, edition)) for g in groups if tour.people.in_group(g.id)]
        out.append(("roster", "分组名单", "".join(parts)))
    hotels = hotel_table(tour, groups, edition)
    if hotels[1]:
        out.append(("hotels", "住宿安排", table_html(hotels)))
    coaches = coach_table(tour, groups, edition)
    if coaches[1]:
        out.append(("coaches", "乘车安排", table_html(coaches)))
    staff = staff_section(tour, groups, edition)
    if staff:
        out.append(("staff", "工作人员及紧急联系", staff))
    return out
