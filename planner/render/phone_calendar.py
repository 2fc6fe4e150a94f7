"""Phone calendars: one .ics per group, an event per activity, in China time.

UIDs are built from the tour, group and activity ids, so importing a newer export updates the events
already on the phone instead of adding a second copy; SEQUENCE grows with the export time for the same
reason (a calendar keeps the copy with the higher sequence).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from planner.model.clock import fmt
from planner.model.tour import Group, Tour
from planner.render.day_rows import hosted, kind_label, what_label
from planner.render.filenames import file_stem
from planner.render.people_view import leader_text, private_for, vehicle_text
from planner.schedule.scheduler import Schedule
from planner.schedule.timeline import DayPlan, Entry

CHINA = ZoneInfo("Asia/Shanghai")
PARTICIPANT = "participant"
EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
REMIND_BEFORE_DEPARTURE = 10  # minutes: time to gather at the coach


def tour_key(title: str) -> str:
    return hashlib.sha1(title.strip().encode("utf-8")).hexdigest()[:12]


def event_uid(title: str, group_id: str, activity_id: str) -> str:
    return f"{tour_key(title)}.{group_id}.{activity_id}@study-tour-planner"


def at(date: dt.date, minutes: int) -> dt.datetime:
    """A scheduler time on a date; minutes past midnight roll over to the next day."""
    return dt.datetime.combine(date, dt.time(0), CHINA) + dt.timedelta(minutes=minutes)


def _description(tour: Tour, plan: DayPlan, e: Entry, g: Group, edition: str) -> str:
    act, host = e.activity, hosted(e)
    lines = [f"{kind_label(e)}：{what_label(e)}"]
    if e.index == 0:  # the day's first event carries its 每日提示
        lines += [f"{label}：{text}" for label, text in plan.day.tips.lines()]
    if e.leg.moves:
        origin = f"，{fmt(e.depart)} 乘车出发" if e.depart < e.start else ""
        lines.append(f"车程约 {e.leg.minutes} 分钟（{e.leg.km:.0f} 公里）{origin}")
    presenter = act.presenter or (host.presenter if host else "")
    if presenter:
        lines.append(f"讲解/主讲：{presenter}")
    if host is not None and host.contact:
        lines.append(f"接待联系人：{private_for(edition)(host.contact)}")
    leader, coach = leader_text(tour, g.id, edition), vehicle_text(tour, g.id, edition)
    if leader:
        lines.append(f"带队：{leader}")
    if coach:
        lines.append(f"车辆：{coach}")
    if act.notes:
        lines.append(f"备注：{act.notes}")
    if act.joint:
        lines.append("联合活动（多组同场）")
    return "\n".join(lines)


def _event(tour: Tour, g: Group, plan: DayPlan, e: Entry, stamp: dt.datetime, sequence: int,
           edition: str) -> Event:
    ev = Event()
    ev.add("uid", event_uid(tour.title, g.id, e.activity.id or str(e.index)))
    ev.add("dtstamp", stamp)
    ev.add("last-modified", stamp)
    ev.add("sequence", sequence)
    ev.add("dtstart", at(plan.date, e.start))
    ev.add("dtend", at(plan.date, e.end))
    ev.add("summary", what_label(e) or kind_label(e))
    if e.site is not None:
        ev.add("location", "，".join(x for x in (e.site.name, e.site.address) if x))
        ev.add("geo", (e.site.lat, e.site.lon))
    ev.add("description", _description(tour, plan, e, g, edition))
    ev.add("categories", [kind_label(e)])
    if e.leg.moves:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{fmt(e.depart)} 乘车前往 {e.leg_to.name if e.leg_to else ''}")
        alarm.add("trigger", -dt.timedelta(minutes=e.start - e.depart + REMIND_BEFORE_DEPARTURE))
        ev.add_component(alarm)
    return ev


def group_calendar(s: Schedule, g: Group, stamp: dt.datetime, edition: str = PARTICIPANT) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Study-Tour Planner//研学行程//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{s.tour.title} · {g.name}")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    cal.add("x-apple-calendar-color", g.colour)
    sequence = max(0, int((stamp - EPOCH).total_seconds() // 60))
    for plan in sorted(s.group_plans(g.id), key=lambda p: p.date):
        for e in plan.entries:
            cal.add_component(_event(s.tour, g, plan, e, stamp, sequence, edition))
    cal.add_missing_timezones()
    return cal


def calendar_files(s: Schedule, groups: list[str] | None = None, stamp: dt.datetime | None = None,
                   edition: str = PARTICIPANT) -> list[tuple[str, bytes]]:
    """(file name, bytes) for each chosen group; calendars go to everyone's phones, so by default they show
    only the phones participants may see (a leader's, when the roster marks it shared)."""
    when = stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return [(file_stem(g.id, g.name) + ".ics", group_calendar(s, g, when, edition).to_ical())
            for g in s.tour.groups if groups is None or g.id in groups]
