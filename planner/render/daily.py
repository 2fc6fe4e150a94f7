"""Daily sheets (每日行程单): one A4 page per group-day for the bus leader, in large type.

Styles are inline, so the same pages print alone (`export-pdf --daily-only`) or at the end of the
handbook (`--daily`) whatever the surrounding style sheet.
"""

from __future__ import annotations

from html import escape

from planner.model.clock import fmt
from planner.model.people import StaffRole, visible_phone
from planner.model.tour import Group
from planner.render.day_rows import ARRIVAL, LEG, day_rows, hosted
from planner.render.labels import day_label, duration
from planner.render.people_view import STAFF, group_size, leaders, private_for, vehicle_text
from planner.schedule.scheduler import Schedule
from planner.schedule.timeline import DayPlan

DAILY_CSS = """
body { color: #111; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #8a949e; padding: 3px; vertical-align: top; }
table.grid th { background-color: #e4eaf1; font-weight: bold; }
"""
BIG, MID, SMALL = "15pt", "12.5pt", "10.5pt"
SEP = " &nbsp;·&nbsp; "  # between items sharing a line


def _e(text: object) -> str:
    return escape(str(text))


def _keep(text: str) -> str:
    """No line break inside a phone number or a time range."""
    return _e(text).replace(" ", "&nbsp;").replace("-", "&#8209;")


def _leg_row(when: str, what: str) -> str:
    return (f'<tr><td style="font-size: {SMALL}; color: #555; white-space: nowrap;">{when}</td>'
            f'<td colspan="2" style="font-size: {SMALL}; color: #555;">{_e(what)}</td></tr>')


def _timeline(plan: DayPlan, private) -> str:
    rows = []
    if plan.start_site is not None and plan.entries:
        rows.append(f'<tr><td style="font-size: {BIG}; white-space: nowrap;"><b>{fmt(plan.day_start)}</b></td>'
                    f'<td colspan="2" style="font-size: {MID};">从 {_e(plan.start_site.name)} 出发</td></tr>')
    for row in day_rows(plan):
        when = f"{fmt(row.start)}–{fmt(row.end)}" if row.end != row.start else fmt(row.start)
        if row.role == LEG:
            rows.append(_leg_row(when, row.what))
            continue
        if row.role == ARRIVAL:
            if row.end != row.start:  # the drive to tonight's hotel
                rows.append(_leg_row(when, row.what))
            rows.append(f'<tr><td style="font-size: {BIG}; white-space: nowrap;"><b>{fmt(row.end)}</b></td>'
                        f'<td colspan="2" style="font-size: {MID};">抵达 {_e(row.place)}</td></tr>')
            continue
        extra = [x for x in (row.presenter and f"讲解：{row.presenter}",
                             row.contact and f"联系：{private(row.contact)}", row.notes) if x]
        detail = "".join(f'<br/><span style="font-size: {SMALL}; color: #333;">{_keep(x) if "联系" in x else _e(x)}'
                         "</span>" for x in extra)
        place = row.place if row.place and row.place != row.what else ""
        rows.append(f'<tr><td style="font-size: {BIG}; white-space: nowrap;"><b>{when}</b></td>'
                    f'<td style="font-size: {BIG};"><b>{_e(row.what)}</b>{detail}</td>'
                    f'<td style="font-size: {MID};">{_e(row.kind)}<br/>{_e(place)}</td></tr>')
    return ('<table class="grid" width="100%" cellspacing="0"><thead><tr>'
            f'<th width="24%" style="font-size: {MID};">时间</th><th width="52%" style="font-size: {MID};">内容</th>'
            f'<th width="24%" style="font-size: {MID};">形式 / 地点</th></tr></thead>{"".join(rows)}</table>')


def day_contacts(s: Schedule, plan: DayPlan, g: Group, edition: str) -> list[tuple[str, str]]:
    """The day's phones as (who, number or contact) pairs, as the edition may show them: leaders, coaches,
    each host and the hotel, the medics. Printed here in HTML, in day_message as plain text."""
    private = private_for(edition)
    out = [(f"带队：{name} ", phone) for name, phone in leaders(s.tour, g.id, edition)]
    coach = vehicle_text(s.tour, g.id, edition)
    if coach:
        out.append(("车辆：", coach))
    seen = set()
    for e in plan.entries:
        host = hosted(e)
        if host is not None and host.contact and host.id not in seen:
            seen.add(host.id)
            out.append((f"{host.name}：", private(host.contact)))
    hotel = plan.end_site
    if hotel is not None and hotel.contact:
        out.append((f"{hotel.name}：", private(hotel.contact)))
    medics = [m for m in [*s.tour.people.staff_of(g.id), *s.tour.people.staff_of(None)] if m.role is StaffRole.MEDIC]
    out += [(f"医护：{m.name} ", visible_phone(m, edition)) for m in medics]
    return out


def _contacts(s: Schedule, plan: DayPlan, g: Group, edition: str) -> list[str]:
    return [f"{_e(who)}{_keep(number)}" for who, number in day_contacts(s, plan, g, edition)]


def _contact_lines(contacts: list[str], emergency: str) -> str:
    """Two contacts a line and the emergency numbers on one, so a full roster does not push a long day onto
    a second page. Paragraphs, not a table: Qt puts an empty block after a table, which spills onto a
    blank page when the table ends the page."""
    lines = [SEP.join(contacts[i:i + 2]) for i in range(0, len(contacts), 2)] + ([emergency] if emergency else [])
    return "".join(f'<p style="font-size: {MID}; margin-top: 0px; margin-bottom: 0px;">{line}</p>' for line in lines)


def daily_page(s: Schedule, g: Group, plan: DayPlan, edition: str = STAFF, new_page: bool = False) -> str:
    """One group-day. `new_page` breaks before the title rather than after the previous page: an empty
    breaking paragraph after a page that is exactly full would print a blank page."""
    t = s.tour
    brk = " page-break-before: always;" if new_page else ""
    size = group_size(t, g.id)
    facts = " · ".join(x for x in (f"{size} 人" if size else "",
                                   f"车程 {duration(plan.travel_minutes)}（约 {plan.km:.0f} 公里）") if x)
    parts = [
        f'<p style="font-size: {SMALL}; color: #555;{brk}">{_e(t.title)}</p>',
        f'<p style="font-size: 20pt; font-weight: bold; margin-top: 2px; margin-bottom: 2px;">'
        f'<span style="color: {_e(g.colour)};">■</span> {_e(g.name)} · {_e(day_label(plan.date))}</p>',
        f'<p style="font-size: {MID}; margin-bottom: 8px;">每日行程单 · {_e(facts)}</p>',
    ]
    tips = SEP.join(f"<b>{_e(label)}：</b>{_e(text)}" for label, text in plan.day.tips.lines())
    if tips:  # one paragraph: the tips must not push a long day onto a second page
        parts.append(f'<p style="font-size: {BIG}; margin-bottom: 4px;">{tips}</p>')
    parts += [_timeline(plan, private_for(edition))]
    if plan.end_site is not None:
        hotel = plan.end_site
        address = f'<span style="font-size: {MID};">　地址：{_e(hotel.address)}</span>' if hotel.address else ""
        parts.append(f'<p style="font-size: {BIG}; margin-top: 10px;"><b>今晚住宿：</b>{_e(hotel.name)}{address}</p>')
    contacts = _contacts(s, plan, g, edition)
    emergency = "；".join(f"{_e(c.name)} {_keep(visible_phone(c, edition))}" for c in t.people.emergency)
    if contacts or emergency:
        parts.append(f'<p style="font-size: {BIG}; margin-top: 8px;"><b>联系电话</b></p>'
                     + _contact_lines(contacts, emergency and f"紧急：{emergency}"))
    notes = [a.notes for a in plan.day.activities if a.notes]
    if notes:
        parts.append(f'<p style="font-size: {BIG}; margin-top: 12px;"><b>提示与备注</b></p>'
                     + "".join(f'<p style="font-size: {MID};">· {_e(n)}</p>' for n in notes))
    return "".join(parts)


def daily_pages(s: Schedule, groups: list[str] | None = None, edition: str = STAFF) -> str:
    """Every chosen group's days, a page each, group by group (each bus leader takes their own stack)."""
    days = [(g, plan) for g in s.tour.groups if groups is None or g.id in groups
            for plan in sorted(s.group_plans(g.id), key=lambda p: p.date) if plan.entries]
    return "".join(daily_page(s, g, plan, edition, new_page=i > 0) for i, (g, plan) in enumerate(days))


def daily_html(s: Schedule, groups: list[str] | None = None, edition: str = STAFF) -> str:
    return f'<html><head><meta charset="utf-8"/></head><body>{daily_pages(s, groups, edition)}</body></html>'
