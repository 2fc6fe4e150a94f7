"""自动排程 with a plan request: shared and per-group pools with priorities, required topics, balance."""

from __future__ import annotations

import json

import pytest

from planner.io.errors import PlannerError
from planner.model.tour import ActivityKind, Tour
from planner.schedule.scheduler import schedule
from planner.solve.request import PlanRequest, load_request
from planner.solve.runner import run
from tests.builders import HANGZHOU, day, group, site, tour, visit
from tests.planner.solve.test_plan_tour import AVOIDED

NORTH = (HANGZHOU[0] + 0.25, HANGZHOU[1])
NEAR_NORTH = (HANGZHOU[0] + 0.26, HANGZHOU[1] + 0.01)


def _tour() -> Tour:
    """g1 drives north to `far`; g2 stays in town at `near`; `extra` lies next to `far`."""
    return tour(group("g1", day("2025-02-25", visit("far"))),
                group("g2", day("2025-02-25", visit("near"))),
                sites=[site("far", at=NORTH), site("near", at=(HANGZHOU[0] + 0.01, HANGZHOU[1])),
                       site("extra", at=NEAR_NORTH, topics=["乡村振兴"]), site("museum", topics=["文旅融合"])])


def _visits(t: Tour, gid: str) -> list[str]:
    return [a.site for d in t.group(gid).days for a in d.activities if a.kind is ActivityKind.VISIT]


def _no_modelled_errors(t: Tour) -> None:
    assert not AVOIDED & {p.code for p in schedule(t).problems if p.severity.value == "error"}


def test_a_shared_site_goes_to_exactly_one_group_the_cheaper_one():
    req = PlanRequest(pool=[{"site": "extra", "priority": 3, "groups": ["g1", "g2"]}])
    out = run(_tour(), time_limit=2, request=req)
    assert _visits(out.tour, "g1").count("extra") + _visits(out.tour, "g2").count("extra") == 1
    assert "extra" in _visits(out.tour, "g1")  # next to where g1 already drives
    _no_modelled_errors(out.tour)


def test_a_shared_site_open_to_two_groups_may_go_to_both():
    req = PlanRequest(pool=[{"site": "extra", "priority": 20, "max_groups": 2}])
    out = run(_tour(), time_limit=2, request=req)
    assert "extra" in _visits(out.tour, "g1") and "extra" in _visits(out.tour, "g2")
    _no_modelled_errors(out.tour)


def test_a_low_priority_site_is_left_out_but_a_required_topic_brings_it_in():
    pool = [{"site": "museum", "priority": 0, "groups": ["g2"]}]
    plain = run(_tour(), time_limit=2, request=PlanRequest(pool=pool))
    assert "museum" not in _visits(plain.tour, "g2")
    out = run(_tour(), time_limit=2, request=PlanRequest(pool=pool, topics={"g2": ["文旅融合"]}))
    assert "museum" in _visits(out.tour, "g2")
    assert out.uncovered == []
    _no_modelled_errors(out.tour)


def test_a_topic_no_site_offers_is_reported_not_faked():
    out = run(_tour(), time_limit=2, request=PlanRequest(topics={"g1": ["数字经济"]}))
    assert out.uncovered == [("g1", "数字经济")]


def test_balance_brings_the_groups_driving_closer():
    pool = [{"site": "extra", "priority": 5, "groups": ["g1", "g2"]}]
    plain = run(_tour(), time_limit=2, request=PlanRequest(pool=pool))
    even = run(_tour(), time_limit=2, request=PlanRequest(pool=pool, balance=True))
    spread = lambda t: max(_drives_of(t)) - min(_drives_of(t))  # noqa: E731
    assert spread(even.tour) < spread(plain.tour)
    assert "extra" in _visits(even.tour, "g2")
    _no_modelled_errors(even.tour)


def test_the_same_seed_gives_the_same_pooled_plan():
    req = PlanRequest(pool=[{"site": "extra", "priority": 3}, {"site": "museum", "priority": 1}],
                      topics={"g1": ["文旅融合"]}, balance=True)
    a = run(_tour(), time_limit=1, seed=7, request=req).tour
    b = run(_tour(), time_limit=1, seed=7, request=req).tour
    assert a.model_dump(exclude={"groups": {"__all__": {"days": {"__all__": {"activities": {"__all__": {"id"}}}}}}}) \
        == b.model_dump(exclude={"groups": {"__all__": {"days": {"__all__": {"activities": {"__all__": {"id"}}}}}}})


@pytest.mark.parametrize("doc, says", [
    ({"pool": [{"site": "nowhere"}]}, "pool[0]: no site 'nowhere'"),
    ({"topics": {"g9": ["乡村振兴"]}}, "no group 'g9'"),
    ({"pool": [{"site": "extra", "priority": -1}]}, "pool.0.priority"),
    ({"pool": [], "colour": "red"}, "colour"),
    ({"dates": ["2025-11-04"]}, "date 2025-11-04 is outside the tour"),
    ({"hotels": [{"group": "g1", "date": "2025-02-27", "candidates": ["hotel"]}]}, "hotels[0]: group 'g1' has no day"),
    ({"hotels": [{"group": "g1", "date": "2025-02-25", "candidates": ["ritz"]}]}, "hotels[0]: no site 'ritz'"),
])
def test_a_bad_request_gets_one_message_naming_the_entry(tmp_path, doc, says):
    path = tmp_path / "req.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(PlannerError, match=None) as caught:
        load_request(path, _tour())
    assert says in str(caught.value) and "req.json" in str(caught.value)


def test_plan_command_takes_a_request_and_says_which_topic_stays_uncovered(tmp_path, capsys):
    from planner.cli import run_command
    from planner.io.fileformat import load_tour, save_tour

    src, out, req = tmp_path / "in.tour.json", tmp_path / "out.tour.json", tmp_path / "req.json"
    save_tour(_tour(), src)
    req.write_text(json.dumps({"pool": [{"site": "museum", "priority": 0}], "topics": {"g2": ["文旅融合"]}}),
                   encoding="utf-8")
    assert run_command(["plan", str(src), "-o", str(out), "--request", str(req), "--time-limit", "1"]) == 0
    assert "museum" in _visits(load_tour(out), "g2")
    capsys.readouterr()
    req.write_text(json.dumps({"topics": {"g1": ["数字经济"]}}), encoding="utf-8")
    assert run_command(["plan", str(src), "-o", str(out), "--request", str(req), "--time-limit", "1",
                        "--lang", "en", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["uncovered_topics"] == [{"group": "g1", "topic": "数字经济"}]
    req.write_text("{not json", encoding="utf-8")
    assert run_command(["plan", str(src), "-o", str(out), "--request", str(req)]) == 2
    assert "req.json: not JSON" in capsys.readouterr().err


def _pooled_sample(priority: int, balance: bool) -> tuple[Tour, set[str], PlanRequest]:
    """The sample's sets of sites, with the villages taken out of every group's list into one shared pool."""
    from planner.io.fileformat import load_tour
    from tests.planner.solve.test_plan_tour import SAMPLE, _only_the_sets

    t = _only_the_sets(load_tour(SAMPLE))
    sites = t.site_index()
    rural = {a.site for g in t.groups for d in g.days for a in d.activities
             if a.site in sites and "乡村振兴" in sites[a.site].topics}
    for g in t.groups:
        for d in g.days:
            d.activities = [a for a in d.activities if a.site not in rural]
    return t, rural, PlanRequest(pool=[{"site": s, "priority": priority} for s in sorted(rural)],
                                 topics={g.id: ["乡村振兴"] for g in t.groups}, balance=balance)


def _drives_of(t: Tour) -> list[int]:
    result = schedule(t)
    return [sum(p.travel_minutes for (g, _), p in result.plans.items() if g == group.id) for group in t.groups]


def test_on_the_sample_pooled_villages_cover_every_group_once_with_none_of_the_modelled_errors():
    t, rural, req = _pooled_sample(0, True)
    out = run(t, time_limit=2, request=req)
    assert out.uncovered == []
    takers = [a.site for g in out.tour.groups for d in g.days for a in d.activities if a.site in rural]
    assert len(takers) == len(set(takers)) >= len(t.groups)  # each village to one group at most
    _no_modelled_errors(out.tour)


def _two_groups(g1_sites: list[str], g2_sites: list[str]) -> Tour:
    names = set(g1_sites + g2_sites) | {"spare1", "spare2", "museum2"}
    topics = {"museum": ["文旅融合"], "museum2": ["文旅融合"]}
    return tour(group("g1", day("2025-02-25", *[visit(s) for s in g1_sites])),
                group("g2", day("2025-02-25", *[visit(s) for s in g2_sites])),
                sites=[site(s, topics=topics.get(s, [])) for s in sorted(names)])


def test_balance_gives_a_group_a_topic_the_other_studies_when_the_pool_has_it():
    pool = [{"site": "museum2", "priority": 0}]
    plain = run(_two_groups(["museum"], ["near"]), time_limit=2, request=PlanRequest(pool=pool))
    even = run(_two_groups(["museum"], ["near"]), time_limit=2, request=PlanRequest(pool=pool, balance=True))
    assert "museum2" not in _visits(plain.tour, "g2")
    assert "museum2" in _visits(even.tour, "g2")
    assert "balance-topics" in {p.code for p in schedule(plain.tour).problems}
    assert "balance-topics" not in {p.code for p in schedule(even.tour).problems}


def test_balance_evens_out_the_groups_visit_counts_from_the_pool():
    pool = [{"site": "spare1", "priority": 0}, {"site": "spare2", "priority": 0}]
    plain = run(_two_groups(["a", "b", "c"], ["d"]), time_limit=2, request=PlanRequest(pool=pool))
    even = run(_two_groups(["a", "b", "c"], ["d"]), time_limit=2, request=PlanRequest(pool=pool, balance=True))
    assert [len(_visits(plain.tour, g)) for g in ("g1", "g2")] == [3, 1]
    assert [len(_visits(even.tour, g)) for g in ("g1", "g2")] == [3, 3]
    _no_modelled_errors(even.tour)


def test_a_nights_hotel_is_chosen_from_candidates_and_the_next_day_starts_there():
    t = tour(group("g1", day("2025-02-25", visit("far"), {"kind": "checkin", "site": "hotel"}),
                   day("2025-02-26", visit("far2"))),
             sites=[site("far", at=NORTH, closed_weekdays=[3]), site("far2", at=NEAR_NORTH, closed_weekdays=[2]),
                    site("north-hotel", kind="hotel", at=NEAR_NORTH, visit_minutes=0)])  # Tue far, Wed far2
    req = PlanRequest(hotels=[{"group": "g1", "date": "2025-02-25", "candidates": ["hotel", "north-hotel"]}])
    out = run(t, time_limit=2, request=req)
    first, second = out.tour.group("g1").days
    assert first.end == "north-hotel" == second.start
    assert [a.site for a in first.activities if a.kind is ActivityKind.CHECKIN] == ["north-hotel"]
    assert t.group("g1").days[0].end == "hotel"  # the input is untouched; the change is a proposal
    assert [(c.kind, c.before, c.after) for c in out.diff.changes if c.kind == "hotel"] == \
        [("hotel", "酒店", "north-hotel")]  # shown in the proposal's list of changes
    assert out.travel_minutes[1] < out.travel_minutes[0]
    _no_modelled_errors(out.tour)


def test_the_readme_example_request_is_valid_for_the_sample(tmp_path):
    import re
    from pathlib import Path

    from planner.io.fileformat import load_tour
    from tests.planner.solve.test_plan_tour import SAMPLE

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    example = re.search(r'```json\n(\{"groups": \["g1", "g2", "g3"\].*?)```', readme, re.S).group(1)
    (tmp_path / "req.json").write_text(example, encoding="utf-8")
    req = load_request(tmp_path / "req.json", load_tour(SAMPLE))
    assert req.pool and req.topics and req.balance and req.hotels
