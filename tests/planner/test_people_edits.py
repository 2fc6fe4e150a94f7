"""Edits of the roster: each validated against the tour, each undone exactly."""

import pytest

from planner.model.edits import EditError
from planner.model.people import Participant, StaffMember
from planner.model.people_edits import (insert_records, occupants_from_text, occupants_text, refit_people,
                                        remove_records, replace_people, restore_records, roster_counts, set_field,
                                        set_headcounts, rooms_from_roster)
from tests.builders import day, group, tour
from tests.people_builders import roster


def sample():
    return tour(group("g1", day("2025-02-24")), group("g2", day("2025-02-24")), sites=[],
                people={"participants": roster(6),
                        "staff": [{"id": "s1", "role": "leader", "name": "钱领队", "group": "g1"}],
                        "rooms": [{"group": "g1", "date": "2025-02-24", "number": "801",
                                   "occupants": ["p1", "s1", "p3"]}]})


def test_set_field_validates_and_returns_the_old_value():
    t = sample()
    old = set_field(t, "participants", 0, "phone", "0571-8888 0000")
    assert t.people.participants[0].phone == "0571-8888 0000" and old.startswith("139")
    with pytest.raises(EditError, match="phone"):
        set_field(t, "participants", 0, "phone", "无")
    with pytest.raises(EditError, match="group 'g9' is not in the tour"):
        set_field(t, "participants", 0, "group", "g9")
    assert t.people.participants[0].phone == "0571-8888 0000" and t.people.participants[0].group == "g1"


def test_insert_gives_fresh_ids_and_refuses_bad_references():
    t = sample()
    at = insert_records(t, "participants", 99, [Participant(id="p1", name="新学员", group="g2")])
    assert at == 6 and t.people.participants[6].id == "p7"
    with pytest.raises(EditError):
        insert_records(t, "staff", 0, [StaffMember(id="s9", role="medic", name="医生", group="nope")])
    assert len(t.people.staff) == 1


def test_removing_people_takes_them_out_of_their_rooms_and_undo_puts_them_back():
    t = sample()
    before = t.model_dump()
    removed = remove_records(t, "participants", 0, 3)
    assert [p.id for p in t.people.participants] == ["p4", "p5", "p6"]
    assert t.people.rooms[0].occupants == ["s1"]
    restore_records(t, "participants", removed)
    assert t.model_dump() == before


def test_room_occupants_by_name():
    t = sample()
    names = [p.name for p in t.people.participants]
    assert occupants_from_text(t.people, f"{names[1]}、 钱领队") == ["p2", "s1"]
    assert occupants_text(t.people, ["p2", "s1"]) == f"{names[1]}、钱领队"
    with pytest.raises(EditError, match="不在名单|is not on the roster"):
        occupants_from_text(t.people, "无名氏")


def test_replace_people_is_checked_and_reversible():
    t = sample()
    other = t.people.model_copy(deep=True)
    other.participants = []
    other.rooms = []
    old = replace_people(t, other)
    assert t.people.participants == [] and len(old.participants) == 6
    broken = old.model_copy(deep=True)
    broken.participants[0].group = "gone"
    with pytest.raises(EditError):
        replace_people(t, broken)
    assert t.people.participants == []


def test_dropping_a_group_unassigns_its_people_and_drops_its_rooms():
    t = sample()
    people = refit_people(t.people, {"g2"}, t.start_date, t.end_date)
    assert all(p.group in (None, "g2") for p in people.participants) and people.staff[0].group is None
    assert people.rooms == [] and len(t.people.rooms) == 1


def test_headcounts_follow_the_roster_and_come_back():
    t = sample()
    old = set_headcounts(t, roster_counts(t))
    assert [g.headcount for g in t.groups] == [3, 3] and old == {"g1": 30, "g2": 30}
    set_headcounts(t, old)
    assert [g.headcount for g in t.groups] == [30, 30]


def test_rooms_from_roster_fill_each_hotel_night_without_rooms():
    t = tour(group("g1", day("2025-02-24"), day("2025-02-25"), day("2025-02-26", end="station"), name="一组"),
             sites=[{"id": "station", "name": "杭州东站", "kind": "station", "lat": 30.29, "lon": 120.21}],
             people={"participants": [{"id": "p1", "name": "甲", "group": "g1", "room": "801"},
                                      {"id": "p2", "name": "乙", "group": "g1", "room": "801"},
                                      {"id": "p3", "name": "丙", "group": "g1", "room": "802"},
                                      {"id": "p4", "name": "丁", "group": "g1"}],
                     "rooms": [{"group": "g1", "date": "2025-02-25", "number": "900", "occupants": ["p4"]}]})
    people = rooms_from_roster(t)
    made = [(str(r.date), r.number, r.occupants) for r in people.rooms]
    assert made == [("2025-02-25", "900", ["p4"]),                       # a planned night stays as it is
                    ("2025-02-24", "801", ["p1", "p2"]), ("2025-02-24", "802", ["p3"])]  # not the station night
    assert t.people.rooms[0].number == "900" and len(t.people.rooms) == 1  # the tour itself is untouched
