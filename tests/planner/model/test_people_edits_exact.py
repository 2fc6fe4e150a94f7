"""Roster edits at their edges: first and last places, bounds, fresh and kept ids, shifted dates, messages."""

import datetime as dt
import re

import pytest

from planner.model.edits import EditError
from planner.model.people import HotelNight, Participant, StaffMember
from planner.model.people_edits import (insert_records, occupants_from_text, occupants_text, records, refit_people,
                                        remove_records, replace_people, rooms_from_roster, set_field, validated)
from tests.builders import day, group, site, tour

MON, TUE, WED = dt.date(2025, 2, 24), dt.date(2025, 2, 25), dt.date(2025, 2, 26)


def sample():
    """Four participants (p1..p4: 甲 乙 丙 丁; 甲 twice), leader s1, vehicle v1, rooms and nights of g1."""
    people = {"participants": [{"id": f"p{i}", "name": n, "group": "g1"} for i, n in
                               ((1, "甲"), (2, "乙"), (3, "甲"), (4, "丁"))],
              "staff": [{"id": "s1", "role": "leader", "name": "钱领队", "group": "g1"}],
              "vehicles": [{"id": "v1", "group": "g1", "plate": "浙A1"}, {"id": "v2", "group": "g2"}],
              "nights": [{"group": "g1", "date": "2025-02-23"}, {"group": "g1", "date": "2025-02-28"},
                         {"group": "g2", "date": "2025-02-24"}],
              "rooms": [{"group": "g1", "date": "2025-02-23", "number": "801", "occupants": ["p1", "s1", "p2"]},
                        {"group": "g1", "date": "2025-02-28", "number": "802", "occupants": ["p4"]}]}
    return tour(group("g1", day("2025-02-24")), group("g2", day("2025-02-24")), sites=[], people=people)


def ids(rows):
    return [r.id for r in rows]


def test_an_unknown_list_is_named():
    with pytest.raises(EditError, match=re.escape("unknown list 'cars'")):
        records(sample(), "cars")


def test_a_bad_value_is_named_with_its_place_in_the_record():
    with pytest.raises(EditError, match=r"^phone: '无' is not a phone number"):
        validated("participants", {"id": "p1", "name": "甲", "phone": "无"})
    with pytest.raises(EditError, match=r"^occupants\.1: "):
        validated("rooms", {"group": "g1", "date": "2025-02-24", "number": "8", "occupants": ["p1", "B B"]})


def test_set_field_on_the_last_row_works_and_past_it_is_refused():
    t = sample()
    assert set_field(t, "participants", 3, "name", "戊") == "丁"
    with pytest.raises(EditError, match=re.escape("participants[4] does not exist")):
        set_field(t, "participants", 4, "name", "己")
    assert [p.name for p in t.people.participants] == ["甲", "乙", "甲", "戊"]


def test_insert_at_the_front_keeps_a_fresh_id_and_renames_one_already_used():
    t = sample()
    assert insert_records(t, "participants", -5, [Participant(id="p99", name="新", group="g1")]) == 0
    assert insert_records(t, "participants", 0, [Participant(id="v1", name="车号", group="g1")]) == 0
    assert insert_records(t, "staff", 9, [StaffMember(id="p2", role="medic", name="医生")]) == 1
    assert ids(t.people.participants) == ["p5", "p99", "p1", "p2", "p3", "p4"]
    assert ids(t.people.staff) == ["s1", "s2"]


def test_insert_a_hotel_night_which_has_no_id():
    t = sample()
    assert insert_records(t, "nights", 1, [HotelNight(group="g2", date=WED)]) == 1
    assert [(n.group, n.date) for n in t.people.nights][:3] == [("g1", dt.date(2025, 2, 23)), ("g2", WED),
                                                                  ("g1", dt.date(2025, 2, 28))]


def test_a_refused_insert_at_the_end_leaves_the_list_as_it_was():
    t = sample()
    with pytest.raises(EditError, match=re.escape("people.staff[1].group: group 'nope' is not in the tour")):
        insert_records(t, "staff", 1, [StaffMember(id="s9", role="medic", name="医生", group="nope")])
    assert ids(t.people.staff) == ["s1"]


def test_remove_one_by_default_from_the_middle_and_the_last():
    t = sample()
    removed = remove_records(t, "participants", 1)
    assert ids(removed.records) == ["p2"] and removed.index == 1 and removed.beds == [(0, 2, "p2")]
    assert ids(remove_records(t, "participants", 1, 2).records) == ["p3", "p4"]
    assert ids(t.people.participants) == ["p1"]
    assert t.people.rooms[1].occupants == []
    assert ids(remove_records(t, "participants", 0).records) == ["p1"]


@pytest.mark.parametrize("index, count, shown", [(-1, 1, "[-1:0]"), (3, 2, "[3:5]"), (2, 3, "[2:5]")])
def test_removing_past_either_end_is_refused_naming_the_range(index, count, shown):
    t = sample()
    with pytest.raises(EditError, match=re.escape(f"participants{shown} does not exist")):
        remove_records(t, "participants", index, count)
    assert len(t.people.participants) == 4


def test_removed_staff_leave_their_beds_and_removed_nights_touch_no_room():
    t = sample()
    removed = remove_records(t, "staff", 0)
    assert removed.beds == [(0, 1, "s1")] and t.people.rooms[0].occupants == ["p1", "p2"]
    nights = remove_records(t, "nights", 0)
    assert nights.beds == [] and [n.date for n in nights.records] == [dt.date(2025, 2, 23)]
    assert t.people.rooms[0].occupants == ["p1", "p2"]


def test_a_refused_roster_says_why():
    t = sample()
    broken = t.people.model_copy(deep=True)
    broken.vehicles[0].group = "gone"
    with pytest.raises(EditError, match=re.escape("people.vehicles[0].group: group 'gone' is not in the tour")):
        replace_people(t, broken)
    assert t.people.vehicles[0].group == "g1"


def test_a_name_twice_on_the_roster_asks_for_the_id_and_unknown_ids_show_as_typed():
    people = sample().people
    with pytest.raises(EditError, match=re.escape("甲 is on the roster 2 times; use the id (p1, p3)")):
        occupants_from_text(people, "乙、甲")
    assert occupants_from_text(people, "p3 丁") == ["p3", "p4"]
    assert occupants_text(people, ["p2", "gone", "s1"]) == "乙、gone、钱领队"


def test_refit_to_the_same_tour_keeps_everything_and_copies():
    t = sample()
    people = refit_people(t.people, {"g1", "g2"}, t.start_date, t.end_date)
    assert people == t.people and people is not t.people
    people.participants[0].group = "g2"
    assert t.people.participants[0].group == "g1"


def test_refit_without_a_group_drops_its_vehicles_nights_and_rooms_and_leaves_the_source_alone():
    t = sample()
    people = refit_people(t.people, {"g2"}, t.start_date, t.end_date)
    assert [p.group for p in people.participants] == [None] * 4 and people.staff[0].group is None
    assert ids(people.vehicles) == ["v2"]
    assert [(n.group, n.date) for n in people.nights] == [("g2", MON)]
    assert people.rooms == []
    assert [p.group for p in t.people.participants] == ["g1"] * 4 and ids(t.people.vehicles) == ["v1", "v2"]


def test_refit_shifts_nights_and_rooms_and_drops_those_past_the_tour_edges():
    t = sample()
    later = refit_people(t.people, {"g1", "g2"}, t.start_date, t.end_date, shift=1)
    assert [(n.group, str(n.date)) for n in later.nights] == [("g1", "2025-02-24"), ("g2", "2025-02-25")]
    assert [(r.number, str(r.date)) for r in later.rooms] == [("801", "2025-02-24")]
    earlier = refit_people(t.people, {"g1", "g2"}, t.start_date, t.end_date, shift=-1)
    assert [(n.group, str(n.date)) for n in earlier.nights] == [("g1", "2025-02-27"), ("g2", "2025-02-23")]
    assert [(r.number, str(r.date)) for r in earlier.rooms] == [("802", "2025-02-27")]
    assert [str(n.date) for n in t.people.nights] == ["2025-02-23", "2025-02-28", "2025-02-24"]


def test_rooms_from_roster_fill_a_hotel_night_after_a_planned_one_with_a_bed_each():
    t = tour(group("g1", day("2025-02-24", end="inn"), day("2025-02-25", end="inn")),
             sites=[site("inn", kind="hotel")],
             people={"participants": [{"id": "p1", "name": "甲", "group": "g1", "room": "801"},
                                      {"id": "p2", "name": "乙", "group": "g1", "room": "801"},
                                      {"id": "p3", "name": "丙", "group": "g1", "room": "801"},
                                      {"id": "p4", "name": "丁", "group": "g1", "room": "802"}],
                     "rooms": [{"group": "g1", "date": "2025-02-24", "number": "900", "occupants": ["p4"]}]})
    made = [(str(r.date), r.number, r.beds, r.occupants) for r in rooms_from_roster(t).rooms]
    assert made == [("2025-02-24", "900", 2, ["p4"]),
                    ("2025-02-25", "801", 3, ["p1", "p2", "p3"]), ("2025-02-25", "802", 2, ["p4"])]
