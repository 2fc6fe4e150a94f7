"""Who comes to each host site, when and how many (site_visits), exactly, for hand-timed small tours."""

import datetime as dt

from planner.model.tour import Tour
from planner.render.site_visits import GroupAt, Visit, site_visits
from planner.schedule.scheduler import schedule
from tests.builders import site, visit
from tests.planner.render.h22_tours import joint_tour

D24, D25, D26, D27 = (dt.date(2025, 2, d) for d in (24, 25, 26, 27))
G1 = GroupAt("g1", "第一组", 12, (), "")
G2 = GroupAt("g2", "第二组", 30, (("李领队", ""),), "")


def test_a_joint_session_is_one_visit_and_a_stay_of_two_items_is_one_visit():
    visits = site_visits(schedule(joint_tour()))
    assert list(visits) == ["a", "b"]
    assert visits["a"] == [
        Visit("a", D24, 510, 600, (G1, G2), ("座谈交流",), ("张主任",), "j1", ("a1", "a3")),
        Visit("a", D25, 510, 660, (G2,), ("现场教学", "座谈交流：产业座谈"), ("王讲解",), None, ("a4", "a5"))]
    assert visits["b"] == [Visit("b", D24, 640, 730, (G1,), ("现场教学",), (), None, ("a2",))]
    assert [v.headcount for v in visits["a"]] == [42, 30]
    assert visits["a"][0].key() == (D24, 510, 600, (("第一组", 12, ()), ("第二组", 30, (("李领队", ""),))),
                                    ("座谈交流",), ("张主任",))


def test_only_the_chosen_groups_visits_count():
    visits = site_visits(schedule(joint_tour()), ["g2"])
    assert list(visits) == ["a"]
    assert [(v.date, v.groups, v.activity_ids) for v in visits["a"]] == [(D24, (G2,), ("a3",)),
                                                                        (D25, (G2,), ("a4", "a5"))]


def test_a_roster_gives_the_headcount_leaders_with_phones_and_the_coach():
    t = joint_tour(people={
        "participants": [{"id": "p1", "name": "甲", "group": "g1"}],
        "staff": [{"id": "s1", "role": "leader", "name": "王领队", "phone": "139", "group": "g1"}],
        "vehicles": [{"id": "v1", "group": "g1", "plate": "浙A1", "driver_phone": "138", "phone_shared": False}]})
    v = site_visits(schedule(t))["b"][0]
    assert v.groups == (GroupAt("g1", "第一组", 1, (("王领队", "139"),), "浙A1 138"),)


def _more_days():
    d = joint_tour().model_dump(mode="json")
    d["sites"] += [site("c", "丙村", kind="village", max_groups=2, presenter="村书记"), site("d", "丁馆", kind="venue")]
    g1, g2 = d["groups"]
    g1["name"] = "第九组"  # sorts after 第二组
    g1["days"] += [{"date": "2025-02-26", "start": "hotel", "end": "hotel", "activities": [visit("d"), visit("c")]},
                   {"date": "2025-02-27", "start": "hotel", "end": "hotel", "activities": [
                       visit("c", presenter="甲"), {"kind": "free", "minutes": 30}, visit("c", presenter="村书记"),
                       {"kind": "discussion", "site": "c", "presenter": "甲", "joint": "k"}]}]
    g2["days"] += [{"date": "2025-02-26", "start": "hotel", "end": "hotel", "activities": [visit("c")]}]
    return schedule(Tour.model_validate(d))


def test_sites_in_order_of_first_visit_and_visits_in_time_then_group_order():
    visits = site_visits(_more_days())
    assert list(visits) == ["a", "b", "c", "d"]  # c and d both first seen on the 26th at 08:00: by id
    g9 = GroupAt("g1", "第九组", 12, (), "")
    assert [(v.date, v.arrive, v.leave, v.groups, v.items, v.presenters, v.joint) for v in visits["c"]] == [
        (D26, 480, 540, (G2,), ("现场教学",), ("村书记",), None),
        (D26, 540, 600, (g9,), ("现场教学",), ("村书记",), None),
        (D27, 480, 540, (g9,), ("现场教学",), ("甲",), None),
        (D27, 570, 630, (g9,), ("现场教学",), ("村书记",), None),
        (D27, 630, 720, (g9,), ("座谈交流",), ("甲",), "k")]
    assert [(v.date, v.arrive, v.groups) for v in visits["d"]] == [(D26, 480, (g9,))]


def test_a_stay_names_each_presenter_once_in_order():
    d = joint_tour().model_dump(mode="json")
    d["groups"][1]["days"][1]["activities"] = [visit("a", presenter="甲"), visit("a"), visit("a", presenter="甲"),
                                                visit("a", presenter="乙")]
    v = site_visits(schedule(Tour.model_validate(d)))["a"][1]
    assert (v.arrive, v.leave, v.items, v.presenters) == (510, 750, ("现场教学",) * 4, ("甲", "王讲解", "乙"))


def test_joint_groups_arriving_at_different_times_span_the_earliest_to_the_latest():
    d = joint_tour().model_dump(mode="json")
    d["groups"][1]["days"][0]["start"] = "a"  # 第二组 starts the 24th at 甲企业: no coach, there at 08:00
    d["groups"][0]["days"][0]["activities"][0]["title"] = "座谈"
    v = site_visits(schedule(Tour.model_validate(d)))["a"][0]
    assert (v.arrive, v.leave, v.groups[0].name, v.groups[1].name) == (480, 600, "第一组", "第二组")
    assert v.items == ("座谈交流：座谈", "座谈交流")
    assert v.presenters == ("张主任",) and v.activity_ids == ("a1", "a3")


def test_two_joint_items_in_a_row_stay_one_joint_visit_of_both_groups():
    d = joint_tour().model_dump(mode="json")
    for g in d["groups"]:
        g["days"][0]["activities"].insert(1, {"kind": "visit", "site": "a", "joint": "j1"})
    v = site_visits(schedule(Tour.model_validate(d)))["a"]
    assert [(x.date, x.arrive, x.leave, x.groups, x.items, x.joint) for x in v] == [
        (D24, 510, 660, (G1, G2), ("座谈交流", "现场教学"), "j1"),
        (D25, 510, 660, (G2,), ("现场教学", "座谈交流：产业座谈"), None)]


def test_a_site_visited_first_comes_first_whatever_its_id():
    d = joint_tour().model_dump(mode="json")
    d["groups"] = [d["groups"][0]]
    d["groups"][0]["days"][0]["activities"].reverse()  # 乙园区 (b), then 甲企业 (a)
    assert list(site_visits(schedule(Tour.model_validate(d)))) == ["b", "a"]
