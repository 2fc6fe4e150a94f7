"""Tour and catalogue lookups and the validation messages that name where a file is wrong."""

import pytest
from pydantic import ValidationError

from planner.model.site import Catalogue
from planner.model.tour import Tour
from tests.builders import day, group, site, tour


def _message(**doc) -> str:
    base = {"title": "t", "start_date": "2025-02-23", "end_date": "2025-02-28"}
    with pytest.raises(ValidationError) as err:
        Tour.model_validate({**base, **doc})
    return err.value.errors()[0]["msg"]


def test_a_catalogue_lookup_of_a_missing_id_is_none():
    cat = Catalogue(sites=[site("x")])
    assert cat.get("x").id == "x"
    assert cat.get("y") is None


def test_errors_start_with_where_in_the_file_they_are():
    assert _message(end_date="2026-02-24") == ("end_date: the tour lasts 367 days; at most 366 (a plan covers at "
                                               "most a year, so checking and the board stay fast)")
    assert _message(groups=[group("g", day("2025-03-01", start=None, end=None))], sites=[]) == (
        "groups[0].days[0]: 2025-03-01 is outside the tour dates 2025-02-23 – 2025-02-28")


def test_a_tour_of_exactly_366_days_is_accepted():
    t = Tour.model_validate({"title": "t", "start_date": "2025-02-23", "end_date": "2026-02-23"})
    assert len(t.dates()) == 366
    assert t.dates()[0].isoformat() == "2025-02-23" and t.dates()[-1].isoformat() == "2026-02-23"


def test_lookups_of_missing_groups_sites_and_days_are_none():
    t = tour(group("a", day("2025-02-24")), sites=[])
    assert t.group("a").id == "a" and t.group("b") is None
    assert t.site("hotel").id == "hotel" and t.site("nope") is None and t.site(None) is None
    assert t.group("a").day(t.start_date) is None
