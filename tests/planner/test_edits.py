"""Edits used by the window's undo commands: each applies and can be reversed exactly."""

import datetime as dt

import pytest

from planner.model.edits import (EditError, Slot, adopt_site, drop_site, find_activity, has_day, insert_activity,
                           move_activity, remove_activity, replace_activity)
from planner.model.site import Site
from planner.model.tour import Activity
from tests.builders import day, group, site, tour, visit

MON, TUE = dt.date(2025, 2, 24), dt.date(2025, 2, 25)


@pytest.fixture
def t():
    return tour(group("a", day("2025-02-24", visit("x", id="v1"), visit("y", id="v2"), visit("z", id="v3"))),
                group("b", day("2025-02-24", visit("x", id="w1"))),
                sites=[site("x"), site("y"), site("z")])


def ids(t, gid, date):
    return [a.id for a in t.group(gid).day(date).activities]


def test_move_down_within_a_day_lands_where_dropped(t):
    old = move_activity(t, "v1", Slot("a", MON, 3))  # dropped below the last card
    assert ids(t, "a", MON) == ["v2", "v3", "v1"]
    move_activity(t, "v1", old)
    assert ids(t, "a", MON) == ["v1", "v2", "v3"]


def test_move_to_another_group_and_back(t):
    old = move_activity(t, "v2", Slot("b", MON, 0))
    assert ids(t, "a", MON) == ["v1", "v3"] and ids(t, "b", MON) == ["v2", "w1"]
    move_activity(t, "v2", old)
    assert ids(t, "a", MON) == ["v1", "v2", "v3"] and ids(t, "b", MON) == ["w1"]


def test_moving_to_an_unplanned_date_creates_the_day_from_the_night_before(t):
    move_activity(t, "v3", Slot("a", TUE, 0))
    new_day = t.group("a").day(TUE)
    assert ids(t, "a", TUE) == ["v3"] and new_day.start == "hotel"


def test_undoing_the_first_activity_of_an_unplanned_date_leaves_no_empty_day(t):
    """An undo puts the tour back as it was: the day made for the activity goes with it."""
    before = t.model_dump()
    made = not has_day(t, "a", TUE)
    act = insert_activity(t, Slot("a", TUE, 0), Activity(kind="visit", site="y"))
    assert has_day(t, "a", TUE)
    remove_activity(t, act.id, drop_day=made)
    assert t.model_dump() == before


def test_a_day_that_still_holds_activities_or_existed_before_is_kept(t):
    remove_activity(t, "w1", drop_day=False)
    assert has_day(t, "b", MON) and ids(t, "b", MON) == []   # a removal alone never drops a planned day
    insert_activity(t, Slot("a", TUE, 0), Activity(kind="visit", site="y", id="n1"))
    insert_activity(t, Slot("a", TUE, 1), Activity(kind="visit", site="z", id="n2"))
    remove_activity(t, "n2", drop_day=True)
    assert ids(t, "a", TUE) == ["n1"]


def test_moving_outside_the_tour_is_refused_and_changes_nothing(t):
    with pytest.raises(EditError):
        move_activity(t, "v1", Slot("a", dt.date(2025, 3, 9), 0))
    assert ids(t, "a", MON) == ["v1", "v2", "v3"]


def test_insert_remove_and_replace_round_trip(t):
    act = insert_activity(t, Slot("b", MON, 1), Activity(kind="visit", site="y"))
    assert ids(t, "b", MON) == ["w1", act.id] and act.id not in ("v1", "v2", "v3", "w1")
    slot, removed = remove_activity(t, act.id)
    assert slot == Slot("b", MON, 1) and removed is act
    old = replace_activity(t, "v2", Activity(kind="visit", site="z", minutes=30))
    assert find_activity(t, "v2")[1].minutes == 30
    replace_activity(t, "v2", old)
    assert find_activity(t, "v2")[1] == old


def test_adopting_a_catalogue_site_copies_it_once(t):
    new = Site(id="n", name="新点", kind="village", lat=30.1, lon=120.1)
    assert adopt_site(t, new) and not adopt_site(t, new)
    assert t.site("n") == new and t.site("n") is not new
    insert_activity(t, Slot("a", MON, 0), Activity(kind="visit", site="n"))
    with pytest.raises(EditError):
        drop_site(t, "n")
