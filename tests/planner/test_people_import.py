"""Roster import on the shared sheet engine: .xlsx and GBK CSV, groups matched, people matched, CLI exit codes."""

import json

import pytest

from planner.imports.roster import apply_roster, group_number, load_roster_table, match_group, prepare_roster
from planner.io.fileformat import load_tour, save_tour
from tests.builders import day, group, tour
from tests.people_builders import roster, write_roster_csv, write_roster_xlsx
from ui.cli import main


def two_groups(**extra):
    return tour(group("g1", day("2025-02-24"), name="第一组", headcount=50),
                group("g2", day("2025-02-24"), name="第二组", headcount=50), sites=[], **extra)


def test_an_xlsx_roster_of_100_comes_in_whole(tmp_path):
    people = roster(100)
    write_roster_xlsx(tmp_path / "名单.xlsx", people)
    t = two_groups()
    imp = prepare_roster(load_roster_table(tmp_path / "名单.xlsx"), t)
    assert imp.errors == [] and imp.table.header_row == 2  # below the title row
    new = apply_roster(t, imp.incoming)
    assert [p.name for p in new.participants] == [p["name"] for p in people]
    first = new.participants[0]
    assert (first.phone, first.group, first.id_number, first.unit) == (
        people[0]["phone"], "g1", people[0]["id_number"], people[0]["unit"])
    assert new.participants[1].group == "g2"
    assert len({p.id for p in new.participants}) == 100


def test_a_gbk_csv_with_a_broken_row_refuses_only_that_row_and_says_why(tmp_path):
    people = roster(20)
    broken = [99, "坏行", "未知", "某单位", "打不通", "第九组", "", "", "", "", ""]
    write_roster_csv(tmp_path / "名单.csv", people, "gbk", broken)
    imp = prepare_roster(load_roster_table(tmp_path / "名单.csv"), two_groups())
    assert imp.table.encoding == "GB18030"
    assert len(imp.incoming) == 20 and imp.refused == [4]
    reasons = {e.cell: e.text("zh") for e in imp.errors}
    assert reasons["C4"] == "性别: “未知” 不是性别（男/女）"
    assert reasons["E4"] == "手机: “打不通” 不是电话号码"


def test_an_unknown_group_is_named_with_the_groups_the_tour_has(tmp_path):
    people = roster(2)
    write_roster_csv(tmp_path / "r.csv", people, "utf-8-sig", [3, "新人", "男", "", "", "第九组", "", "", "", "", ""])
    imp = prepare_roster(load_roster_table(tmp_path / "r.csv"), two_groups())
    [err] = imp.errors
    assert err.cell == "F4" and "第九组" in err.zh and "第一组、第二组" in err.zh


@pytest.mark.parametrize("cell, expected", [("第一组", "g1"), ("1组", "g1"), ("一组", "g1"), ("G2", "g2"),
                                            ("g2", "g2"), ("第 2 组", "g2"), ("三组", None), ("甲组", None)])
def test_group_cells_match_by_name_id_or_number(cell, expected):
    assert match_group(two_groups(), cell) == expected


def test_chinese_group_numbers():
    assert [group_number(n) for n in ("第十组", "第十二组", "二十组", "第21组", "综合组")] == [10, 12, 20, 21, None]


def test_people_already_on_the_roster_are_skipped_or_replaced(tmp_path):
    people = roster(10)
    t = two_groups(people={"participants": people[:4]})
    write_roster_xlsx(tmp_path / "r.xlsx", people)
    table = load_roster_table(tmp_path / "r.xlsx")
    imp = prepare_roster(table, t)
    assert [r.action for r in imp.incoming] == ["skip"] * 4 + ["add"] * 6
    assert len(apply_roster(t, imp.incoming).participants) == 10
    replaced = apply_roster(t, prepare_roster(table, t, on_duplicate="replace").incoming)
    assert [p.id for p in replaced.participants[:4]] == ["p1", "p2", "p3", "p4"]
    assert len(replaced.participants) == 10 and len({p.id for p in replaced.participants}) == 10


def test_the_same_person_twice_in_the_sheet_is_refused_the_second_time(tmp_path):
    people = roster(3)
    write_roster_csv(tmp_path / "r.csv", people + [dict(people[0])], "utf-8")
    imp = prepare_roster(load_roster_table(tmp_path / "r.csv"), two_groups())
    assert imp.refused == [5] and "与第 2 行是同一人" in imp.errors[0].zh


def test_cli_imports_into_the_tour_and_reports_without_phone_numbers(tmp_path, capsys):
    people = roster(20)
    write_roster_csv(tmp_path / "名单.csv", people, "gbk",
                     [99, "坏行", "男", "", "打不通", "1组", "", "", "", "", ""])
    path = tmp_path / "t.tour.json"
    save_tour(two_groups(), path)
    assert main(["import-roster", str(tmp_path / "名单.csv"), str(path)]) == 1
    out = capsys.readouterr().out
    assert "第 4 行  拒绝  E4 手机: “打不通” 不是电话号码" in out
    assert f"第 2 行  新增  {people[0]['name']}（第一组）" in out
    assert "共 21 行：新增 20，替换 0，跳过 0，拒绝 1" in out
    assert not any(p["phone"] in out or p["id_number"] in out for p in people)
    saved = load_tour(path)
    assert len(saved.people.participants) == 20
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_cli_dry_run_writes_nothing_and_exits_0_when_every_row_is_good(tmp_path, capsys):
    write_roster_xlsx(tmp_path / "r.xlsx", roster(10))
    path = tmp_path / "t.tour.json"
    save_tour(two_groups(), path)
    before = path.read_bytes()
    assert main(["import-roster", str(tmp_path / "r.xlsx"), str(path), "--dry-run", "--lang", "en"]) == 0
    assert path.read_bytes() == before
    assert "(dry run: nothing written)" in capsys.readouterr().out


def test_cli_unusable_sheet_exits_2_with_one_message(tmp_path, capsys):
    path = tmp_path / "t.tour.json"
    save_tour(two_groups(), path)
    (tmp_path / "r.csv").write_text("手机,组别\n13900001111,1组\n", encoding="utf-8")
    assert main(["import-roster", str(tmp_path / "r.csv"), str(path)]) == 2
    err = capsys.readouterr().err
    assert "姓名" in err and "Traceback" not in err


def test_an_id_number_excel_stored_as_a_number_is_refused_with_the_fix(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "身份证号"])
    wb.active.append(["张三", 330400199001010011])   # 18 digits: Excel keeps 15
    wb.active.append(["李四", "330400199001010022"])  # typed as text: intact
    wb.save(tmp_path / "r.xlsx")
    imp = prepare_roster(load_roster_table(tmp_path / "r.xlsx"), two_groups())
    assert [r.person.id_number for r in imp.incoming] == ["330400199001010022"]
    [err] = imp.errors
    assert err.cell == "B2" and "设为“文本”" in err.zh


def test_a_workbook_opening_on_a_cover_sheet_is_read_from_its_roster_sheet(tmp_path):
    from openpyxl import load_workbook

    write_roster_xlsx(tmp_path / "r.xlsx", roster(5))
    wb = load_workbook(tmp_path / "r.xlsx")
    cover = wb.create_sheet("说明", 0)
    cover.append(["请按组别填写，手机号必填"])
    wb.save(tmp_path / "r.xlsx")
    table = load_roster_table(tmp_path / "r.xlsx")
    assert table.sheet == "学员名单" and len(table.rows) == 5
