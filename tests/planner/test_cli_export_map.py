"""`study-tour export-map`: a standalone offline HTML file, exit codes as `check`."""

from pathlib import Path

from tests.planner.test_map import REMOTE
from ui.cli import main

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


def test_exports_a_standalone_page_with_every_group(tmp_path):
    out = tmp_path / "routes.html"
    assert main(["export-map", str(HUNAN), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert not REMOTE.search(page) and "L.map(" in page
    assert page.count("L.polyline(") == 3
    assert all(name in page for name in ("第一组", "第二组", "第三组"))


def test_one_group_with_gaode_tiles(tmp_path):
    out = tmp_path / "g2.html"
    assert main(["export-map", str(HUNAN), "-o", str(out), "--group", "g2", "--tiles", "gaode"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("L.polyline(") == 1 and "autonavi" in page


def test_an_unknown_group_or_a_bad_file_exit_2(tmp_path, capsys):
    assert main(["export-map", str(HUNAN), "-o", str(tmp_path / "x.html"), "--group", "g9"]) == 2
    assert "g9" in capsys.readouterr().err and not (tmp_path / "x.html").exists()
    bad = tmp_path / "bad.tour.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["export-map", str(bad), "-o", str(tmp_path / "y.html")]) == 2
    assert "JSON" in capsys.readouterr().err


def test_an_unwritable_output_exits_2(tmp_path, capsys):
    assert main(["export-map", str(HUNAN), "-o", str(tmp_path / "no" / "such" / "dir.html")]) == 2
    assert "cannot write" in capsys.readouterr().err
