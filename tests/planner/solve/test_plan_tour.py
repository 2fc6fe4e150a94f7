"""Auto-plan and repair on the Hunan sample, re-checked by the real scheduler; the `plan` command."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from planner.cli import run_command
from planner.io.fileformat import load_tour, save_tour
from planner.model.tour import ActivityKind, Tour
from planner.schedule.scheduler import schedule
from planner.solve.runner import run

SAMPLE = Path(__file__).resolve().parents[3] / "seeds" / "hunan-2025.tour.json"
AVOIDED = {"day-overflow", "early-start", "closed-weekday", "closed-holiday", "outside-hours",
           "over-capacity-groups", "over-capacity-people", "pinned-unreachable", "joint-mismatch"}
"""Error codes the solver models; its plans must have none of them."""


def _errors(result) -> list[str]:
    return [p.code for p in result.problems if p.severity.value == "error"]


def _travel(result) -> int:
    return sum(p.travel_minutes for p in result.plans.values())


def _only_the_sets(tour: Tour) -> Tour:
    """Keep groups, dates, hotels and each group's sites; forget which day, which order, and lunches."""
    rng = random.Random(1)
    for g in tour.groups:
        days = [d for d in g.days if any(a.kind is ActivityKind.VISIT for a in d.activities)]
        visits = [a for d in days for a in d.activities if a.kind is ActivityKind.VISIT]
        for d in days:
            d.activities = [a for a in d.activities if a.kind not in (ActivityKind.VISIT, ActivityKind.MEAL)]
        rng.shuffle(visits)
        for i, a in enumerate(visits):
            days[i % len(days)].activities.append(a)
    return tour


def test_plan_from_the_sets_of_sites_has_no_errors_and_drives_less_than_the_hand_made_sample():
    sample = load_tour(SAMPLE)
    scrambled = _only_the_sets(load_tour(SAMPLE))
    assert _errors(schedule(scrambled))  # the scrambled input is a bad plan
    out = run(scrambled, time_limit=2)
    after = schedule(out.tour)
    assert _errors(after) == []
    assert _travel(after) <= _travel(schedule(sample))
    sites = lambda t, g: sorted(a.site for d in t.group(g).days for a in d.activities  # noqa: E731
                                if a.kind is ActivityKind.VISIT)
    assert all(sites(out.tour, g.id) == sites(sample, g.id) for g in sample.groups)
    # lunches were added back: in the lunch window, and wherever a day spans lunch time
    assert not {"no-lunch", "meal-outside-lunch"} & {p.code for p in after.problems}
    assert sum(a.kind is ActivityKind.MEAL for g in out.tour.groups for d in g.days for a in d.activities) >= 12


def _clash(tour: Tour, gid: str) -> bool:
    sites = tour.site_index()
    base = schedule(tour)
    others = [g for g in tour.groups if g.id != gid]
    for day in tour.group(gid).days:
        for e in base.plan(gid, day.date).entries:
            if e.activity.kind is not ActivityKind.VISIT or sites[e.activity.site].max_groups != 1:
                continue
            copy = e.activity.model_copy(update={"id": "clash", "pinned": dt.time(e.start // 60, e.start % 60)})
            for other in others:
                oday = other.day(day.date)
                original = list(oday.activities) if oday else []
                for k in range(len(original) + 1):
                    oday.activities = original[:k] + [copy] + original[k:]
                    codes = set(_errors(schedule(tour)))
                    if codes == {"over-capacity-groups"}:
                        return True
                if oday:
                    oday.activities = original
    return False


def _inject(tour: Tour) -> Tour:
    """Three errors: a site closed on its visit's weekday, two groups at a one-group site, a day too long."""
    sites = tour.site_index()
    g1, g2 = tour.groups[0], tour.groups[1]
    # the capacity clash: another group also books one of group 1's one-group sites, pinned at group 1's
    # time, at the first place in its day where it gets there in time and nothing else breaks
    found = _clash(tour, g1.id)
    assert found, "no capacity clash could be injected"
    # the closed day: group 2's last visit of the tour, its site now closed on that weekday
    last = max((d for d in g2.days if any(a.kind is ActivityKind.VISIT for a in d.activities)), key=lambda d: d.date)
    closed = [a for a in last.activities if a.kind is ActivityKind.VISIT][-1]
    sites[closed.site].closed_weekdays = sorted({*sites[closed.site].closed_weekdays, last.date.isoweekday()})
    # the overflow: one of group 3's visits is moved onto the next day, which then ends after 18:00
    g3 = tour.groups[2]
    days = [d for d in g3.days if any(a.kind is ActivityKind.VISIT for a in d.activities)]
    done = False
    for here, there in zip(days, days[1:]):
        for act in [a for a in here.activities if a.kind is ActivityKind.VISIT]:
            here.activities.remove(act)
            there.activities.append(act)
            if "day-overflow" in [p.code for p in schedule(tour).problems]:
                done = True
                break
            there.activities.remove(act)
            here.activities.append(act)
        if done:
            break
    tour = Tour.model_validate(tour.model_dump())
    return tour


def test_repair_of_a_tour_without_errors_changes_nothing():
    sample = load_tour(SAMPLE)
    out = run(sample, repair=True, time_limit=1)
    assert out.kept_original and out.tour == sample


def test_repair_removes_three_injected_errors_with_few_changes():
    broken = _inject(load_tour(SAMPLE))
    codes = set(_errors(schedule(broken)))
    assert {"closed-weekday", "over-capacity-groups", "day-overflow"} <= codes
    out = run(broken, repair=True, time_limit=2)
    assert not out.kept_original
    assert _errors(schedule(out.tour)) == []
    assert out.changed_activities <= 6


def test_plan_command_writes_the_plan_and_exits_0(tmp_path, capsys):
    src = tmp_path / "in.tour.json"
    tour, sample = _only_the_sets(load_tour(SAMPLE)), load_tour(SAMPLE)
    tour.groups[1:] = sample.groups[1:]  # only g1 scrambled
    save_tour(tour, src)
    out = tmp_path / "out.tour.json"
    code = run_command(["plan", str(src), "-o", str(out), "--time-limit", "2", "--json", "--groups", "g1"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and doc["errors_after"] == 0 < doc["errors_before"]
    planned = load_tour(out)
    assert not [p for p in schedule(planned).problems if p.severity.value == "error"]
    # only g1 was planned: the other groups are exactly as they were
    before = load_tour(src)
    assert planned.group("g2") == before.group("g2") and planned.group("g3") == before.group("g3")


def test_plan_command_exit_1_when_errors_remain_and_2_for_an_unknown_group(tmp_path, capsys):
    tour = load_tour(SAMPLE)
    day = tour.groups[0].days[1]
    visit = next(a for a in day.activities if a.kind is ActivityKind.VISIT)
    tour.site(visit.site).closed_weekdays = [1, 2, 3, 4, 5, 6, 7]  # closed every day: nothing can help
    src = tmp_path / "in.tour.json"
    save_tour(tour, src)
    out = tmp_path / "out.tour.json"
    assert run_command(["plan", str(src), "-o", str(out), "--repair", "--time-limit", "1", "--lang", "en"]) == 1
    assert out.exists()
    said = capsys.readouterr().out
    assert f"{tour.site(visit.site).name}: closed on every day this group can be planned" in said
    assert run_command(["plan", str(src), "-o", str(out), "--groups", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert run_command(["plan", str(src), "-o", str(tmp_path / "no" / "x.json"), "--time-limit", "600"]) == 2
    assert "no folder" in capsys.readouterr().err  # at once, not after a 10-minute search


@pytest.mark.parametrize("seed", [0])
def test_the_plan_has_none_of_the_errors_the_solver_models(seed):
    out = run(_only_the_sets(load_tour(SAMPLE)), time_limit=2, seed=seed)
    assert not AVOIDED & set(_errors(out.after))
    assert out.after.problems == schedule(out.tour).problems or _errors(out.after) == _errors(schedule(out.tour))


def test_the_same_seed_gives_the_same_plan():
    a = run(_only_the_sets(load_tour(SAMPLE)), time_limit=1, seed=4)
    b = run(_only_the_sets(load_tour(SAMPLE)), time_limit=1, seed=4)
    assert a.tour == b.tour


def test_other_commands_do_not_pay_for_loading_or_tools():
    import subprocess
    import sys

    code = "import sys, planner.cli; print('ortools' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
