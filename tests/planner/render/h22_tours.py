"""Small hand-made tours for the exact-output render tests: every time and distance is a known leg."""

from __future__ import annotations

import datetime as dt

from planner.model.tour import Tour
from tests.builders import day, group, site, tour, visit

NORTH = (30.37, 120.15)  # 甲企业: away from the hotel, so the day starts and ends with a coach leg
LEGS = [{"origin": "hotel", "destination": "a", "minutes": 30, "km": 20},
        {"origin": "a", "destination": "hotel", "minutes": 25, "km": 18.4},
        {"origin": "a", "destination": "b", "minutes": 40, "km": 25.6},
        {"origin": "b", "destination": "hotel", "minutes": 15, "km": 9}]


def one_visit_tour(**extra) -> Tour:
    """第一组 on Mon 24 Feb 2025: 08:00 leave 酒店, 08:00–08:30 coach, 08:30–09:30 visit 甲企业 (titled
    "参观<展厅>"), 09:30–09:55 coach back, 09:55 at 酒店."""
    g = group("g1", day("2025-02-24", visit("a", title="参观<展厅>")), name="第一组", headcount=12)
    g["colour"] = "#1f77b4"
    return tour(g, sites=[site("a", "甲企业", at=NORTH, address="西湖路1号", contact="李经理 0571-8888 1234")],
                travel={"overrides": LEGS}, **extra)


def two_visit_tour(**extra) -> Tour:
    """第一组 on Mon 24 Feb: coach 08:00–08:30, 甲企业 08:30–09:30 (presenter 张讲解), lunch 11:30–12:30
    at 甲企业, coach 12:30–13:10, 乙园区 13:10–14:40 (notes 带身份证), coach 14:40–14:55, 酒店 14:55."""
    g = group("g1", day("2025-02-24", visit("a", presenter="张讲解"), {"kind": "meal", "minutes": 60},
                        visit("b", notes="带身份证")), name="第一组", headcount=12)
    return tour(g, sites=[site("a", "甲企业", at=NORTH, address="西湖路1号", contact="李经理 0571-8888 1234"),
                          site("b", "乙园区", kind="park", at=(30.17, 120.15), visit_minutes=90)],
                travel={"overrides": LEGS}, **extra)


def joint_tour(**extra) -> Tour:
    """Mon 24 Feb: 第一组 (12) and 第二组 (30) meet at 甲企业 for one joint 座谈 (j1) 08:30–10:00; then
    第一组 visits 乙园区. Tue 25 Feb: 第二组 visits 甲企业 and stays there for a 座谈 (one visit, two items)."""
    g1 = group("g1", day("2025-02-24", {"kind": "discussion", "site": "a", "joint": "j1", "presenter": "张主任"},
                         visit("b")), name="第一组", headcount=12)
    g2 = group("g2", day("2025-02-24", {"kind": "discussion", "site": "a", "joint": "j1", "presenter": "张主任"}),
               day("2025-02-25", visit("a"), {"kind": "discussion", "site": "a", "title": "产业座谈"}),
               name="第二组", headcount=30)
    g2["leader"] = "李领队"
    return tour(g1, g2, sites=[site("a", "甲企业", at=NORTH, address="西湖路1号", contact="李经理 0571-8888 1234",
                                    presenter="王讲解", topics=["数字经济", "产业发展"]),
                               site("b", "乙园区", kind="park", at=(30.17, 120.15), visit_minutes=90)],
                travel={"overrides": LEGS}, **extra)


ROSTER = {
    "participants": [{"id": "p1", "name": "甲", "group": "g1", "gender": "male", "unit": "嘉兴市商务局 副局长",
                      "phone": "13911112222", "id_number": "330400199001011234"},
                     {"id": "p2", "name": "乙", "group": "g1"}],
    "staff": [{"id": "s1", "role": "leader", "name": "王领队", "phone": "13912345678", "group": "g1",
               "phone_shared": True},
              {"id": "s2", "role": "head_teacher", "name": "陈老师", "phone": "13700000000", "group": "g1"},
              {"id": "s3", "role": "medic", "name": "刘医生", "phone": "13600000000"},
              {"id": "s4", "role": "medic", "name": "周护士", "phone": "13500000000", "group": "g1"},
              {"id": "s5", "role": "liaison", "name": "钱联络", "phone": "13400000000", "group": "g1"}],
    "vehicles": [{"id": "v1", "group": "g1", "plate": "浙A12345", "driver": "赵师傅", "driver_phone": "13800001111",
                  "seats": 45}],
    "nights": [{"group": "g1", "date": "2025-02-24", "notes": "14:00 入住"}],
    "rooms": [{"group": "g1", "date": "2025-02-24", "number": "301", "occupants": ["p1", "s1"]}],
    "emergency": [{"name": "急救中心", "phone": "120"}, {"name": "值班室", "phone": "0571-8765 4321"}]}


def roster_tour(**extra) -> Tour:
    """two_visit_tour with a roster (2 participants, 5 staff, a coach, a room, two emergency numbers), the
    hotel's address and phone, and the day's tips (集合 07:50 酒店大堂, 着装 正装)."""
    t = two_visit_tour(people=ROSTER, **extra)
    hotel = t.site("hotel")
    hotel.contact, hotel.address = "前台 0571-1234 5678", "湖滨路2号"
    tips = t.groups[0].days[0].tips
    tips.meet_time, tips.meet_at, tips.dress = dt.time(7, 50), "酒店大堂", "正装"
    return t
