"""Copy and reuse: fresh ids, joint tags kept only for the same session, exact snapshots for undo."""

import datetime as dt

import pytest

from planner.model.copying import Clip, copy_day, copy_route, paste, restore_days, snapshot_days
from planner.model.edits import EditError, Slot, find_activity
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit

MON, TUE = dt.date(2025, 2, 24), dt.date(2025, 2, 25)


@pytest.fixture
def t():
    return tour(group("a", day("2025-02-24", {"kind": "lecture", "site": "hall", "joint": "open", "id": "l1"},
                               visit("x", id="v1"), end="inn")),
                group("b", day("2025-02-24", {"kind": "lecture", "site": "hall", "joint": "open", "id": "l2"})),
                sites=[site("x"), site("hall", kind="venue"), site("inn", kind="hotel")])


def clips(t, *ids):
    out = []
    for aid in ids:
        slot, act = find_activity(t, aid)
        out.append(Clip(slot.group_id, slot.date, act))
    return out


def test_pasted_activities_get_fresh_ids_and_keep_their_content(t):
    new = paste(t, Slot("a", TUE, 0), clips(t, "l1", "v1"))
    assert len(set(new) | {"l1", "v1", "l2"}) == 5
    acts = t.group("a").day(TUE).activities
    assert [(a.kind.value, a.site) for a in acts] == [("lecture", "hall"), ("visit", "x")]
    assert acts[0].joint is None  # another date: not the same session


def test_pasting_into_another_group_on_the_same_date_keeps_the_joint_session(t):
    new = paste(t, Slot("b", MON, 1), clips(t, "v1", "l1"))
    assert find_activity(t, new[1])[1].joint == "open"
    duplicate = paste(t, Slot("a", MON, 2), clips(t, "l1"))  # the same group twice is not one session
    assert find_activity(t, duplicate[0])[1].joint is None


def test_copy_a_day_to_another_group_and_to_another_date(t):
    copy_day(t, "a", MON, "b", MON)
    b = t.group("b").day(MON)
    assert [(a.kind.value, a.site, a.joint) for a in b.activities] == [("lecture", "hall", "open"),
                                                                       ("visit", "x", None)]
    assert b.end == "inn" and {a.id for a in b.activities}.isdisjoint({"l1", "v1"})
    copy_day(t, "a", MON, "a", TUE)
    assert [a.joint for a in t.group("a").day(TUE).activities] == [None, None]
    assert t.group("a").day(TUE).start == "inn"
    problems = schedule(t).problems
    assert not [p for p in problems if p.code == "over-capacity-groups" and p.site_id == "hall"]


def test_copy_a_whole_route(t):
    copy_route(t, "a", "b")
    assert [(d.date, d.end, [a.site for a in d.activities]) for d in t.group("b").days] == [
        (MON, "inn", ["hall", "x"])]
    with pytest.raises(EditError):
        copy_route(t, "a", "a")


def test_snapshots_restore_days_exactly(t):
    snap = snapshot_days(t, ["a", "b"])
    before = t.model_dump()
    copy_route(t, "a", "b")
    copy_day(t, "a", MON, "a", TUE)
    restore_days(t, snap)
    assert t.model_dump() == before


def test_a_day_cannot_be_copied_onto_itself(t):
    with pytest.raises(EditError):
        copy_day(t, "a", MON, "a", MON)
