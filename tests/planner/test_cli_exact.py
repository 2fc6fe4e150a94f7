"""`study-tour check` and `export-map` through planner.cli's entry: exact output, messages and exit codes."""

from __future__ import annotations

import json

import pytest

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, looks_like_command, run_command
from planner.io.errors import PlannerError
from planner.io.fileformat import save_tour
from tests.builders import day, group, site, tour, visit


def _save(tmp_path, closed_weekdays=()):
    path = tmp_path / "t.tour.json"
    save_tour(tour(group("g1", day("2025-02-24", visit("m", minutes=60)), name="第一组"),
                   sites=[site("m", "博物馆", closed_weekdays=list(closed_weekdays))]), path)
    return path


def _run(args, capsys):
    try:
        code = run_command(args)
    except SystemExit as e:  # argparse refuses the command line itself
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


CLEAN_ZH = ("测试\n2025-02-23 – 2025-02-28\n\n第一组（30 人）\n 2月24日（周一）\n   08:00        出发 酒店\n"
            "   08:00–09:00  现场教学：博物馆\n   09:00        返回住地 酒店\n"
            "  合计：活动 1小时00分，交通 0分钟（0.0 km），等候 0分钟；用时 1小时00分，余量 9小时00分\n\n")


def test_check_prints_the_timeline_in_chinese_by_default_and_exits_0_when_clean(tmp_path, capsys):
    code, out, err = _run(["check", str(_save(tmp_path))], capsys)
    assert (code, err) == (EXIT_OK, "") and out.startswith(CLEAN_ZH) and "没有发现问题" in out


def test_check_exits_1_on_errors_and_lists_them(tmp_path, capsys):
    path = _save(tmp_path, closed_weekdays=[1])
    code, out, err = _run(["check", str(path)], capsys)
    assert (code, err) == (EXIT_PROBLEMS, "")
    assert out == CLEAN_ZH + "问题（错误 1，警告 0，提示 0）\n  [错误] closed-weekday: 第一组 2月24日：博物馆 逢周一闭馆，不能安排\n"
    code, out, _ = _run(["check", str(path), "--lang", "en"], capsys)
    assert code == EXIT_PROBLEMS and out.endswith(
        "Problems (1 errors, 0 warnings, 0 info)\n  [error] closed-weekday: 第一组 24 Feb: 博物馆 is closed on Mondays\n")


def test_check_json_is_indented_unescaped_and_in_the_asked_language(tmp_path, capsys):
    path = _save(tmp_path, closed_weekdays=[1])
    code, out, _ = _run(["check", str(path), "--json", "--lang", "en"], capsys)
    assert code == EXIT_PROBLEMS
    assert out.startswith('{\n  "tour": {\n    "title": "测试",\n    "start_date": "2025-02-23",\n') and out.endswith("}\n")
    doc = json.loads(out)
    assert doc["summary"] == {"error": 1, "warning": 0, "info": 0}
    assert doc["problems"][0]["message"] == "第一组 24 Feb: 博物馆 is closed on Mondays"
    code, out, _ = _run(["check", str(_save(tmp_path)), "--json"], capsys)
    assert code == EXIT_OK and json.loads(out)["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_unusable_input_exits_2_with_the_files_own_message(tmp_path, capsys):
    assert _run(["check", str(tmp_path)], capsys) == (
        EXIT_UNUSABLE, "", f"study-tour check: {tmp_path}:\n  这是一个文件夹，不是文件 (is a directory)\n")
    path = _save(tmp_path)
    assert _run(["export-map", str(path), "-o", str(tmp_path / "m.html"), "--group", "g9"], capsys) == (
        EXIT_UNUSABLE, "", f"study-tour export-map: {path}: no group 'g9'; the tour has g1 (第一组)\n")
    assert not (tmp_path / "m.html").exists()


def test_a_full_output_stream_is_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    path = _save(tmp_path)
    full = open("/dev/full", "w", buffering=1, encoding="utf-8")  # every line written: "no space left"
    monkeypatch.setattr("sys.stdout", full)
    code = run_command(["check", str(path)])
    monkeypatch.undo()
    try:
        full.close()
    except OSError:
        pass  # what was left in its buffer cannot be written either
    assert (code, capsys.readouterr().err) == (EXIT_UNUSABLE, "study-tour check: No space left on device\n")


def test_the_command_lines_each_subcommand_accepts(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    path = str(_save(tmp_path))
    usage = "usage: study-tour check [-h] [--json] [--lang {zh,en}] file\n"
    assert _run(["check"], capsys) == (2, "", usage + "study-tour check: error: the following arguments are "
                                                      "required: file\n")
    assert _run(["check", path, "--lang", "fr"], capsys)[2] == usage + (
        "study-tour check: error: argument --lang: invalid choice: 'fr' (choose from 'zh', 'en')\n")
    map_usage = ("usage: study-tour export-map [-h] -o OUTPUT [--group GROUP] [--tiles {none,osm,gaode,tianditu}] "
                 "[--tianditu-key TIANDITU_KEY] [--lang {zh,en}] file\n")
    assert _run(["export-map", path], capsys)[2] == map_usage + (
        "study-tour export-map: error: the following arguments are required: -o/--output\n")


def test_export_map_writes_the_page_with_the_tianditu_key_from_the_option_or_the_environment(tmp_path, capsys,
                                                                                              monkeypatch):
    path, page = str(_save(tmp_path)), tmp_path / "m.html"
    monkeypatch.setenv("STUDY_TOUR_TIANDITU_KEY", "ENVKEY7")
    assert _run(["export-map", path, "--output", str(page), "--tiles", "tianditu"], capsys) == (EXIT_OK, "", "")
    assert "tk=ENVKEY7" in page.read_text(encoding="utf-8")
    assert _run(["export-map", path, "-o", str(page), "--tiles", "tianditu", "--tianditu-key", "OPT9",
                 "--group", "g1"], capsys) == (EXIT_OK, "", "")
    text = page.read_text(encoding="utf-8")
    assert "tk=OPT9" in text and "ENVKEY7" not in text
    assert _run(["export-map", path, "-o", str(page)], capsys) == (EXIT_OK, "", "")
    assert "tianditu" not in page.read_text(encoding="utf-8")   # offline by default: no tiles at all
    closed = str(_save(tmp_path, closed_weekdays=[1]))
    assert _run(["export-map", closed, "-o", str(page)], capsys)[0] == EXIT_PROBLEMS


@pytest.mark.parametrize("arg, command", [("chek", True), ("x", True), ("export-pdf2", True), ("Check", False),
                                          ("a.tour.json", False), ("9x", False), ("my_tour", False), ("", False)])
def test_what_looks_like_a_misspelt_command(arg, command):
    assert looks_like_command(arg) is command


def test_an_existing_file_named_like_a_command_is_not_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hunan").write_text("{}", encoding="utf-8")
    assert looks_like_command("hunan") is False and looks_like_command("hubei") is True


@pytest.mark.parametrize("error, shown", [
    (FileNotFoundError(2, "No such file or directory", "/fonts/NotoSansCJK.ttc"),
     "/fonts/NotoSansCJK.ttc: No such file or directory"),
    (OSError("the printer went away"), "the printer went away"),
    (PlannerError("bad name \x1b[2J"), "bad name \\x1b[2J")])
def test_any_commands_failure_is_one_line_naming_the_file(monkeypatch, capsys, error, shown):
    """Every registered command (map, PDF, imports …) gets the same treatment; a probe command stands for them."""
    def fail(_args):
        raise error

    monkeypatch.setitem(COMMANDS, "probe", ("a command that fails", lambda p: p.add_argument("x"), fail))
    assert _run(["probe", "1"], capsys) == (EXIT_UNUSABLE, "", f"study-tour probe: {shown}\n")


def test_a_files_problems_are_told_in_the_asked_language(tmp_path, capsys):
    bad = tmp_path / "bad.tour.json"
    bad.write_text('{"format": "study-tour/tour", "version": 1, "title": "x", "start_date": "2025-02-23", '
                   '"end_date": "2025-02-28", "day_window": {"start": "08:00", "end": "25:00"}}', encoding="utf-8")
    assert _run(["check", str(bad)], capsys) == (
        EXIT_UNUSABLE, "", f"study-tour check: {bad}:\n  day_window.end = '25:00': “25:00”不是有效的时刻（00:00–23:59）\n")
    assert _run(["check", str(bad), "--lang", "en"], capsys)[2] == (
        f"study-tour check: {bad}:\n  day_window.end = '25:00': '25:00' is not a time of day (00:00–23:59)\n")


def test_no_command_at_all_is_refused_by_the_parser(capsys):
    code, out, err = _run([], capsys)
    assert (code, out) == (2, "") and err.endswith("study-tour: error: the following arguments are required: command\n")
