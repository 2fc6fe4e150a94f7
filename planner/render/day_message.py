"""A group's day as a WeChat message: the plain text an organizer posts in the class group the evening before.

The same rows, tips and phones as the daily sheet (day_rows, daily.day_contacts), as the edition may show
them. WeChat shows text as typed, so line breaks and full-width brackets carry the layout; nothing is
escaped, and a name is never cut.
"""

from __future__ import annotations

import datetime as dt

from planner.model.clock import fmt
from planner.model.people import PARTICIPANT_EDITION as PARTICIPANT, visible_phone
from planner.render.day_rows import ARRIVAL, LEG, day_rows
from planner.render.daily import day_contacts
from planner.render.labels import day_label
from planner.render.people_view import group_size
from planner.schedule.scheduler import Schedule


def day_message(s: Schedule, group_id: str, date: dt.date, edition: str = PARTICIPANT) -> str:
    g = s.tour.group(group_id)
    if g is None:
        raise KeyError(group_id)
    plan = s.plans.get((group_id, date))
    size = group_size(s.tour, group_id)
    lines = [f"【{g.name} · {day_label(date)} 行程】" + (f"（{size} 人）" if size else "")]
    if plan is None or not plan.entries:
        return "\n".join(lines + ["当天未安排活动"])
    lines += [f"{label}：{text}" for label, text in plan.day.tips.lines()]
    lines.append("")
    if plan.start_site is not None:
        lines.append(f"{fmt(plan.day_start)} 从 {plan.start_site.name} 出发")
    for row in day_rows(plan):
        if row.role == LEG:
            lines.append(f"{fmt(row.start)} {row.what}")
        elif row.role == ARRIVAL:
            if row.what != row.place:  # the drive to the night's place: when the coach leaves, then arrives
                lines.append(f"{fmt(row.start)} {row.what}")
            lines.append(f"{fmt(row.end)} {row.kind}：{row.place}" + (f"（{row.address}）" if row.address else ""))
        else:
            place = f" · {row.place}" if row.place and row.place != row.what else ""
            lines.append(f"{fmt(row.start)}–{fmt(row.end)} {row.kind}：{row.what}{place}")
    notes = [a.notes for a in plan.day.activities if a.notes]
    if notes:
        lines += ["", "提示："] + [f"· {n}" for n in notes]
    contacts = [f"{who}{number}".strip() for who, number in day_contacts(s, plan, g, edition)]
    emergency = "；".join(" ".join(x for x in (c.name, visible_phone(c, edition)) if x)
                         for c in s.tour.people.emergency)
    if contacts or emergency:
        lines += ["", "联系电话："] + contacts + ([f"紧急：{emergency}"] if emergency else [])
    return "\n".join(lines)
