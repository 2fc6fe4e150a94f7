"""Site sheets into the catalogue: fields, placing rows without coordinates, duplicates, the CLI."""

from __future__ import annotations

import json
from datetime import time

import pytest
from openpyxl import Workbook

from planner.cli import run_command
from planner.geo.datum import to_wgs
from planner.io.fileformat import load_catalogue, save_catalogue
from planner.imports.site_import import load_table, prepare
from planner.imports.site_merge import apply
from planner.model.site import Catalogue, Site, SiteKind

HEADERS = ["教学点名称", "地址", "类型", "时长（分钟）", "开放时间", "闭馆日", "接待能力", "人数上限", "主题",
           "联系人", "讲解人", "简介", "纬度", "经度", "坐标系", "备用列"]
GOOD = ["海宁中国皮革城", "浙江省海宁市海昌街道", "企业", 90, "9:00-17:00", "周一", 2, 60, "产业发展、招商引资",
        "张三 138", "李四", "全国皮革集散地", None, None, None, "x"]
BROKEN = ["某某村", "湖南省长沙市岳麓区", "村", "1.5小时", "25:00-17:00", "", 1, "三十", "", "", "", "", None,
          None, None, ""]
BAIDU = ["岳麓山下某公司", "长沙市岳麓区", "", 60, "", "周一及法定节假日", 1, 30, "", "", "", "", 28.2, 112.9,
         "百度", ""]


def write_xlsx(path, rows, title="教学点"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(["2025 年春季班教学点清单"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_rows_become_sites_placed_converted_and_refused_with_reasons(tmp_path):
    table = load_table(write_xlsx(tmp_path / "s.xlsx", [HEADERS, GOOD, BROKEN, BAIDU]))
    imp = prepare(table, Catalogue())
    assert [(e.cell, e.header) for e in imp.errors] == [("E4", "开放时间"), ("H4", "人数上限")]
    assert imp.refused == [4]
    first, baidu = (i.site for i in imp.incoming)
    assert (first.name, first.kind, first.visit_minutes, first.max_groups, first.max_people) == \
        ("海宁中国皮革城", SiteKind.ENTERPRISE, 90, 2, 60)
    assert (first.province, first.city, first.county) == ("浙江省", "嘉兴市", "海宁市")
    assert first.precision == "county" and imp.incoming[0].located
    assert abs(first.lat - 30.51) < 0.05 and abs(first.lon - 120.68) < 0.05  # 海宁's centre, not 0/0
    assert [(h.start.hour, h.end.hour) for h in first.hours] == [(9, 17)] and first.closed_weekdays == [1]
    assert first.topics == ["产业发展", "招商引资"] and first.presenter == "李四"
    assert baidu.precision == "site" and (baidu.lat, baidu.lon) == to_wgs(28.2, 112.9, "bd09")
    assert baidu.closed_on_holidays and baidu.closed_weekdays == [1]
    assert baidu.kind == SiteKind.ENTERPRISE and baidu.county == "岳麓区"


def test_bd09_converts_to_wgs84_at_a_known_point():
    # 天安门: WGS-84 39.9087, 116.3975 ≈ GCJ-02 39.9101, 116.4037 ≈ BD-09 39.9163, 116.4102
    lat, lon = to_wgs(39.9163, 116.4102, "bd09")
    assert abs(lat - 39.9087) < 0.0005 and abs(lon - 116.3975) < 0.0005
    lat, lon = to_wgs(39.9101, 116.4037, "gcj02")
    assert abs(lat - 39.9087) < 0.0005 and abs(lon - 116.3975) < 0.0005


def _catalogue_with(**over) -> Catalogue:
    base = dict(id="haining-leather", name="海宁中国皮革城", kind="enterprise", province="浙江省", city="嘉兴市",
                county="海宁市", lat=30.5, lon=120.6, intro="旧简介", contact="旧联系人")
    return Catalogue(sites=[Site.model_validate(base | over)])


def test_duplicates_by_name_and_county_default_to_skip_then_merge_keeps_the_real_point(tmp_path):
    table = load_table(write_xlsx(tmp_path / "s.xlsx", [HEADERS, GOOD]))
    catalogue = _catalogue_with()
    imp = prepare(table, catalogue)
    (inc,) = imp.incoming
    assert inc.duplicate.id == "haining-leather" and inc.action == "skip"
    assert apply(catalogue, imp.incoming).catalogue == catalogue
    inc.action = "merge"
    outcome = apply(catalogue, imp.incoming)
    (site,) = outcome.catalogue.sites
    assert site.id == "haining-leather" and site.intro == "全国皮革集散地" and site.max_people == 60
    assert (site.lat, site.lon, site.precision) == (30.5, 120.6, "site")  # a county centre never replaces it
    assert catalogue.sites[0].intro == "旧简介"  # the catalogue given is untouched (undo relies on it)
    inc.action = "add"
    assert [s.id for s in apply(catalogue, imp.incoming).catalogue.sites] == ["haining-leather", "enterprise"]


def test_a_site_within_100_m_is_a_duplicate_whatever_its_name(tmp_path):
    row = ["新名字", "", "", "", "", "", "", "", "", "", "", "", 30.5005, 120.6, "", ""]
    catalogue = _catalogue_with(county="")
    imp = prepare(load_table(write_xlsx(tmp_path / "s.xlsx", [HEADERS, row])), catalogue)
    assert imp.incoming[0].duplicate.id == "haining-leather"
    far = row[:12] + [30.502, 120.6] + row[14:]
    imp = prepare(load_table(write_xlsx(tmp_path / "t.xlsx", [HEADERS, far])), catalogue)
    assert imp.incoming[0].duplicate is None


def test_a_row_that_cannot_be_placed_is_refused_with_the_reason(tmp_path):
    row = ["无名之地", "某某路 1 号", "", "", "", "", "", "", "", "", "", "", None, None, "", ""]
    imp = prepare(load_table(write_xlsx(tmp_path / "s.xlsx", [HEADERS, row])), Catalogue())
    (err,) = imp.errors
    assert err.cell == "B3" and "no county" in err.en


def test_separate_opening_columns_accept_time_cells_and_day_fractions(tmp_path):
    rows = [["名称", "区县", "开门时间", "关门时间"], ["甲馆", "岳麓区", time(8, 30), 0.75]]
    (inc,) = prepare(load_table(write_xlsx(tmp_path / "s.xlsx", rows)), Catalogue()).incoming
    assert [(h.start, h.end) for h in inc.site.hours] == [(time(8, 30), time(18, 0))]


def _gbk_csv(path):
    lines = [",".join(map(str, HEADERS)),
             ",".join("" if v is None else str(v) for v in GOOD),
             ",".join("" if v is None else str(v) for v in BROKEN)]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return path


def test_cli_imports_gbk_csv_reports_each_row_and_exits_1(tmp_path, capsys):
    out = tmp_path / "mine.sites.json"
    code = run_command(["import-sites", str(_gbk_csv(tmp_path / "s.csv")), "-o", str(out)])
    text = capsys.readouterr().out
    assert code == 1
    assert "编码 GB18030" in text and "第 2 行  新增  海宁中国皮革城" in text
    assert "第 3 行  拒绝  E3 开放时间" in text and "H3 人数上限" in text
    assert [s.name for s in load_catalogue(out).sites] == ["海宁中国皮革城"]


def test_cli_all_rows_in_exits_0_and_a_second_run_skips_duplicates(tmp_path, capsys):
    out = tmp_path / "mine.sites.json"
    save_catalogue(Catalogue(title="我的"), out)
    sheet = write_xlsx(tmp_path / "s.xlsx", [HEADERS, GOOD, BAIDU])
    assert run_command(["import-sites", str(sheet), "-o", str(out), "--sheet", "教学点"]) == 0
    assert run_command(["import-sites", str(sheet), "-o", str(out), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "skip  海宁中国皮革城" in text and "0 added, 0 merged, 2 skipped" in text
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["title"] == "我的" and len(doc["sites"]) == 2


def test_cli_without_output_writes_nothing(tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "s.xlsx", [HEADERS, GOOD])
    assert run_command(["import-sites", str(sheet)]) == 0
    assert "未写入任何文件" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.xlsx"]


@pytest.mark.parametrize("make,message", [
    (lambda p: p.with_suffix(".csv").write_bytes(b"\x00\x01\x02") and p.with_suffix(".csv"), "binary"),
    (lambda p: write_xlsx(p, [["甲", "乙"], ["1", "2"]]), "no column for Name"),
    (lambda p: write_xlsx(p, [HEADERS]), "no data rows"),
    (lambda p: p, "file not found"),
])
def test_cli_unusable_file_exits_2_with_one_message(tmp_path, capsys, make, message):
    path = make(tmp_path / "s.xlsx")
    assert run_command(["import-sites", str(path), "-o", str(tmp_path / "c.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("study-tour import-sites: ") and message in err and "Traceback" not in err
    assert not (tmp_path / "c.json").exists()


def test_cli_unknown_sheet_exits_2(tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "s.xlsx", [HEADERS, GOOD])
    assert run_command(["import-sites", str(sheet), "--sheet", "名单"]) == 2
    assert "教学点" in capsys.readouterr().err


def test_a_row_repeating_an_earlier_row_is_a_duplicate_of_it(tmp_path):
    imp = prepare(load_table(write_xlsx(tmp_path / "s.xlsx", [HEADERS, GOOD, GOOD])), Catalogue())
    first, second = imp.incoming
    assert first.duplicate is None and second.duplicate is first.site and second.action == "skip"
    second.action = "add"
    assert [s.name for s in apply(Catalogue(), imp.incoming).catalogue.sites] == ["海宁中国皮革城"] * 2


def test_a_thousand_rows_are_read_and_the_one_repeat_among_them_is_found(tmp_path):
    # how fast: scripts/bench_check.py (a timed test fails on a busy machine, not on slow code)
    rows = [[f"教学点{i}", f"浙江省海宁市海昌街道{i}号"] + GOOD[2:12] + [30 + i / 1000, 120 + i / 1000, "", ""]
            for i in range(1000)]
    rows.append(list(rows[417]))
    imp = prepare(load_table(write_xlsx(tmp_path / "big.xlsx", [HEADERS] + rows)), Catalogue())
    assert len(imp.incoming) == 1001 and not imp.errors
    repeats = [(i, row.duplicate) for i, row in enumerate(imp.incoming) if row.duplicate is not None]
    assert repeats == [(1000, imp.incoming[417].site)]
