"""Who comes to each host site, when, and how many: what a host must know (and what a diff compares).

Consecutive activities of a group at one site are one visit (a tour then a discussion there); groups in
the same joint session are one visit with their headcounts added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.render.day_rows import hosted, kind_label, what_label
from planner.render.people_view import STAFF, group_size, leaders, vehicle_text
from planner.schedule.scheduler import Schedule


@dataclass(frozen=True)
class GroupAt:
    group_id: str
    name: str
    headcount: int
    leaders: tuple[tuple[str, str], ...]  # (name, phone): the host calls them, so phones are shown
    vehicle: str


@dataclass(frozen=True)
class Visit:
    site_id: str
    date: dt.date
    arrive: int
    leave: int
    groups: tuple[GroupAt, ...]
    items: tuple[str, ...]      # 现场教学：… / 座谈交流：…
    presenters: tuple[str, ...]
    joint: str | None = None
    activity_ids: tuple[str, ...] = ()

    @property
    def headcount(self) -> int:
        return sum(g.headcount for g in self.groups)

    def key(self) -> tuple:
        """What the host sees; two plans with equal keys need no new notice."""
        return (self.date, self.arrive, self.leave, tuple((g.name, g.headcount, g.leaders) for g in self.groups),
                self.items, self.presenters)


def _group_visits(s: Schedule, gid: str) -> list[Visit]:
    g = s.tour.group(gid)
    who = GroupAt(g.id, g.name, group_size(s.tour, gid), tuple(leaders(s.tour, gid, STAFF)),
                  vehicle_text(s.tour, gid, STAFF))
    out: list[Visit] = []
    for plan in sorted(s.group_plans(gid), key=lambda p: p.date):
        for e in plan.entries:
            host = hosted(e)
            if host is None:
                continue
            what = what_label(e)
            item = kind_label(e) if what == host.name else f"{kind_label(e)}：{what}"
            presenter = e.activity.presenter or host.presenter
            last = out[-1] if out else None
            if (last is not None and last.site_id == host.id and last.date == plan.date
                    and last.leave == e.arrive and last.joint == e.activity.joint):
                out[-1] = Visit(host.id, plan.date, last.arrive, e.end, last.groups, last.items + (item,),
                                _add(last.presenters, presenter), last.joint,
                                last.activity_ids + (e.activity.id or "",))
            else:
                out.append(Visit(host.id, plan.date, e.arrive, e.end, (who,), (item,),
                                 _add((), presenter), e.activity.joint, (e.activity.id or "",)))
    return out


def _add(names: tuple[str, ...], name: str) -> tuple[str, ...]:
    return names + (name,) if name and name not in names else names


def site_visits(s: Schedule, groups: list[str] | None = None) -> dict[str, list[Visit]]:
    """site id → its visits in time order; sites in the order of their first visit (as they will be
    phoned), only those someone visits."""
    merged: dict[tuple, Visit] = {}
    plain: list[Visit] = []
    for g in s.tour.groups:
        if groups is not None and g.id not in groups:
            continue
        for v in _group_visits(s, g.id):
            if v.joint is None:
                plain.append(v)
                continue
            k = (v.site_id, v.date, v.joint)
            if k in merged:
                m = merged[k]
                merged[k] = Visit(m.site_id, m.date, min(m.arrive, v.arrive), max(m.leave, v.leave),
                                  m.groups + v.groups, m.items + tuple(i for i in v.items if i not in m.items),
                                  m.presenters + tuple(p for p in v.presenters if p not in m.presenters),
                                  m.joint, m.activity_ids + v.activity_ids)
            else:
                merged[k] = v
    by_site: dict[str, list[Visit]] = {}
    for v in plain + list(merged.values()):
        by_site.setdefault(v.site_id, []).append(v)
    for vs in by_site.values():
        vs.sort(key=lambda v: (v.date, v.arrive, v.groups[0].name))
    return dict(sorted(by_site.items(), key=lambda kv: (kv[1][0].date, kv[1][0].arrive, kv[0])))
