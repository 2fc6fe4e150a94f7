"""The site import report (`study-tour import-sites`) line by line, and the command's writes and messages."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from planner.cli import run_command
from planner.imports.report import render_report
from planner.imports.site_import import load_table, prepare
from planner.imports.site_merge import apply
from planner.imports.table import Table
from planner.io.fileformat import load_catalogue, save_catalogue
from planner.model.site import Catalogue, Site

HEAD = ["名称", "", "区县", "纬度", "经度", "地址", "备用"]
ROWS = [(2, ["新馆", "", "海宁市", 30.55, 120.6, "", "x"]),
        (3, ["皮革城", "", "海宁市", 30.7, 120.9, "", ""]),
        (4, ["书院", "", "", None, None, "北京市东城区", ""]),
        (5, ["点位", "", "", 30.1, 120.1, "", ""]),
        (6, ["坏", "", "海宁市", 91, 120, "", ""]),
        (7, ["半", "", "海宁市", 30.5, None, "", ""]),
        (8, ["岳麓", "", "", None, None, "长沙市岳麓区", ""])]
LEATHER = Site(id="leather", name="皮革城", kind="enterprise", county="海宁市", lat=30.5, lon=120.6)


def _import():
    table = Table("s.xlsx", HEAD, ROWS, header_row=2, sheet="教学点", sheets=["说明", "教学点"])
    catalogue = Catalogue(sites=[LEATHER])
    return prepare(table, catalogue), catalogue


def test_report_in_chinese_without_output():
    imp, _ = _import()
    assert render_report(imp, None, "zh") == (
        "s.xlsx（工作表 教学点）：表头在第 2 行\n"
        "列：A 名称 → 名称；B — → （忽略）；C 区县 → 区县；D 纬度 → 纬度；E 经度 → 经度；F 地址 → 地址；G 备用 → （忽略）\n"
        "第 2 行  新增  新馆 (海宁市)\n"
        "第 3 行  跳过  皮革城 (海宁市) 与 “皮革城”（leather）重复\n"
        "第 4 行  新增  书院 (北京市东城区) 按区县中心定位\n"
        "第 5 行  新增  点位\n"
        "第 6 行  拒绝  D6 纬度: 纬度 91.0 超出 -90–90\n"
        "第 7 行  拒绝  E7 经度: 只有经度或纬度之一\n"
        "第 8 行  新增  岳麓 (湖南省长沙市岳麓区) 按区县中心定位\n"
        "共 7 行：新增 4，合并 0，跳过 1，拒绝 2\n"
        "（未指定 -o，未写入任何文件）\n")


def test_report_in_english_after_writing():
    imp, catalogue = _import()
    imp.incoming[1].action = "merge"
    assert render_report(imp, apply(catalogue, imp.incoming), "en") == (
        "s.xlsx (sheet 教学点): headers in row 2\n"
        "columns: A 名称 → Name; B — → (ignored); C 区县 → County; D 纬度 → Latitude; E 经度 → Longitude; "
        "F 地址 → Address; G 备用 → (ignored)\n"
        "row 2  add  新馆 (海宁市)\n"
        "row 3  merge  皮革城 (海宁市) duplicate of '皮革城' (leather)\n"
        "row 4  add  书院 (北京市东城区) placed at the county centre\n"
        "row 5  add  点位\n"
        "row 6  refused  D6 纬度: latitude 91.0 is outside -90–90\n"
        "row 7  refused  E7 经度: only one of latitude and longitude is given\n"
        "row 8  add  岳麓 (湖南省长沙市岳麓区) placed at the county centre\n"
        "7 rows: 4 added, 1 merged, 0 skipped, 2 refused\n")


def _csv(path):
    path.write_bytes("名称,区县,纬度,经度\n皮革城,海宁市,30.51,120.61\n新馆,海宁市,30.6,120.7\n".encode("gbk"))
    return path


def test_cli_merges_into_an_existing_catalogue_and_reports_the_encoding(tmp_path, capsys):
    out = tmp_path / "c.sites.json"
    save_catalogue(Catalogue(title="库", sites=[LEATHER.model_copy(update={"intro": "旧"})]), out)
    assert run_command(["import-sites", str(_csv(tmp_path / "s.csv")), "-o", str(out), "--on-duplicate", "merge"]) == 0
    assert capsys.readouterr().out == (
        "s.csv：表头在第 1 行，编码 GB18030\n"
        "列：A 名称 → 名称；B 区县 → 区县；C 纬度 → 纬度；D 经度 → 经度\n"
        "第 2 行  合并  皮革城 (海宁市) 与 “皮革城”（leather）重复\n"
        "第 3 行  新增  新馆 (海宁市)\n"
        "共 2 行：新增 1，合并 1，跳过 0，拒绝 0\n")
    saved = load_catalogue(out)
    assert saved.title == "库"
    assert [(s.id, s.lat, s.lon, s.intro) for s in saved.sites] == \
        [("leather", 30.51, 120.61, "旧"), ("enterprise-2", 30.6, 120.7, "")]


def test_cli_adds_duplicates_when_asked_and_skips_them_when_told(tmp_path, capsys):
    out = tmp_path / "c.sites.json"
    save_catalogue(Catalogue(sites=[LEATHER]), out)
    assert run_command(["import-sites", str(_csv(tmp_path / "s.csv")), "-o", str(out), "--on-duplicate", "add",
                        "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == "row 2  add  皮革城 (海宁市) duplicate of '皮革城' (leather)"
    assert [s.id for s in load_catalogue(out).sites] == ["leather", "enterprise", "enterprise-2"]
    assert run_command(["import-sites", str(_csv(tmp_path / "s.csv")), "-o", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[2:5] == [
        "row 2  skip  皮革城 (海宁市) duplicate of '皮革城' (leather)",
        "row 3  skip  新馆 (海宁市) duplicate of '新馆' (enterprise-2)", "2 rows: 0 added, 0 merged, 2 skipped, 0 refused"]
    assert run_command(["import-sites", str(_csv(tmp_path / "s.csv")), "-o", str(out), "--on-duplicate", "skip",
                        "--lang", "zh"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "共 2 行：新增 0，合并 0，跳过 2，拒绝 0"
    assert len(load_catalogue(out).sites) == 3
    for bad in (["--on-duplicate", "replace"], ["--lang", "fr"]):
        with pytest.raises(SystemExit) as caught:
            run_command(["import-sites", str(tmp_path / "s.csv"), *bad])
        assert caught.value.code == 2 and f"invalid choice: '{bad[1]}'" in capsys.readouterr().err


def test_the_named_sheet_is_read(tmp_path):
    wb = Workbook()
    wb.active.append(["名称", "区县", "纬度", "经度"])
    wb.active.append(["甲", "海宁市", 30.5, 120.6])
    wb.create_sheet("第二页").append(["名称"])
    wb["第二页"].append(["乙"])
    wb.save(tmp_path / "s.xlsx")
    assert load_table(tmp_path / "s.xlsx", "第二页").rows == [(2, ["乙"])]
    assert load_table(tmp_path / "s.xlsx").rows == [(2, ["甲", "海宁市", 30.5, 120.6])]


def test_cli_message_for_an_unusable_catalogue(tmp_path, capsys):
    sheet = _csv(tmp_path / "s.csv")
    bad = tmp_path / "bad.sites.json"
    save_catalogue(Catalogue(), bad)
    doc = json.loads(bad.read_text(encoding="utf-8"))
    doc["sites"] = [{"id": "a", "name": "A", "kind": "enterprise", "lon": 1}]
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert run_command(["import-sites", str(sheet), "-o", str(bad), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"study-tour import-sites: {bad}:\n  sites[0]（A）.lat: Field required\n"
    assert run_command(["import-sites", str(sheet), "-o", str(bad), "--lang", "zh"]) == 2
    assert capsys.readouterr().err == f"study-tour import-sites: {bad}:\n  sites[0]（A）.lat: 缺少必填字段\n"


def test_cli_a_failed_save_says_why(tmp_path, capsys):
    sheet = _csv(tmp_path / "s.csv")
    missing = tmp_path / "no" / "c.sites.json"
    assert run_command(["import-sites", str(sheet), "-o", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"study-tour import-sites: {missing}: 无法保存，原文件未改动 (cannot write; the previous file is intact): "
        f"文件夹不存在 (no folder {missing.parent})\n")
