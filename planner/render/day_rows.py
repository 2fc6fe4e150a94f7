"""A computed day as rows of plain text: one source for every export (Excel, calendars, sheets, images).

Each row keeps the scheduler's minutes, so an export shows exactly the times the board shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model.site import Site, SiteKind
from planner.model.tour import KIND_LABELS, MODE_LABELS, ActivityKind, TransferMode
from planner.schedule.timeline import HOURS_APPLY, DayPlan, Entry

TEACHING = {SiteKind.ENTERPRISE, SiteKind.PARK, SiteKind.VILLAGE, SiteKind.GOVERNMENT, SiteKind.VENUE}

LEG, ACTIVITY, ARRIVAL = "leg", "activity", "arrival"


@dataclass(frozen=True)
class Row:
    """One line of a day: a coach leg, an activity, or the arrival for the night."""

    role: str
    start: int            # minutes since midnight
    end: int
    kind: str = ""        # 现场教学, 大巴 …
    what: str = ""
    place: str = ""
    address: str = ""
    presenter: str = ""
    contact: str = ""
    notes: str = ""
    entry: Entry | None = None

    @property
    def is_leg(self) -> bool:
        return self.role == LEG


def kind_label(e: Entry, lang: str = "zh") -> str:
    act, idx = e.activity, 0 if lang == "zh" else 1
    if act.kind is ActivityKind.TRANSFER and act.mode is not None:
        return MODE_LABELS[act.mode][idx]
    return KIND_LABELS[act.kind][idx]


def what_label(e: Entry) -> str:
    act = e.activity
    text = act.title or (e.site.name if e.site is not None else "")
    if act.kind is ActivityKind.TRANSFER and act.service:
        text += f"（{act.service}）"
    return text


def hosted(e: Entry) -> Site | None:
    """The site that receives the group for this activity (not a hotel lunch, not a station)."""
    if e.site is not None and e.activity.kind in HOURS_APPLY:
        return e.site
    return None


def leg_text(minutes: int, km: float, to: str, known: bool = False) -> str:
    label = "乘车（已知时长）" if known else "乘车"
    return f"{label} {minutes} 分钟（约 {km:.0f} 公里）→ {to}"


def boarding_text(e: Entry) -> str:
    """A train's or plane's time at the station before it leaves (tickets, security, boarding), as printed:
    "候车 30 分钟 · 杭州东站"; empty for the rest."""
    act = e.activity
    if act.kind is not ActivityKind.TRANSFER or act.mode not in (TransferMode.RAIL, TransferMode.FLIGHT) \
            or e.wait <= 0:
        return ""
    where = e.leg_to.name if e.leg_to is not None else ""
    return f"{'候机' if act.mode is TransferMode.FLIGHT else '候车'} {e.wait} 分钟" + (f" · {where}" if where else "")


def day_rows(plan: DayPlan) -> list[Row]:
    rows: list[Row] = []
    for e in plan.entries:
        if e.leg.moves:
            to = e.leg_to.name if e.leg_to is not None else ""
            rows.append(Row(LEG, e.depart, e.arrive, kind="乘车",
                            what=leg_text(e.leg.minutes, e.leg.km, to, e.leg.known), place=to, entry=e))
        boarding = boarding_text(e)
        if boarding:
            rows.append(Row(LEG, e.arrive, e.start, kind=boarding[:2], what=boarding,
                            place=e.leg_to.name if e.leg_to is not None else "", entry=e))
        host = hosted(e)
        act = e.activity
        notes = act.notes + ("（联合）" if act.joint else "")
        rows.append(Row(ACTIVITY, e.start, e.end, kind=kind_label(e), what=what_label(e),
                        place=e.site.name if e.site is not None else "",
                        address=e.site.address if e.site is not None else "",
                        presenter=act.presenter or (host.presenter if host else ""),
                        contact=host.contact if host else "", notes=notes, entry=e))
    if plan.end_site is not None:
        leg = plan.final_leg
        what = leg_text(leg.minutes, leg.km, plan.end_site.name, leg.known) if leg.moves else plan.end_site.name
        start = plan.day_end - leg.minutes if leg.moves else plan.day_end
        rows.append(Row(ARRIVAL, start, plan.day_end, kind="住宿" if plan.end_site.kind is SiteKind.HOTEL
                        else "抵达", what=what, place=plan.end_site.name, address=plan.end_site.address))
    return rows


def tips_text(plan: DayPlan) -> str:
    """每日提示 on one line: 集合 07:50 酒店大堂；着装 正装；携带 身份证."""
    return "；".join(f"{label} {text}" for label, text in plan.day.tips.lines())


def day_places(plan: DayPlan | None) -> list[str]:
    """The places the group is received at, in order (what an overview cell lists)."""
    if plan is None:
        return []
    return [e.site.name for e in plan.entries if hosted(e) is not None]


def hotel_name(plan: DayPlan | None) -> str:
    return plan.end_site.name if plan is not None and plan.end_site is not None else ""
