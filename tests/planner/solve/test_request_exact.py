"""A plan request's refusals, each naming the file, the entry and the problem; what the plan still misses."""

from __future__ import annotations

import json

import pytest

from planner.io.errors import PlannerError
from planner.model.tour import Activity, ActivityKind
from planner.solve.request import HotelChoice, PlanRequest, PoolSite, check_request, load_request, uncovered
from tests.builders import day, group, site, tour, visit


def _tour():
    return tour(group("g1", day("2025-02-24", visit("farm")), day("2025-02-25", visit("museum"))),
                group("g2", day("2025-02-24", visit("museum"))),
                sites=[site("farm", topics=["乡村振兴", "生态"]), site("museum", topics=["文化"]),
                       site("h2", kind="hotel")])


def _message(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlannerError) as err:
        load_request(path, _tour())
    return str(err.value)


def test_a_good_request_loads_with_its_defaults(tmp_path):
    path = tmp_path / "req.json"
    path.write_text(json.dumps({"groups": ["g1"], "pool": [{"site": "museum"}],
                                "topics": {"g1": ["文化"]}}, ensure_ascii=False), encoding="utf-8")
    req = load_request(path, _tour())
    assert req.groups == ["g1"] and req.dates is None and req.balance is False and req.hotels == []
    assert req.pool == [PoolSite(site="museum", priority=1, groups=None, max_groups=1)]
    assert req.topics == {"g1": ["文化"]}


def test_an_unreadable_request_says_why(tmp_path):
    missing = tmp_path / "none.json"
    with pytest.raises(PlannerError) as err:
        load_request(missing, _tour())
    assert str(err.value) == f"{missing}: cannot read (No such file or directory)"
    with pytest.raises(PlannerError) as err:
        load_request(tmp_path, _tour())
    assert str(err.value) == f"{tmp_path}: cannot read (Is a directory)"


def test_a_request_that_is_not_json_says_so(tmp_path):
    path = tmp_path / "req.json"
    assert _message(path, "groups: g1") == f"{path}: not JSON (Expecting value: line 1 column 1 (char 0))"


@pytest.mark.parametrize("doc, where, msg", [
    ({"pool": [{"site": "farm"}, {"site": "museum", "priority": 101}]}, "pool.1.priority",
     "Input should be less than or equal to 100"),
    ({"pool": [{"site": "farm", "priority": -1}]}, "pool.0.priority", "Input should be greater than or equal to 0"),
    ({"pool": [{"site": "farm", "max_groups": 0}]}, "pool.0.max_groups",
     "Input should be greater than or equal to 1"),
    ({"pool": [{"site": "farm", "max_groups": 100}]}, "pool.0.max_groups",
     "Input should be less than or equal to 99"),
    ({"balance": True, "colour": "red"}, "colour", "Extra inputs are not permitted"),
    ({"groups": ["G1"]}, "groups.0", "String should match pattern '^[a-z0-9][a-z0-9_.-]{0,63}$'"),
    ({"hotels": [{"group": "g1", "date": "2025-02-24", "candidates": []}]}, "hotels.0.candidates",
     "List should have at least 1 item after validation, not 0"),
])
def test_a_wrong_entry_names_where_it_is(tmp_path, doc, where, msg):
    path = tmp_path / "req.json"
    assert _message(path, json.dumps(doc)) == f"{path}: {where}: {msg}"


def test_a_loaded_request_is_checked_against_the_tour_under_the_files_name(tmp_path):
    path = tmp_path / "req.json"
    assert _message(path, '{"groups": ["g1", "g7"]}') == f"{path}: no group 'g7' in the tour"


def _refusal(**fields) -> str:
    with pytest.raises(PlannerError) as err:
        check_request(PlanRequest(**fields), _tour())
    return str(err.value)


def test_every_group_a_request_names_must_be_in_the_tour():
    assert _refusal(groups=["g3"]) == "request: no group 'g3' in the tour"
    assert _refusal(topics={"g1": ["文化"], "g4": ["生态"]}) == "request: no group 'g4' in the tour"
    assert _refusal(pool=[PoolSite(site="farm", groups=["g2", "g5"])]) == "request: no group 'g5' in the tour"
    assert _refusal(hotels=[HotelChoice(group="g6", date="2025-02-24", candidates=["h2"])]) == \
        "request: no group 'g6' in the tour"


def test_dates_must_lie_inside_the_tour_its_first_and_last_day_included():
    check_request(PlanRequest(dates=["2025-02-23", "2025-02-28"]), _tour())
    assert _refusal(dates=["2025-02-24", "2025-03-01"]) == \
        "request: date 2025-03-01 is outside the tour (2025-02-23 – 2025-02-28)"
    assert _refusal(dates=["2025-02-22"]) == "request: date 2025-02-22 is outside the tour (2025-02-23 – 2025-02-28)"


def test_pool_and_hotel_entries_are_named_by_their_position():
    assert _refusal(pool=[PoolSite(site="farm"), PoolSite(site="zoo")]) == "request: pool[1]: no site 'zoo' in the tour"
    ok = HotelChoice(group="g1", date="2025-02-24", candidates=["h2", "hotel"])
    assert _refusal(hotels=[ok, HotelChoice(group="g2", date="2025-02-25", candidates=["h2"])]) == \
        "request: hotels[1]: group 'g2' has no day 2025-02-25"
    assert _refusal(hotels=[ok, HotelChoice(group="g1", date="2025-02-25", candidates=["h2", "inn"])]) == \
        "request: hotels[1]: no site 'inn' in the tour"
    check_request(PlanRequest(hotels=[ok]), _tour(), "x.json")
    with pytest.raises(PlannerError, match=r"^x\.json: pool\[0\]: no site 'zoo'"):
        check_request(PlanRequest(pool=[PoolSite(site="zoo")]), _tour(), "x.json")


def test_uncovered_lists_each_groups_missing_topics_in_request_order():
    t = _tour()
    assert uncovered(t, None) == []
    req = PlanRequest(topics={"g1": ["文化", "党建", "生态"], "g2": ["生态", "文化"]})
    assert uncovered(t, req) == [("g1", "党建"), ("g2", "生态")]
    # only visits count: a lecture held at the farm gives g2 no topic
    t.group("g2").days[0].activities.append(Activity(id="lec", kind=ActivityKind.LECTURE, site="farm"))
    assert uncovered(t, req) == [("g1", "党建"), ("g2", "生态")]
    t.group("g2").days[0].activities.append(Activity(id="v9", kind=ActivityKind.VISIT, site="farm"))
    assert uncovered(t, req) == [("g1", "党建")]
