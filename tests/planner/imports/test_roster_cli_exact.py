"""`study-tour import-roster`: the exact report, what is written where, and one exact message per unusable input."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from planner.cli import run_command
from planner.io.fileformat import load_tour, save_tour
from tests.builders import day, group, tour

ID1 = "330400199001010011"
CSV = f"姓名,组别,性别,身份证号,,备用\n张三,第二组,男,{ID1},,x\n李四,,女,,,y\n王五,第九组,未知,,,\n"


def saved_tour(path):
    t = tour(group("g1", day("2025-02-24"), name="第一组"), group("g2", day("2025-02-24"), name="第二组"), sites=[],
             people={"participants": [{"id": "p1", "name": "张三", "id_number": ID1, "group": "g1"}]})
    save_tour(t, path)
    return path


def test_report_in_chinese_and_the_roster_written_in_place(tmp_path, capsys):
    (tmp_path / "r.csv").write_text(CSV, encoding="utf-8")
    path = saved_tour(tmp_path / "t.tour.json")
    assert run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "--on-duplicate", "skip",
                        "--lang", "zh"]) == 1
    assert capsys.readouterr().out == (
        "r.csv：表头在第 1 行，编码 UTF-8\n"
        "列：A 姓名 → 姓名；B 组别 → 组别；C 性别 → 性别；D 身份证号 → 身份证号；E — → （忽略）；F 备用 → （忽略）\n"
        "第 2 行  跳过  张三（第二组） 名单中已有（p1）\n"
        "第 3 行  新增  李四（未分组）\n"
        "第 4 行  拒绝  B4 组别: 没有名为“第九组”的组（本班有：第一组、第二组）；C4 性别: “未知” 不是性别（男/女）\n"
        "共 3 行：新增 1，替换 0，跳过 1，拒绝 1\n")
    assert [(p.id, p.name, p.group) for p in load_tour(path).people.participants] == \
        [("p1", "张三", "g1"), ("p3", "李四", None)]


def test_report_in_english_dry_run_with_replace_writes_nothing(tmp_path, capsys):
    (tmp_path / "r.csv").write_text(CSV, encoding="utf-8")
    path = saved_tour(tmp_path / "t.tour.json")
    before = path.read_bytes()
    assert run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "--dry-run", "--lang", "en",
                        "--on-duplicate", "replace"]) == 1
    assert capsys.readouterr().out == (
        "r.csv: headers in row 1, encoding UTF-8\n"
        "columns: A 姓名 → Name; B 组别 → Group; C 性别 → Gender; D 身份证号 → ID number; E — → (ignored); "
        "F 备用 → (ignored)\n"
        "row 2  replace  张三（第二组） already on the roster (p1)\n"
        "row 3  add  李四（no group）\n"
        "row 4  refused  B4 组别: no group '第九组' in the tour (it has: 第一组、第二组); "
        "C4 性别: '未知' is not a gender (男/女, M/F)\n"
        "3 rows: 1 added, 1 replaced, 0 skipped, 1 refused\n"
        "(dry run: nothing written)\n")
    assert path.read_bytes() == before


def test_a_named_sheet_into_another_file_exits_0(tmp_path, capsys):
    wb = Workbook()
    wb.active.title = "封面"
    wb.active.append(["姓名"])
    wb.active.append(["不是这张"])
    ws = wb.create_sheet("补录")
    ws.append(["2025 名单"])
    ws.append(["姓名", "组别"])
    ws.append(["赵六", "1组"])
    wb.save(tmp_path / "r.xlsx")
    path = saved_tour(tmp_path / "t.tour.json")
    before = path.read_bytes()
    out = tmp_path / "new.tour.json"
    assert run_command(["import-roster", str(tmp_path / "r.xlsx"), str(path), "-o", str(out), "--sheet", "补录",
                        "--on-duplicate", "add"]) == 0
    assert capsys.readouterr().out == (
        "r.xlsx：表头在第 2 行\n"
        "列：A 姓名 → 姓名；B 组别 → 组别\n"
        "第 3 行  新增  赵六（第一组）\n"
        "共 1 行：新增 1，替换 0，跳过 0，拒绝 0\n")
    assert path.read_bytes() == before
    assert [p.name for p in load_tour(out).people.participants] == ["张三", "赵六"]


def test_a_terminal_escape_in_a_name_is_shown_not_obeyed(tmp_path, capsys):
    (tmp_path / "r.csv").write_text("姓名\n赵\x1b[31m六\n", encoding="utf-8")
    path = saved_tour(tmp_path / "t.tour.json")
    assert run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == "第 2 行  新增  赵\\x1b[31m六（未分组）"


def test_unusable_inputs_exit_2_with_one_exact_message(tmp_path, capsys):
    path = saved_tour(tmp_path / "t.tour.json")
    (tmp_path / "empty.csv").write_text("姓名,组别\n", encoding="utf-8")
    (tmp_path / "noname.csv").write_text("手机,组别\n13900001111,1组\n", encoding="utf-8")
    for name, message in (("empty.csv", "empty.csv: 没有数据行 (no data rows)"),
                          ("noname.csv", "noname.csv: 没有对应“姓名”的列 (no column for Name)")):
        assert run_command(["import-roster", str(tmp_path / name), str(path)]) == 2
        assert capsys.readouterr().err == f"study-tour import-roster: {message}\n"


def test_a_tour_that_cannot_be_read_is_named_in_the_language_asked_for(tmp_path, capsys):
    (tmp_path / "r.csv").write_text("姓名\n甲\n", encoding="utf-8")
    path = saved_tour(tmp_path / "t.tour.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["groups"][0]["id"]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"study-tour import-roster: {path}:") and "Field required" in err
    assert run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "--lang", "zh"]) == 2
    assert "缺少必填字段" in capsys.readouterr().err


def test_an_unknown_duplicate_rule_is_refused_by_the_command_line(tmp_path, capsys):
    path = saved_tour(tmp_path / "t.tour.json")
    (tmp_path / "r.csv").write_text("姓名\n甲\n", encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "--on-duplicate", "merge"])
    assert caught.value.code == 2 and "invalid choice: 'merge'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "--lang", "fr"])
    assert caught.value.code == 2 and "invalid choice: 'fr'" in capsys.readouterr().err


def test_a_failed_save_says_why_and_that_the_tour_is_intact(tmp_path, capsys):
    path = saved_tour(tmp_path / "t.tour.json")
    (tmp_path / "r.csv").write_text("姓名\n甲\n", encoding="utf-8")
    out = tmp_path / "no" / "dir" / "t.tour.json"
    assert run_command(["import-roster", str(tmp_path / "r.csv"), str(path), "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"study-tour import-roster: {out}: 无法保存，原文件未改动 (cannot write; the previous file is intact): "
        f"文件夹不存在 (no folder {out.parent})\n")
