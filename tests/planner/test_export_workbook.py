"""The Excel workbook, read back with openpyxl as the office's Excel would read it."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from planner.io.fileformat import load_tour
from planner.render.day_rows import day_places
from planner.render.workbook import sheet_name
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from ui.cli import main

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


@pytest.fixture(scope="module")
def hunan_book(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "hunan.xlsx"
    assert main(["export-xlsx", str(HUNAN), "-o", str(out)]) == 0
    return openpyxl.load_workbook(out), schedule(load_tour(HUNAN))


def _as_minutes(value) -> int:
    return value.hour * 60 + value.minute


def test_sheets_overview_groups_sites_problems(hunan_book):
    wb, _ = hunan_book
    assert wb.sheetnames == ["总览", "第一组", "第二组", "第三组", "住宿", "教学点", "问题"]


def test_overview_lists_each_groups_places_and_hotel_by_date(hunan_book):
    wb, result = hunan_book
    ws = wb["总览"]
    head = next(r for r in range(1, 6) if ws.cell(r, 1).value == "日期")
    assert [ws.cell(head, c).value for c in (3, 4, 5)] == ["第一组", "第二组", "第三组"]
    for r, date in enumerate(result.tour.dates(), start=head + 1):
        assert ws.cell(r, 1).value.date() == date
        for c, g in enumerate(result.tour.groups, start=3):
            plan = result.plan(g.id, date)
            cell = ws.cell(r, c).value or ""
            assert cell.startswith(" → ".join(day_places(plan)))
            if plan.end_site is not None:
                assert cell.endswith(f"住：{plan.end_site.name}")


@pytest.mark.parametrize("gid", ["g1", "g2", "g3"])
def test_group_sheet_times_are_the_schedulers(hunan_book, gid):
    wb, result = hunan_book
    g = result.tour.group(gid)
    ws = wb[g.name]
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], dt.datetime)]
    activities = [(r[0].date(), _as_minutes(r[1]), _as_minutes(r[2]), r[4]) for r in rows
                  if r[3] not in ("出发", "乘车", "住宿", "抵达")]
    expected = [(p.date, e.start, e.end) for p in sorted(result.group_plans(gid), key=lambda p: p.date)
                for e in p.entries]
    assert [a[:3] for a in activities] == expected and len(expected) > 10
    assert isinstance(rows[0][1], dt.time)  # real times the office can sort, not text


def test_every_sheet_prints_landscape_a4_one_page_wide_with_repeated_header(hunan_book):
    wb, _ = hunan_book
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert (ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight) == ("landscape", 9, 1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.freeze_panes and ws.print_title_rows
        header = int(ws.print_title_rows.split(":")[0].strip("$"))
        assert ws.cell(header + 1, 1).coordinate == ws.freeze_panes
        assert ws.cell(header, 1).font.name == "等线" and ws.cell(header, 1).font.bold
        assert ws.column_dimensions["A"].width >= 6


def test_sites_sheet_and_problems_sheet(hunan_book):
    wb, result = hunan_book
    names = [r[0] for r in wb["教学点"].iter_rows(min_row=4, values_only=True)]
    assert "阿里巴巴西溪园区（阿里巴巴集团总部）" in names and "杭州黄龙饭店" not in names
    codes = [r[1] for r in wb["问题"].iter_rows(min_row=4, values_only=True)]
    assert codes == [p.code for p in result.problems] or (not result.problems and codes == [""])


def test_hostile_names_stay_text_and_sheet_names_are_legal(tmp_path):
    t = tour(group("g1", day("2025-02-24", visit("x", id="v1", notes="=HYPERLINK(\"http://e\")")),
                   name="一组/二组:[测试]*?"),
             group("g2", day("2025-02-24", visit("x", id="v2")), name="一组/二组:[测试]*?"),
             group("g3", day("2025-02-24"), name="=2+2"), group("g4", name="History"),
             sites=[site("x", "=1+1 <b>厂</b>\x07")], title="=标题")
    path = tmp_path / "t.tour.json"
    from planner.io.fileformat import save_tour
    save_tour(t, path)
    out = tmp_path / "t.xlsx"
    assert main(["export-xlsx", str(path), "-o", str(out)]) == 1  # both groups at x at once: an error
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[1:5] == ["一组_二组_测试_", "一组_二组_测试_(2)", "=2+2", "History_"]
    overview = [c for r in wb["总览"].iter_rows() for c in r if c.value == "=2+2"]
    assert overview and all(c.data_type == "s" for c in overview)  # a group name is never a formula
    assert wb["总览"]["A1"].value == "=标题" and wb["总览"]["A1"].data_type == "s"
    values = [v for r in wb["一组_二组_测试_"].iter_rows(values_only=True) for v in r if isinstance(v, str)]
    assert "=1+1 <b>厂</b>" in values and '=HYPERLINK("http://e")' in values
    cell = next(c for r in wb["一组_二组_测试_"].iter_rows() for c in r if c.value == "=1+1 <b>厂</b>")
    assert cell.data_type == "s"


def test_sheet_names_are_unique_ignoring_case_and_short():
    taken: set[str] = set()
    assert sheet_name("A" * 40, taken) == "A" * 31
    assert sheet_name("a" * 40, taken) == "a" * 28 + "(2)"


def test_unknown_group_and_missing_folder_exit_2(tmp_path, capsys):
    assert main(["export-xlsx", str(HUNAN), "-o", str(tmp_path / "x.xlsx"), "--group", "g9"]) == 2
    assert "g9" in capsys.readouterr().err
    assert main(["export-xlsx", str(HUNAN), "-o", str(tmp_path / "no" / "x.xlsx")]) == 2
    assert "cannot write" in capsys.readouterr().err and not (tmp_path / "x.xlsx").exists()


def test_one_group_only(tmp_path):
    out = tmp_path / "g2.xlsx"
    assert main(["export-xlsx", str(HUNAN), "-o", str(out), "--group", "g2"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["总览", "第二组", "住宿", "教学点", "问题"]
