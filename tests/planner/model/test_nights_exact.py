"""Nights and starts: the tour's first and last date, one night or the following ones, refusals."""

import datetime as dt
import re

import pytest

from planner.model.edits import EditError
from planner.model.nights import follow_night, night_of, nights_to_set, set_night, set_start
from tests.builders import day, group, site, tour, visit

SUN, MON, TUE, FRI = dt.date(2025, 2, 23), dt.date(2025, 2, 24), dt.date(2025, 2, 25), dt.date(2025, 2, 28)


@pytest.fixture
def t():
    return tour(group("a", day("2025-02-24", visit("x")), day("2025-02-25", visit("x"))),
                sites=[site("x"), site("inn", kind="hotel")])


def test_nights_from_the_first_to_the_last_date_of_the_tour(t):
    assert nights_to_set(t, SUN, False) == [SUN]
    assert nights_to_set(t, FRI, False) == [FRI]
    assert nights_to_set(t, TUE, True) == [TUE, TUE + dt.timedelta(1), TUE + dt.timedelta(2)]
    assert nights_to_set(t, FRI, True) == [FRI]


@pytest.mark.parametrize("date", [dt.date(2025, 2, 22), dt.date(2025, 3, 1)])
def test_a_night_outside_the_tour_is_refused_with_its_date(t, date):
    with pytest.raises(EditError, match=re.escape(f"{date} is outside the tour dates")):
        set_night(t, "a", date, "inn")


def test_one_night_changes_only_that_night(t):
    set_night(t, "a", MON, "inn")
    assert [(d.date, d.start, d.end) for d in t.group("a").days] == [(MON, "hotel", "inn"),
                                                                      (TUE, "inn", "hotel")]


def test_the_first_and_last_date_of_the_tour_take_a_night(t):
    set_night(t, "a", SUN, "inn")
    set_night(t, "a", FRI, "inn")
    assert [(d.date, d.end) for d in t.group("a").days] == [(SUN, "inn"), (MON, "hotel"), (TUE, "hotel"),
                                                            (FRI, "inn")]


def test_unknown_sites_are_refused_naming_them(t):
    with pytest.raises(EditError, match=re.escape("site 'zz' is not in the tour")):
        set_night(t, "a", MON, "zz")
    with pytest.raises(EditError, match=re.escape("site 'yy' is not in the tour")):
        set_start(t, "a", MON, "yy")


def test_following_a_night_for_an_unknown_group_or_a_day_without_tomorrow_changes_nothing(t):
    before = t.model_dump()
    follow_night(t, "nope", MON, "hotel")
    follow_night(t, "a", TUE, "hotel")  # no Wednesday
    follow_night(t, "a", SUN, "hotel")  # no Sunday
    assert t.model_dump() == before


def test_the_night_of_a_missing_day_or_group_is_none(t):
    set_night(t, "a", MON, "inn")
    assert night_of(t, "a", MON) == "inn"
    assert night_of(t, "a", SUN) is None
    assert night_of(t, "nope", MON) is None
    set_start(t, "a", TUE, "x")
    set_start(t, "a", TUE, None)
    assert t.group("a").day(TUE).start == "inn"
