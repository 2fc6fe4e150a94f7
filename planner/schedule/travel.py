"""Travel estimates between sites: straight-line distance turned into road km and coach minutes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.model.site import Site
from planner.model.tour import TravelModel

EARTH_RADIUS = 6371.009  # km: geopy.distance's mean radius (importing geopy costs 0.17 s of a command's start)

WALK_KM = 0.5
"""Closer than this (road km), groups walk: a few minutes, no boarding."""
WALK_MINUTES = 5


@dataclass(frozen=True, slots=True)
class Leg:
    km: float
    minutes: int
    known: bool = False  # True when the duration comes from an override, not the model

    @property
    def moves(self) -> bool:
        return self.minutes > 0 or self.km > 0


STAY = Leg(0.0, 0)


def straight_km(a: Site, b: Site) -> float:
    """Great-circle km (haversine on geopy's mean earth radius).

    It differs from geopy's geodesic by < 0.5 %, far below the road factor's uncertainty; written out
    because geopy's great_circle object costs ~20 µs a pair and a big tour re-checks thousands per edit.
    """
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(h)))


def drive_minutes(road_km: float, model: TravelModel) -> int:
    """Door-to-door coach minutes: the first `urban_km` at town speed, the rest at coach speed."""
    if road_km <= 0:
        return 0
    if road_km < WALK_KM:
        return WALK_MINUTES
    urban = min(road_km, model.urban_km)
    rest = road_km - urban
    hours = urban / model.urban_speed_kmh + rest / model.speed_kmh
    return model.boarding_minutes + math.ceil(hours * 60)


class TravelEstimator:
    """Estimates legs for one tour's model; caches pairs because a day re-uses the same few sites."""

    def __init__(self, model: TravelModel):
        self.model = model
        self._known = {}
        for o in model.overrides:
            self._known[(o.origin, o.destination)] = o
        for o in model.overrides:  # a known A→B also serves B→A unless B→A is given
            self._known.setdefault((o.destination, o.origin), o)
        self._cache: dict[tuple[str, str], Leg] = {}

    def leg(self, a: Site | None, b: Site | None) -> Leg:
        if a is None or b is None or a.id == b.id:
            return STAY
        key = (a.id, b.id)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._compute(a, b)
            self._cache[key] = cached
        return cached

    def _compute(self, a: Site, b: Site) -> Leg:
        road = straight_km(a, b) * self.model.road_factor
        known = self._known.get((a.id, b.id))
        if known is not None:
            return Leg(round(known.km if known.km is not None else road, 1), known.minutes, known=True)
        return Leg(round(road, 1), drive_minutes(road, self.model))
