"""Roster import: each cell parser, groups and people matched, every refusal exact and pointing at its cell."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from planner.imports.cells import CellProblem
from planner.imports.roster import (apply_roster, gender, group_number, id_number, load_roster_table, match_group,
                                    phone, prepare_roster)
from planner.imports.table import CellError, Table
from planner.model.people import Gender
from tests.builders import day, group, tour

ID1 = "330400199001010011"


def two_groups(people=None, **extra):
    return tour(group("g1", day("2025-02-24"), name="第一组"), group("g2", day("2025-02-24"), name="第二组"),
                group("ta", day("2025-02-24"), name="Team A"), sites=[],
                people=people or {"participants": []}, **extra)


def reasons(parse, value):
    with pytest.raises(CellProblem) as caught:
        parse(value)
    return caught.value.zh, caught.value.en


def test_gender_words():
    assert [gender(v) for v in ("男", "M", "m", "Male", "男性")] == [Gender.MALE] * 5
    assert [gender(v) for v in ("女", "F", "FEMALE", "female", "女性")] == [Gender.FEMALE] * 5
    assert reasons(gender, "未知") == ("“未知” 不是性别（男/女）", "'未知' is not a gender (男/女, M/F)")


def test_phone_and_id_number_cells():
    assert phone(13900001111.0) == "13900001111" and phone("0571-8697 1085") == "0571-8697 1085"
    assert reasons(phone, "打不通") == ("“打不通” 不是电话号码", "'打不通' is not a phone number")
    assert id_number("3304 0019 9001 0100 1x") == "33040019900101001X"
    assert id_number(999_999_999_999_999) == "999999999999999"  # 15 digits: Excel keeps them all
    lost = ("证件号被 Excel 存成了数字，末几位已丢失：请把该列设为“文本”后重新填写",
            "Excel stored the ID number as a number and lost its last digits: format the column as text and enter it again")
    assert reasons(id_number, 10**15) == lost and reasons(id_number, 3.304e17) == lost
    assert reasons(id_number, "abc!") == ("“abc!” 不是证件号", "'abc!' is not an ID number")


def test_group_numbers_and_matching():
    assert [group_number(n) for n in ("二十三组", "十组", "九组", "第12组")] == [23, 10, 9, 12]
    t = two_groups()
    assert [match_group(t, c) for c in ("team a", "TEAM A", "Ｔｅａｍ Ａ", "ta", "1组", "第二组 ", "三组")] == \
        ["ta", "ta", "ta", "ta", "g1", "g2", None]


def _sheet(path, rows, title="名单", extra_sheet=None):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    if extra_sheet:
        ws2 = wb.create_sheet(extra_sheet[0])
        for r in extra_sheet[1]:
            ws2.append(r)
    wb.save(path)
    return path


HEAD = ["姓名", "组别", "性别", "单位", "职务", "手机", "身份证号"]


def test_rows_become_participants_and_every_bad_row_is_refused_with_its_cells(tmp_path):
    long_name = "名" * 61
    rows = [HEAD,
            ["张三", "1组", "男", "嘉兴市商务局", "副局长", 13900001111, ID1],           # 2: in
            ["王五", "第九组", "未知", "", "", "", ""],                                # 3: bad gender and group
            ["李四", "第二组", "F", "", "处长", "139 0000 2222", "33040019900101002x"],  # 4: in, unit from position
            ["张三", "", "", "", "", "", ID1],                                        # 5: same as row 2
            [long_name, "", "", "", "", "", ""],                                     # 6: name too long
            ["赵六", "综合组", "", "", "", "", ""],                                    # 7: unknown group
            ["钱七", "1组", "男", "", "", "打不通", ""],                               # 8: bad phone, good group
            ["孙八", "", "女", "", "", "x", ""]]                                      # 9: bad phone, no group
    t = two_groups()
    imp = prepare_roster(load_roster_table(_sheet(tmp_path / "r.xlsx", rows)), t)
    assert [(r.row, r.person.id, r.person.name, r.person.group, r.person.unit, r.action) for r in imp.incoming] == [
        (2, "p1", "张三", "g1", "嘉兴市商务局 副局长", "add"), (4, "p2", "李四", "g2", "处长", "add")]
    first, second = (r.person for r in imp.incoming)
    assert (first.gender, first.phone, first.id_number) == (Gender.MALE, "13900001111", ID1)
    assert (second.gender, second.phone, second.id_number) == (Gender.FEMALE, "139 0000 2222", "33040019900101002X")
    groups = "第一组、第二组、Team A"
    assert imp.errors == [
        CellError(3, 1, "组别", "第九组", f"没有名为“第九组”的组（本班有：{groups}）",
                  f"no group '第九组' in the tour (it has: {groups})"),
        CellError(3, 2, "性别", "未知", "“未知” 不是性别（男/女）", "'未知' is not a gender (男/女, M/F)"),
        CellError(5, 0, "姓名", "张三", "与第 2 行是同一人", "same person as row 2"),
        CellError(6, 0, "姓名", long_name, "String should have at most 60 characters",
                  "String should have at most 60 characters"),
        CellError(7, 1, "组别", "综合组", f"没有名为“综合组”的组（本班有：{groups}）",
                  f"no group '综合组' in the tour (it has: {groups})"),
        CellError(8, 5, "手机", "打不通", "“打不通” 不是电话号码", "'打不通' is not a phone number"),
        CellError(9, 5, "手机", "x", "“x” 不是电话号码", "'x' is not a phone number")]
    assert imp.refused == [3, 5, 6, 7, 8, 9]
    assert [r.row for r in imp.parsed.rows] == [2, 4, 5, 6, 7]
    assert t.people.participants == []  # preparing changes nothing


def test_a_unit_too_long_from_the_position_alone_points_at_the_unit_cell_or_the_row():
    long = "处" * 201
    table = Table("r.csv", ["姓名", "单位", "职务"], [(2, ["甲", "", long]), (3, ["乙", None, None])])
    imp = prepare_roster(table, two_groups())
    msg = "String should have at most 200 characters"
    assert imp.errors == [CellError(2, 1, "单位", "", msg, msg)]
    only_position = Table("r.csv", ["姓名", "职务"], [(2, ["甲", long])])
    assert prepare_roster(only_position, two_groups()).errors == [CellError(2, None, "", "", msg, msg)]


def test_a_chosen_mapping_is_obeyed_and_short_rows_and_headerless_columns_are_handled():
    table = Table("r.csv", ["学员名"], [(2, ["甲", "第九组"]), (3, ["乙", "未知"]), (4, ["丙"])])
    imp = prepare_roster(table, two_groups(), mapping={0: "name", 1: "group"})
    assert imp.errors[0] == CellError(2, 1, "", "第九组", "没有名为“第九组”的组（本班有：第一组、第二组、Team A）",
                                      "no group '第九组' in the tour (it has: 第一组、第二组、Team A)")
    assert imp.errors[0].text("en") == "no group '第九组' in the tour (it has: 第一组、第二组、Team A)"
    assert [r.person.name for r in imp.incoming] == ["丙"] and imp.mapping == {0: "name", 1: "group"}
    headerless = Table("r.csv", [], [(2, ["甲"]), (3, ["甲"])])
    assert prepare_roster(headerless, two_groups(), mapping={0: "name"}).errors == [
        CellError(3, 0, "", "甲", "与第 2 行是同一人", "same person as row 2")]
    refused = Table("r.csv", ["姓名", "性别", "组别"], [(2, ["甲", "未知"])])
    assert [e.cell for e in prepare_roster(refused, two_groups()).errors] == ["B2"]


def test_a_tour_without_groups_says_so():
    t = tour(sites=[], people={"participants": []})
    imp = prepare_roster(Table("r.csv", ["姓名", "组别"], [(2, ["甲", "1组"])]), t)
    assert imp.errors[0].zh == "没有名为“1组”的组（本班有：—）"


def test_the_named_sheet_is_read(tmp_path):
    path = _sheet(tmp_path / "r.xlsx", [["姓名"], ["甲"]], extra_sheet=("补录", [["姓名"], ["乙"]]))
    assert load_roster_table(path, "补录").rows == [(2, ["乙"])]
    assert load_roster_table(path).rows == [(2, ["甲"])]


def test_duplicates_skip_replace_or_add_and_the_tour_is_left_alone():
    old = {"id": "p1", "name": "张三", "id_number": ID1, "group": "g1"}
    t = two_groups(people={"participants": [old]})
    table = Table("r.csv", ["姓名", "身份证号", "组别"], [(2, ["张三", ID1, "第二组"]), (3, ["李四", "", ""])])
    skip = prepare_roster(table, t)
    assert [(r.action, r.duplicate.id if r.duplicate else None, r.person.id) for r in skip.incoming] == \
        [("skip", "p1", "p2"), ("add", None, "p3")]
    assert [(p.id, p.name, p.group) for p in apply_roster(t, skip.incoming).participants] == \
        [("p1", "张三", "g1"), ("p3", "李四", None)]
    replace = apply_roster(t, prepare_roster(table, t, on_duplicate="replace").incoming)
    assert [(p.id, p.name, p.group) for p in replace.participants] == [("p1", "张三", "g2"), ("p3", "李四", None)]
    added = apply_roster(t, prepare_roster(table, t, on_duplicate="add").incoming)
    assert [(p.id, p.group) for p in added.participants] == [("p1", "g1"), ("p2", "g2"), ("p3", None)]
    assert [(p.id, p.group) for p in t.people.participants] == [("p1", "g1")]
