"""The problem list's order and counts, plans per group, balance notes and the holiday calendar."""

import datetime as dt
import gc

from planner.schedule import holidays
from planner.schedule.problems import Problem, Severity
from planner.schedule.scheduler import schedule, sort_problems
from tests.builders import day, group, site, tour, visit

MON = "2025-02-24"
MONDAY, TUESDAY = dt.date(2025, 2, 24), dt.date(2025, 2, 25)


def test_problems_sort_by_severity_then_group_order_date_and_position_in_the_day():
    # groups are listed z before a: file order wins over names
    t = tour(group("z", day(MON, visit("x", minutes=30, id="z1"), visit("m", id="z2"))),
             group("a", day(MON, visit("m", id="a1"))),
             sites=[site("x"), site("m", closed_weekdays=[1])], start_date="2025-02-23", end_date="2025-02-25")
    p = [Problem("no-hotel", "a", TUESDAY), Problem("holidays-unknown"), Problem("no-hotel", "z", TUESDAY),
         Problem("closed-weekday", "a", MONDAY, "a1"), Problem("closed-weekday", "z", MONDAY, "z2"),
         Problem("long-leg", "z", MONDAY, "z2"), Problem("long-leg", "z", MONDAY, "z1"),
         Problem("long-leg", "z", TUESDAY), Problem("long-leg", "z", MONDAY),
         Problem("balance-visits", groups=("z", "a"))]
    ordered = sort_problems(t, p)
    assert [x.date for x in ordered if x.code == "long-leg"] == [MONDAY] * 3 + [TUESDAY]
    assert [(x.code, x.group_id, x.activity_id) for x in ordered] == [
        ("closed-weekday", "z", "z2"), ("closed-weekday", "a", "a1"),
        ("long-leg", "z", None), ("long-leg", "z", "z1"), ("long-leg", "z", "z2"), ("long-leg", "z", None),
        ("balance-visits", None, None), ("holidays-unknown", None, None),
        ("no-hotel", "z", None), ("no-hotel", "a", None)]


def test_counts_by_severity_and_plans_by_group():
    t = tour(group("a", day(MON, visit("m", minutes=30)), day("2025-02-25", visit("x", minutes=30), end=None)),
             group("b", day(MON, visit("m", minutes=30))),
             sites=[site("m", closed_weekdays=[1], max_groups=2), site("x")])
    result = schedule(t)
    assert (result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFO)) == (2, 0, 1)
    assert result.has_errors
    assert [p.date for p in result.group_plans("a")] == [MONDAY, TUESDAY]
    assert result.plan("b", TUESDAY) is None and result.plan("b", MONDAY).group_id == "b"
    fine = tour(group("a", day(MON, visit("x", minutes=30))), sites=[site("x")])
    assert not schedule(fine).has_errors and schedule(fine).count(Severity.ERROR) == 0


def test_checking_leaves_the_garbage_collector_as_it_found_it():
    t = tour(group("a", day(MON, visit("x", minutes=30))), sites=[site("x")])
    assert gc.isenabled()
    schedule(t)
    assert gc.isenabled()
    gc.disable()
    try:
        schedule(t)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_unknown_holiday_years_are_noted_once_each():
    t = tour(group("a", day("2027-12-31", visit("x", minutes=30)), day("2028-01-01", visit("x", minutes=30))),
             sites=[site("x", closed_on_holidays=True, closed_weekdays=[6])],
             start_date="2027-12-30", end_date="2028-01-02")
    notes = [p for p in schedule(t).problems if p.code == "holidays-unknown"]
    assert [(p.values()["year"], p.group_id, p.date, p.severity) for p in notes] == [
        (2027, None, None, Severity.INFO), (2028, None, None, Severity.INFO)]
    # an unknown year still gets its weekly closures checked
    assert [p.date for p in schedule(t).problems if p.code == "closed-weekday"] == [dt.date(2028, 1, 1)]


def test_holiday_names_in_both_languages():
    assert holidays.holiday(dt.date(2025, 10, 1)) == "National Day"
    assert holidays.holiday(dt.date(2025, 10, 9)) is None and holidays.holiday(dt.date(2025, 10, 11)) is None
    assert holidays.holiday_name("Spring Festival", "zh") == "春节"
    assert holidays.holiday_name("Spring Festival", "en") == "Spring Festival"
    assert holidays.holiday_name("Something New", "zh") == "Something New"
    assert holidays.is_makeup_workday(dt.date(2025, 10, 11)) and not holidays.is_makeup_workday(dt.date(2025, 10, 12))
    assert not holidays.is_makeup_workday(dt.date(2025, 10, 10))
    assert holidays.known(dt.date(2025, 1, 1)) and not holidays.known(dt.date(2099, 1, 1))


# --- balance -------------------------------------------------------------------------------------

def test_topics_missing_from_a_group_are_listed_in_catalogue_order():
    t = tour(group("a", day(MON, visit("p", minutes=30), visit("q", minutes=30)), name="第一组"),
             group("b", day(MON, visit("r", minutes=30), {"kind": "lecture", "site": "q"}), name="第二组"),
             group("c", day(MON, {"kind": "meal", "site": "p"}), name="第三组"),
             sites=[site("p", topics=["数字经济", "产业发展"]), site("q", topics=["乡村振兴"]),
                    site("r", topics=["生态文明"])])
    notes = [p for p in schedule(t).problems if p.code == "balance-topics"]
    assert [(p.group_id, p.values()["group"], p.values()["topics"]) for p in notes] == [
        ("a", "第一组", "生态文明"), ("b", "第二组", "产业发展、数字经济")]


def test_one_group_has_nothing_to_balance():
    t = tour(group("a", day(MON, visit("p", minutes=30))), sites=[site("p", topics=["数字经济"])])
    assert schedule(t).problems == []


def test_a_group_that_never_drives_shows_the_difference_without_a_ratio():
    t = tour(group("a", day(MON, visit("p", minutes=30)), name="第一组"),
             group("b", day(MON, visit("q", minutes=30)), name="第二组"),
             sites=[site("p"), site("q")],
             travel={"overrides": [{"origin": "hotel", "destination": "q", "minutes": 40, "km": 30}]})
    (p,) = [p for p in schedule(t).problems if p.code == "balance-driving"]
    v = p.values()
    assert (v["most_km"], v["least_km"], v["diff"], v["ratio"]) == (60, 0, 60, "")
    assert p.message("en").endswith("60 km more than 第一组 0 km")


def test_balance_ignores_groups_without_visits():
    t = tour(group("a", day(MON, visit("p", minutes=30)), name="第一组"),
             group("b", day(MON, visit("p", minutes=30)), name="第二组"),
             group("c", day(MON, {"kind": "lecture", "site": "q", "minutes": 30}), name="第三组"),
             sites=[site("p", max_groups=2), site("q")],
             travel={"overrides": [{"origin": "hotel", "destination": "q", "minutes": 90, "km": 100}]})
    assert schedule(t).problems == []


def test_a_meal_at_a_site_teaches_no_topic():
    t = tour(group("a", day(MON, visit("p", minutes=30), {"kind": "meal", "site": "q"}), name="第一组"),
             group("b", day(MON, visit("q", minutes=30)), name="第二组"),
             sites=[site("p", topics=["数字经济"]), site("q", topics=["乡村振兴"])])
    notes = {p.group_id: p.values()["topics"] for p in schedule(t).problems if p.code == "balance-topics"}
    assert notes == {"a": "乡村振兴", "b": "数字经济"}
