"""`check` output: a readable timeline per group and day, or JSON for scripts."""

from __future__ import annotations

from typing import Any

from planner.model.clock import fmt
from planner.render.labels import day_label, duration
from planner.schedule.problems import SEVERITY_LABELS, Severity
from planner.schedule.scheduler import Schedule
from planner.model.site import SiteKind
from planner.schedule.timeline import DayPlan, Entry
from planner.model.tour import KIND_LABELS, MODE_LABELS, ActivityKind

_T = {
    "zh": {"group": "{name}（{n} 人）", "day_total": "  合计：活动 {act}，交通 {travel}（{km} km），等候 {idle}；"
           "用时 {used}，余量 {slack}", "to_hotel": "返回住地", "arrive": "抵达", "problems": "问题（错误 {e}，警告 {w}，提示 {i}）",
           "none": "没有发现问题。", "leg": "车程 {m} 分 {km} km", "known": "（已知时长）", "start": "出发"},
    "en": {"group": "{name} ({n} people)", "day_total": "  Total: activities {act}, travel {travel} ({km} km), "
           "waiting {idle}; used {used}, slack {slack}", "to_hotel": "back to the hotel", "arrive": "arrive at",
           "problems": "Problems ({e} errors, {w} warnings, {i} info)", "none": "No problems found.",
           "leg": "{m} min {km} km", "known": " (known duration)", "start": "leave"},
}


def entry_label(e: Entry, lang: str) -> str:
    act = e.activity
    idx = 0 if lang == "zh" else 1
    kind = KIND_LABELS[act.kind][idx]
    if act.kind is ActivityKind.TRANSFER and act.mode is not None:
        kind = MODE_LABELS[act.mode][idx] + (f" {act.service}" if act.service else "")
    text = act.title or (e.site.name if e.site is not None else "")
    return f"{kind}：{text}" if lang == "zh" else f"{kind}: {text}"


def _leg(e_minutes: int, km: float, known: bool, lang: str) -> str:
    if e_minutes == 0 and km == 0:
        return ""
    return _T[lang]["leg"].format(m=e_minutes, km=round(km, 1)) + (_T[lang]["known"] if known else "")


def render_day(plan: DayPlan, lang: str = "zh") -> list[str]:
    t = _T[lang]
    lines = [f" {day_label(plan.date, lang)}"]
    if plan.start_site is not None and plan.entries:
        lines.append(f"   {fmt(plan.day_start)}        {t['start']} {plan.start_site.name}")
    for e in plan.entries:
        leg = _leg(e.leg.minutes, e.leg.km, e.leg.known, lang)
        place = e.site.name if e.site is not None and e.activity.title not in ("", e.site.name) else ""
        lines.append(f"   {fmt(e.start)}–{fmt(e.end)}  {entry_label(e, lang)}"
                     + (f" @ {place}" if place else "") + (f"  [{leg}]" if leg else ""))
    if plan.end_site is not None:
        leg = _leg(plan.final_leg.minutes, plan.final_leg.km, plan.final_leg.known, lang)
        verb = t["to_hotel"] if plan.end_site.kind is SiteKind.HOTEL else t["arrive"]
        lines.append(f"   {fmt(plan.day_end)}        {verb} {plan.end_site.name}"
                     + (f"  [{leg}]" if leg else ""))
    lines.append(t["day_total"].format(act=duration(plan.activity_minutes, lang),
                                       travel=duration(plan.travel_minutes, lang), km=plan.km,
                                       idle=duration(plan.idle_minutes, lang),
                                       used=duration(plan.used_minutes, lang),
                                       slack=duration(plan.slack, lang)))
    return lines


def render_text(result: Schedule, lang: str = "zh") -> str:
    t = _T[lang]
    tour = result.tour
    lines = [tour.title, f"{tour.start_date} – {tour.end_date}", ""]
    for group in tour.groups:
        lines.append(t["group"].format(name=group.name, n=group.headcount))
        for plan in sorted(result.group_plans(group.id), key=lambda p: p.date):
            lines += render_day(plan, lang)
        lines.append("")
    counts = {s: result.count(s) for s in Severity}
    lines.append(t["problems"].format(e=counts[Severity.ERROR], w=counts[Severity.WARNING],
                                      i=counts[Severity.INFO]))
    if not result.problems:
        lines.append("  " + t["none"])
    idx = 0 if lang == "zh" else 1
    for p in result.problems:
        lines.append(f"  [{SEVERITY_LABELS[p.severity][idx]}] {p.code}: {p.message(lang)}")
    return "\n".join(lines) + "\n"


def entry_json(e: Entry) -> dict[str, Any]:
    return {
        "activity": e.activity.id, "kind": e.activity.kind.value,
        "site": e.site.id if e.site is not None else None,
        "title": e.activity.title or (e.site.name if e.site is not None else ""),
        "depart": fmt(e.depart), "arrive": fmt(e.arrive), "start": fmt(e.start), "end": fmt(e.end),
        "leave": fmt(e.end), "minutes": e.duration, "wait_minutes": e.wait,
        "leg": {"km": e.leg.km, "minutes": e.leg.minutes, "known": e.leg.known,
                "to": e.leg_to.id if e.leg_to is not None else None},
    }


def day_json(plan: DayPlan) -> dict[str, Any]:
    return {
        "group": plan.group_id, "date": plan.date.isoformat(),
        "start_site": plan.day.start, "end_site": plan.day.end,
        "day_start": fmt(plan.day_start), "day_end": fmt(plan.day_end),
        "timeline": [entry_json(e) for e in plan.entries],
        "final_leg": {"km": plan.final_leg.km, "minutes": plan.final_leg.minutes,
                      "known": plan.final_leg.known},
        "totals": {"activity_minutes": plan.activity_minutes, "travel_minutes": plan.travel_minutes,
                   "idle_minutes": plan.idle_minutes, "km": plan.km, "visits": plan.visits,
                   "used_minutes": plan.used_minutes, "slack_minutes": plan.slack},
    }


def render_json(result: Schedule, lang: str = "zh") -> dict[str, Any]:
    tour = result.tour
    return {
        "tour": {"title": tour.title, "start_date": tour.start_date.isoformat(),
                 "end_date": tour.end_date.isoformat()},
        "days": [day_json(result.plans[(g.id, d.date)])
                 for g in tour.groups for d in sorted(g.days, key=lambda d: d.date)],
        "problems": [p.to_json(lang) for p in result.problems],
        "summary": {s.value: result.count(s) for s in Severity},
    }
