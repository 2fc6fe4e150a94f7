"""Issue 8's scheduler semantics, each pinned on a small tour worked out by hand."""

import datetime as dt

import pytest

from planner.model.edits import EditError, day_of
from planner.model.tour import Tour
from planner.render.report import day_json
from planner.schedule.problems import CATALOGUE, Severity
from planner.schedule.scheduler import schedule
from tests.builders import codes, day, group, site, tour, visit

MON = "2025-02-24"
MONDAY = dt.date(2025, 2, 24)
FAR = (30.5, 120.5)


def known(a, b, minutes, km=None):
    leg = {"origin": a, "destination": b, "minutes": minutes}
    return leg if km is None else {**leg, "km": km}


def only(result, code):
    found = [p for p in result.problems if p.code == code]
    assert len(found) == 1, codes(result.problems)
    return found[0]


# --- depart, arrive and waiting -------------------------------------------------------------------

def test_the_group_leaves_when_the_previous_activity_ends_and_waits_at_the_next_place():
    # x 08:00–09:00 (the day starts at x); a known 30-minute leg to y; y is pinned at 10:00.
    t = tour(group("a", day(MON, visit("x", minutes=60), visit("y", pinned="10:00", minutes=60),
                            start="x", end="y")),
             sites=[site("x"), site("y", at=FAR)], travel={"overrides": [known("x", "y", 30)]})
    plan = schedule(t).plan("a", MONDAY)
    first, second = plan.entries
    assert (first.start, first.end) == (8 * 60, 9 * 60)
    assert (second.depart, second.arrive, second.start, second.wait) == (9 * 60, 9 * 60 + 30, 10 * 60, 30)
    assert plan.idle_minutes == 30 and plan.used_minutes == 180


def test_the_first_activity_is_reached_just_in_time_so_the_hotel_morning_is_not_waiting():
    # From the hotel, a known 40-minute leg to y, pinned 10:00: set off 09:20, no waiting at all.
    t = tour(group("a", day(MON, visit("y", pinned="10:00", minutes=90))),
             sites=[site("y", at=FAR)], travel={"overrides": [known("hotel", "y", 40)]})
    plan = schedule(t).plan("a", MONDAY)
    (entry,) = plan.entries
    assert (entry.depart, entry.arrive, entry.start, entry.wait) == (9 * 60 + 20, 10 * 60, 10 * 60, 0)
    assert plan.day_start == 9 * 60 + 20 and plan.day_end == 12 * 60 + 10
    assert (plan.idle_minutes, plan.used_minutes, plan.slack) == (0, 170, 350)


def test_the_first_visit_waiting_for_opening_time_sets_off_later_instead():
    t = tour(group("a", day(MON, visit("park", minutes=60), visit("park2", minutes=30))),
             sites=[site("park", hours=[{"start": "09:00", "end": "17:00"}]),
                    site("park2", hours=[{"start": "10:30", "end": "17:00"}])])
    plan = schedule(t).plan("a", MONDAY)
    first, second = plan.entries
    assert (plan.day_start, first.start, first.wait) == (9 * 60, 9 * 60, 0)
    assert (second.depart, second.arrive, second.start, second.wait) == (10 * 60, 10 * 60, 10 * 60 + 30, 30)


def test_json_timeline_reads_depart_as_the_previous_leave_and_wait_as_start_minus_arrive():
    t = tour(group("a", day(MON, visit("x", minutes=45), visit("y", pinned="11:00"), {"kind": "meal"},
                            start="x", end="hotel")),
             sites=[site("x"), site("y", at=FAR)],
             travel={"overrides": [known("x", "y", 25), known("y", "hotel", 35)]})
    doc = day_json(schedule(t).plan("a", MONDAY))
    rows = doc["timeline"]
    assert [r["depart"] for r in rows[1:]] == [r["leave"] for r in rows[:-1]]

    def m(hhmm):
        return int(hhmm[:2]) * 60 + int(hhmm[3:])

    for r in rows:
        assert r["wait_minutes"] == m(r["start"]) - m(r["arrive"])
        assert m(r["arrive"]) - m(r["depart"]) == r["leg"]["minutes"]
    assert doc["day_start"] == rows[0]["depart"]
    assert doc["totals"]["idle_minutes"] == sum(r["wait_minutes"] for r in rows)


# --- early start; codes that cannot fire --------------------------------------------------------

def test_a_first_activity_pinned_before_the_window_is_an_early_start_not_unreachable():
    t = tour(group("a", day(MON, {"kind": "lecture", "site": "hall", "pinned": "07:00", "minutes": 60,
                                  "id": "early"}), name="第一组"),
             sites=[site("hall", "礼堂", kind="venue")])
    result = schedule(t)
    assert "pinned-unreachable" not in codes(result.problems)
    p = only(result, "early-start")
    assert (p.group_id, p.date, p.activity_id, p.severity) == ("a", MONDAY, "early", Severity.ERROR)
    v = p.values()
    assert (v["start"], v["depart"], v["window_start"], v["activity"]) == ("07:00", "07:00", "08:00", "礼堂")
    assert (v["group"], v["date"], p.values("en")["date"]) == ("第一组", "2月24日", "24 Feb")
    plan = result.plan("a", MONDAY)
    assert (plan.day_start, plan.entries[0].start, plan.entries[0].pinned_late) == (7 * 60, 7 * 60, 0)


def test_setting_off_before_the_window_for_a_pin_at_its_opening_is_an_early_start():
    # Pinned at 08:00 exactly, 30 minutes away: the group must leave at 07:30.
    t = tour(group("a", day(MON, visit("y", pinned="08:00", id="v"))),
             sites=[site("y", at=FAR)], travel={"overrides": [known("hotel", "y", 30)]})
    p = only(schedule(t), "early-start")
    assert (p.values()["start"], p.values()["depart"]) == ("08:00", "07:30")
    assert "07:30" in p.message() and "08:00" in p.message("en")


def test_a_pin_reached_exactly_at_the_window_opening_is_not_early():
    t = tour(group("a", day(MON, visit("y", pinned="08:30"))),
             sites=[site("y", at=FAR)], travel={"overrides": [known("hotel", "y", 30)]})
    assert "early-start" not in codes(schedule(t).problems)


def test_a_day_outside_the_tour_cannot_exist_so_it_has_no_code():
    assert "day-outside-tour" not in CATALOGUE
    with pytest.raises(ValueError, match="outside the tour dates"):
        tour(group("a", day("2025-03-05")), sites=[])
    t = tour(group("a", day(MON)), sites=[])
    with pytest.raises(EditError):
        day_of(t, "a", dt.date(2025, 3, 5))
    assert isinstance(t, Tour)


# --- long legs -----------------------------------------------------------------------------------

def test_a_known_duration_over_the_limit_is_a_long_leg_too():
    t = tour(group("a", day(MON, visit("y", minutes=30, id="v"), end="y")),
             sites=[site("y", "远方园区", at=FAR)], travel={"overrides": [known("hotel", "y", 200, km=250)]})
    p = only(schedule(t), "long-leg")
    assert (p.group_id, p.date, p.activity_id) == ("a", MONDAY, "v")
    assert (p.values()["minutes"], p.values()["km"], p.values()["limit"]) == (200, 250, 180)
    assert "远方园区" in p.message()


# --- joint sessions ------------------------------------------------------------------------------

def _opening(pinned, where="hall", gid=""):
    return {"kind": "lecture", "site": where, "pinned": pinned, "minutes": 90, "joint": "opening",
            "id": f"open-{gid}"}


def test_a_joint_tag_at_different_times_is_a_mismatch_and_two_bookings():
    t = tour(group("a", day(MON, _opening("09:00", gid="a")), name="第一组"),
             group("b", day(MON, visit("x", minutes=30), _opening("10:00", gid="b")), name="第二组"),
             sites=[site("hall", "礼堂", kind="venue", max_groups=1), site("x")])
    result = schedule(t)
    p = only(result, "joint-mismatch")
    assert p.severity is Severity.ERROR and p.date == MONDAY
    assert set(p.groups) == {"a", "b"} and set(p.activities) == {"open-a", "open-b"}
    msg = p.message()
    assert all(s in msg for s in ("第一组", "第二组", "09:00", "10:00", "礼堂"))
    clash = only(result, "over-capacity-groups")  # 09:00–10:30 and 10:00–11:30 overlap: two bookings
    assert clash.values()["count"] == 2


def test_a_joint_tag_at_different_sites_is_a_mismatch_naming_both_sites():
    t = tour(group("a", day(MON, _opening("09:00", gid="a")), name="第一组"),
             group("b", day(MON, _opening("09:00", "hall2", gid="b")), name="第二组"),
             sites=[site("hall", "礼堂", kind="venue"), site("hall2", "报告厅", kind="venue")])
    p = only(schedule(t), "joint-mismatch")
    assert "礼堂" in p.message() and "报告厅" in p.message("en")
    assert (p.group_id, p.activity_id, p.site_id) == ("b", "open-b", "hall2")


def test_a_true_joint_session_is_no_mismatch():
    t = tour(group("a", day(MON, _opening("09:00", gid="a"))), group("b", day(MON, _opening("09:00", gid="b"))),
             sites=[site("hall", kind="venue", max_groups=1)])
    assert schedule(t).problems == []


# --- balance ------------------------------------------------------------------------------------

def _driving(km_a, km_b):
    """Two groups, each one visit: out and back over a known leg of the given km (each way)."""
    return tour(group("a", day(MON, visit("p", minutes=30)), name="第一组"),
                group("b", day(MON, visit("q", minutes=30)), name="第二组"),
                sites=[site("p"), site("q")],
                travel={"overrides": [known("hotel", "p", 10, km=km_a), known("hotel", "q", 10, km=km_b)]})


def test_a_small_absolute_difference_in_driving_is_not_news():
    assert "balance-driving" not in codes(schedule(_driving(0.5, 0.75)).problems)  # 1.0 vs 1.5 km
    assert "balance-driving" not in codes(schedule(_driving(10, 34.7)).problems)   # 20 vs 69 km: 49 apart
    assert only(schedule(_driving(10, 35)), "balance-driving").values()["diff"] == 50  # 20 vs 70 km


def test_balance_driving_reads_as_arithmetic_on_the_numbers_it_shows():
    # 40.6 km vs 100.4 km: shown 41 and 100; 100 / 41 = 2.4 (the unrounded 2.47 would read 2.5).
    p = only(schedule(_driving(20.3, 50.2)), "balance-driving")
    v = p.values()
    assert (v["most"], v["most_km"], v["least"], v["least_km"], v["diff"]) == ("第二组", 100, "第一组", 41, 59)
    assert "2.4" in p.message() and "2.5" not in p.message()
    assert p.groups == ("b", "a")


def _visits(n_a, n_b):
    sites = [site(f"s{i}") for i in range(max(n_a, n_b))]
    days_a = [day(f"2025-02-{23 + d}", *(visit(f"s{i}", minutes=20) for i in range(n_a) if i % 5 == d))
              for d in range(5)]
    days_b = [day(f"2025-02-{23 + d}", *(visit(f"s{i}", minutes=20) for i in range(n_b) if i % 5 == d))
              for d in range(5)]
    return tour(group("a", *days_a, name="第一组"), group("b", *days_b, name="第二组"), sites=sites)


def test_visits_differing_by_three_out_of_many_are_similar():
    assert "balance-visits" not in codes(schedule(_visits(12, 15)).problems)


def test_visits_differing_by_three_out_of_few_are_unbalanced():
    p = only(schedule(_visits(2, 5)), "balance-visits")
    assert p.values()["counts"] == "第一组 2、第二组 5" and p.groups == ("a", "b")


# --- lunch ---------------------------------------------------------------------------------------

def test_an_unpinned_meal_waits_for_the_lunch_window():
    # The visit ends 10:30; lunch (11:30–13:30) is held until 11:30: the group waits at the restaurant.
    t = tour(group("a", day(MON, visit("x", minutes=150), {"kind": "meal", "site": "food", "minutes": 60},
                            visit("y", minutes=60))),
             sites=[site("x"), site("food", kind="venue"), site("y")])
    result = schedule(t)
    meal = result.plan("a", MONDAY).entries[1]
    assert (meal.depart, meal.arrive, meal.start, meal.end, meal.wait) == (630, 630, 690, 750, 60)
    assert not {"no-lunch", "meal-outside-lunch"} & set(codes(result.problems))


def test_a_meal_pushed_past_the_lunch_window_is_flagged():
    # The visit runs 08:00–13:00; the 60-minute lunch then ends 14:00, past 13:30.
    t = tour(group("a", day(MON, visit("x", minutes=300), {"kind": "meal", "id": "m", "title": "午餐"}),
                   name="第一组"),
             sites=[site("x")])
    result = schedule(t)
    p = only(result, "meal-outside-lunch")
    assert (p.group_id, p.date, p.activity_id, p.severity) == ("a", MONDAY, "m", Severity.WARNING)
    assert (p.values()["start"], p.values()["end"], p.values()["window"]) == ("13:00", "14:00", "11:30–13:30")
    assert "no-lunch" not in codes(result.problems)


def test_a_meal_pinned_before_the_window_is_flagged_instead_of_no_lunch():
    t = tour(group("a", day(MON, visit("x", minutes=60), {"kind": "meal", "pinned": "10:00", "id": "m"},
                            visit("y", minutes=300))),
             sites=[site("x"), site("y")])
    result = schedule(t)
    assert only(result, "meal-outside-lunch").values()["start"] == "10:00"
    assert "no-lunch" not in codes(result.problems)


def test_a_dinner_is_not_a_lunch():
    # x 08:00–11:00, lunch held to 11:30–12:30, y until 17:30, then dinner: not held, not flagged.
    t = tour(group("a", day(MON, visit("x", minutes=180), {"kind": "meal"}, visit("y", minutes=300),
                            {"kind": "meal", "id": "dinner"})),
             sites=[site("x"), site("y")], day_window={"start": "08:00", "end": "20:00"})
    result = schedule(t)
    dinner = result.plan("a", MONDAY).entries[3]
    assert (dinner.start, dinner.wait) == (17 * 60 + 30, 0)
    assert result.problems == []


def test_a_joint_mismatch_is_placed_on_the_later_group_and_reads_in_both_languages():
    t = tour(group("a", day(MON, _opening("09:00", gid="a")), name="第一组"),
             group("b", day(MON, {**_opening("10:00", gid="b"), "site": None}, start=None), name="第二组"),
             sites=[site("hall", "礼堂", kind="venue")])
    p = only(schedule(t), "joint-mismatch")
    assert (p.group_id, p.date, p.activity_id, p.site_id) == ("b", MONDAY, "open-b", None)
    assert p.groups == ("a", "b") and p.activities == ("open-a", "open-b")
    v, en = p.values(), p.values("en")
    assert (v["date"], en["date"], v["joint"]) == ("2月24日", "24 Feb", "opening")
    assert (v["time"], v["other_time"], v["site"], v["other_site"]) == ("09:00–10:30", "10:00–11:30", "礼堂", "—")


def test_the_driving_ratio_reads_in_each_language_and_from_one_km_up():
    p = only(schedule(_driving(20.3, 50.2)), "balance-driving")
    assert (p.values()["ratio"], p.values("en")["ratio"]) == ("（2.4 倍）", " (2.4×)")
    one_km = only(schedule(_driving(0.5, 30)), "balance-driving").values("en")  # 1 km vs 60 km
    assert (one_km["least_km"], one_km["most_km"], one_km["ratio"]) == (1, 60, " (60.0×)")


def test_driving_within_one_and_a_half_times_is_balanced_even_when_far_apart():
    assert "balance-driving" not in codes(schedule(_driving(100.5, 150)).problems)  # 201 vs 300 km: 1.49×
    assert only(schedule(_driving(100, 150)), "balance-driving").values()["diff"] == 100  # 200 vs 300: 1.5×


@pytest.mark.parametrize(("a", "b", "noted"), [(6, 9, True), (7, 10, False), (2, 4, False)])
def test_visits_need_three_more_and_half_as_many_again(a, b, noted):
    assert ("balance-visits" in codes(schedule(_visits(a, b)).problems)) is noted


def test_each_joint_session_of_a_day_is_compared():
    # the opening matches; the closing, later the same day, does not
    def closing(pinned, gid):
        return {**_opening(pinned, gid=gid), "joint": "closing", "id": f"close-{gid}"}

    t = tour(group("a", day(MON, _opening("09:00", gid="a"), closing("14:00", "a"))),
             group("b", day(MON, _opening("09:00", gid="b"), closing("15:00", "b"))),
             sites=[site("hall", kind="venue", max_groups=2)])
    p = only(schedule(t), "joint-mismatch")
    assert p.activities == ("close-a", "close-b") and p.values()["joint"] == "closing"


def test_the_group_driving_most_is_named_first_whatever_its_id():
    p = only(schedule(_driving(50.2, 20.3)), "balance-driving")
    assert p.groups == ("a", "b") and (p.values()["most"], p.values()["least"]) == ("第一组", "第二组")
