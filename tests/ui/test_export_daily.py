"""Daily sheets (每日行程单): one page per group-day, read back with pdftotext."""

import datetime as dt
from pathlib import Path

import pytest

from planner.io.fileformat import load_tour, save_tour
from planner.model.clock import fmt
from planner.schedule.scheduler import schedule
from tests.builders import day, site, tour, visit
from tests.ui.pdf_helpers import pages, squeeze, text
from ui.cli import main

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


def _tour():
    g1 = {"id": "g1", "name": "第一组", "headcount": 30, "leader": "张带队", "contact": "139 1234 5678",
          "vehicle": "浙A·12345", "days": [
              day("2025-02-24", visit("mill", id="v1", notes="请着正装"), {"kind": "meal", "id": "l1"},
                  visit("lab", id="v2"), start="hotel", end="inn"),
              day("2025-02-25", visit("lab", id="v3"), start="inn", end="inn")]}
    g2 = {"id": "g2", "name": "第二组", "headcount": 20, "days": [day("2025-02-24", visit("farm", id="w1"))]}
    return tour(g1, g2, sites=[site("mill", "羊毛衫厂", contact="王主任 0573-8888-6666"),
                               site("lab", "实验室", at=(30.5, 120.4)), site("farm", "李祖村", kind="village"),
                               site("inn", "湖畔酒店", kind="hotel", at=(30.5, 120.41), address="湖滨路 8 号",
                                    visit_minutes=0)])


@pytest.fixture
def tour_file(tmp_path):
    path = tmp_path / "t.tour.json"
    save_tour(_tour(), path)
    return path


def test_one_page_per_group_day_with_the_schedulers_times(qapp, tour_file, tmp_path):
    out = tmp_path / "daily.pdf"
    assert main(["export-pdf", str(tour_file), "-o", str(out), "--daily-only"]) == 0
    assert pages(out) == 3
    result = schedule(load_tour(tour_file))
    plan = result.plan("g1", dt.date(2025, 2, 24))
    first = text(out, 1, 1)
    assert "第一组·2月24日（周一）" in squeeze(first) and "每日行程单" in first
    for e in plan.entries:
        assert f"{fmt(e.start)}–{fmt(e.end)}" in first
    assert f"{fmt(plan.day_end)}" in first and "今晚住宿：湖畔酒店" in squeeze(first)
    assert "地址：湖滨路8号" in squeeze(first) and "请着正装" in first
    lines = text(out, 1, 1, layout=True).replace("\xa0", " ").replace("\u2011", "-").splitlines()
    assert any("张带队 139 1234 5678" in line for line in lines)   # a phone never wraps
    assert any("0573-8888-6666" in line for line in lines)
    assert "第二组" in text(out, 3, 3) and "第一组" not in text(out, 3, 3)


def test_participant_edition_prints_no_phone_numbers(qapp, tour_file, tmp_path):
    out = tmp_path / "daily.pdf"
    assert main(["export-pdf", str(tour_file), "-o", str(out), "--daily-only", "--edition", "participant",
                 "--group", "g1"]) == 0
    content = squeeze(text(out))
    assert pages(out) == 2 and "张带队" in content
    assert "13912345678" not in content and "88886666" not in content


def test_the_handbook_can_carry_the_daily_sheets_at_the_end(qapp, tour_file, tmp_path):
    plain, with_daily = tmp_path / "h.pdf", tmp_path / "hd.pdf"
    assert main(["export-pdf", str(tour_file), "-o", str(plain), "--print-date", "2025-02-20"]) == 0
    assert main(["export-pdf", str(tour_file), "-o", str(with_daily), "--daily", "--print-date", "2025-02-20"]) == 0
    n, m = pages(plain), pages(with_daily)
    assert m >= n + 3
    assert "每日行程单" in text(with_daily, 2, 2) and "每日行程单" not in text(plain, 2, 2)  # in the contents
    assert "第二组·2月24日" in squeeze(text(with_daily, m, m))


def test_hunan_daily_sheets_are_a_page_each(qapp, tmp_path):
    out = tmp_path / "hunan.pdf"
    assert main(["export-pdf", str(HUNAN), "-o", str(out), "--daily-only"]) == 0
    days = sum(1 for p in schedule(load_tour(HUNAN)).plans.values() if p.entries)
    assert pages(out) == days == 18


def test_the_handbook_dialog_offers_the_daily_sheets(qtbot, tour_file):
    from ui.exports.export_dialog import ExportDialog

    dialog = ExportDialog(load_tour(tour_file), tour_file.parent / "h.pdf")
    qtbot.addWidget(dialog)
    assert dialog.options().daily is False
    dialog.daily.setChecked(True)
    assert dialog.options().daily is True
