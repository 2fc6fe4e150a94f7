"""Re-planning after small hand-made edits: a clash that moves away, a day that goes, groups that come and go."""

import datetime as dt

from planner.model.edits import Slot, insert_activity, move_activity
from planner.model.tour import Activity, Group
from planner.schedule.incremental import Replanner
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit

MON, TUE = dt.date(2025, 2, 24), dt.date(2025, 2, 25)


def clash_tour():
    return tour(group("a", day("2025-02-24", visit("x", id="va"))),
                group("b", day("2025-02-24", visit("x", id="vb")), day("2025-02-25", visit("y", id="vy"))),
                sites=[site("x"), site("y")])


def same(a, b):
    return list(a.plans.items()) == list(b.plans.items()) and a.problems == b.problems


def clashes(s):
    return [(p.code, p.date, p.groups) for p in s.problems if p.code.startswith("over-capacity")]


def test_a_clash_moved_to_another_date_follows_it_and_nothing_else_changes():
    t = clash_tour()
    r = Replanner(t)
    assert clashes(r.schedule) == [("over-capacity-groups", MON, ("a", "b"))]
    kept = r.schedule.plan("a", MON)
    move_activity(t, "vb", Slot("b", TUE, 0))
    s = r.update({("b", MON), ("b", TUE)})
    assert same(s, schedule(t))
    assert s.plan("a", MON) is kept
    assert clashes(s) == []
    move_activity(t, "vy", Slot("a", MON, 1))  # y is free on Monday: still no clash
    insert_activity(t, Slot("a", TUE, 0), Activity(site="x", id="vx"))  # x on Tuesday twice now
    s = r.update({("b", TUE), ("a", MON), ("a", TUE)})
    assert same(s, schedule(t))
    assert clashes(s) == [("over-capacity-groups", TUE, ("a", "b"))]


def test_a_day_removed_from_the_plan_leaves_no_timeline():
    t = clash_tour()
    r = Replanner(t)
    t.group("b").days = [d for d in t.group("b").days if d.date != TUE]
    s = r.update([("b", TUE)])
    assert s.plan("b", TUE) is None and same(s, schedule(t))


def test_a_group_that_comes_or_goes_replans_everything():
    t = clash_tour()
    r = Replanner(t)
    t.groups.append(Group(id="c", name="c", days=[{"date": MON, "start": "hotel", "end": "hotel",
                                                  "activities": [{"site": "x", "id": "vc"}]}]))
    s = r.update({("c", MON)})
    assert same(s, schedule(t)) and clashes(s) == [("over-capacity-groups", MON, ("a", "b")),
                                              ("over-capacity-groups", MON, ("a", "b", "c"))]
    t.groups = [g for g in t.groups if g.id != "a"]
    s = r.update({("b", MON)})
    assert same(s, schedule(t)) and clashes(s) == [("over-capacity-groups", MON, ("b", "c"))]
    assert s.plan("a", MON) is None
    t.groups.append(Group(id="d", name="d"))
    s = r.update({("b", MON)})  # a new group the edit did not name: still everything is redone
    assert same(s, schedule(t))


def test_touching_every_group_still_keeps_their_untouched_days():
    t = tour(group("a", day("2025-02-24", visit("x")), day("2025-02-25", visit("y"))), sites=[site("x"), site("y")])
    r = Replanner(t)
    kept = r.schedule.plan("a", TUE)
    t.group("a").days[0].activities[0].minutes = 30
    s = r.update({("a", MON), ("a", dt.date(2025, 2, 26))})  # Wednesday was never planned: nothing to drop
    assert s.plan("a", TUE) is kept and s.plan("a", dt.date(2025, 2, 26)) is None
    assert s.tour is t and r.schedule is s
    assert s.plan("a", MON).entries[0].duration == 30 and same(s, schedule(t))
