"""Edits at the edges the mutation run found untested: one-slot moves, ids, replacing a site."""

import datetime as dt

import pytest

from planner.model.edits import (EditError, Slot, adopt_site, drop_site, find_activity, insert_activity,
                                 leg_override, move_activity, remove_activity, replace_activity, replace_site,
                                 set_leg_override, site_in_use)
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


def test_dropping_a_card_on_its_own_place_keeps_it_there(t):
    move_activity(t, "v2", Slot("a", MON, 1))
    assert ids(t) == ["v1", "v2", "v3"]
    move_activity(t, "v2", Slot("a", MON, 2))
    assert ids(t) == ["v1", "v2", "v3"]


def test_replacing_an_activity_keeps_its_id_and_refuses_unknown_sites(t):
    old = replace_activity(t, "v2", Activity(kind="lecture", site="x", id="other"))
    assert old.id == "v2" and [a.kind.value for a in t.group("a").day(MON).activities] == ["visit", "lecture",
                                                                                          "visit"]
    assert ids(t) == ["v1", "v2", "v3"]
    with pytest.raises(EditError, match="'nowhere' is not in the tour"):
        replace_activity(t, "v2", Activity(kind="lecture", site="nowhere"))
    replace_activity(t, "v2", Activity(kind="meal"))  # no site at all is fine
    assert t.group("a").day(MON).activities[1].kind.value == "meal"


def test_adopted_and_replaced_sites_are_copies(t):
    mine = Site(id="new", name="新", kind="park", lat=31.0, lon=121.0, hours=[{"start": "09:00", "end": "17:00"}])
    assert adopt_site(t, mine) and not adopt_site(t, mine)
    mine.hours.append({"start": "18:00", "end": "19:00"})
    assert len(t.site("new").hours) == 1
    again = Site(id="new", name="新二", kind="park", lat=31.0, lon=121.0, topics=["数字经济"])
    replace_site(t, again)
    again.topics.append("乡村振兴")
    assert t.site("new").topics == ["数字经济"]


def test_dropping_a_site_only_when_unused_and_only_that_one(t):
    t.sites.append(Site(id="spare", name="备用", kind="park", lat=31.0, lon=121.0))
    t.sites.append(Site(id="spare2", name="备用二", kind="park", lat=31.0, lon=121.0))
    with pytest.raises(EditError, match="'y' is still used"):
        drop_site(t, "y")
    assert drop_site(t, "spare").id == "spare"
    assert [s.id for s in t.sites] == ["hotel", "x", "y", "z", "spare2"]
    with pytest.raises(EditError, match="'gone' is not in the tour"):
        drop_site(t, "gone")


def test_known_legs_set_cleared_and_refused(t):
    assert leg_override(t, "x", "y") is None
    set_leg_override(t, "x", "y", 40, km=12.5)
    assert (leg_override(t, "y", "x").minutes, leg_override(t, "x", "y").km) == (40, 12.5)
    set_leg_override(t, "y", "x", None)  # clearing the way back clears the known leg that served it
    assert t.travel.overrides == [] and leg_override(t, "y", "x") is None
    set_leg_override(t, "x", "y", 40)
    set_leg_override(t, "y", "x", 55)
    assert [(o.origin, o.minutes) for o in t.travel.overrides] == [("x", 40), ("y", 55)]
    set_leg_override(t, "y", "x", None)
    assert [(o.origin, o.minutes) for o in t.travel.overrides] == [("x", 40)]
    with pytest.raises(EditError, match="'nowhere' is not in the tour"):
        set_leg_override(t, "x", "nowhere", 10)
    with pytest.raises(EditError, match=r"^a leg needs two different places$"):
        set_leg_override(t, "x", "x", 10)
