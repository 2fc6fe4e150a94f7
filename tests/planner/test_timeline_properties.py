"""Properties of any computed day, on random tours (hypothesis)."""

import datetime as dt
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.schedule.scheduler import schedule
from planner.schedule.timeline import boarding_margin
from planner.model.tour import Tour

KINDS = ["visit", "lecture", "discussion", "meal", "free"]

# scripts/mutation.sh draws fewer per mutant; a normal run draws the full number
EXAMPLES = int(os.environ.get("STUDY_TOUR_PROPERTY_EXAMPLES", "300"))

points = st.tuples(st.floats(29.0, 32.0), st.floats(119.0, 122.0))


@st.composite
def tours(draw, on_a_line=False):
    n_sites = draw(st.integers(1, 6))
    if on_a_line:
        # sites on one meridian, in order: any detour along it can only add distance
        lats = sorted(draw(st.lists(st.floats(29.0, 32.0), min_size=n_sites, max_size=n_sites)))
        coords = [(lat, 120.0) for lat in lats]
    else:
        coords = draw(st.lists(points, min_size=n_sites, max_size=n_sites))
    sites = [{"id": f"s{i}", "name": f"点{i}", "kind": "enterprise", "lat": a, "lon": b,
              "visit_minutes": draw(st.integers(0, 180)),
              "hours": draw(st.sampled_from([[], [{"start": "09:00", "end": "17:00"}],
                                             [{"start": "08:30", "end": "11:30"}, {"start": "13:30", "end": "17:00"}]]))}
             for i, (a, b) in enumerate(coords)]
    order = draw(st.lists(st.integers(0, n_sites - 1), min_size=0, max_size=7))
    if on_a_line:
        order = sorted(order)
    acts = []
    for i in order:
        # a transfer's own journey is not coach km, so the "on a line" property is about coach legs only
        act = {"kind": draw(st.sampled_from(KINDS if on_a_line else KINDS + ["transfer"])), "site": f"s{i}"}
        if act["kind"] == "transfer":
            act["minutes"] = draw(st.integers(0, 240))
            act["mode"] = draw(st.sampled_from(["coach", "rail", "flight"]))
            if draw(st.booleans()):
                act["origin"] = f"s{draw(st.integers(0, n_sites - 1))}"
        elif draw(st.booleans()):
            act["minutes"] = draw(st.integers(0, 240))
        if draw(st.integers(0, 4)) == 0:
            act["pinned"] = f"{draw(st.integers(6, 20)):02d}:{draw(st.sampled_from([0, 15, 30, 45])):02d}"
        acts.append(act)
    start = draw(st.sampled_from([None, "s0"]))
    end = draw(st.sampled_from([None, f"s{n_sites - 1}"]))
    return Tour.model_validate({
        "title": "t", "start_date": "2025-02-24", "end_date": "2025-02-24", "sites": sites,
        "groups": [{"id": "g", "name": "g", "days": [{"date": "2025-02-24", "start": start, "end": end,
                                                         "activities": acts}]}]})


def the_plan(t):
    return schedule(t).plan("g", dt.date(2025, 2, 24))


@settings(max_examples=EXAMPLES, deadline=None)
@given(tours())
def test_time_never_runs_backwards(t):
    plan = the_plan(t)
    clock = None
    for e in plan.entries:
        margin = boarding_margin(t.travel, e.activity)  # a train or plane: reached that long before it leaves
        if clock is None:   # the first: set off just in time, no waiting but a train's boarding
            assert e.start - e.arrive == e.wait == margin
            assert e.start >= plan.window_start + e.leg.minutes + margin or e.activity.pinned is not None
        else:               # later ones: leave when the previous ends, wait at the next place
            assert e.depart == clock
            assert e.start - e.arrive >= margin or e.activity.pinned is not None  # a pinned train may be tight
        assert e.depart + e.leg.minutes == e.arrive <= e.start <= e.end
        assert e.wait == e.start - e.arrive
        clock = e.end
    assert clock is None or clock <= plan.day_end


@settings(max_examples=EXAMPLES, deadline=None)
@given(tours())
def test_totals_add_up(t):
    result = schedule(t)
    plan = result.plan("g", dt.date(2025, 2, 24))
    assert plan.used_minutes == plan.activity_minutes + plan.travel_minutes + plan.idle_minutes
    assert plan.idle_minutes == sum(e.wait for e in plan.entries)
    assert plan.slack == plan.window_end - plan.day_end
    assert plan.day_start <= plan.day_end
    # setting off before the window opens happens only for a pinned first activity, and is reported
    early = plan.day_start < plan.window_start
    assert early == ("early-start" in [p.code for p in result.problems])
    assert not early or plan.entries[0].activity.pinned is not None
    assert abs(plan.km - sum(e.leg.km for e in plan.entries) - plan.final_leg.km) < 0.05


@settings(max_examples=min(200, EXAMPLES), deadline=None)
@given(tours(on_a_line=True), st.data())
def test_removing_an_activity_never_adds_travel_when_points_lie_on_a_line(t, data):
    acts = t.groups[0].days[0].activities
    if not acts:
        return
    before = the_plan(t).km
    drop = data.draw(st.integers(0, len(acts) - 1))
    smaller = t.model_copy(deep=True)
    del smaller.groups[0].days[0].activities[drop]
    assert the_plan(smaller).km <= before + 0.15  # legs are rounded to 0.1 km


@settings(max_examples=min(100, EXAMPLES), deadline=None)
@given(tours())
def test_scheduling_is_deterministic(t):
    a, b = schedule(t), schedule(t)
    assert [p.to_json() for p in a.problems] == [p.to_json() for p in b.problems]
    assert [(e.start, e.end) for e in the_plan(t).entries] == [(e.start, e.end) for e in b.plan(
        "g", dt.date(2025, 2, 24)).entries]


@settings(max_examples=EXAMPLES, deadline=None)
@given(tours())
def test_a_train_or_plane_reached_within_its_boarding_margin_is_reported_and_nothing_else_is(t):
    result = schedule(t)
    plan = result.plan("g", dt.date(2025, 2, 24))
    tight = [e.activity.id for e in plan.entries
             if not e.pinned_late and e.start - e.arrive < boarding_margin(t.travel, e.activity)]
    assert tight == [p.activity_id for p in result.problems if p.code == "boarding-margin"]
