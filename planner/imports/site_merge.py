"""Imported sites against the catalogue: which are duplicates, and what add / merge / skip does.

A duplicate is a site with the same name in the same county, or one within 100 m — the latter only
when both points are the site's own: two county centroids coincide without being the same place.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from planner.imports.sites import SiteRow, unused_id
from planner.model.site import Catalogue, Site
from planner.schedule.travel import straight_km

Action = Literal["add", "merge", "skip"]
NEAR_KM = 0.1


@dataclass
class Incoming:
    row: int
    site: Site
    given: frozenset[str]          # Site fields the sheet filled (merge copies only these)
    located: bool = False
    duplicate: Site | None = None  # the catalogue site (or earlier row) this one seems to be
    action: Action = "add"


def _key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).lower()


def same_place(a: Site, b: Site) -> bool:
    if _key(a.name) == _key(b.name) and (a.county == b.county or not a.county or not b.county):
        return True
    return a.precision == b.precision == "site" and straight_km(a, b) < NEAR_KM


def match(rows: list[SiteRow], catalogue: Catalogue) -> list[Incoming]:
    """Each row with its duplicate, if any; duplicates default to skip, so nothing changes unasked.

    Sites are indexed by name and by a ~1 km grid cell, so a sheet of a thousand rows is matched
    at once rather than by comparing every pair.
    """
    by_name: dict[str, list[Site]] = {}
    by_cell: dict[tuple[int, int], list[Site]] = {}

    def index(site: Site) -> None:
        by_name.setdefault(_key(site.name), []).append(site)
        if site.precision == "site":
            by_cell.setdefault(_cell(site), []).append(site)

    def candidates(site: Site) -> list[Site]:
        near = [] if site.precision != "site" else [
            s for dy in (-1, 0, 1) for dx in (-1, 0, 1)
            for s in by_cell.get((_cell(site)[0] + dy, _cell(site)[1] + dx), [])]
        return by_name.get(_key(site.name), []) + near

    for s in catalogue.sites:
        index(s)
    out: list[Incoming] = []
    for r in rows:
        dup = next((s for s in candidates(r.site) if same_place(r.site, s)), None)
        out.append(Incoming(r.row, r.site, r.given, r.located, dup, "skip" if dup is not None else "add"))
        if dup is None:
            index(r.site)
    return out


def _cell(site: Site) -> tuple[int, int]:
    return int(site.lat * 100 // 1), int(site.lon * 100 // 1)   # 0.01° ≈ 1.1 km > NEAR_KM


def merged(old: Site, new: Site, given: frozenset[str], located: bool) -> Site:
    """The catalogue site updated with what the sheet gives; a county centroid never replaces a real point."""
    data = old.model_dump()
    fresh = new.model_dump()
    for key in given - {"lat", "lon", "precision"}:
        data[key] = fresh[key]
    if not located and (old.precision == "county" or {"lat", "lon"} <= given):
        data.update(lat=new.lat, lon=new.lon, precision=new.precision)
    return Site.model_validate(data)


@dataclass
class Outcome:
    catalogue: Catalogue
    added: list[Site] = field(default_factory=list)
    merged: list[Site] = field(default_factory=list)
    skipped: list[Incoming] = field(default_factory=list)


def apply(catalogue: Catalogue, incoming: list[Incoming]) -> Outcome:
    """A new catalogue with the decisions carried out; the one given is left as it was."""
    new = catalogue.model_copy(deep=True)
    out = Outcome(new)
    taken = {s.id for s in new.sites}
    for inc in incoming:
        target = new.get(inc.duplicate.id) if inc.action == "merge" and inc.duplicate is not None else None
        if inc.action == "skip" or (inc.action == "merge" and target is None):
            out.skipped.append(inc)  # merging into an earlier row that was itself skipped: nothing to merge
        elif target is not None:
            site = merged(target, inc.site, inc.given, inc.located)
            new.sites[new.sites.index(target)] = site
            out.merged.append(site)
        else:
            site = inc.site.model_copy(update={"id": unused_id(inc.site.id, taken)})
            taken.add(site.id)
            new.sites.append(site)
            out.added.append(site)
    return out
