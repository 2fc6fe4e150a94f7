"""The made-up tours benchmarks and stress tests use: their shape, their geography and their determinism."""

from __future__ import annotations

import datetime as dt

from planner.model.tour import GROUP_COLOURS, ActivityKind
from planner.synthetic import synthetic_tour


def test_the_shape_of_a_synthetic_tour():
    t = synthetic_tour(groups=3, days=4, visits=5, seed=7)
    assert (t.title, t.start_date, t.end_date, t.max_visits_per_day) == (
        "合成行程 3×4×5", dt.date(2025, 3, 3), dt.date(2025, 3, 6), 5)
    assert [(g.id, g.name, g.headcount, g.colour) for g in t.groups] == [
        (f"g{i + 1}", f"第{i + 1}组", 30, GROUP_COLOURS[i]) for i in range(3)]
    assert len(t.sites) == 3 * 4 * (1 + 5)
    for gi, g in enumerate(t.groups):
        assert [d.date for d in g.days] == [dt.date(2025, 3, 3) + dt.timedelta(days=i) for i in range(4)]
        for di, d in enumerate(g.days):
            assert d.end == f"h{gi}-{di}" and d.start == (f"h{gi}-{di - 1}" if di else f"h{gi}-0")
            kinds = [a.kind for a in d.activities]
            assert kinds == [ActivityKind.VISIT] * 2 + [ActivityKind.MEAL] + [ActivityKind.VISIT] * 3
            assert d.activities[2].minutes == 60
            assert [a.site for a in d.activities if a.site] == [f"s{gi}-{di}-{v}" for v in range(5)]
    hotel, visit_site = t.site("h1-2"), t.site("s1-2-4")
    assert (hotel.name, hotel.kind.value, hotel.visit_minutes) == ("酒店1-2", "hotel", 0)
    assert (visit_site.name, visit_site.kind.value, visit_site.visit_minutes, visit_site.max_groups) == (
        "教学点1-2-4", "enterprise", 45, 1)
    assert [(h.start.strftime("%H:%M"), h.end.strftime("%H:%M")) for h in visit_site.hours] == [("08:00", "18:00")]
    assert {s.topics[0] for s in t.sites if s.topics} == {"产业发展", "乡村振兴", "园区建设", "文旅融合"}  # 60 draws


def test_each_day_is_a_short_ride_on_and_its_sites_cluster_round_the_hotel():
    t = synthetic_tour(groups=4, days=12, visits=4, seed=3)
    for gi in range(4):
        hotels = [t.site(f"h{gi}-{d}") for d in range(12)]
        first = hotels[0]
        assert 28.1 <= first.lat <= 32.9 and 118.1 <= first.lon <= 122.9   # start area ± one day's step
        for a, b in zip(hotels, hotels[1:]):
            assert abs(a.lat - b.lat) <= 0.4 and abs(a.lon - b.lon) <= 0.4
        for d, h in enumerate(hotels):
            for v in range(4):
                s = t.site(f"s{gi}-{d}-{v}")
                assert abs(s.lat - h.lat) <= 0.08 and abs(s.lon - h.lon) <= 0.08
    steps = [abs(t.site(f"h0-{d}").lat - t.site(f"h0-{d + 1}").lat) for d in range(11)]
    assert max(steps) > 0.1  # it does move
    offsets = [(t.site(f"s0-{d}-{v}").lat - t.site(f"h0-{d}").lat, t.site(f"s0-{d}-{v}").lon - t.site(f"h0-{d}").lon)
               for d in range(12) for v in range(4)]
    assert min(a for a, _ in offsets) < -0.02 < 0.02 < max(a for a, _ in offsets)   # on every side of the hotel
    assert min(b for _, b in offsets) < -0.02 < 0.02 < max(b for _, b in offsets)


def test_groups_start_spread_over_four_degrees_each_way():
    t = synthetic_tour(groups=12, days=1, visits=1, seed=2)
    lats = [t.site(f"h{g}-0").lat for g in range(12)]
    lons = [t.site(f"h{g}-0").lon for g in range(12)]
    assert max(lats) - min(lats) > 1.5 and max(lons) - min(lons) > 1.5


def test_a_seed_gives_the_same_tour_and_another_seed_another():
    assert synthetic_tour(2, 3, 2, seed=5) == synthetic_tour(2, 3, 2, seed=5)
    assert synthetic_tour(2, 3, 2, seed=5).sites != synthetic_tour(2, 3, 2, seed=6).sites
    default = synthetic_tour()  # 20 groups × 30 days × 6 visits, seed 1: the first group is drawn first
    assert (len(default.groups), len(default.groups[0].days), default.max_visits_per_day) == (20, 30, 6)
    alone = synthetic_tour(groups=1, days=30, visits=6, seed=1)
    assert default.groups[0] == alone.groups[0] and default.sites[:len(alone.sites)] == alone.sites
