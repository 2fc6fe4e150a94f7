"""What changed between two versions of a tour, per group and per host site. Pure; no Qt.

Activities are matched by their id (saved with the file, so a moved card keeps it); activities without a
match by id are matched by group, kind, site and title, so hand-edited files compare sensibly too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.model.clock import fmt
from planner.model.tour import Tour
from planner.render.day_rows import kind_label, what_label
from planner.render.people_view import STAFF, group_size, leader_text, vehicle_text
from planner.render.site_visits import site_visits
from planner.schedule.scheduler import Schedule, schedule
from planner.schedule.timeline import Entry

ADDED, REMOVED, MOVED, RETIMED = "added", "removed", "moved", "retimed"
HOTEL, VEHICLE, LEADER, HEADCOUNT, TIPS = "hotel", "vehicle", "leader", "headcount", "tips"
GROUP_ADDED, GROUP_REMOVED = "group-added", "group-removed"
KIND_ORDER = (GROUP_ADDED, GROUP_REMOVED, HEADCOUNT, LEADER, VEHICLE, TIPS, MOVED, RETIMED, ADDED, REMOVED, HOTEL)


@dataclass(frozen=True)
class Slot:
    """Where and when an activity happens in one version."""

    date: dt.date
    start: int
    end: int
    site_id: str | None
    place: str

    def when(self) -> str:
        return f"{self.date.month}月{self.date.day}日 {fmt(self.start)}–{fmt(self.end)}"


@dataclass(frozen=True)
class Change:
    kind: str
    group_id: str
    group: str                      # the group's name
    what: str = ""                  # the activity, or the field that changed
    activity_id: str | None = None
    old: Slot | None = None
    new: Slot | None = None
    date: dt.date | None = None     # hotel changes: the night
    before: str = ""                # hotel, vehicle, leader, headcount: old and new values
    after: str = ""

    @property
    def site_ids(self) -> set[str]:
        return {s.site_id for s in (self.old, self.new) if s is not None and s.site_id}

    def to_json(self) -> dict:
        def slot(s: Slot | None) -> dict | None:
            return None if s is None else {"date": s.date.isoformat(), "start": fmt(s.start), "end": fmt(s.end),
                                           "site": s.site_id, "place": s.place}

        return {"kind": self.kind, "group": self.group_id, "activity": self.activity_id, "what": self.what,
                "old": slot(self.old), "new": slot(self.new),
                "date": self.date.isoformat() if self.date else None,
                "before": self.before or None, "after": self.after or None}


@dataclass
class TourDiff:
    old: Schedule
    new: Schedule
    changes: list[Change] = field(default_factory=list)
    sites_changed: list[str] = field(default_factory=list)  # host sites whose notice must be re-issued

    @property
    def same(self) -> bool:
        return not self.changes and not self.sites_changed

    def for_group(self, group_id: str) -> list[Change]:
        return [c for c in self.changes if c.group_id == group_id]

    def for_site(self, site_id: str) -> list[Change]:
        return [c for c in self.changes if site_id in c.site_ids]


def _slots(s: Schedule, group_id: str) -> dict[str, tuple[Entry, Slot]]:
    out = {}
    for plan in s.group_plans(group_id):
        for e in plan.entries:
            # a lunch has no site of its own: it happens wherever the group is, so is never "moved" for that
            place = e.site.name if e.site is not None and e.activity.site else ""
            out[e.activity.id or f"#{plan.date}-{e.index}"] = (e, Slot(plan.date, e.start, e.end, e.activity.site,
                                                                       place))
    return out


def _identity(e: Entry) -> tuple:
    a = e.activity
    return (a.kind, a.site, a.title, a.origin)


def _pair(old: dict, new: dict) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Matched (old id, new id) pairs, then the old ids left over (removed) and the new ones (added)."""
    pairs = [(k, k) for k in old if k in new and _identity(old[k][0]) == _identity(new[k][0])]
    left_old = [k for k in old if k not in {p[0] for p in pairs}]
    left_new = [k for k in new if k not in {p[1] for p in pairs}]
    for k in list(left_old):
        match = next((n for n in left_new if _identity(new[n][0]) == _identity(old[k][0])), None)
        if match is not None:
            pairs.append((k, match))
            left_old.remove(k)
            left_new.remove(match)
    return pairs, left_old, left_new


def _activity_changes(old: Schedule, new: Schedule, gid: str, name: str) -> list[Change]:
    a, b = _slots(old, gid), _slots(new, gid)
    pairs, removed, added = _pair(a, b)
    out = []
    for ko, kn in pairs:
        (_, so), (e, sn) = a[ko], b[kn]
        if so == sn:
            continue
        kind = MOVED if (so.date, so.site_id) != (sn.date, sn.site_id) else RETIMED
        # named as it is now: a lunch (no site of its own) is where the group now eats, a renamed one by its name
        out.append(Change(kind, gid, name, f"{kind_label(e)}：{what_label(e)}", kn, so, sn))
    out += [Change(REMOVED, gid, name, f"{kind_label(a[k][0])}：{what_label(a[k][0])}", k, old=a[k][1])
            for k in removed]
    out += [Change(ADDED, gid, name, f"{kind_label(b[k][0])}：{what_label(b[k][0])}", k, new=b[k][1])
            for k in added]
    return out


def _group_changes(old: Tour, new: Tour, gid: str) -> list[Change]:
    go, gn = old.group(gid), new.group(gid)
    out = []
    # leaders and coaches as printed: from the roster when it has them, else the group's own fields
    for kind, field, show in ((HEADCOUNT, "headcount", lambda t: str(group_size(t, gid))),
                              (LEADER, "leader", lambda t: leader_text(t, gid, STAFF)),
                              (VEHICLE, "vehicle", lambda t: vehicle_text(t, gid, STAFF))):
        before, after = show(old), show(new)
        if before != after:
            out.append(Change(kind, gid, gn.name, field, before=before, after=after))
    for date in sorted({d.date for d in go.days} | {d.date for d in gn.days}):
        do, dn = go.day(date), gn.day(date)
        ho = old.site(do.end).name if do is not None and do.end and old.site(do.end) else ""
        hn = new.site(dn.end).name if dn is not None and dn.end and new.site(dn.end) else ""
        if ho != hn:
            out.append(Change(HOTEL, gid, gn.name, "hotel", date=date, before=ho, after=hn))
        to, tn = (_tips(d) for d in (do, dn))
        if to != tn:
            out.append(Change(TIPS, gid, gn.name, "tips", date=date, before=to, after=tn))
    return out


def _tips(day) -> str:
    return "；".join(f"{label} {text}" for label, text in day.tips.lines()) if day is not None else ""


def _when(c: Change) -> tuple:
    slot = c.new or c.old
    return (slot.date, slot.start) if slot else (c.date or dt.date.min, -1)


def compare(old_tour: Tour, new_tour: Tour) -> TourDiff:
    old, new = schedule(old_tour), schedule(new_tour)
    diff = TourDiff(old, new)
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    old_ids = [g.id for g in old_tour.groups]
    for g in new_tour.groups:
        if g.id not in old_ids:
            diff.changes.append(Change(GROUP_ADDED, g.id, g.name, g.name))
            continue
        found = _group_changes(old_tour, new_tour, g.id) + _activity_changes(old, new, g.id, g.name)
        diff.changes += sorted(found, key=lambda c: (_when(c), order[c.kind]))
    diff.changes += [Change(GROUP_REMOVED, g.id, g.name, g.name) for g in old_tour.groups
                     if new_tour.group(g.id) is None]
    va, vb = site_visits(old), site_visits(new)
    diff.sites_changed = [sid for sid in dict.fromkeys([*vb, *va])
                          if [v.key() for v in va.get(sid, [])] != [v.key() for v in vb.get(sid, [])]]
    return diff
