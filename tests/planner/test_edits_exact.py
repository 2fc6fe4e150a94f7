"""Edits at the edges the mutation run found untested: one-slot moves, ids, replacing a site."""

import datetime as dt

import pytest

from planner.model.edits import (EditError, Slot, find_activity, insert_activity, move_activity,
                                 remove_activity, replace_site, site_in_use)
from planner.model.site import Site
from planner.model.tour import Activity
from tests.builders import day, group, site, tour, visit

MON = dt.date(2025, 2, 24)


@pytest.fixture
def t():
    return tour(group("a", day("2025-02-24", visit("x", id="v1"), visit("y", id="v2"), visit("z", id="v3"))),
                sites=[site("x"), site("y"), site("z")])


def ids(t):
    return [a.id for a in t.group("a").day(MON).activities]


@pytest.mark.parametrize(("target", "order"), [(0, ["v1", "v2", "v3"]), (1, ["v1", "v2", "v3"]),
                                               (2, ["v2", "v1", "v3"]), (3, ["v2", "v3", "v1"])])
def test_moving_down_lands_in_the_gap_it_was_dropped_on(t, target, order):
    old = move_activity(t, "v1", Slot("a", MON, target))
    assert ids(t) == order and old == Slot("a", MON, 0)


def test_moving_up_lands_in_the_gap_it_was_dropped_on(t):
    move_activity(t, "v3", Slot("a", MON, 1))
    assert ids(t) == ["v1", "v3", "v2"]
    assert find_activity(t, "v3")[0] == Slot("a", MON, 1)


def test_inserted_activities_get_a_fresh_id_when_theirs_is_missing_or_taken(t):
    a = insert_activity(t, Slot("a", MON, 1), Activity(kind="meal"))
    b = insert_activity(t, Slot("a", MON, 99), Activity(kind="meal", id="v1"))
    c = insert_activity(t, Slot("a", MON, -5), Activity(kind="meal", id="mine"))
    assert a.id is not None and b.id not in (None, "v1") and c.id == "mine"
    assert ids(t) == ["mine", "v1", a.id, "v2", "v3", b.id]
    assert len(set(ids(t))) == 6
    with pytest.raises(EditError, match="'nowhere'"):
        insert_activity(t, Slot("a", MON, 0), Activity(kind="visit", site="nowhere"))


def test_removing_returns_where_it_was(t):
    assert remove_activity(t, "v2")[0] == Slot("a", MON, 1) and ids(t) == ["v1", "v3"]
    with pytest.raises(EditError):
        remove_activity(t, "v2")


def test_replacing_a_site_swaps_it_in_place_and_returns_the_old_one(t):
    new = Site(id="y", name="新名字", kind="park", lat=31.0, lon=121.0)
    old = replace_site(t, new)
    assert old.name == "y" and t.site("y").name == "新名字" and t.site("y") is not new
    assert [s.id for s in t.sites] == ["hotel", "x", "y", "z"]
    assert replace_site(t, Site(id="nope", name="n", kind="park", lat=31.0, lon=121.0)) is None
    assert site_in_use(t, "y") and site_in_use(t, "hotel") and not site_in_use(t, "nope")
