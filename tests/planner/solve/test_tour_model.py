"""The tour adaptor agrees with the scheduler on closures, and plans around holidays, hours and pins."""

from __future__ import annotations

import datetime as dt

from planner.model.tour import ActivityKind
from planner.schedule.scheduler import schedule
from planner.solve.runner import run
from planner.solve.tour_model import build, open_on
from tests.builders import day, group, site, tour, visit

CLOSED = {"over-capacity-groups", "closed-weekday", "closed-holiday", "outside-hours", "day-overflow"}


def _dates(first: str, n: int) -> list[str]:
    d0 = dt.date.fromisoformat(first)
    return [(d0 + dt.timedelta(days=i)).isoformat() for i in range(n)]


def test_open_on_says_what_the_scheduler_checks_around_national_day():
    # 28 Sep 2025 is a Sunday worked instead (调休); 1–8 Oct are holidays
    dates = _dates("2025-09-27", 12)
    for closed_on_holidays in (False, True):
        t = tour(group("g1", *[day(d, visit("museum")) for d in dates]),
                 sites=[site("museum", closed_weekdays=[6, 7], closed_on_holidays=closed_on_holidays)],
                 start_date=dates[0], end_date=dates[-1])
        flagged = {p.date for p in schedule(t).problems if p.code in ("closed-weekday", "closed-holiday")}
        museum = t.site("museum")
        assert {d for d in map(dt.date.fromisoformat, dates) if not open_on(museum, d)} == flagged


def test_plan_moves_a_visit_off_a_holiday_and_keeps_hours_and_pins():
    dates = _dates("2025-09-29", 4)  # Mon 29 Sep – Thu 2 Oct: the last two are National Day holidays
    t = tour(group("g1", day(dates[0], visit("factory", pinned="10:00"), visit("village")),
                   day(dates[2], visit("museum"), visit("farm"))),
             sites=[site("factory", hours=[{"start": "09:00", "end": "17:00"}]),
                    site("village", kind="village"), site("farm", kind="village"),
                    site("museum", closed_on_holidays=True, hours=[{"start": "14:00", "end": "17:00"}])],
             start_date=dates[0], end_date=dates[-1])
    assert "closed-holiday" in [p.code for p in schedule(t).problems]
    ti = build(t)
    museum = next(s for s in ti.instance.stops if t.group("g1").days[1].activities[0].id == s.id)
    assert museum.routes == (f"g1@{dates[0]}",)  # the only planned day it is open
    out = run(t, time_limit=1)
    result = schedule(out.tour)
    assert not CLOSED & {p.code for p in result.problems}
    first = out.tour.group("g1").day(dt.date.fromisoformat(dates[0]))
    factory = next(a for a in first.activities if a.site == "factory")
    assert factory.pinned.strftime("%H:%M") == "10:00"
    entry = next(e for e in result.plan("g1", first.date).entries if e.activity.site == "museum")
    assert entry.start >= 14 * 60 and entry.end <= 17 * 60
    assert any(a.kind is ActivityKind.MEAL for a in first.activities)


def test_a_day_over_before_lunch_time_gets_no_meal_and_a_full_day_gets_one():
    t = tour(group("g1", day("2025-02-24", visit("short", minutes=60, pinned="09:00")),  # pinned: stays that day
                   day("2025-02-25", visit("long", minutes=260, pinned="08:00"))),
             sites=[site("short"), site("long")])
    out = run(t, time_limit=1)
    meals = {d.date.day: [a for a in d.activities if a.kind is ActivityKind.MEAL] for d in out.tour.group("g1").days}
    assert meals[24] == [] and len(meals[25]) == 1
    assert not {p.code for p in schedule(out.tour).problems} & {"no-lunch", "meal-outside-lunch", *CLOSED}


def test_a_twenty_group_month_is_modelled_within_bounds():
    from collections import Counter

    from planner.solve.tour_model import MAX_ARCS
    from planner.synthetic import synthetic_tour

    t = synthetic_tour(20, 30, 6)
    ti = build(t)
    per_route = Counter(r for s in ti.instance.stops for r in s.routes)
    assert sum(n * n for n in per_route.values()) <= MAX_ARCS
    assert all(ti.home[s.id] in s.routes for s in ti.instance.stops if len(s.routes) > 0
               and open_on(t.site(ti.activities[s.id].site), ti.routes[ti.home[s.id]][1]))
    assert ti.instance.travel[1][2] >= 0  # travel is there for any pair asked
