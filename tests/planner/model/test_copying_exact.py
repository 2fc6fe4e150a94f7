"""Copying days and routes, pasting, snapshots: exact ids, starts, nights, joint tags and refusals."""

import datetime as dt
import re

import pytest

from planner.model.copying import Clip, copy_day, copy_route, paste, restore_days, snapshot_days
from planner.model.edits import EditError, Slot, find_activity, insert_activity
from planner.model.tour import Activity
from tests.builders import day, group, site, tour, visit

MON, TUE, WED = dt.date(2025, 2, 24), dt.date(2025, 2, 25), dt.date(2025, 2, 26)


@pytest.fixture
def t():
    # a: Monday from the station "st" to the inn; b: Monday and Tuesday at the usual hotel
    return tour(group("a", day("2025-02-24", {"kind": "lecture", "site": "hall", "joint": "open", "id": "l1"},
                               visit("x", id="v1"), start="st", end="inn")),
                group("b", day("2025-02-24", visit("y", id="w1")), day("2025-02-25", visit("y", id="w2"))),
                sites=[site("x"), site("y"), site("hall", kind="venue"), site("inn", kind="hotel"),
                       site("st", kind="station")])


def test_pasted_copies_get_the_next_free_ids_and_the_source_stays():
    t = tour(group("a", day("2025-02-24", visit("x", id="v1"), visit("x", id="v2"))), sites=[site("x")])
    slot, act = find_activity(t, "v1")
    new = paste(t, Slot("a", TUE, 0), [Clip("a", MON, act), Clip("a", MON, act)])
    assert new == ["a3", "a4"]
    assert [a.id for a in t.group("a").day(TUE).activities] == ["a3", "a4"]
    assert act.id == "v1"


def test_pasting_a_clip_whose_site_left_the_tour_is_refused_naming_it(t):
    ghost = Activity(kind="visit", site="gone")
    with pytest.raises(EditError, match=re.escape("site 'gone' is not in the tour")):
        paste(t, Slot("a", TUE, 0), [Clip("a", MON, ghost)])
    assert t.group("a").day(TUE) is None


def test_a_day_copied_onto_itself_is_refused_with_the_reason(t):
    with pytest.raises(EditError, match=r"^a day cannot be copied onto itself$"):
        copy_day(t, "a", MON, "a", MON)


def test_copying_a_day_the_group_does_not_have_is_refused_and_creates_nothing(t):
    with pytest.raises(EditError, match=re.escape("2025-02-26 is not a day of group 'b'")):
        copy_day(t, "b", WED, "a", MON)
    assert [d.date for d in t.group("b").days] == [MON, TUE]
    assert [a.id for a in t.group("a").day(MON).activities] == ["l1", "v1"]


def test_another_group_same_date_sets_off_from_the_same_place_and_tomorrow_follows_the_night(t):
    copy_day(t, "a", MON, "b", MON)
    mon, tue = t.group("b").day(MON), t.group("b").day(TUE)
    assert (mon.start, mon.end) == ("st", "inn")
    assert [(a.site, a.joint) for a in mon.activities] == [("hall", "open"), ("x", None)]
    assert tue.start == "inn"  # Tuesday started at last night's hotel, so it moves with it


def test_another_group_another_date_keeps_its_own_start(t):
    copy_day(t, "a", MON, "b", TUE)
    tue = t.group("b").day(TUE)
    assert (tue.start, tue.end) == ("hotel", "inn")
    assert [(a.site, a.joint) for a in tue.activities] == [("hall", None), ("x", None)]
    assert t.group("b").day(WED) is None


def test_same_group_another_date_keeps_the_start_from_last_nights_hotel(t):
    copy_day(t, "a", MON, "a", TUE)
    tue = t.group("a").day(TUE)
    assert (tue.start, tue.end) == ("inn", "inn")
    assert [a.joint for a in tue.activities] == [None, None]


def test_a_route_onto_a_missing_group_names_that_group(t):
    with pytest.raises(EditError, match=re.escape("group 'nope' is not in the tour")):
        copy_route(t, "nope", "b")
    with pytest.raises(EditError, match=re.escape("group 'zip' is not in the tour")):
        copy_route(t, "a", "zip")
    with pytest.raises(EditError, match=r"^a route cannot be copied onto its own group$"):
        copy_route(t, "a", "a")
    assert [d.date for d in t.group("b").days] == [MON, TUE]


def test_a_copied_route_keeps_joint_sessions_starts_and_nights(t):
    copy_route(t, "a", "b")
    days = t.group("b").days
    assert [(d.date, d.start, d.end) for d in days] == [(MON, "st", "inn")]
    assert [(a.kind.value, a.site, a.joint) for a in days[0].activities] == [("lecture", "hall", "open"),
                                                                              ("visit", "x", None)]
    assert {a.id for a in days[0].activities}.isdisjoint({"l1", "v1", "w1", "w2"})


def test_a_snapshot_of_a_missing_group_names_it(t):
    with pytest.raises(EditError, match=re.escape("group 'nope' is not in the tour")):
        snapshot_days(t, ["a", "nope"])


def test_a_snapshot_is_not_changed_by_edits_made_in_place_after_it_or_after_a_restore(t):
    before = t.model_dump()
    snap = snapshot_days(t, ["a", "b"])
    insert_activity(t, Slot("a", MON, 0), Activity(kind="visit", site="y"))
    t.group("a").day(MON).end = "hotel"
    restore_days(t, snap)
    assert t.model_dump() == before
    insert_activity(t, Slot("b", MON, 0), Activity(kind="visit", site="x"))  # edit the restored days
    t.group("b").day(TUE).start = "inn"
    restore_days(t, snap)  # a second undo of the same snapshot
    assert t.model_dump() == before
