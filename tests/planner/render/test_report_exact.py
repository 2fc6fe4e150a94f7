"""`check` output to the character: the timeline, each day's totals and the problems list, in both languages.

Times and totals are worked out in tests/planner/render/small_tour.py."""

import datetime as dt

from planner.render.report import render_json, render_text
from planner.schedule.problems import Severity
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.planner.render.small_tour import MON, three_day_tour

TEXT_ZH = """测试
2025-02-23 – 2025-02-28

第一组（12 人）
 2月24日（周一）
   08:00        出发 酒店
   08:30–10:00  现场教学：甲厂  [车程 30 分 20.0 km（已知时长）]
   11:30–12:30  用餐：午餐 @ 甲厂
   13:10–14:10  现场教学：参观乙园 @ 乙园  [车程 40 分 25.4 km（已知时长）]
   14:46        返回住地 酒店  [车程 36 分 14.5 km]
  合计：活动 3小时30分，交通 1小时46分（59.9 km），等候 1小时30分；用时 6小时46分，余量 3小时14分
 2月25日（周二）
   08:00        出发 酒店
   08:50–10:00  高铁 G7311：上海虹桥站  [车程 20 分 0.0 km（已知时长）]
   10:00–10:30  大巴：上海酒店
   10:30        返回住地 上海酒店
  合计：活动 0分钟，交通 2小时00分（0.0 km），等候 30分钟；用时 2小时30分，余量 7小时30分
 2月26日（周三）
   08:00–09:00  自由活动：
   09:00        抵达 杭州东站
  合计：活动 1小时00分，交通 0分钟（0.0 km），等候 0分钟；用时 1小时00分，余量 9小时00分

第二组（5 人）
 2月24日（周一）
   08:00        返回住地 酒店
  合计：活动 0分钟，交通 0分钟（0.0 km），等候 0分钟；用时 0分钟，余量 10小时00分

问题（错误 0，警告 0，提示 0）
  没有发现问题。
"""

TEXT_EN = """测试
2025-02-23 – 2025-02-28

第一组 (12 people)
 Mon 24 Feb
   08:00        leave 酒店
   08:30–10:00  Site visit: 甲厂  [30 min 20.0 km (known duration)]
   11:30–12:30  Meal: 午餐 @ 甲厂
   13:10–14:10  Site visit: 参观乙园 @ 乙园  [40 min 25.4 km (known duration)]
   14:46        back to the hotel 酒店  [36 min 14.5 km]
  Total: activities 3 h 30 min, travel 1 h 46 min (59.9 km), waiting 1 h 30 min; used 6 h 46 min, slack 3 h 14 min
 Tue 25 Feb
   08:00        leave 酒店
   08:50–10:00  High-speed rail G7311: 上海虹桥站  [20 min 0.0 km (known duration)]
   10:00–10:30  Coach: 上海酒店
   10:30        back to the hotel 上海酒店
  Total: activities 0 min, travel 2 h 00 min (0.0 km), waiting 30 min; used 2 h 30 min, slack 7 h 30 min
 Wed 26 Feb
   08:00–09:00  Free time: 
   09:00        arrive at 杭州东站
  Total: activities 1 h 00 min, travel 0 min (0.0 km), waiting 0 min; used 1 h 00 min, slack 9 h 00 min

第二组 (5 people)
 Mon 24 Feb
   08:00        back to the hotel 酒店
  Total: activities 0 min, travel 0 min (0.0 km), waiting 0 min; used 0 min, slack 10 h 00 min

Problems (0 errors, 0 warnings, 0 info)
  No problems found.
"""


def test_the_chinese_timeline_reads_every_time_leg_and_total_exactly():
    assert render_text(schedule(three_day_tour())) == TEXT_ZH


def test_the_english_timeline_reads_every_time_leg_and_total_exactly():
    assert render_text(schedule(three_day_tour()), "en") == TEXT_EN


def problem_tour():
    """甲厂 closes on Mondays (an error for each group), two groups at once (an error), 第二组's ten hours
    leave no lunch (a warning), 第一组 has no hotel for the night (info)."""
    return tour(group("a", day(MON, visit("x", id="v1"), end=None), name="第一组"),
                group("b", day(MON, visit("x", id="v9", minutes=600)), name="第二组"),
                sites=[site("x", "甲厂", closed_weekdays=[1])])


def test_problems_are_counted_by_severity_and_listed_with_label_code_and_message():
    result = schedule(problem_tour())
    for lang, head, labels in (("zh", "问题（错误 3，警告 1，提示 1）", {"error": "错误", "warning": "警告", "info": "提示"}),
                               ("en", "Problems (3 errors, 1 warnings, 1 info)", {s: s for s in ("error", "warning", "info")})):
        lines = render_text(result, lang).splitlines()
        at = lines.index(head)
        assert lines[at + 1:] == [f"  [{labels[p.severity.value]}] {p.code}: {p.message(lang)}"
                                  for p in result.problems]
        assert len(lines[at + 1:]) == 5
    assert sorted(p.code for p in result.problems) == ["closed-weekday", "closed-weekday", "no-hotel", "no-lunch",
                                                       "over-capacity-groups"]


def test_json_gives_each_entry_its_times_leg_and_site():
    out = render_json(schedule(three_day_tour()))
    assert out["tour"] == {"title": "测试", "start_date": "2025-02-23", "end_date": "2025-02-28"}
    assert [(d["group"], d["date"]) for d in out["days"]] == [
        ("a", "2025-02-24"), ("a", "2025-02-25"), ("a", "2025-02-26"), ("b", "2025-02-24")]
    monday = out["days"][0]
    assert {k: v for k, v in monday.items() if k != "timeline"} == {
        "group": "a", "date": "2025-02-24", "start_site": "hotel", "end_site": "hotel",
        "day_start": "08:00", "day_end": "14:46",
        "final_leg": {"km": 14.5, "minutes": 36, "known": False},
        "totals": {"activity_minutes": 210, "travel_minutes": 106, "idle_minutes": 90, "km": 59.9, "visits": 2,
                   "used_minutes": 406, "slack_minutes": 194}}
    assert monday["timeline"] == [
        {"activity": "v1", "kind": "visit", "site": "x", "title": "甲厂", "depart": "08:00", "arrive": "08:30",
         "start": "08:30", "end": "10:00", "leave": "10:00", "minutes": 90, "wait_minutes": 0,
         "leg": {"km": 20.0, "minutes": 30, "known": True, "to": "x"}},
        {"activity": "m1", "kind": "meal", "site": "x", "title": "午餐", "depart": "10:00", "arrive": "10:00",
         "start": "11:30", "end": "12:30", "leave": "12:30", "minutes": 60, "wait_minutes": 90,
         "leg": {"km": 0.0, "minutes": 0, "known": False, "to": "x"}},
        {"activity": "v2", "kind": "visit", "site": "y", "title": "参观乙园", "depart": "12:30", "arrive": "13:10",
         "start": "13:10", "end": "14:10", "leave": "14:10", "minutes": 60, "wait_minutes": 0,
         "leg": {"km": 25.4, "minutes": 40, "known": True, "to": "y"}}]
    wednesday = out["days"][2]
    assert (wednesday["start_site"], wednesday["end_site"]) == (None, "st")
    assert wednesday["timeline"][0]["site"] is None and wednesday["timeline"][0]["title"] == ""
    assert wednesday["timeline"][0]["leg"]["to"] is None
    assert out["problems"] == [] and out["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_json_lists_problems_and_counts_each_severity():
    result = schedule(problem_tour())
    out = render_json(result, "en")
    assert out["summary"] == {"error": 3, "warning": 1, "info": 1}
    assert out["problems"] == [p.to_json("en") for p in result.problems]
    assert out["problems"][0]["message"] == result.problems[0].message("en")
    assert render_json(result)["problems"] == [p.to_json("zh") for p in result.problems]  # Chinese by default


def modeless_transfer_plan():
    """A transfer with no mode from the hotel (08:00–08:45) to 乙园, then a known 25-min 12-km ride back."""
    t = tour(group("a", day(MON, {"kind": "transfer", "id": "t", "site": "y", "minutes": 45})),
             sites=[site("y", "乙园", kind="park", at=(30.5, 120.5))],
             travel={"overrides": [{"origin": "y", "destination": "hotel", "minutes": 25, "km": 12}]})
    return schedule(t).plan("a", dt.date(2025, 2, 24))


def test_a_day_alone_defaults_to_chinese_and_marks_a_known_last_leg():
    from planner.render.report import render_day

    assert render_day(modeless_transfer_plan()) == [
        " 2月24日（周一）",
        "   08:00        出发 酒店",
        "   08:00–08:45  交通：乙园",
        "   09:10        返回住地 酒店  [车程 25 分 12.0 km（已知时长）]",
        "  合计：活动 0分钟，交通 1小时10分（12.0 km），等候 0分钟；用时 1小时10分，余量 8小时50分"]
    assert render_day(modeless_transfer_plan(), "en")[2:4] == [
        "   08:00–08:45  Transfer: 乙园", "   09:10        back to the hotel 酒店  [25 min 12.0 km (known duration)]"]
