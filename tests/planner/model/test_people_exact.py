"""The roster's lookups: emptiness by any list, people per group, staff of a group or of the whole tour."""

import pytest

from planner.model.people import People, new_person_id

ONE = {"participants": [{"id": "p1", "name": "甲", "group": "g1"}],
       "staff": [{"id": "s1", "role": "leader", "name": "领队", "group": "g1"},
                 {"id": "s2", "role": "medic", "name": "医生"}],
       "vehicles": [{"id": "v1", "group": "g1"}],
       "nights": [{"group": "g1", "date": "2025-02-24"}],
       "rooms": [{"group": "g1", "date": "2025-02-24", "number": "801"}],
       "emergency": [{"name": "急诊", "phone": "120"}]}


def test_an_empty_roster_is_empty():
    assert People().is_empty()


@pytest.mark.parametrize("kind", list(ONE))
def test_any_one_list_filled_makes_the_roster_not_empty(kind):
    assert not People.model_validate({kind: ONE[kind]}).is_empty()


def test_lookups_by_group_and_id():
    people = People.model_validate(ONE)
    assert [p.id for p in people.in_group("g1")] == ["p1"] and people.in_group("g2") == []
    assert [s.id for s in people.staff_of("g1")] == ["s1"]
    assert [s.id for s in people.staff_of(None)] == ["s2"]
    assert [v.id for v in people.vehicles_of("g1")] == ["v1"] and people.vehicles_of("g2") == []
    assert people.person("s2").name == "医生" and people.person("v1") is None


def test_new_ids_count_from_one_past_every_kind_of_id():
    people = People.model_validate(ONE)
    assert new_person_id(people, "p") == "p2"
    assert new_person_id(people, "s") == "s3"
    assert new_person_id(people, "v") == "v2"
    assert new_person_id(People(), "p") == "p1"
