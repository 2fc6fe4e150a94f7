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
    assert _error({"end_date": "2026-02-24"})["type"] == "tour_too_long"
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


def _error(doc) -> dict:
    base = {"title": "t", "start_date": "2025-02-23", "end_date": "2025-02-28",
            "sites": [site("hotel", kind="hotel"), site("x")]}
    with pytest.raises(ValidationError) as err:
        Tour.model_validate({**base, **doc})
    e = err.value.errors()[0]
    return {"type": e["type"], "loc": e["loc"], "msg": e["msg"]}


def test_each_wrong_group_day_or_reference_is_named_where_it_is():
    assert _error({"end_date": "2025-02-22"}) == {
        "type": "tour_dates", "loc": (), "msg": "ends on 2025-02-22, before it starts on 2025-02-23"}
    assert _error({"groups": [group("g", day("2025-02-24")), group("g", day("2025-02-24"))]}) == {
        "type": "duplicate_id", "loc": (), "msg": "groups[1].id: id 'g' is already used by [0]"}
    assert _error({"groups": [group("g", day("2025-02-24"), day("2025-02-25"), day("2025-02-24"))]}) == {
        "type": "duplicate_date", "loc": (), "msg": "groups[0].days[2]: 2025-02-24 already planned in days[0]"}
    assert _error({"groups": [group("g", day("2025-03-01"))]}) == {
        "type": "day_outside", "loc": (),
        "msg": "groups[0].days[0]: 2025-03-01 is outside the tour dates 2025-02-23 – 2025-02-28"}
    assert _error({"groups": [group("g", day("2025-02-24", end="inn"))]}) == {
        "type": "unknown_site", "loc": (), "msg": "groups[0].days[0].end: site 'inn' is not in the tour's sites"}
    assert _error({"groups": [group("g", day("2025-02-24", start="inn"))]})["msg"] == (
        "groups[0].days[0].start: site 'inn' is not in the tour's sites")
    ride = {"kind": "transfer", "site": "x", "origin": "stn", "minutes": 30}
    assert _error({"groups": [group("g", day("2025-02-24", {"kind": "visit", "site": "x"}, ride))]})["msg"] == (
        "groups[0].days[0].activities[1].origin: site 'stn' is not in the tour's sites")
    assert _error({"groups": [group("g", day("2025-02-24", {"kind": "lecture", "site": "hall"}))]})["type"] == (
        "unknown_site")


def test_activity_shapes():
    def shape(act):
        return _error({"groups": [group("g", day("2025-02-24", act))]})["type"]

    assert shape({"kind": "visit"}) == "visit_site"
    assert shape({"kind": "transfer", "minutes": 20}) == "transfer_site"
    assert shape({"kind": "transfer", "site": "x"}) == "transfer_minutes"
    assert shape({"kind": "visit", "site": "x", "origin": "hotel"}) == "not_transfer"
    assert shape({"kind": "lecture", "mode": "coach"}) == "not_transfer"


def test_activities_without_an_id_or_with_a_taken_one_get_the_first_free_ones():
    t = tour(group("g", day("2025-02-24", {"kind": "visit", "site": "x", "id": "a2"}, {"kind": "visit", "site": "x"},
                            {"kind": "visit", "site": "x", "id": "a2"}, {"kind": "free"})), sites=[site("x")])
    assert [a.id for a in t.group("g").days[0].activities] == ["a2", "a1", "a3", "a4"]
    from planner.model.tour import new_activity_id
    assert new_activity_id(t) == "a5"
    t.group("g").days[0].activities[3].id = "a5"
    assert new_activity_id(t) == "a6"  # four in use, so a5 first, and on past taken ones


def test_sites_sort_their_hours_and_closed_days_and_refuse_overlaps():
    from planner.model.site import Site
    s = Site(id="s", name="s", kind="park", lat=30, lon=120, closed_weekdays=[7, 1, 7],
             hours=[{"start": "14:00", "end": "17:00"}, {"start": "09:00", "end": "12:00"}])
    assert s.closed_weekdays == [1, 7] and [h.start_min for h in s.hours] == [540, 840]
    with pytest.raises(ValidationError) as err:
        Site(id="s", name="s", kind="park", lat=30, lon=120,
             hours=[{"start": "11:00", "end": "15:00"}, {"start": "09:00", "end": "11:30"}])
    assert err.value.errors()[0]["msg"] == "opening hours overlap: 09:00–11:30 and 11:00–15:00"
    Site(id="s", name="s", kind="park", lat=30, lon=120,
         hours=[{"start": "11:00", "end": "15:00"}, {"start": "09:00", "end": "11:00"}])  # touching is fine
    assert Site(id="s", name="s", kind="park", lat=30, lon=120, city="嘉兴市", county="海宁市").place == "嘉兴市海宁市"
    assert Site(id="s", name="s", kind="park", lat=30, lon=120, city="杭州市", county="杭州市").place == "杭州市"


def test_a_site_id_used_twice_names_both_places():
    assert _error({"sites": [site("hotel", kind="hotel"), site("x"), site("x")]}) == {
        "type": "duplicate_id", "loc": (), "msg": "sites[2].id: id 'x' is already used by [1]"}
    with pytest.raises(ValidationError) as err:
        Catalogue(sites=[site("y"), site("y")])
    assert err.value.errors()[0]["msg"] == "sites[1].id: id 'y' is already used by [0]"


def test_days_on_the_tours_first_and_last_date_belong_to_it():
    t = tour(group("g", day("2025-02-23"), day("2025-02-28")), sites=[])
    assert [d.date.isoformat() for d in t.group("g").days] == ["2025-02-23", "2025-02-28"]
