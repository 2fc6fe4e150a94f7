"""What a route map shows: each group's line through its places, numbered stops, hotels, stations, joint visits."""

import datetime as dt

from planner.render.routes import HOTEL, STATION, STOP, Scope, Visit, build_route_map
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.planner.render.small_tour import MON, three_day_tour

MONDAY, TUESDAY = dt.date(2025, 2, 24), dt.date(2025, 2, 25)


def marks(route_map):
    return [(m.site.id, m.kind, m.number, m.groups, m.joint) for m in route_map.markers]


def test_the_whole_tour_one_line_per_group_through_every_place_in_order():
    rm = build_route_map(schedule(three_day_tour()))
    assert rm.title == "测试" and rm.scope.kind == "tour"
    a, b = rm.routes
    assert (a.group_id, a.name, b.group_id, b.name) == ("a", "第一组", "b", "第二组")
    # Monday there and back, Tuesday to Shanghai by rail, Wednesday's station (its start is nowhere)
    assert [p.id for p in a.points] == ["hotel", "x", "y", "hotel", "st", "st2", "hotel2", "st"]
    assert (a.km, a.stops) == (59.9, 2)
    assert ([p.id for p in b.points], b.km, b.stops) == (["hotel"], 0.0, 0)
    assert marks(rm) == [("hotel", HOTEL, None, ["a", "b"], False), ("x", STOP, 1, ["a"], False),
                         ("y", STOP, 2, ["a"], False), ("hotel2", HOTEL, None, ["a"], False),
                         ("st", STATION, None, ["a"], False), ("st2", STATION, None, ["a"], False)]
    x, y = rm.markers[1], rm.markers[2]
    assert x.visits == [Visit("a", MONDAY, "08:30", "10:00", "甲厂")]
    assert y.visits == [Visit("a", MONDAY, "13:10", "14:10", "参观乙园")]
    assert all(m.visits == [] for m in rm.markers if m.kind != STOP)
    assert rm.bounds() == ((30.27, 120.15), (31.2, 121.33))


def test_a_group_day_scope_keeps_only_that_day():
    rm = build_route_map(schedule(three_day_tour()), Scope("a", TUESDAY))
    assert rm.scope.kind == "day" and Scope("a").kind == "group"
    (a,) = rm.routes
    assert [p.id for p in a.points] == ["hotel", "st", "st2", "hotel2"]
    assert (a.km, a.stops) == (0.0, 0)
    assert marks(rm) == [("hotel", HOTEL, None, ["a"], False), ("hotel2", HOTEL, None, ["a"], False),
                         ("st", STATION, None, ["a"], False), ("st2", STATION, None, ["a"], False)]
    rm = build_route_map(schedule(three_day_tour()), Scope("b"))
    assert [r.group_id for r in rm.routes] == ["b"]
    assert marks(rm) == [("hotel", HOTEL, None, ["b"], False)]


def test_a_joint_visit_is_one_unnumbered_marker_for_all_its_groups():
    # 甲厂 stands where the hotel does: the joint visit is 08:00–09:00 for both groups
    t = tour(group("a", day(MON, visit("x", id="a1", joint="J1"), visit("y", id="a2"),
                            {"kind": "lecture", "site": "x", "id": "a3", "title": "讲座"},
                            {"kind": "meal", "site": "y", "id": "a4"}), name="甲"),
             group("b", day(MON, visit("x", id="b1", joint="J1")), name="乙"),
             sites=[site("x", "甲厂"), site("y", "乙园", kind="park", at=(30.1, 120.0))])
    rm = build_route_map(schedule(t))
    assert marks(rm) == [("hotel", HOTEL, None, ["a", "b"], False), ("x", STOP, None, ["a", "b"], True),
                         ("y", STOP, 1, ["a"], False), ("x", STOP, 2, ["a"], False),
                         ("y", STOP, None, ["a"], False)]
    joint = rm.markers[1]
    assert [(v.group_id, v.start, v.end, v.title) for v in joint.visits] == [
        ("a", "08:00", "09:00", "甲厂"), ("b", "08:00", "09:00", "甲厂")]
    assert [v.title for v in rm.markers[3].visits] == ["讲座"]
    assert rm.markers[4].visits == []  # a meal is not a stop
    assert [r.stops for r in rm.routes] == [2, 0]
    assert rm.bounds() == ((30.1, 120.0), (30.27, 120.15))


def test_an_empty_map_has_no_bounds():
    rm = build_route_map(schedule(tour(sites=[])))
    assert (rm.routes, rm.markers, rm.bounds()) == ([], [], None)


def test_a_transfer_adds_where_it_arrives_and_each_line_has_its_groups_colour():
    t = tour({**group("a", day(MON, {"kind": "transfer", "site": "y", "minutes": 45}, visit("x"))),
              "colour": "#d62728"},
             sites=[site("y", "乙园", kind="park", at=(30.5, 120.5)), site("x", "甲厂", at=(30.4, 120.4))])
    rm = build_route_map(schedule(t))
    (route,) = rm.routes
    assert [p.id for p in route.points] == ["hotel", "y", "x", "hotel"]
    assert route.colour == "#d62728"
    # arriving at 乙园 by transfer is no visit: unnumbered; 甲厂 after it is stop 1
    assert marks(rm) == [("hotel", HOTEL, None, ["a"], False), ("y", STOP, None, ["a"], False),
                         ("x", STOP, 1, ["a"], False)]
    assert route.stops == 1
