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


def test_a_roster_line_is_known_by_its_id_number_its_name_with_phone_or_its_name():
    from planner.model.people import Participant, StaffMember, person_keys
    full = Participant(id="p1", name="甲", phone=" 0571-8697 1085 ", id_number=" 330402x ")
    assert (full.phone, full.id_number) == ("0571-8697 1085", "330402x")
    assert person_keys(full) == [("id", "330402X"), ("phone", "甲", "057186971085")]
    assert person_keys(Participant(id="p2", name="乙", id_number="1-2")) == [("id", "1-2")]
    assert person_keys(StaffMember(id="s1", role="guide", name="丙", phone="+86 139")) == [("phone", "丙", "86139")]
    assert person_keys(StaffMember(id="s2", role="guide", name="丁")) == [("name", "丁")]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("phone", "abc", "'abc' is not a phone number (digits, +, - and spaces only)"),
    ("phone", " -- ", "'--' is not a phone number (digits, +, - and spaces only)"),
    ("id_number", " 33/04 ", "'33/04' is not an ID number (letters, digits and - only)")])
def test_junk_in_a_phone_or_id_number_is_refused_quoting_it(field, value, message):
    from pydantic import ValidationError

    from planner.model.people import Participant
    with pytest.raises(ValidationError) as err:
        Participant(id="p1", name="甲", **{field: value})
    e = err.value.errors()[0]
    assert (e["type"], e["msg"]) == (field, message)


@pytest.mark.parametrize(("people", "code", "message"), [
    ({"participants": [{"id": "x1", "name": "甲"}], "vehicles": [{"id": "x1", "group": "g1"}]}, "duplicate_id",
     "people.vehicles[0].id: id 'x1' is already used by people.participants[0]"),
    ({"staff": [{"id": "s1", "role": "guide", "name": "乙", "group": "g9"}]}, "unknown_group",
     "people.staff[0].group: group 'g9' is not in the tour"),
    ({"rooms": [{"group": "g9", "date": "2025-02-24", "number": "1"}]}, "unknown_group",
     "people.rooms[0].group: group 'g9' is not in the tour"),
    ({"nights": [{"group": "g1", "date": "2025-02-23"}, {"group": "g1", "date": "2025-03-01"}]}, "day_outside",
     "people.nights[1].date: 2025-03-01 is outside the tour dates 2025-02-23 – 2025-02-28"),
    ({"nights": [{"group": "g1", "date": "2025-02-28"}, {"group": "g1", "date": "2025-02-28"}]}, "duplicate_night",
     "people.nights[1]: g1 2025-02-28 has notes twice"),
    ({"participants": [{"id": "p1", "name": "甲"}],
      "rooms": [{"group": "g1", "date": "2025-02-24", "number": "1", "occupants": ["p1", "p7"]}]}, "unknown_person",
     "people.rooms[0].occupants[1]: 'p7' is not in the roster")])
def test_roster_references_that_do_not_resolve_are_named_where_they_are(people, code, message):
    from pydantic import ValidationError

    from planner.model.tour import Tour
    with pytest.raises(ValidationError) as err:
        Tour.model_validate({"title": "t", "start_date": "2025-02-23", "end_date": "2025-02-28",
                             "groups": [{"id": "g1", "name": "一组"}], "people": people})
    e = err.value.errors()[0]
    assert (e["type"], e["msg"]) == (code, message)
