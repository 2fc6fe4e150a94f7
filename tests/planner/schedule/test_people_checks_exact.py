"""People checks: long name lists in both languages and each problem's group, date and numbers."""

import datetime as dt

from planner.render.labels import short_date
from planner.schedule.people_checks import name_list, people_problems
from tests.builders import day, group, tour

NAMES = [f"人{i}" for i in range(1, 11)]


def test_up_to_eight_names_are_listed_whole_in_both_languages():
    assert name_list(NAMES[:8], "en") == "人1, 人2, 人3, 人4, 人5, 人6, 人7, 人8"
    assert name_list(NAMES[:8], "zh") == "人1、人2、人3、人4、人5、人6、人7、人8"


def test_more_than_eight_names_say_how_many_more_or_how_many_in_all():
    assert name_list(NAMES[:9], "en") == "人1, 人2, 人3, 人4, 人5, 人6, 人7, 人8 and 1 more"
    assert name_list(NAMES, "en") == "人1, 人2, 人3, 人4, 人5, 人6, 人7, 人8 and 2 more"
    assert name_list(NAMES, "zh") == "人1、人2、人3、人4、人5、人6、人7、人8 等 10 人"


def test_a_full_room_and_one_bed_too_few():
    people = {"participants": [{"id": f"p{i}", "name": f"人{i}", "group": "g"} for i in range(1, 4)],
              "rooms": [{"group": "g", "date": "2025-02-24", "number": "801", "beds": 2, "occupants": ["p1", "p2"]},
                        {"group": "g", "date": "2025-02-25", "number": "802", "beds": 2,
                         "occupants": ["p1", "p2", "p3"]}]}
    t = tour(group("g", day("2025-02-24"), name="一组", headcount=3), sites=[], people=people)
    (p,) = people_problems(t)
    assert (p.code, p.group_id, p.date, p.activity_id) == ("room-over-beds", "g", dt.date(2025, 2, 25), None)
    assert p.values("en") == {"group": "一组", "date": short_date(dt.date(2025, 2, 25), "en"), "room": "802",
                              "count": 3, "beds": 2, "names": "人1, 人2, 人3"}
    assert p.values("zh")["date"] == short_date(dt.date(2025, 2, 25), "zh") != short_date(dt.date(2025, 2, 25), "en")
    assert "802" in p.message("en") and "一组" in p.message("zh")


def _seats_tour(participants, headcount, staff, vehicles):
    people = {"participants": [{"id": f"p{i}", "name": f"人{i}", "group": "g"} for i in range(1, participants + 1)],
              "staff": staff, "vehicles": vehicles}
    return tour(group("g", day("2025-02-24"), name="一组", headcount=headcount), sites=[], people=people)


STAFF = [{"id": "s1", "role": "leader", "name": "领队", "group": "g"},
         {"id": "s2", "role": "guide", "name": "讲解", "group": "g"},
         {"id": "s3", "role": "driver", "name": "司机", "group": "g"}]


def test_seats_count_the_roster_when_there_is_one_and_the_staff_but_not_the_driver():
    coaches = [{"id": "v1", "group": "g", "plate": "浙A1", "seats": 3}, {"id": "v2", "group": "g", "seats": 2}]
    assert [p.code for p in people_problems(_seats_tour(3, 3, STAFF, coaches))] == []  # 3 + 2 staff = 5 seats
    (p,) = [p for p in people_problems(_seats_tour(4, 4, STAFF, coaches)) if p.code == "vehicle-seats"]
    assert (p.group_id, p.date, p.activity_id) == ("g", None, None)
    assert p.values() == {"group": "一组", "vehicles": "浙A1、v2", "seats": 5, "people": 6, "participants": 4,
                          "staff": 2}
    # the roster (3) counts, not the planned headcount (9), which differs and is reported on its own
    codes = [p.code for p in people_problems(_seats_tour(3, 9, STAFF, coaches))]
    assert codes == ["roster-headcount"]


def test_without_a_roster_the_planned_headcount_rides():
    coaches = [{"id": "v1", "group": "g", "seats": 8}]
    assert [p.code for p in people_problems(_seats_tour(0, 6, STAFF, coaches))] == []
    (p,) = people_problems(_seats_tour(0, 7, STAFF, coaches))
    assert (p.code, p.values()["participants"], p.values()["people"], p.values()["seats"]) == ("vehicle-seats", 7, 9, 8)


def test_a_person_in_rooms_of_two_groups_on_one_night_names_both_groups_and_rooms():
    people = {"participants": [{"id": "p1", "name": "人1", "group": "g1"}, {"id": "p2", "name": "人2", "group": "g2"}],
              "rooms": [{"group": "g1", "date": "2025-02-24", "number": "801", "occupants": ["p1", "p1"]},
                        {"group": "g2", "date": "2025-02-24", "number": "901", "occupants": ["p2", "p1"]}]}
    t = tour(group("g1", day("2025-02-24"), headcount=1), group("g2", day("2025-02-24"), headcount=1),
             sites=[], people=people)
    (p,) = people_problems(t)
    assert (p.code, p.group_id, p.date, p.groups) == ("person-two-rooms", "g1", dt.date(2025, 2, 24), ("g1", "g2"))
    assert p.values("en") == {"date": short_date(dt.date(2025, 2, 24), "en"), "name": "人1", "rooms": "801、901"}
