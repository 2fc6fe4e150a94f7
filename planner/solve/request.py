"""A plan request: what 自动排程 may add beyond each group's own visits, and what it must achieve.

JSON, e.g. {"groups": ["g1", "g2"], "pool": [{"site": "s7", "priority": 3, "groups": ["g1", "g2"]}],
"topics": {"g1": ["乡村振兴"]}, "balance": true}. A pool site for one group is that group's own pool;
for several, each takes it at most `max_groups` times in all.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.io.errors import PlannerError
from planner.model.site import Ident
from planner.model.tour import ActivityKind, Tour


class PoolSite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    site: Ident
    priority: int = Field(default=1, ge=0, le=100)   # 1 ≈ worth half an hour of extra driving
    groups: list[Ident] | None = None                # None: any planned group
    max_groups: int = Field(default=1, ge=1, le=99)  # how many of those groups may take it


class HotelChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    group: Ident
    date: dt.date                                   # the night after this day: its end, the next day's start
    candidates: list[Ident] = Field(min_length=1, max_length=20)


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    groups: list[Ident] | None = None
    dates: list[dt.date] | None = None
    pool: list[PoolSite] = Field(default_factory=list)
    topics: dict[Ident, list[str]] = Field(default_factory=dict)  # group -> topics it must cover
    balance: bool = False                                           # keep groups' driving close
    hotels: list[HotelChoice] = Field(default_factory=list)         # a night's hotel chosen from candidates


def load_request(path: str | Path, tour: Tour) -> PlanRequest:
    """One clear message naming the file and the entry for anything wrong; never a traceback."""
    try:
        req = PlanRequest.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        raise PlannerError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            e = exc.errors()[0]
            where = ".".join(str(p) for p in e["loc"])
            raise PlannerError(f"{path}: {where}: {e['msg']}") from None
        raise PlannerError(f"{path}: not JSON ({exc})") from None
    check_request(req, tour, str(path))
    return req


def check_request(req: PlanRequest, tour: Tour, where: str = "request") -> None:
    sites = tour.site_index()
    groups = {g.id for g in tour.groups}
    named = (list(req.groups or []) + list(req.topics) + [g for p in req.pool for g in p.groups or []]
             + [h.group for h in req.hotels])
    for gid in named:
        if gid not in groups:
            raise PlannerError(f"{where}: no group '{gid}' in the tour")
    for date in req.dates or []:
        if not tour.start_date <= date <= tour.end_date:
            raise PlannerError(f"{where}: date {date} is outside the tour ({tour.start_date} – {tour.end_date})")
    for k, p in enumerate(req.pool):
        if p.site not in sites:
            raise PlannerError(f"{where}: pool[{k}]: no site '{p.site}' in the tour")
    for k, h in enumerate(req.hotels):
        if tour.group(h.group).day(h.date) is None:
            raise PlannerError(f"{where}: hotels[{k}]: group '{h.group}' has no day {h.date}")
        for sid in h.candidates:
            if sid not in sites:
                raise PlannerError(f"{where}: hotels[{k}]: no site '{sid}' in the tour")


def uncovered(tour: Tour, req: PlanRequest | None) -> list[tuple[str, str]]:
    """(group, topic) pairs the tour still misses: what the plan could not achieve, said plainly."""
    if req is None:
        return []
    sites = tour.site_index()
    missing = []
    for gid, topics in req.topics.items():
        group = tour.group(gid)
        have = {t for d in group.days for a in d.activities if a.kind is ActivityKind.VISIT and a.site in sites
                for t in sites[a.site].topics}
        missing += [(gid, t) for t in topics if t not in have]
    return missing
