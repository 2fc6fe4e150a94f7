"""`study-tour plan` on a tiny tour: its exact summary lines (Chinese and English), JSON, refusals, exit codes."""

from __future__ import annotations

import json

import pytest

from planner.cli import run_command
from planner.io.fileformat import load_tour, save_tour
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit


def _tour(closed: list[int] | None = None):
    """Two days of pinned visits next door to the hotel: nothing to move, no driving."""
    return tour(group("g1", day("2025-02-24", visit("farm", id="f1", pinned="09:00")),
                      day("2025-02-25", visit("farm", id="f2", pinned="09:00")), name="一组"),
                group("g2", day("2025-02-24", visit("museum", id="m1", pinned="10:00")), name="二组"),
                sites=[site("farm", name="农场", closed_weekdays=closed or [], topics=["生态"]),
                       site("museum", name="博物馆")])


@pytest.fixture
def files(tmp_path):
    def make(t=None):
        src = tmp_path / "in.tour.json"
        save_tour(t or _tour(), src)
        return src, tmp_path / "out.tour.json"
    return make


def _plan(capsys, *argv: str) -> tuple[int, str, str]:
    code = run_command(["plan", *argv])
    said = capsys.readouterr()
    return code, said.out, said.err


def test_repair_of_a_tour_without_errors_says_so_in_both_languages(files, capsys):
    src, out = files()
    assert _plan(capsys, str(src), "-o", str(out), "--repair", "--lang", "en") == (
        0, f"errors 0 → 0; 0 activities changed; driving 0 → 0 min; written to {out}\n"
           "no errors to repair; the tour is unchanged\n", "")
    assert load_tour(out) == load_tour(src)
    assert _plan(capsys, str(src), "-o", str(out), "--repair") == (
        0, f"错误 0 → 0；改动 0 项；车程 0 → 0 分钟；已写入 {out}\n没有需要修复的错误，行程未改动\n", "")


def test_json_summary_of_a_repair_with_nothing_to_do(files, capsys):
    src, out = files()
    code, said, _ = _plan(capsys, str(src), "-o", str(out), "--repair", "--json", "--lang", "en")
    doc = json.loads(said)
    check = doc.pop("check")
    assert code == 0 and doc == {
        "errors_before": 0, "errors_after": 0, "changed_activities": 0, "travel_minutes_before": 0,
        "travel_minutes_after": 0, "kept_original": True, "search": "not needed", "seconds": None,
        "stranded_activities": [], "uncovered_topics": []}
    assert isinstance(check, dict) and check


def test_an_error_no_plan_can_fix_is_listed_with_why_and_exits_1(files, capsys):
    t = _tour(closed=[1, 2, 3, 4, 5, 6, 7])
    for d in t.group("g1").days:               # free to move, but the farm is never open
        d.activities[0].pinned = None
    src, out = files(t)
    errors = [p.message("en") for p in schedule(t).problems if p.severity.value == "error"]
    assert len(errors) == 2
    code, said, err = _plan(capsys, str(src), "-o", str(out), "--repair", "--lang", "en", "--time-limit", "0.5")
    assert code == 1 and err == ""
    assert said == (f"errors 2 → 2; 0 activities changed; driving 0 → 0 min; written to {out}\n"
                    "no plan with fewer errors was found; the tour is kept as it was\n"
                    + "".join(f"  {m}\n" for m in errors)
                    + "  农场: closed on every day this group can be planned\n" * 2)
    code, said, _ = _plan(capsys, str(src), "-o", str(out), "--repair", "--time-limit", "0.5")
    assert said.splitlines()[1] == "未找到错误更少的方案，保留原行程"
    assert said.splitlines()[-1] == "  农场：该组可安排的日子里此处均不开放"
    code, said, _ = _plan(capsys, str(src), "-o", str(out), "--repair", "--time-limit", "0.5", "--json")
    doc = json.loads(said)
    assert (doc["errors_before"], doc["errors_after"], doc["kept_original"]) == (2, 2, True)
    assert doc["stranded_activities"] == ["f1", "f2"] and doc["search"] in ("optimal", "time", "heuristic")


def test_a_required_topic_nothing_gives_is_named_and_exits_1(files, capsys, tmp_path):
    src, out = files()
    req = tmp_path / "req.json"
    req.write_text(json.dumps({"topics": {"g2": ["党建"], "g1": ["生态"]}}), encoding="utf-8")
    code, said, _ = _plan(capsys, str(src), "-o", str(out), "--request", str(req), "--lang", "en",
                          "--time-limit", "0.5")
    assert code == 1
    assert said.endswith("\n  二组: required topic '党建' not covered (no site with it fits the group's days)\n")
    code, said, _ = _plan(capsys, str(src), "-o", str(out), "--request", str(req), "--time-limit", "0.5", "--json")
    assert json.loads(said)["uncovered_topics"] == [{"group": "g2", "topic": "党建"}]
    code, said, _ = _plan(capsys, str(src), "-o", str(out), "--request", str(req), "--time-limit", "0.5")
    assert said.endswith("\n  二组：未能覆盖必选主题「党建」（可安排的日子里没有可放入的此主题现场）\n")


def test_a_plan_with_nothing_left_exits_0_and_only_plans_the_groups_asked(files, capsys):
    src, out = files()
    code, said, err = _plan(capsys, str(src), "-o", str(out), "--groups", "g2,", "--lang", "en", "--time-limit", "0.5")
    assert (code, err) == (0, "") and said.startswith("errors 0 → 0; ") and len(said.splitlines()) == 1
    assert load_tour(out).group("g1") == load_tour(src).group("g1")


@pytest.mark.parametrize("limit", ["0", "-1", "3600.5"])
def test_a_time_limit_outside_an_hour_is_refused_at_once(files, capsys, limit):
    src, out = files()
    assert _plan(capsys, str(src), "-o", str(out), "--time-limit", limit) == (
        2, "", f"study-tour plan: --time-limit {float(limit)}: give seconds between 0 and 3600\n")
    assert not out.exists()


def test_refusals_name_the_folder_the_group_and_the_option(files, capsys, tmp_path):
    src, out = files()
    nowhere = tmp_path / "no" / "out.json"
    assert _plan(capsys, str(src), "-o", str(nowhere)) == (
        2, "", f"study-tour plan: {nowhere}: 文件夹不存在 (no folder {tmp_path / 'no'})\n")
    assert _plan(capsys, str(src), "-o", str(out), "--groups", "g1", "g9") == (
        2, "", "study-tour plan: no group 'g9'; the tour has g1 (一组), g2 (二组)\n")
    req = tmp_path / "req.json"
    req.write_text('{"balance": true}', encoding="utf-8")
    assert _plan(capsys, str(src), "-o", str(out), "--request", str(req), "--repair") == (
        2, "", "study-tour plan: --request is for planning; --repair keeps the tour's own visits\n")
    req.write_text('{"pool": [{"site": "zoo"}]}', encoding="utf-8")
    assert _plan(capsys, str(src), "-o", str(out), "--request", str(req)) == (
        2, "", f"study-tour plan: {req}: pool[0]: no site 'zoo' in the tour\n")
    assert not out.exists()


def test_the_options_and_their_documented_defaults():
    from planner.cli import build_parser

    args = build_parser().parse_args(["plan", "in.tour.json", "-o", "out.tour.json"])
    assert (args.file, args.output, args.groups, args.time_limit, args.repair, args.request, args.seed,
            args.json, args.lang) == ("in.tour.json", "out.tour.json", None, 10.0, False, None, 0, False, "zh")
    args = build_parser().parse_args(["plan", "a", "--output", "b", "--groups", "g1", "g2,g3", "--time-limit", "2.5",
                                      "--repair", "--request", "r.json", "--seed", "7", "--json", "--lang", "en"])
    assert (args.output, args.groups, args.time_limit, args.repair, args.request, args.seed, args.json,
            args.lang) == ("b", ["g1", "g2,g3"], 2.5, True, "r.json", 7, True, "en")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["plan", "a", "-o", "b", "--lang", "fr"])
    with pytest.raises(SystemExit):
        build_parser().parse_args(["plan", "a"])          # the output is required


def test_a_repair_that_removes_the_error_moves_only_the_visit_at_fault(files, capsys):
    t = tour(group("g1", day("2025-02-24", visit("museum", id="m1")), day("2025-02-25", visit("farm", id="f1")),
                   name="一组"),
             sites=[site("museum", name="博物馆", closed_weekdays=[1]), site("farm", name="农场")])
    src, out = files(t)
    code, said, err = _plan(capsys, str(src), "-o", str(out), "--repair", "--lang", "en", "--time-limit", "0.5")
    assert (code, err) == (0, "")
    assert said == f"errors 1 → 0; 1 activities changed; driving 0 → 0 min; written to {out}\n"
    fixed = load_tour(out).group("g1")
    assert [[a.id for a in d.activities] for d in fixed.days] == [[], ["f1", "m1"]]
    code, said, _ = _plan(capsys, str(src), "-o", str(out), "--repair", "--json", "--time-limit", "0.5")
    doc = json.loads(said)
    assert (doc["errors_before"], doc["errors_after"], doc["changed_activities"], doc["kept_original"]) == (
        1, 0, 1, False)
    assert doc["search"] in ("optimal", "time") and isinstance(doc["seconds"], float)
