"""People checks: each code fires on the case it names and stays quiet on a sound roster."""

import pytest

from planner.schedule.problems import CATALOGUE, Severity
from planner.schedule.scheduler import schedule
from tests.builders import codes, day, group, tour
from tests.people_builders import roster

PEOPLE_CODES = ("roster-headcount", "vehicle-seats", "person-in-two-groups", "room-over-beds",
                "participant-no-group", "person-two-rooms")


def people_tour(headcounts=(50, 50), **people):
    groups = [group(f"g{i + 1}", day("2025-02-24"), name=f"第{'一二'[i]}组", headcount=h)
              for i, h in enumerate(headcounts)]
    people.setdefault("participants", roster(100))
    return tour(*groups, sites=[], people=people)


def people_codes(t):
    return [c for c in codes(schedule(t).problems) if c in PEOPLE_CODES]


def test_a_sound_roster_raises_nothing():
    t = people_tour(staff=[{"id": "s1", "role": "head_teacher", "name": "周老师", "group": "g1"},
                           {"id": "s2", "role": "driver", "name": "孙师傅", "group": "g1"}],
                    vehicles=[{"id": "v1", "group": "g1", "seats": 51}, {"id": "v2", "group": "g2", "seats": 50}],
                    rooms=[{"group": "g1", "date": "2025-02-24", "number": "801", "beds": 2,
                            "occupants": ["p1", "p3"]}])
    assert people_codes(t) == []


def test_no_roster_yet_is_not_a_problem():
    assert people_codes(tour(group("g1", day("2025-02-24"), headcount=40), sites=[])) == []


def test_roster_differs_from_headcount():
    problems = [p for p in schedule(people_tour(headcounts=(48, 50))).problems if p.code == "roster-headcount"]
    assert [(p.group_id, p.severity) for p in problems] == [("g1", Severity.WARNING)]
    assert problems[0].message("zh") == "第一组：名单 50 人，与计划人数 48 人不符"
    assert problems[0].message("en") == "第一组: the roster lists 50 people but the headcount is 48"


def test_vehicle_short_of_seats_counts_participants_and_staff_but_not_the_driver():
    staff = [{"id": "s1", "role": "leader", "name": "钱领队", "group": "g2"},
             {"id": "s2", "role": "driver", "name": "孙师傅", "group": "g2"}]
    fits = people_tour(staff=staff, vehicles=[{"id": "v1", "group": "g2", "plate": "浙A12345", "seats": 51}])
    assert people_codes(fits) == []
    short = people_tour(staff=staff, vehicles=[{"id": "v1", "group": "g2", "plate": "浙A12345", "seats": 50}])
    [p] = [p for p in schedule(short).problems if p.code == "vehicle-seats"]
    assert p.group_id == "g2" and p.severity is Severity.ERROR
    assert p.message("zh") == "第二组：车辆 浙A12345 共 50 座，坐不下 51 人（学员 50、工作人员 1）"


def test_two_vehicles_of_a_group_add_up_and_unknown_seats_are_not_compared():
    two = people_tour(vehicles=[{"id": "v1", "group": "g1", "seats": 30}, {"id": "v2", "group": "g1", "seats": 20}])
    assert people_codes(two) == []
    unknown = people_tour(vehicles=[{"id": "v1", "group": "g1", "seats": 0}])
    assert people_codes(unknown) == []


def test_a_person_listed_in_two_groups():
    people = roster(100)
    twin = dict(people[0], id="p999", group="g2")  # same name and phone, copied into the other group
    t = people_tour(headcounts=(50, 51), participants=[*people, twin])
    [p] = [p for p in schedule(t).problems if p.code == "person-in-two-groups"]
    assert p.groups == ("g1", "g2")
    assert p.message("zh") == f"{people[0]['name']} 同时列在 第一组、第二组"


def test_same_name_different_id_numbers_are_two_people():
    people = roster(100)
    namesake = dict(people[0], id="p999", group="g2", id_number="110101199001010000", phone="13600000000")
    t = people_tour(headcounts=(50, 51), participants=[*people, namesake])
    assert "person-in-two-groups" not in people_codes(t)


def test_same_id_number_under_two_spellings_is_one_person():
    people = roster(100)
    typo = dict(people[0], id="p999", group="g2", name=people[0]["name"] + "Ａ", phone="")
    assert "person-in-two-groups" in people_codes(people_tour(headcounts=(50, 51), participants=[*people, typo]))


def test_a_staff_member_also_on_the_roster_of_another_group():
    people = roster(100)
    staff = [{"id": "s1", "role": "liaison", "name": people[0]["name"], "phone": people[0]["phone"], "group": "g2"}]
    assert people_codes(people_tour(staff=staff)) == ["person-in-two-groups"]


def test_a_room_over_its_beds():
    t = people_tour(rooms=[{"group": "g1", "date": "2025-02-24", "number": "801", "beds": 2,
                            "occupants": ["p1", "p3", "p5"]}])
    [p] = [p for p in schedule(t).problems if p.code == "room-over-beds"]
    assert (p.group_id, str(p.date)) == ("g1", "2025-02-24")
    names = [r["name"] for r in roster(100)]
    assert p.message("zh") == f"第一组 2月24日：801 房 2 张床，安排了 3 人（{names[0]}、{names[2]}、{names[4]}）"


def test_participants_without_a_group_are_one_problem_naming_them():
    people = roster(100)
    for p in people[:10]:
        p["group"] = None
    t = people_tour(headcounts=(45, 45), participants=people)
    [p] = [p for p in schedule(t).problems if p.code == "participant-no-group"]
    assert p.message("zh").startswith("10 名学员未分组：" + "、".join(x["name"] for x in people[:8]))
    assert p.message("zh").endswith("等 10 人")
    assert p.message("en").endswith("and 2 more")


@pytest.mark.parametrize("code", PEOPLE_CODES)
def test_every_people_code_is_registered_in_both_languages(code):
    severity, zh, en = CATALOGUE[code]
    assert isinstance(severity, Severity) and zh and en


def test_a_person_in_two_rooms_on_one_night():
    t = people_tour(rooms=[{"group": "g1", "date": "2025-02-24", "number": "801", "occupants": ["p1", "p3"]},
                           {"group": "g1", "date": "2025-02-24", "number": "802", "occupants": ["p3"]},
                           {"group": "g1", "date": "2025-02-25", "number": "802", "occupants": ["p3"]}])
    [p] = [p for p in schedule(t).problems if p.code == "person-two-rooms"]
    name = roster(100)[2]["name"]
    assert (p.group_id, str(p.date), p.severity) == ("g1", "2025-02-24", Severity.ERROR)
    assert p.message("zh") == f"2月24日：{name} 同时排在 801、802 房"
