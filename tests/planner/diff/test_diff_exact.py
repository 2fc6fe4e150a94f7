"""A diff of two small hand-built versions, word for word: the terminal text, the JSON for scripts and the
变更通知 for the class. Every site is at the hotel's point, so there is no travel: visits are the default
60 minutes from 08:00, back to back, and every time below can be worked out by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planner.diff.changes import GROUP_ADDED, HEADCOUNT, REMOVED, RETIMED, TIPS, Change, Slot, compare
from planner.diff.report import (change_notice_html, condensed, describe, for_the_class, render_json,
                                 render_text)
from planner.model.tour import Activity, Group
from tests.builders import day, site, tour, visit

SITES = [site("mill", "羊毛衫厂"), site("lab", "实验室"), site("farm", "李祖村", kind="village"),
         site("gone", "旧馆")]
PRINTED = dt.date(2025, 3, 1)


def _old():
    g1 = {"id": "g1", "name": "第一组", "headcount": 30, "leader": "王老师", "contact": "13900000000",
          "days": [day("2025-02-24", visit("mill", id="v1"), visit("lab", id="v2"), visit("farm", id="v3")),
                   day("2025-02-25", visit("gone", id="v4"), visit("lab", id="v5", title="参观实验"))]}
    g2 = {"id": "g2", "name": "第二组", "headcount": 20, "days": [day("2025-02-24", visit("farm", id="w1"))]}
    return tour(g1, g2, sites=SITES, revision="第1版")


def _new():
    """v1 starts an hour later (so v2 and v3 follow it), 35 instead of 30, a new phone for the leader, a dress
    tip on the 24th; on the 25th the visit to 旧馆 (a site the new version dropped) and the hotel are gone;
    the second group is gone."""
    t = _old()
    t.sites = [s for s in t.sites if s.id != "gone"]
    g1 = t.group("g1")
    g1.headcount = 35
    g1.contact = "13900000001"
    g1.days[0].activities[0].pinned = dt.time(9, 0)
    g1.days[0].tips.dress = "正装"
    g1.days[1].activities.pop(0)
    g1.days[1].end = None
    t.groups = [g for g in t.groups if g.id != "g2"]
    return t


RETIMED_24 = ["改时间 现场教学：羊毛衫厂：2月24日 08:00–09:00 → 09:00–10:00",
              "改时间 现场教学：实验室：2月24日 09:00–10:00 → 10:00–11:00",
              "改时间 现场教学：李祖村：2月24日 10:00–11:00 → 11:00–12:00"]
REMOVED_GONE = "取消 现场教学：旧馆：原定 2月25日 08:00–09:00"
RETIMED_25 = "改时间 现场教学：参观实验：2月25日 09:00–10:00 → 08:00–09:00"


def test_the_terminal_text_lists_each_groups_changes_in_time_order_then_the_sites_to_renotify():
    diff = compare(_old(), _new())
    assert render_text(diff) == "\n".join([
        "第一组",
        "  人数：30 → 35",
        "  带队：王老师 13900000000 → 王老师 13900000001",
        "  每日提示 2月24日：着装 正装",
        *(f"  {line}" for line in RETIMED_24),
        "  住宿 2月25日晚：酒店 → 未定",         # a night's change comes before that day's activities
        f"  {RETIMED_25}",
        f"  {REMOVED_GONE}",
        "第二组",
        "  取消分组 第二组",
        "",
        "需重新发送接待通知单的教学点：",
        "  羊毛衫厂（mill）",
        "  实验室（lab）",
        "  李祖村（farm）",
        "  旧馆（gone）",                        # only the old version still knows its name
    ]) + "\n"
    assert [c.kind for c in diff.for_group("g2")] == ["group-removed"]
    assert diff.for_group("g1")[0].kind == HEADCOUNT and len(diff.for_group("g1")) == 9


def test_json_carries_every_field_and_the_changes_per_site():
    doc = render_json(compare(_old(), _new()))
    assert doc["same"] is False and doc["sites_changed"] == ["mill", "lab", "farm", "gone"]
    assert doc["changes"][0] == {"kind": "headcount", "group": "g1", "activity": None, "what": "headcount",
                                 "old": None, "new": None, "date": None, "before": "30", "after": "35",
                                 "message": "人数：30 → 35"}
    tips = doc["changes"][2]
    assert (tips["kind"], tips["date"], tips["before"], tips["after"]) == ("tips", "2025-02-24", None, "着装 正装")
    assert doc["changes"][3] == {
        "kind": "retimed", "group": "g1", "activity": "v1", "what": "现场教学：羊毛衫厂",
        "old": {"date": "2025-02-24", "start": "08:00", "end": "09:00", "site": "mill", "place": "羊毛衫厂"},
        "new": {"date": "2025-02-24", "start": "09:00", "end": "10:00", "site": "mill", "place": "羊毛衫厂"},
        "date": None, "before": None, "after": None, "message": RETIMED_24[0]}
    hotel = doc["changes"][6]
    assert (hotel["kind"], hotel["date"], hotel["before"], hotel["after"], hotel["message"]) == (
        "hotel", "2025-02-25", "酒店", None, "住宿 2月25日晚：酒店 → 未定")
    assert doc["changes"][8]["old"]["site"] == "gone" and doc["changes"][8]["new"] is None
    assert doc["changes"][9] == {"kind": "group-removed", "group": "g2", "activity": None, "what": "第二组",
                                 "old": None, "new": None, "date": None, "before": None, "after": None,
                                 "message": "取消分组 第二组"}
    assert doc["by_site"] == {"mill": RETIMED_24[:1], "lab": [RETIMED_24[1], RETIMED_25],
                              "farm": RETIMED_24[2:], "gone": [REMOVED_GONE]}
    json.dumps(doc)  # plain JSON all through


def test_the_notice_folds_a_shifted_day_into_one_line_and_leaves_out_a_private_phone_change():
    diff = compare(_old(), _new())
    assert [c.kind for c in for_the_class(diff)].count("leader") == 0  # only the phone changed
    assert change_notice_html(diff, PRINTED) == (
        '<html><head><meta charset="utf-8"/></head><body><h1>行 程 变 更 通 知</h1>'
        '<p class="sub">测试 · 第1版 → 第1版</p><h3>第一组</h3>'
        '<p class="item">· 人数：30 → 35</p><p class="item">· 每日提示 2月24日：着装 正装</p>'
        f'<p class="item">· {RETIMED_24[0]}，其后 2 项随之调整</p>'
        '<p class="item">· 住宿 2月25日晚：酒店 → 未定</p>'
        f'<p class="item">· {RETIMED_25}</p><p class="item">· {REMOVED_GONE}</p>'
        '<h3>第二组</h3><p class="item">· 取消分组 第二组</p>'
        '<p class="item"><br/>请各位学员以本通知和新版行程手册为准，如有疑问请联系带队。</p>'
        '<p class="sign"><br/>培训班<br/>2025年3月1日</p></body></html>')


def test_a_leaders_new_name_reaches_the_class():
    new = _new()
    new.group("g1").leader = "李老师"
    [leader] = [c for c in for_the_class(compare(_old(), new)) if c.kind == "leader"]
    assert (leader.before, leader.after) == ("王老师", "李老师")  # the participant edition: no phones
    assert describe(leader) == "带队：王老师 → 李老师"


def _old_b():
    g1 = {"id": "g1", "name": "第一组", "headcount": 30,
          "days": [day("2025-02-24", visit("mill", id="v1"), visit("lab", id="v2", title="参观实验")),
                   day("2025-02-25", visit("farm", id="v3"))]}
    g1["days"][1]["tips"] = {"other": "带伞"}
    return tour(g1, sites=[site("mill", "羊毛衫厂"), site("lab", "实验室"), site("farm", "李祖村")], revision="v1")


def _new_b():
    """实验室 renamed and its visit moved to the 25th, a titled visit added, the tip dropped, a coach named,
    a group with a hostile name added; a new organizer and revision."""
    t = _old_b()
    t.revision, t.organizer = "v2 & final", "<研学>"
    t.site("lab").name = "新实验室"
    g1 = t.group("g1")
    g1.vehicle = "浙A·2"
    g1.days[1].tips.other = ""
    g1.days[1].activities.append(g1.days[0].activities.pop(1))
    g1.days[1].activities.append(Activity.model_validate(visit("farm", id="v9", title="采摘")))
    t.groups.append(Group.model_validate({"id": "g3", "name": "<b>三</b>", "headcount": 5, "days": []}))
    return t


MOVED_B = "调整 现场教学：参观实验：2月24日 09:00–10:00 实验室 → 2月25日 09:00–10:00 新实验室"
ADDED_B = "新增 现场教学：采摘：2月25日 10:00–11:00 李祖村"  # the place, as the title does not name it


def test_moves_additions_new_groups_and_dropped_tips_in_words():
    diff = compare(_old_b(), _new_b())
    assert render_text(diff) == "\n".join([
        "第一组", "  车辆：未定 → 浙A·2", "  每日提示 2月25日：（已取消）", f"  {MOVED_B}", f"  {ADDED_B}",
        "<b>三</b>", "  新增分组 <b>三</b>", "",
        "需重新发送接待通知单的教学点：", "  李祖村（farm）", "  新实验室（lab）"]) + "\n"
    assert [c.kind for c in diff.changes][-1] == GROUP_ADDED
    doc = render_json(diff)
    assert doc["changes"][1]["before"] == "提示 带伞" and doc["changes"][1]["after"] is None
    assert doc["changes"][2]["new"] == {"date": "2025-02-25", "start": "09:00", "end": "10:00", "site": "lab",
                                        "place": "新实验室"}
    assert doc["by_site"] == {"farm": [ADDED_B], "lab": [MOVED_B]}


def test_the_notice_escapes_names_and_signs_with_the_organizer():
    page = change_notice_html(compare(_old_b(), _new_b()), dt.date(2026, 11, 24))
    assert '<p class="sub">测试 · v1 → v2 &amp; final</p>' in page
    assert '<h3>&lt;b&gt;三&lt;/b&gt;</h3><p class="item">· 新增分组 &lt;b&gt;三&lt;/b&gt;</p>' in page
    assert page.endswith('<p class="sign"><br/>&lt;研学&gt;<br/>2026年11月24日</p></body></html>')
    assert "<b>" not in page and "行程没有变化" not in page


def test_the_same_plan_in_every_form():
    same = compare(_old_b(), _old_b())
    assert render_text(same) == "两个版本的行程相同。\n"
    assert render_json(same) == {"same": True, "changes": [], "sites_changed": [], "by_site": {}}
    assert change_notice_html(same, PRINTED) == (
        '<html><head><meta charset="utf-8"/></head><body><h1>行 程 变 更 通 知</h1>'
        '<p class="sub">测试 · v1 → v1</p><p class="item">行程没有变化。</p>'
        '<p class="item"><br/>请各位学员以本通知和新版行程手册为准，如有疑问请联系带队。</p>'
        '<p class="sign"><br/>培训班<br/>2025年3月1日</p></body></html>')
    unnamed = _old_b()
    unnamed.revision = ""
    assert '<p class="sub">测试 · 原版本 → 新版本</p>' in change_notice_html(compare(unnamed, unnamed), PRINTED)


def _slot(date, start, end, site="mill", place="羊毛衫厂"):
    return Slot(dt.date(2025, 2, date), start, end, site, place)


def test_condensed_folds_only_days_with_several_retimed_changes():
    a = Change(RETIMED, "g1", "第一组", "现场教学：甲", "a", _slot(24, 480, 540), _slot(24, 540, 600))
    b = Change(RETIMED, "g1", "第一组", "现场教学：乙", "b", _slot(24, 540, 600), _slot(24, 600, 660))
    c = Change(RETIMED, "g1", "第一组", "现场教学：丙", "c", _slot(25, 480, 540), _slot(25, 500, 560))
    gone = Change(REMOVED, "g1", "第一组", "现场教学：丁", "d", old=_slot(24, 600, 660))
    tip = Change(TIPS, "g1", "第一组", "tips", date=dt.date(2025, 2, 24), after="集合 07:50 酒店大堂")
    assert condensed([tip, a, gone, b, c]) == [
        "每日提示 2月24日：集合 07:50 酒店大堂",
        "改时间 现场教学：甲：2月24日 08:00–09:00 → 09:00–10:00，其后 1 项随之调整",
        "取消 现场教学：丁：原定 2月24日 10:00–11:00",
        "改时间 现场教学：丙：2月25日 08:00–09:00 → 08:20–09:20"]
    assert condensed([c]) == ["改时间 现场教学：丙：2月25日 08:00–09:00 → 08:20–09:20"]
    assert condensed([]) == []


def test_each_kind_reads_as_one_line():
    assert describe(Change("hotel", "g1", "x", "hotel", date=dt.date(2025, 3, 9), after="湖畔")) == \
        "住宿 3月9日晚：未定 → 湖畔"
    assert describe(Change("headcount", "g1", "x", "headcount", before="30", after="")) == "人数：30 → 未定"
    assert describe(Change("moved", "g1", "x", "现场教学：甲", "a", _slot(24, 480, 540), _slot(26, 725, 785))) == \
        "调整 现场教学：甲：2月24日 08:00–09:00 → 2月26日 12:05–13:05"
    assert describe(Change("added", "g1", "x", "午餐：", "m", new=_slot(24, 720, 765, None, ""))) == \
        "新增 午餐：：2月24日 12:00–12:45"


def _old_c():
    g1 = {"id": "g1", "name": "第一组", "headcount": 30,
          "days": [day("2025-02-24", visit("mill", id="v1"), {"kind": "meal", "id": "m1", "minutes": 60},
                       visit("lab", id="v2")),
                   day("2025-02-25", visit("farm", id="v3"))]}
    return tour(g1, sites=[site("mill", "羊毛衫厂"), site("lab", "实验室"), site("farm", "李祖村")])


def test_a_new_site_under_an_old_id_is_a_cancellation_and_an_addition_and_a_new_id_alone_is_no_change():
    """v1 keeps its id but goes to 李祖村 instead: 羊毛衫厂 must hear it is cancelled, 李祖村 that it is new.
    The lunch (wait until 11:30, an hour) moves to the 25th, so 实验室 moves up to 09:00; its visit got a new
    id (as a hand-edited file may) and is still recognised as the same visit."""
    new = _old_c()
    g1 = new.group("g1")
    g1.days[1].activities.append(g1.days[0].activities.pop(1))
    g1.days[0].activities[0].site = "farm"
    g1.days[0].activities[1].id = "x2"
    diff = compare(_old_c(), new)
    assert render_text(diff) == "\n".join([
        "第一组",
        "  新增 现场教学：李祖村：2月24日 08:00–09:00",
        "  取消 现场教学：羊毛衫厂：原定 2月24日 08:00–09:00",
        "  改时间 现场教学：实验室：2月24日 12:30–13:30 → 09:00–10:00",
        "  调整 用餐：李祖村：2月24日 11:30–12:30 → 2月25日 11:30–12:30",  # where the group now eats
        "", "需重新发送接待通知单的教学点：", "  李祖村（farm）", "  实验室（lab）", "  羊毛衫厂（mill）"]) + "\n"
    lunch = render_json(diff)["changes"][3]
    assert (lunch["activity"], lunch["old"]["site"], lunch["old"]["place"], lunch["new"]["place"]) == \
        ("m1", None, "", "")
    assert [(c.kind, c.activity_id) for c in diff.changes] == [
        ("added", "v1"), ("removed", "v1"), ("retimed", "x2"), ("moved", "m1")]


def test_each_terminal_line_is_capped_at_two_thousand_characters():
    old = _old_b()
    new = _new_b()
    for t in (old, new):
        t.group("g1").name = "组" * 2001  # only a file's loader limits names to 200
    lines = render_text(compare(old, new)).split("\n")
    assert lines[0] == "组" * 1999 + "…"
    for t in (old, new):
        t.group("g1").name = "组" * 2000
    assert render_text(compare(old, new)).split("\n")[0] == "组" * 2000


def _old_d():
    g1 = {"id": "g1", "name": "第一组", "headcount": 30,
          "days": [day("2025-02-24", visit("mill", id="v1")), day("2025-02-25", visit("farm", id="v3"))]}
    g1["days"][0]["tips"] = {"meet_time": "07:50", "meet_at": "酒店大堂", "dress": "正装"}
    return tour(g1, sites=[site("mill", "羊毛衫厂"), site("lab", "实验室"), site("farm", "李祖村")])


def test_a_day_dropped_and_a_day_added_change_their_nights_and_tips():
    new = _old_d()
    g1 = new.group("g1")
    g1.days.pop(0)
    g1.days.append(g1.days[0].model_validate(day("2025-02-26", visit("lab", id="v7"))))
    diff = compare(_old_d(), new)
    assert render_text(diff) == "\n".join([
        "第一组",
        "  每日提示 2月24日：（已取消）",
        "  住宿 2月24日晚：酒店 → 未定",
        "  取消 现场教学：羊毛衫厂：原定 2月24日 08:00–09:00",
        "  住宿 2月26日晚：未定 → 酒店",
        "  新增 现场教学：实验室：2月26日 08:00–09:00",
        "", "需重新发送接待通知单的教学点：", "  实验室（lab）", "  羊毛衫厂（mill）"]) + "\n"
    tips, hotel = render_json(diff)["changes"][:2]
    assert (tips["what"], tips["before"], tips["after"]) == ("tips", "集合 07:50 酒店大堂；着装 正装", None)
    assert (hotel["what"], hotel["group"], hotel["date"]) == ("hotel", "g1", "2025-02-24")


@pytest.mark.parametrize("edit, line", [
    (lambda g: setattr(g.days[1], "end", None), "  住宿 2月25日晚：酒店 → 未定"),
    (lambda g: setattr(g.days[1].tips, "bring", "雨具"), "  每日提示 2月25日：携带 雨具"),
    (lambda g: setattr(g.days[1].activities[0], "pinned", dt.time(10, 0)),
     "  改时间 现场教学：李祖村：2月25日 08:00–09:00 → 10:00–11:00")])
def test_a_change_alone_still_names_its_group(edit, line):
    new = _old_d()
    edit(new.group("g1"))
    assert render_text(compare(_old_d(), new)).split("\n")[:2] == ["第一组", line]


def test_a_drivers_private_phone_is_a_change_for_the_staff_but_not_for_the_class():
    from planner.model.people import People

    def with_phone(phone):
        t = _old_d()
        t.people = People.model_validate({"vehicles": [{"id": "c1", "group": "g1", "plate": "浙A·1", "driver": "孙师傅",
                                                         "driver_phone": phone, "phone_shared": False}]})
        return t

    diff = compare(with_phone("13800000001"), with_phone("13800000002"))
    assert render_text(diff).split("\n")[:2] == ["第一组", "  车辆：浙A·1 孙师傅 13800000001 → 浙A·1 孙师傅 13800000002"]
    assert render_json(diff)["changes"][0]["what"] == "vehicle" and diff.sites_changed == []  # hosts see no coach
    assert for_the_class(diff) == []
    page = change_notice_html(diff, PRINTED)
    assert "<h3>" not in page and "行程没有变化" not in page


def test_the_leader_field_is_named_in_json():
    assert render_json(compare(_old(), _new()))["changes"][1]["what"] == "leader"


def test_every_group_keeps_its_changes_in_the_new_versions_order():
    """A new group listed first, then two changed groups: each keeps its own lines."""
    def two_groups():
        g1 = {"id": "g1", "name": "第一组", "headcount": 30, "days": [day("2025-02-24", visit("mill", id="v1"))]}
        g2 = {"id": "g2", "name": "第二组", "headcount": 20, "days": [day("2025-02-24", visit("farm", id="w1"))]}
        return tour(g1, g2, sites=[site("mill", "羊毛衫厂"), site("farm", "李祖村")])

    new = two_groups()
    new.group("g1").headcount = 31
    new.group("g2").headcount = 21
    new.groups.insert(0, Group.model_validate({"id": "g0", "name": "先遣组", "headcount": 3, "days": []}))
    diff = compare(two_groups(), new)
    assert [describe(c) for c in diff.changes] == ["新增分组 先遣组", "人数：30 → 31", "人数：20 → 21"]
    assert [c["group"] for c in render_json(diff)["changes"]] == ["g0", "g1", "g2"]


def test_a_days_tips_come_before_an_activity_at_midnight():
    def night(pinned):
        g1 = {"id": "g1", "name": "第一组", "headcount": 30,
              "days": [day("2025-02-24", visit("mill", id="v1", pinned=pinned), start=None)]}
        return tour(g1, sites=[site("mill", "羊毛衫厂")], day_window={"start": "00:00", "end": "18:00"})

    new = night("00:00")
    new.group("g1").days[0].tips.other = "夜间出发"
    assert [c.kind for c in compare(night("01:00"), new).changes] == [TIPS, RETIMED]


def test_a_lunch_that_moves_is_named_by_where_the_group_now_eats():
    """A lunch has no site of its own: it is where the group is. After the visits before it change, the
    notice must name the place the group now eats at, not the one it left (羊毛衫厂 → 粮仓)."""
    sites = SITES[:3] + [site("barn", "粮仓")]

    def version(*activities):
        return tour({"id": "g1", "name": "第一组", "days": [day("2025-02-24", *activities)]}, sites=sites)

    lunch = {"kind": "meal", "id": "m1"}
    old = version(visit("mill", id="v1"), lunch, visit("lab", id="v2"), visit("farm", id="v3"),
                  visit("barn", id="v4"))
    new = version(visit("mill", id="v1"), visit("lab", id="v2"), visit("farm", id="v3"), visit("barn", id="v4"),
                  lunch)
    # the lunch waits for 11:30 after 羊毛衫厂 (08:00–09:00); after three more visits it starts at 12:00
    assert render_text(compare(old, new)).splitlines()[1:5] == [
        "  改时间 现场教学：实验室：2月24日 12:30–13:30 → 09:00–10:00",
        "  改时间 现场教学：李祖村：2月24日 13:30–14:30 → 10:00–11:00",
        "  改时间 现场教学：粮仓：2月24日 14:30–15:30 → 11:00–12:00",
        "  改时间 用餐：粮仓：2月24日 11:30–12:30 → 12:00–13:00"]
