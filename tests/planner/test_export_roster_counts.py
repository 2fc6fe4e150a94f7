"""Once the roster lists a group's participants, every export counts them (host notices, joint sessions,
daily sheet, handbook, workbook) and a roster change re-issues the notices of the sites that group visits."""

import io

import openpyxl

from planner.diff.changes import compare
from planner.render.daily import daily_html
from planner.render.handbook import handbook_html
from planner.render.notices import notices_html
from planner.render.site_visits import site_visits
from planner.render.workbook import workbook_bytes
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.people_builders import roster


def joint_tour(participants):
    return tour(group("g1", day("2025-02-24", visit("hall", joint="open"), visit("mill")), name="第一组", headcount=30),
                group("g2", day("2025-02-24", visit("hall", joint="open")), name="第二组", headcount=25),
                sites=[site("hall", "会议中心", kind="venue", max_groups=5), site("mill", "羊毛衫厂")],
                people={"participants": participants})


def test_the_notice_counts_the_roster_and_adds_up_a_joint_session():
    s = schedule(joint_tour(roster(7, ("g1", "g2"))))  # 4 in 第一组, 3 in 第二组
    hall = site_visits(s)["hall"]
    assert len(hall) == 1 and hall[0].headcount == 7  # one joint row, the two groups added
    html = notices_html(s)
    assert "7 人" in html and "共 1 批次、7 人次" in html and "30 人" not in html
    assert "4 人" in daily_html(s, ["g1"]) and "人数 4 人" in handbook_html(s)
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(s)))
    assert "人数 4 人" in wb["第一组"]["A2"].value


def test_without_a_roster_the_planned_headcount_is_printed():
    s = schedule(joint_tour([]))
    assert site_visits(s)["hall"][0].headcount == 55 and "共 1 批次、55 人次" in notices_html(s)


def test_a_roster_change_re_issues_only_the_notices_of_that_groups_sites():
    people = roster(8, ("g1", "g2"))
    old, new = joint_tour(people), joint_tour([p for p in people if p["id"] != "p2"])  # p2 is in 第二组
    diff = compare(old, new)
    assert sorted(diff.sites_changed) == ["hall"]  # 第二组 goes only to the hall; the mill's notice stands
    assert [(c.kind, c.before, c.after) for c in diff.changes] == [("headcount", "4", "3")]
