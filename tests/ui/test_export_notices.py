"""Host notices (接待通知单), read back with pdftotext as the host would read them."""

from pathlib import Path

import pytest

from planner.io.fileformat import load_tour, save_tour
from planner.model.clock import fmt
from planner.render.site_visits import site_visits
from planner.schedule.scheduler import schedule
from tests.builders import day, site, tour, visit
from tests.ui.pdf_helpers import pages, squeeze, text
from ui.cli import main

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


def _g(gid, name, n, *days, leader="", contact=""):
    return {"id": gid, "name": name, "headcount": n, "leader": leader, "contact": contact, "days": list(days)}


def _tour():
    return tour(
        _g("g1", "第一组", 30, day("2025-02-24", visit("hall", id="j1", joint="open", minutes=90),
                                   visit("mill", id="m1", title="参观生产线"),
                                   {"kind": "discussion", "site": "mill", "id": "m2", "title": "座谈"}),
           leader="张带队", contact="139 1234 5678"),
        _g("g2", "第二组", 25, day("2025-02-24", visit("hall", id="j2", joint="open", minutes=90)),
           day("2025-02-25", visit("mill", id="m3")), leader="李带队", contact="13800001111"),
        sites=[site("hall", "会议中心<b>x</b>", kind="venue", max_groups=5),
               site("mill", "羊毛衫厂", topics=["产业发展"], contact="王主任 0573-8888 6666")])


@pytest.fixture
def small_pdf(qapp, tmp_path):
    path = tmp_path / "t.tour.json"
    save_tour(_tour(), path)
    out = tmp_path / "notices.pdf"
    assert main(["export-notices", str(path), "-o", str(out), "--print-date", "2025-02-20"]) == 0
    return path, out


def test_one_page_per_host_site_with_each_visit(small_pdf):
    _, out = small_pdf
    assert pages(out) == 2
    first, second = squeeze(text(out, 1, 1)), squeeze(text(out, 2, 2))
    assert "接待通知单" in first and "会议中心<b>x</b>" in first  # a name shows as typed
    assert "羊毛衫厂" in second and "共2批次、55人次" in second


def test_a_joint_session_is_one_row_with_both_groups_and_their_total(small_pdf):
    _, out = small_pdf
    page = text(out, 1, 1, layout=True).replace("\xa0", " ").replace("\u2011", "-")
    assert page.count("2月24日") == 1 and "55 人" in page and "（联合）" in page and "共 1 批次" in page
    assert "张带队" in squeeze(page) and "李带队" in squeeze(page) and "（第二组）" in squeeze(page)
    # phone numbers never break inside a number
    assert any("139 1234 5678" in line for line in page.splitlines())
    assert any("13800001111" in line for line in page.splitlines())


def test_arrival_and_departure_are_the_schedulers_and_a_stay_is_merged(small_pdf):
    path, out = small_pdf
    result = schedule(load_tour(path))
    g1 = result.plan("g1", __import__("datetime").date(2025, 2, 24))
    tour_, talk = g1.entries[1], g1.entries[2]
    layout = text(out, 2, 2, layout=True)
    row = next(line for line in layout.splitlines() if "第一组" in line)
    assert fmt(tour_.arrive) in row and fmt(talk.end) in row  # one visit: tour then discussion
    assert "参观生产线" in squeeze(text(out, 2, 2)) and "座谈" in squeeze(text(out, 2, 2))
    assert len(site_visits(result)["mill"]) == 2


def test_columns_with_nothing_in_them_are_dropped(qapp, tmp_path):
    t = _tour()
    for g in t.groups:
        g.leader = g.contact = ""
    path = tmp_path / "t.tour.json"
    save_tour(t, path)
    out = tmp_path / "n.pdf"
    assert main(["export-notices", str(path), "-o", str(out)]) == 0
    assert "带队及联系方式" not in squeeze(text(out)) and "讲解" not in squeeze(text(out))


def test_one_site_and_one_file_per_site(small_pdf, tmp_path):
    path, _ = small_pdf
    one = tmp_path / "mill.pdf"
    assert main(["export-notices", str(path), "-o", str(one), "--site", "mill"]) == 0
    assert pages(one) == 1 and "羊毛衫厂" in text(one)
    folder = tmp_path / "each"
    assert main(["export-notices", str(path), "-o", str(folder), "--each"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["hall-会议中心_b_x_b-接待通知单.pdf",
                                                         "mill-羊毛衫厂-接待通知单.pdf"]


def test_hunan_has_a_notice_for_every_host_site(qapp, tmp_path):
    out = tmp_path / "hunan.pdf"
    assert main(["export-notices", str(HUNAN), "-o", str(out)]) == 0
    assert pages(out) == len(site_visits(schedule(load_tour(HUNAN))))


def test_an_unknown_site_exits_2_naming_it(small_pdf, tmp_path, capsys):
    path, _ = small_pdf
    assert main(["export-notices", str(path), "-o", str(tmp_path / "x.pdf"), "--site", "nope"]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "mill (羊毛衫厂)" in err and not (tmp_path / "x.pdf").exists()


def test_a_tour_nobody_visits_yet_has_no_notices_exit_2(qapp, tmp_path, capsys):
    t = tour({"id": "g1", "name": "第一组", "days": [day("2025-02-24")]}, sites=[site("mill", "羊毛衫厂")])
    path = tmp_path / "t.tour.json"
    save_tour(t, path)
    assert main(["export-notices", str(path), "-o", str(tmp_path / "n.pdf")]) == 2
    assert "no group visits a host site" in capsys.readouterr().err and not (tmp_path / "n.pdf").exists()


def test_the_command_prints_nothing_on_success(small_pdf, tmp_path):
    import subprocess
    import sys

    path, _ = small_pdf  # a fresh process, as a user's terminal runs it (pytest would swallow log records)
    run = subprocess.run([sys.executable, "-m", "ui.cli", "export-notices", str(path), "-o", str(tmp_path / "q.pdf")],
                         capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")  # no font-library chatter
