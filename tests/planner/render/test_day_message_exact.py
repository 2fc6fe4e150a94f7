"""A group's day as the WeChat message an organizer posts, word for word, in both editions.

Every site is at the hotel's point (no driving): visits are 60 minutes from 08:00, the lunch waits for 11:30."""

import datetime as dt

import pytest

from planner.render.day_message import day_message
from planner.schedule.scheduler import schedule
from tests.builders import day, site, tour, visit

MONDAY = dt.date(2025, 2, 24)


def _schedule():
    monday = day("2025-02-24", visit("mill"), {"kind": "meal", "title": "午餐"},
                 visit("lab", notes="请带身份证"))
    monday["tips"] = {"meet_time": "07:50", "meet_at": "酒店大堂", "dress": "正装"}
    g1 = {"id": "g1", "name": "第一组", "headcount": 30, "leader": "李老师", "contact": "13900001111",
          "vehicle": "浙A·12345", "days": [monday, day("2025-02-25")]}
    t = tour(g1, sites=[site("mill", "羊毛衫厂", contact="王经理 13812345678"), site("lab", "实验室")],
             people={"emergency": [{"name": "省人民医院急诊", "phone": "0571-87666666"}]})
    t.site("hotel").contact = "前台 0571-88888888"
    return schedule(t)


BODY = ["【第一组 · 2月24日（周一） 行程】（30 人）",
        "集合：07:50 酒店大堂",
        "着装：正装",
        "",
        "08:00 从 酒店 出发",
        "08:00–09:00 现场教学：羊毛衫厂",
        "11:30–12:30 用餐：午餐 · 羊毛衫厂",
        "12:30–13:30 现场教学：实验室",
        "13:30 住宿：酒店",
        "",
        "提示：",
        "· 请带身份证",
        "",
        "联系电话："]


def test_the_participant_message_has_the_day_and_no_private_phones():
    assert day_message(_schedule(), "g1", MONDAY).split("\n") == BODY + [
        "带队：李老师", "车辆：浙A·12345", "羊毛衫厂：王经理", "酒店：前台", "紧急：省人民医院急诊 0571-87666666"]


def test_the_staff_message_has_every_phone():
    assert day_message(_schedule(), "g1", MONDAY, "staff").split("\n") == BODY + [
        "带队：李老师 13900001111", "车辆：浙A·12345", "羊毛衫厂：王经理 13812345678", "酒店：前台 0571-88888888",
        "紧急：省人民医院急诊 0571-87666666"]


def test_a_day_with_nothing_planned_says_so_and_an_unknown_group_is_refused():
    s = _schedule()
    assert day_message(s, "g1", dt.date(2025, 2, 25)) == "【第一组 · 2月25日（周二） 行程】（30 人）\n当天未安排活动"
    with pytest.raises(KeyError, match="nope"):
        day_message(s, "nope", MONDAY)


def test_phones_only_when_there_are_some_and_every_emergency_number_on_one_line():
    s = _schedule()
    s.tour.people.emergency.append(s.tour.people.emergency[0].model_copy(update={"name": "派出所", "phone": "110"}))
    lines = day_message(s, "g1", MONDAY).split("\n")
    assert lines[-1] == "紧急：省人民医院急诊 0571-87666666；派出所 110"
    g = s.tour.group("g1")
    g.leader = g.contact = g.vehicle = ""
    s.tour.site("mill").contact = s.tour.site("hotel").contact = ""
    assert day_message(s, "g1", MONDAY).split("\n")[-3:] == ["", "联系电话：", lines[-1]]  # the emergency alone
    s.tour.people.emergency.clear()
    g.headcount = 0
    alone = day_message(s, "g1", MONDAY).split("\n")
    assert alone[0] == "【第一组 · 2月24日（周一） 行程】" and "联系电话：" not in alone and alone[-1] == "· 请带身份证"
    g.vehicle = "浙A·12345"
    assert day_message(s, "g1", MONDAY).split("\n")[-2:] == ["联系电话：", "车辆：浙A·12345"]  # no 紧急 line


def test_each_drive_says_when_the_coach_leaves_and_the_night_when_it_arrives():
    """Hunan, group 1, 24 Feb: the times are the scheduler's, leg by leg, ending with the drive to 义乌."""
    from pathlib import Path

    from planner.io.fileformat import load_tour
    from planner.model.clock import fmt

    s = schedule(load_tour(Path(__file__).resolve().parents[3] / "seeds" / "hunan-2025.tour.json"))
    plan = s.plans[("g1", MONDAY)]
    lines = day_message(s, "g1", MONDAY).split("\n")
    drives = [f"{fmt(e.depart)} 乘车 {e.leg.minutes} 分钟（约 {e.leg.km:.0f} 公里）→ {e.leg_to.name}"
              for e in plan.entries if e.leg.moves]
    assert [line for line in lines if "乘车" in line] == drives + [
        f"{fmt(plan.day_end - plan.final_leg.minutes)} 乘车 {plan.final_leg.minutes} 分钟"
        f"（约 {plan.final_leg.km:.0f} 公里）→ {plan.end_site.name}"]
    assert lines[lines.index(drives[0]) - 1] == \
        f"{fmt(plan.day_start)} 从 {plan.start_site.name} 出发"
    assert f"{fmt(plan.day_end)} 住宿：{plan.end_site.name}（{plan.end_site.address}）" in lines
    assert len(drives) == 3 and plan.final_leg.minutes > 100  # the day really drives, and far at the end
