"""What changed between two versions: moved, added, removed, re-timed; hotels, vehicles; sites to re-notify."""

import datetime as dt
import json

from planner.diff.changes import ADDED, HOTEL, MOVED, REMOVED, RETIMED, VEHICLE, compare
from planner.diff.report import describe
from planner.io.fileformat import save_tour
from tests.builders import day, site, tour, visit
from ui.cli import main

SITES = [site("mill", "羊毛衫厂"), site("lab", "实验室"), site("farm", "李祖村", kind="village"),
         site("inn", "湖畔酒店", kind="hotel", visit_minutes=0)]


def _base():
    g1 = {"id": "g1", "name": "第一组", "headcount": 30, "vehicle": "浙A·1",
          "days": [day("2025-02-24", visit("mill", id="v1"), visit("lab", id="v2")),
                   day("2025-02-25", visit("farm", id="v3"))]}
    g2 = {"id": "g2", "name": "第二组", "headcount": 20, "days": [day("2025-02-24", visit("farm", id="w1"))]}
    return tour(g1, g2, sites=SITES)


def test_the_same_plan_has_no_changes():
    diff = compare(_base(), _base())
    assert diff.same and diff.changes == [] and diff.sites_changed == []


def test_each_kind_of_change_is_found_and_placed():
    new = _base()
    g1 = new.group("g1")
    g1.days[0].activities[0].pinned = dt.time(9, 30)             # v1 re-timed
    g1.days[1].activities.append(g1.days[0].activities.pop(1))   # v2 moved to the next day
    g1.days[1].activities.insert(0, visit_activity("lab", "v9"))  # a new visit
    new.group("g2").days[0].activities.clear()                    # w1 removed
    g1.days[0].end = "inn"                                        # a new hotel for the night
    g1.vehicle = "浙A·2"
    diff = compare(_base(), new)
    kinds = {(c.kind, c.activity_id) for c in diff.changes}
    assert {(RETIMED, "v1"), (MOVED, "v2"), (ADDED, "v9"), (REMOVED, "w1"), (HOTEL, None),
            (VEHICLE, None)} <= kinds
    moved = next(c for c in diff.changes if c.activity_id == "v2")
    assert (moved.old.date, moved.new.date) == (dt.date(2025, 2, 24), dt.date(2025, 2, 25))
    hotel = next(c for c in diff.changes if c.kind == HOTEL)
    assert hotel.date == dt.date(2025, 2, 24) and (hotel.before, hotel.after) == ("酒店", "湖畔酒店")
    assert "09:30" in describe(next(c for c in diff.changes if c.activity_id == "v1"))
    assert {(c.group_id, c.kind) for c in diff.for_site("farm")} == {("g1", RETIMED), ("g2", REMOVED)}
    assert set(diff.sites_changed) == {"mill", "lab", "farm"}


def visit_activity(sid, aid):
    from planner.model.tour import Activity

    return Activity.model_validate(visit(sid, id=aid))


def test_a_change_that_leaves_a_site_untouched_does_not_renotify_it():
    new = _base()
    new.group("g1").days[1].activities[0].notes = "带雨具"  # notes are not what the host is told
    new.group("g2").vehicle = "苏E·3"
    diff = compare(_base(), new)
    assert diff.sites_changed == [] and [c.kind for c in diff.changes] == [VEHICLE]


def test_activities_without_ids_match_by_what_they_are():
    old, new = _base(), _base()
    for t in (old, new):
        for g in t.groups:
            for d in g.days:
                for a in d.activities:
                    a.id = None
    new.group("g1").days[0].activities.reverse()
    from planner.model.tour import assign_activity_ids
    assign_activity_ids(old)
    assign_activity_ids(new)
    diff = compare(old, new)
    assert {c.kind for c in diff.changes} == {RETIMED} and len(diff.changes) == 2


def test_cli_text_json_and_exit_codes(tmp_path, capsys):
    a, b = tmp_path / "a.tour.json", tmp_path / "b.tour.json"
    save_tour(_base(), a)
    save_tour(_base(), b)
    assert main(["diff", str(a), str(b)]) == 0
    assert "相同" in capsys.readouterr().out
    changed = _base()
    changed.group("g2").days[0].activities[0].pinned = dt.time(10, 0)
    save_tour(changed, b)
    assert main(["diff", str(a), str(b), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["same"] is False and out["sites_changed"] == ["farm"]
    [change] = out["changes"]
    assert change["kind"] == "retimed" and change["new"]["start"] == "10:00" and change["group"] == "g2"
    assert main(["diff", str(a), str(tmp_path / "missing.tour.json")]) == 2
    assert "missing.tour.json" in capsys.readouterr().err


def test_a_new_coach_or_leader_in_the_roster_is_a_change():
    from planner.model.people import People

    new = _base()
    new.people = People.model_validate({
        "staff": [{"id": "s1", "role": "leader", "name": "周领队", "phone": "13700000001", "group": "g2"}],
        "vehicles": [{"id": "c1", "group": "g2", "plate": "苏E·88888", "driver": "孙师傅"}]})
    diff = compare(_base(), new)
    assert [(c.kind, c.group_id, c.after) for c in diff.changes] == [
        ("leader", "g2", "周领队 13700000001"), (VEHICLE, "g2", "苏E·88888 孙师傅")]
    assert diff.sites_changed == ["farm"]  # the host is told who leads the group now


def test_hostile_names_are_shown_escaped_in_the_terminal(tmp_path, capsys):
    a, b = tmp_path / "a.tour.json", tmp_path / "b.tour.json"
    old = _base()
    old.group("g2").name = "\x1b[2J第二组"
    new = old.model_copy(deep=True)
    new.group("g2").vehicle = "苏E·1"
    save_tour(old, a)
    save_tour(new, b)
    assert main(["diff", str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J第二组" in out
