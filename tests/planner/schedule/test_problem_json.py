"""A problem as `check --json` prints it: where it is, who is involved, in the chosen language."""

import datetime as dt

from planner.schedule.messages import MESSAGES
from planner.schedule.problems import CATALOGUE, SEVERITIES, Problem, Severity


def test_a_problem_of_one_group_lists_that_group_and_activity():
    p = Problem("no-hotel", "g1", dt.date(2025, 2, 24), "a3", "h", {"group": "一组", "date": "2月24日"})
    assert p.to_json() == {"code": "no-hotel", "severity": "info", "group": "g1", "groups": ["g1"],
                           "date": "2025-02-24", "activity": "a3", "activities": ["a3"], "site": "h",
                           "message": "一组 2月24日：未指定当晚住宿"}
    assert p.to_json("en")["message"] == "一组 2月24日: no hotel for the night"


def test_a_problem_of_the_whole_tour_lists_nobody():
    p = Problem("holidays-unknown", params={"year": 2027})
    doc = p.to_json("en")
    assert (doc["group"], doc["groups"], doc["date"], doc["activity"], doc["activities"], doc["site"]) == (
        None, [], None, None, [], None)
    assert doc["severity"] == "info" and "2027" in doc["message"]


def test_a_problem_of_several_groups_lists_them_all():
    p = Problem("over-capacity-groups", "b", activity_id="vb", groups=("a", "b"), activities=("va", "vb"),
                params={"date": "", "start": "", "end": "", "site": "", "count": 2, "groups": "", "limit": 1})
    doc = p.to_json()
    assert (doc["groups"], doc["activities"], doc["severity"]) == (["a", "b"], ["va", "vb"], "error")
    assert p.involves("va") and p.involves("vb") and not p.involves("vc")
    assert Problem("no-hotel", "g", activity_id="x").involves("x")
    assert not Problem("no-hotel", "g", activity_id="x").involves("y")


def test_every_code_has_a_severity_and_wording_in_both_languages():
    assert set(SEVERITIES) == set(MESSAGES) == set(CATALOGUE)
    for code, (severity, zh, en) in CATALOGUE.items():
        assert isinstance(severity, Severity) and zh and en
        assert Problem(code).severity is SEVERITIES[code]
