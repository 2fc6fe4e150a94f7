"""The people model: records, references that must resolve, loose phones, and the privacy rule."""

import pytest
from pydantic import ValidationError

from planner.model.people import (PARTICIPANT_EDITION, STAFF_EDITION, Participant, StaffMember, Vehicle,
                                  new_person_id, visible_id_number, visible_phone)
from tests.builders import day, group, tour
from tests.people_builders import roster


def two_groups(**people):
    return tour(group("g1", day("2025-02-24")), group("g2", day("2025-02-24")), sites=[], people=people)


def test_a_roster_of_100_loads_with_staff_vehicles_and_rooms():
    t = two_groups(participants=roster(100),
                   staff=[{"id": "s1", "role": "head_teacher", "name": "周老师", "phone": "0571-8697 1085"},
                          {"id": "s2", "role": "leader", "name": "钱领队", "group": "g1", "phone": "+86 139 0000 1111",
                           "phone_shared": True}],
                   vehicles=[{"id": "v1", "group": "g1", "plate": "浙A·12345", "seats": 53, "driver": "孙师傅"}],
                   nights=[{"group": "g1", "date": "2025-02-24", "notes": "14:00 后入住"}],
                   rooms=[{"group": "g1", "date": "2025-02-24", "number": "801", "beds": 2,
                           "occupants": ["p1", "p3"]}])
    assert len(t.people.participants) == 100
    assert len(t.people.in_group("g1")) == 50 and len(t.people.in_group("g2")) == 50
    assert [s.name for s in t.people.staff_of(None)] == ["周老师"]
    assert t.people.vehicles_of("g1")[0].seats == 53
    assert t.people.person("s2").name == "钱领队"


@pytest.mark.parametrize("people, where", [
    ({"participants": [{"id": "p1", "name": "甲", "group": "g9"}]}, "people.participants[0].group"),
    ({"staff": [{"id": "s1", "role": "medic", "name": "乙", "group": "nope"}]}, "people.staff[0].group"),
    ({"vehicles": [{"id": "v1", "group": "g3"}]}, "people.vehicles[0].group"),
    ({"participants": [{"id": "x", "name": "甲"}], "staff": [{"id": "x", "role": "guide", "name": "乙"}]},
     "people.staff[0].id"),
    ({"rooms": [{"group": "g1", "date": "2025-02-24", "number": "1", "occupants": ["ghost"]}]},
     "people.rooms[0].occupants[0]"),
    ({"rooms": [{"group": "g1", "date": "2025-03-24", "number": "1"}]}, "people.rooms[0].date"),
    ({"nights": [{"group": "g1", "date": "2025-02-24"}, {"group": "g1", "date": "2025-02-24"}]},
     "people.nights[1]"),
])
def test_references_must_resolve(people, where):
    with pytest.raises(ValidationError) as info:
        two_groups(**people)
    assert where in str(info.value)


@pytest.mark.parametrize("phone", ["0571-86971085", "+86 139 0000 1111", "(0731) 8888 0000", ""])
def test_phones_are_checked_loosely(phone):
    assert Participant(id="p1", name="甲", phone=phone).phone == phone


@pytest.mark.parametrize("phone", ["call me", "139abc", "--", "1390000111@qq.com"])
def test_a_phone_with_letters_is_refused(phone):
    with pytest.raises(ValidationError):
        Participant(id="p1", name="甲", phone=phone)


def test_an_id_number_with_junk_is_refused():
    with pytest.raises(ValidationError):
        Participant(id="p1", name="甲", id_number="3304<script>")


def test_privacy_participants_phones_and_id_numbers_only_in_the_staff_edition():
    p = Participant(id="p1", name="甲", phone="13900001111", id_number="330400199001010011")
    assert visible_phone(p, STAFF_EDITION) == "13900001111"
    assert visible_phone(p, PARTICIPANT_EDITION) == ""
    assert visible_id_number(p, STAFF_EDITION) == "330400199001010011"
    assert visible_id_number(p, PARTICIPANT_EDITION) == ""
    assert visible_phone(p, "anything else") == ""


def test_privacy_staff_and_driver_phones_shown_to_participants_only_when_shared():
    shared = StaffMember(id="s1", role="leader", name="乙", phone="13900002222", phone_shared=True)
    private = StaffMember(id="s2", role="medic", name="丙", phone="13900003333")
    driver = Vehicle(id="v1", group="g1", driver_phone="13900004444", phone_shared=False)
    assert visible_phone(shared, PARTICIPANT_EDITION) == "13900002222"
    assert visible_phone(private, PARTICIPANT_EDITION) == ""
    assert visible_phone(private, STAFF_EDITION) == "13900003333"
    assert visible_phone(driver, PARTICIPANT_EDITION) == ""
    assert visible_phone(driver, STAFF_EDITION) == "13900004444"


def test_new_ids_skip_used_ones():
    t = two_groups(participants=[{"id": "p1", "name": "甲"}, {"id": "p3", "name": "乙"}])
    assert new_person_id(t.people, "p") == "p2"
    assert new_person_id(t.people, "s") == "s1"
