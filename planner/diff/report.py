"""A diff in words: the terminal's text, JSON for scripts, and the one-page 变更通知 for the class."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape

from planner.diff.changes import (ADDED, GROUP_ADDED, GROUP_REMOVED, HEADCOUNT, HOTEL, LEADER, MOVED, REMOVED,
                                  RETIMED, TIPS, VEHICLE, Change, TourDiff)
from planner.io.limits import safe_text
from planner.model.clock import fmt
from planner.model.people import PARTICIPANT_EDITION as PARTICIPANT
from planner.render.people_view import leader_text, vehicle_text

LABELS = {MOVED: "调整", RETIMED: "改时间", ADDED: "新增", REMOVED: "取消", HOTEL: "住宿", VEHICLE: "车辆",
          LEADER: "带队", HEADCOUNT: "人数", GROUP_ADDED: "新增分组", GROUP_REMOVED: "取消分组", TIPS: "每日提示"}


def describe(c: Change) -> str:
    """One line a participant understands, e.g. 改时间 现场教学：梦想小镇：2月24日 12:59–13:59 → 14:00–15:00."""
    label = LABELS[c.kind]
    if c.kind == RETIMED:
        return f"{label} {c.what}：{c.old.when()} → {fmt(c.new.start)}–{fmt(c.new.end)}"
    if c.kind == MOVED:
        old_place = f" {c.old.place}" if c.old.place != c.new.place else ""
        new_place = f" {c.new.place}" if c.old.place != c.new.place else ""
        return f"{label} {c.what}：{c.old.when()}{old_place} → {c.new.when()}{new_place}"
    if c.kind == ADDED:
        return f"{label} {c.what}：{c.new.when()}" + (f" {c.new.place}" if c.new.place not in c.what else "")
    if c.kind == REMOVED:
        return f"{label} {c.what}：原定 {c.old.when()}"
    if c.kind == HOTEL:
        return f"{label} {c.date.month}月{c.date.day}日晚：{c.before or '未定'} → {c.after or '未定'}"
    if c.kind == TIPS:
        return f"{label} {c.date.month}月{c.date.day}日：{c.after or '（已取消）'}"
    if c.kind in (VEHICLE, LEADER, HEADCOUNT):
        return f"{label}：{c.before or '未定'} → {c.after or '未定'}"
    return f"{label} {c.what}"


def condensed(changes: list[Change]) -> list[str]:
    """The notice's lines: every change, except that a day whose times all shift reads as one line (a moved
    visit shifts the rest of the day; the class needs the first new time, not a list)."""
    lines, retimed = [], {}
    for c in changes:
        if c.kind == RETIMED:
            retimed.setdefault(c.new.date, []).append(c)
    for c in changes:
        day = retimed.get(c.new.date, []) if c.kind == RETIMED else []
        if len(day) > 1:
            if c is day[0]:
                lines.append(f"{describe(c)}，其后 {len(day) - 1} 项随之调整")
            continue
        lines.append(describe(c))
    return lines


def render_text(diff: TourDiff) -> str:
    """For a terminal: names with control characters (a group called "\\x1b[2J") show escaped, never act."""
    return "\n".join(safe_text(line, 2000) for line in _text_lines(diff)) + "\n"


def _text_lines(diff: TourDiff) -> list[str]:
    if diff.same:
        return ["两个版本的行程相同。"]
    lines = []
    groups = list(dict.fromkeys(c.group_id for c in diff.changes))
    names = {c.group_id: c.group for c in diff.changes}
    for gid in groups:
        lines.append(names[gid])
        lines += [f"  {describe(c)}" for c in diff.for_group(gid)]
    if diff.sites_changed:
        lines.append("")
        lines.append("需重新发送接待通知单的教学点：")
        for sid in diff.sites_changed:
            site = diff.new.tour.site(sid) or diff.old.tour.site(sid)
            lines.append(f"  {site.name}（{sid}）")
    return lines


def render_json(diff: TourDiff) -> dict:
    return {"same": diff.same, "changes": [dict(c.to_json(), message=describe(c)) for c in diff.changes],
            "sites_changed": diff.sites_changed,
            "by_site": {sid: [describe(c) for c in diff.for_site(sid)] for sid in diff.sites_changed}}


CHANGE_CSS = """
body { font-size: 12pt; color: #111; }
h1 { font-size: 22pt; text-align: center; letter-spacing: 4px; margin-bottom: 2px; }
p.sub { text-align: center; color: #555; font-size: 11pt; }
h3 { font-size: 13pt; margin-top: 10px; margin-bottom: 2px; }
p.item { font-size: 11.5pt; margin-left: 12px; margin-top: 1px; margin-bottom: 1px; }
.sign { text-align: right; }
"""


def for_the_class(diff: TourDiff) -> list[Change]:
    """The changes as participants may read them: leaders and coaches with only the phones they may see
    (the diff itself compares the staff view, so a new private number still re-issues the host notices);
    a change that was only in such a number is left out."""
    t_old, t_new = diff.old.tour, diff.new.tour
    shown = {LEADER: leader_text, VEHICLE: vehicle_text}
    out = []
    for c in diff.changes:
        if c.kind in shown:
            show = shown[c.kind]
            c = replace(c, before=show(t_old, c.group_id, PARTICIPANT), after=show(t_new, c.group_id, PARTICIPANT))
            if c.before == c.after:
                continue
        out.append(c)
    return out


def change_notice_html(diff: TourDiff, print_date: dt.date) -> str:
    """The one-page 变更通知: what changed for the class, group by group."""
    t_old, t_new = diff.old.tour, diff.new.tour
    changes = for_the_class(diff)
    versions = f"{escape(t_old.revision or '原版本')} → {escape(t_new.revision or '新版本')}"
    parts = ["<h1>行 程 变 更 通 知</h1>", f'<p class="sub">{escape(t_new.title)} · {versions}</p>']
    if diff.same:
        parts.append('<p class="item">行程没有变化。</p>')
    names = {c.group_id: c.group for c in changes}
    for gid in dict.fromkeys(c.group_id for c in changes):
        parts.append(f"<h3>{escape(names[gid])}</h3>")
        parts += [f'<p class="item">· {escape(line)}</p>'
                  for line in condensed([c for c in changes if c.group_id == gid])]
    parts.append('<p class="item"><br/>请各位学员以本通知和新版行程手册为准，如有疑问请联系带队。</p>')
    organizer = escape(t_new.organizer or "培训班")
    parts.append(f'<p class="sign"><br/>{organizer}<br/>{print_date.year}年{print_date.month}月{print_date.day}日</p>')
    return f'<html><head><meta charset="utf-8"/></head><body>{"".join(parts)}</body></html>'
