"""Nights and known legs: tonight's hotel is `day.end`, and the next morning follows it."""

import datetime as dt

import pytest

from planner.model.edits import EditError, day_of, leg_override, restore_leg_overrides, set_leg_override
from planner.model.nights import set_night
from planner.schedule.scheduler import schedule
from tests.builders import codes, day, group, site, tour, visit

MON, TUE, WED = dt.date(2025, 2, 24), dt.date(2025, 2, 25), dt.date(2025, 2, 26)
FAR = (30.75, 120.75)  # about 85 km from the builders' Hangzhou point


@pytest.fixture
def t():
    return tour(group("a", day("2025-02-24", visit("x", id="v1"), start=None, end=None),
                       day("2025-02-25", visit("x", id="v2"), start=None, end=None)),
                sites=[site("x"), site("inn", "客栈", kind="hotel", at=FAR), site("spa", kind="hotel")])


def test_setting_a_night_makes_the_next_day_start_there_and_clears_no_hotel(t):
    assert "no-hotel" in codes(schedule(t).problems)
    set_night(t, "a", MON, "inn")
    assert t.group("a").day(MON).end == "inn"
    assert t.group("a").day(TUE).start == "inn"
    plans = schedule(t)
    assert "no-hotel" not in [p.code for p in plans.problems if p.date == MON]
    # the next morning drives from the inn: the first leg moves, it no longer starts from nowhere
    assert plans.plan("a", TUE).entries[0].leg.km > 50
    assert plans.plan("a", MON).final_leg.km > 50


def test_changing_a_night_moves_a_start_that_followed_it_but_not_one_chosen_by_hand(t):
    set_night(t, "a", MON, "inn")
    set_night(t, "a", MON, "spa")
    assert t.group("a").day(TUE).start == "spa"
    t.group("a").day(TUE).start = "x"  # the organizer's own choice
    set_night(t, "a", MON, "inn")
    assert t.group("a").day(TUE).start == "x"


def test_same_hotel_for_the_following_nights_stops_before_the_last_day(t):
    set_night(t, "a", TUE, "spa", following=True)
    days = {d.date: d for d in t.group("a").days}
    assert [d for d in sorted(days) if days[d].end == "spa"] == [TUE + dt.timedelta(days=i) for i in range(3)]
    assert dt.date(2025, 2, 28) not in days or days[dt.date(2025, 2, 28)].end is None
    assert days[WED].start == "spa"


def test_a_night_needs_a_site_of_the_tour(t):
    with pytest.raises(EditError):
        set_night(t, "a", MON, "nowhere")


def test_a_new_day_starts_at_last_nights_hotel_and_the_tours_last_day_has_no_hotel(t):
    set_night(t, "a", TUE, "inn")
    assert (day_of(t, "a", WED).start, day_of(t, "a", WED).end) == ("inn", "inn")
    last = day_of(t, "a", dt.date(2025, 2, 28))
    assert (last.start, last.end) == ("inn", None)


def test_a_known_leg_is_set_used_both_ways_and_cleared(t):
    old = set_leg_override(t, "x", "inn", 50, km=80.0)
    assert old == []
    set_night(t, "a", MON, "inn")
    final = schedule(t).plan("a", MON).final_leg
    assert (final.minutes, final.km, final.known) == (50, 80.0, True)
    assert leg_override(t, "inn", "x").minutes == 50  # the way back too
    set_leg_override(t, "inn", "x", 70)  # the way back differs: only that direction changes
    assert leg_override(t, "x", "inn").minutes == 50 and leg_override(t, "inn", "x").minutes == 70
    before = set_leg_override(t, "x", "inn", None)
    assert leg_override(t, "x", "inn").minutes == 70  # now served by the reverse one
    restore_leg_overrides(t, before)
    assert leg_override(t, "x", "inn").minutes == 50


def test_a_leg_needs_two_places_of_the_tour(t):
    with pytest.raises(EditError):
        set_leg_override(t, "x", "x", 10)
    with pytest.raises(EditError):
        set_leg_override(t, "x", "nowhere", 10)


def test_a_start_chosen_by_hand_stays_and_none_goes_back_to_last_nights_hotel(t):
    from planner.model.nights import set_start

    set_night(t, "a", MON, "inn")
    set_start(t, "a", TUE, "spa")            # the group moved hotels before the day began
    set_night(t, "a", MON, "x")
    assert t.group("a").day(TUE).start == "spa"
    set_start(t, "a", TUE, None)
    assert t.group("a").day(TUE).start == "x"
