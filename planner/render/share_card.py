"""A phone-sized itinerary card (for WeChat): a group's day or whole route as HTML for Qt to paint.

Sizes are in CSS pixels of a 1080-pixel-wide image: large enough to read on a phone without zooming.
The route map is referenced as the image "route"; the painter supplies it (ui/exports/share_image.py).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from planner.model.clock import fmt
from planner.model.site import SiteKind
from planner.model.tour import Group
from planner.render.day_rows import ARRIVAL, LEG, day_places, day_rows
from planner.render.labels import day_label, short_date
from planner.model.people import visible_phone
from planner.render.people_view import group_size, leader_text, vehicle_text
from planner.schedule.scheduler import Schedule
from planner.schedule.timeline import DayPlan

PARTICIPANT = "participant"  # a shared image is seen by everyone in the group chat
WIDTH = 1080
MARGIN = 48
MAP_W, MAP_H = WIDTH - 2 * MARGIN, (WIDTH - 2 * MARGIN) * 2 // 3


def _e(text: object) -> str:
    return escape(str(text))


def on_colour(colour: str) -> str:
    """White text on a dark group colour, near-black on a light one (WCAG relative luminance)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lum = sum(w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
              for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b)))
    return "#ffffff" if lum < 0.4 else "#111111"


def _day(plan: DayPlan, colour: str) -> str:
    rows = []
    if plan.start_site is not None and plan.entries:
        rows.append(_row(fmt(plan.day_start), f"从 {plan.start_site.name} 出发", "", "#555555", 30))
    for row in day_rows(plan):
        when = f"{fmt(row.start)}–{fmt(row.end)}" if row.end != row.start else fmt(row.start)
        if row.role == LEG:
            rows.append(_row(when, row.what, "", "#777777", 26))
        elif row.role == ARRIVAL:
            if row.end != row.start:  # the drive to tonight's hotel
                rows.append(_row(when, row.what, "", "#777777", 26))
            rows.append(_row(fmt(row.end), f"抵达 {row.place}", "", "#333333", 30))
        else:
            place = row.place if row.place and row.place != row.what else ""
            rows.append(_row(when, row.what, place, "#111111", 36, bold=True))
    head = (f'<p style="font-size: 40px; font-weight: bold; color: {_e(colour)}; margin-top: 28px; '
            f'margin-bottom: 8px;">{_e(day_label(plan.date))}</p>')
    tips = "".join(f'<p style="font-size: 30px; margin-bottom: 4px;"><b>{_e(label)}：</b>{_e(text)}</p>'
                   for label, text in plan.day.tips.lines())
    table = tips + f'<table width="100%" cellspacing="0" cellpadding="10">{"".join(rows)}</table>'
    hotel = (f'<p style="font-size: 30px; margin-top: 6px;">今晚住宿：{_e(plan.end_site.name)}</p>'
             if plan.end_site is not None else "")
    return head + table + hotel


def _summary(plan: DayPlan, colour: str) -> str:
    """A day in a whole-route card: date, set-off time, places in order, tonight's hotel (the day's own
    image has the full timeline; a month of timelines would be taller than any phone shows)."""
    places = " → ".join(_e(p) for p in day_places(plan)) or "（无现场教学）"
    start = f'<span style="color: #555555;">{fmt(plan.day_start)} 出发　</span>' if plan.start_site else ""
    end = plan.end_site
    verb = "住" if end is not None and end.kind is SiteKind.HOTEL else "抵达"
    hotel = (f'<br/><span style="font-size: 26px; color: #555555;">{verb}：{_e(end.name)}</span>'
             if end is not None else "")
    return (f'<p style="font-size: 34px; font-weight: bold; color: {_e(colour)}; margin-top: 22px; '
            f'margin-bottom: 4px;">{_e(day_label(plan.date))}</p>'
            f'<p style="font-size: 30px;">{start}{places}{hotel}</p>')


def _row(when: str, what: str, place: str, colour: str, size: int, bold: bool = False) -> str:
    weight = "bold" if bold else "normal"
    sub = (f'<br/><span style="font-size: {size - 8}px; color: #555555; font-weight: normal;">{_e(place)}</span>'
           if place else "")
    return (f'<tr><td width="30%" style="font-size: {size}px; color: {colour}; white-space: nowrap;">{when}</td>'
            f'<td style="font-size: {size}px; color: {colour}; font-weight: {weight};">{_e(what)}{sub}</td></tr>')


def card_html(s: Schedule, g: Group, date: dt.date | None = None, edition: str = PARTICIPANT) -> str:
    """One group's whole route (date None) or one day; the route map sits under the title."""
    plans = [p for p in sorted(s.group_plans(g.id), key=lambda p: p.date) if p.entries]
    if date is not None:
        plans = [p for p in plans if p.date == date]
    t = s.tour
    when = day_label(date) if date is not None else (
        f"{short_date(plans[0].date)} – {short_date(plans[-1].date)}" if plans else "")
    size = group_size(t, g.id)
    facts = " · ".join(x for x in (f"{size} 人" if size else "", vehicle_text(t, g.id, edition)) if x)
    contact = leader_text(t, g.id, edition)
    ink = on_colour(g.colour)
    header = (f'<p style="font-size: 28px; color: {ink};">{_e(t.title)}</p>'
              f'<p style="font-size: 60px; font-weight: bold; color: {ink}; margin-top: 6px;">{_e(g.name)}</p>'
              f'<p style="font-size: 34px; color: {ink};">{_e(when)}' + (f" · {_e(facts)}" if facts else "") + "</p>")
    parts = [f'<p><img src="route" width="{MAP_W}" height="{MAP_H}"/></p>']
    parts += [_day(p, g.colour) if date is not None else _summary(p, g.colour) for p in plans]
    if contact:
        parts.append(f'<p style="font-size: 30px; margin-top: 30px;">带队：{_e(contact)}</p>')
    for c in t.people.emergency:  # on the phone that needs them
        parts.append(f'<p style="font-size: 26px; color: #555555;">紧急：{_e(c.name)} '
                     f'{_e(visible_phone(c, edition))}</p>')
    parts.append('<p style="font-size: 22px; color: #999999; margin-top: 30px;">研学行程 · Study-Tour Planner'
                 + (f" · 版本 {_e(t.revision)}" if t.revision else "") + "</p>")
    body = (f'<table width="100%" cellspacing="0" cellpadding="{MARGIN}" bgcolor="{_e(g.colour)}"><tr><td>'
            f'{header}</td></tr></table>'
            f'<table width="100%" cellspacing="0" cellpadding="{MARGIN}"><tr><td>{"".join(parts)}</td></tr></table>')
    return f'<html><body>{body}</body></html>'
