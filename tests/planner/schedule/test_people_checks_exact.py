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
