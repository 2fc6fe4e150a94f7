"""From a diff: the one-page 变更通知 for the class, and host notices re-issued only where visits changed."""

import datetime as dt

from planner.io.fileformat import save_tour
from tests.builders import day, site, tour, visit
from tests.ui.pdf_helpers import pages, squeeze, text
from ui.cli import main


def _tour(pin=None, revision=""):
    g1 = {"id": "g1", "name": "第一组", "headcount": 30,
          "days": [day("2025-02-24", visit("mill", id="v1", pinned=pin), visit("lab", id="v2"))]}
    return tour(g1, sites=[site("mill", "羊毛衫厂"), site("lab", "实验室"), site("farm", "李祖村")],
                revision=revision)


def test_change_notice_and_only_the_changed_sites_notices(qapp, tmp_path):
    a, b = tmp_path / "a.tour.json", tmp_path / "b.tour.json"
    save_tour(_tour(revision="第1版"), a)
    new = _tour(revision="第2版")
    new.group("g1").days[0].activities.pop()  # the lab visit is cancelled; the mill keeps its time
    save_tour(new, b)
    notice, folder = tmp_path / "change.pdf", tmp_path / "hosts"
    assert main(["diff", str(a), str(b), "--notice", str(notice), "--host-notices", str(folder),
                 "--print-date", "2025-02-21"]) == 1
    assert pages(notice) == 1
    content = squeeze(text(notice))
    assert "行程变更通知" in content and "第1版→第2版" in content
    assert "取消现场教学：实验室：原定2月24日" in content and "2025年2月21日" in content
    # the lab is no longer visited: it gets a phone call, not a notice; the mill's visit is unchanged
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_retimed_visit_reissues_that_hosts_notice(qapp, tmp_path):
    a, b = tmp_path / "a.tour.json", tmp_path / "b.tour.json"
    save_tour(_tour(), a)
    save_tour(_tour(pin=dt.time(10, 0)), b)
    folder = tmp_path / "hosts"
    assert main(["diff", str(a), str(b), "--host-notices", str(folder)]) == 1
    [only_mill_and_lab] = [sorted(p.name for p in folder.iterdir())]
    assert only_mill_and_lab == ["lab-实验室-接待通知单.pdf", "mill-羊毛衫厂-接待通知单.pdf"]
    assert "10:00" in text(folder / "mill-羊毛衫厂-接待通知单.pdf")


def test_a_ripple_of_retimings_still_fits_one_page(qapp, tmp_path):
    from planner.io.fileformat import load_tour
    from pathlib import Path

    hunan = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"
    old = load_tour(hunan)
    new = old.model_copy(deep=True)
    for g in new.groups:  # every group's first visit of each day starts an hour later: the whole day shifts
        for d in g.days:
            if d.activities:
                d.activities[0].pinned = dt.time(10, 0)
    a, b = tmp_path / "a.tour.json", tmp_path / "b.tour.json"
    save_tour(old, a)
    save_tour(new, b)
    out = tmp_path / "change.pdf"
    assert main(["diff", str(a), str(b), "--notice", str(out)]) == 1
    content = squeeze(text(out))
    assert pages(out) == 1 and content.count("项随之调整") == 18  # one line per group-day
