"""Small hand-made tours for the render modules' exact tests: every time, km and label worked out by hand.

Day MON (group a, 第一组, 12 people), hotel 酒店 → 甲厂 → lunch → 乙园 → hotel:
  leg hotel→x known 30 min 20 km: 08:00 depart, 08:30–10:00 甲厂 (90 min)
  lunch (no site, stays at 甲厂) waits for the lunch window: 11:30–12:30 (90 min waiting)
  leg x→y known 40 min 25.4 km: 13:10–14:10 参观乙园 @ 乙园
  leg y→hotel from the model: 0.1° of latitude = 11.12 km straight, ×1.3 = 14.5 road km;
  12 km at 30 km/h + 2.455 km at 75 km/h = 25.96 min → 26 + 10 boarding = 36 min → back 14:46.
"""

from __future__ import annotations

from tests.builders import day, group, site, tour, visit

MON, TUE, WED = "2025-02-24", "2025-02-25", "2025-02-26"
HOTEL_AT = (30.27, 120.15)

X = site("x", "甲厂", at=(30.30, 120.20), visit_minutes=90, province="浙江省", city="杭州市", county="西湖区",
         address="文一路1号", presenter="张工", contact="王经理 13912345678", topics=["数字经济"], intro="甲厂简介")
Y = site("y", "乙园", kind="park", at=(30.37, 120.15), province="浙江省", city="杭州市", county="余杭区")
KNOWN = [{"origin": "hotel", "destination": "x", "minutes": 30, "km": 20},
         {"origin": "x", "destination": "y", "minutes": 40, "km": 25.4}]


def monday_day():
    return day(MON, visit("x", id="v1"), {"kind": "meal", "id": "m1", "title": "午餐"},
               visit("y", id="v2", title="参观乙园", notes="带证件"))


def one_day_tour(**extra):
    """Group a's Monday only."""
    return tour(group("a", monday_day(), name="第一组", headcount=12),
                sites=[X, Y], travel={"overrides": KNOWN}, **extra)

ST = site("st", "杭州东站", kind="station", at=(30.29, 120.21))
ST2 = site("st2", "上海虹桥站", kind="station", at=(31.19, 121.32))
HOTEL2 = site("hotel2", "上海酒店", kind="hotel", at=(31.20, 121.33), visit_minutes=0)
TO_STATION = {"origin": "hotel", "destination": "st", "minutes": 20, "km": 0}


def tuesday_day():
    """By rail to Shanghai (known 20 min to the station, 0 km on record), then a coach transfer to the hotel:
    at the station 08:20, 30 minutes to board, 08:50–10:00 G7311, 10:00–10:30 coach, at 上海酒店 at 10:30."""
    return day(TUE, {"kind": "transfer", "id": "t1", "mode": "rail", "service": "G7311", "origin": "st",
                     "site": "st2", "minutes": 70},
               {"kind": "transfer", "id": "t2", "mode": "coach", "site": "hotel2", "minutes": 30},
               start="hotel", end="hotel2")


def wednesday_day():
    """Nowhere to start from: an hour of free time with no place (08:00–09:00), then the station at 09:00."""
    return day(WED, {"kind": "free", "id": "f1"}, start=None, end="st")


def three_day_tour(**extra):
    """Group a on MON, TUE, WED (given out of order); group b (第二组, 5 people) with an empty Monday."""
    return tour(group("a", tuesday_day(), monday_day(), wednesday_day(), name="第一组", headcount=12),
                group("b", day(MON), name="第二组", headcount=5),
                sites=[X, Y, ST, ST2, HOTEL2], travel={"overrides": [*KNOWN, TO_STATION]}, **extra)
