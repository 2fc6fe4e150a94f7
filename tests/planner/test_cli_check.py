"""`study-tour check`: human and JSON output, exit codes 0/1/2, one clear message on bad input."""

import json
import subprocess
import sys

import pytest

from planner.io.fileformat import save_tour
from tests.builders import day, group, site, tour, visit
from ui.cli import main


@pytest.fixture
def clean_tour(tmp_path):
    path = tmp_path / "ok.tour.json"
    save_tour(tour(group("g1", day("2025-02-25", visit("x", minutes=60), {"kind": "meal", "pinned": "12:00"}),
                         name="第一组"),
                   sites=[site("x", "海宁中国皮革城", at=(30.5, 120.6))]), path)
    return path


@pytest.fixture
def monday_tour(tmp_path):
    path = tmp_path / "closed.tour.json"
    save_tour(tour(group("g1", day("2025-02-24", visit("m", minutes=60)), name="第一组"),
                   sites=[site("m", "博物馆", closed_weekdays=[1])]), path)
    return path


def test_human_output_lists_the_timeline_and_day_totals(clean_tour, capsys):
    assert main(["check", str(clean_tour)]) == 0
    out = capsys.readouterr().out
    assert "第一组" in out and "2月25日（周二）" in out
    assert "现场教学：海宁中国皮革城" in out and "km" in out
    assert "余量" in out and "没有发现问题" in out


def test_errors_found_exit_1_and_are_listed(monday_tour, capsys):
    assert main(["check", str(monday_tour)]) == 1
    assert "closed-weekday" in capsys.readouterr().out


def test_json_output_is_machine_readable(clean_tour, capsys):
    assert main(["check", str(clean_tour), "--json", "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (the_day,) = doc["days"]
    assert the_day["group"] == "g1" and the_day["date"] == "2025-02-25"
    visit_entry = the_day["timeline"][0]
    assert visit_entry["kind"] == "visit" and visit_entry["leg"]["km"] > 0
    totals = the_day["totals"]
    assert totals["used_minutes"] == (totals["activity_minutes"] + totals["travel_minutes"]
                                      + totals["idle_minutes"])
    assert doc["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_json_problems_carry_code_severity_and_place(monday_tour, capsys):
    main(["check", str(monday_tour), "--json", "--lang", "en"])
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert problem["code"] == "closed-weekday" and problem["severity"] == "error"
    assert problem["group"] == "g1" and problem["date"] == "2025-02-24" and problem["activity"]
    assert "closed on Mondays" in problem["message"]


@pytest.mark.parametrize("content, expected", [
    (None, "文件不存在"),
    ("{oops", "不是有效的 JSON"),
    ('{"format": "study-tour/tour", "version": 7}', "更新版本"),
    ('{"format": "study-tour/tour", "version": 1, "title": "x", "start_date": "2025-02-23", '
     '"end_date": "2025-02-28", "day_window": {"start": "08:00", "end": "25:00"}}', "day_window.end = '25:00'"),
])
def test_unusable_files_exit_2_with_one_clear_message(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.tour.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and str(path) in err
    assert "Traceback" not in err


def test_the_installed_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.tour.json"
    bad.write_text("[]", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "ui.cli", "check", str(bad)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "JSON 对象" in proc.stderr
