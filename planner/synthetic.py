"""Large made-up tours for benchmarks and stress tests (deterministic for a given seed)."""

from __future__ import annotations

import datetime as dt
import random

from planner.model.tour import GROUP_COLOURS, Tour


def synthetic_tour(groups: int = 20, days: int = 30, visits: int = 6, seed: int = 1) -> Tour:
    """A plausible big tour: each group-day tours sites clustered around that night's hotel."""
    rng = random.Random(seed)
    start = dt.date(2025, 3, 3)
    sites: list[dict] = []
    group_docs = []
    for g in range(groups):
        day_docs = []
        previous_hotel = None
        lat, lon = 28.5 + rng.random() * 4, 118.5 + rng.random() * 4
        for d in range(days):
            # the next stop is a short coach ride away, as on a real route
            lat, lon = lat + rng.uniform(-0.4, 0.4), lon + rng.uniform(-0.4, 0.4)
            hotel = f"h{g}-{d}"
            sites.append({"id": hotel, "name": f"酒店{g}-{d}", "kind": "hotel", "lat": lat, "lon": lon,
                          "visit_minutes": 0})
            acts = []
            for v in range(visits):
                sid = f"s{g}-{d}-{v}"
                sites.append({"id": sid, "name": f"教学点{g}-{d}-{v}", "kind": "enterprise",
                              "lat": lat + rng.uniform(-0.08, 0.08), "lon": lon + rng.uniform(-0.08, 0.08),
                              "visit_minutes": 45, "max_groups": 1,
                              "hours": [{"start": "08:00", "end": "18:00"}],
                              "topics": [rng.choice(["产业发展", "乡村振兴", "园区建设", "文旅融合"])]})
                acts.append({"kind": "visit", "site": sid})
            acts.insert(visits // 2, {"kind": "meal", "minutes": 60})
            day_docs.append({"date": (start + dt.timedelta(days=d)).isoformat(),
                             "start": previous_hotel or hotel, "end": hotel, "activities": acts})
            previous_hotel = hotel
        group_docs.append({"id": f"g{g + 1}", "name": f"第{g + 1}组", "headcount": 30,
                           "colour": GROUP_COLOURS[g % len(GROUP_COLOURS)], "days": day_docs})
    return Tour.model_validate({
        "title": f"合成行程 {groups}×{days}×{visits}", "start_date": start.isoformat(),
        "end_date": (start + dt.timedelta(days=days - 1)).isoformat(), "max_visits_per_day": visits,
        "groups": group_docs, "sites": sites})
