"""The CLI prints what others wrote (sheet cells, tour names): terminal escapes in them are shown, never obeyed."""

from planner.cli import run_command


def test_a_cell_with_terminal_escapes_is_printed_escaped(tmp_path, capsys):
    sheet = tmp_path / "sites.csv"
    sheet.write_text("名称,地址,纬度,经度\n\x1b[31m红色\x1b[0m村,浙江省嘉兴市海宁市,30.5,120.6\n"
                     "坏\x1b]0;title\x07行,浙江省,abc,120\n", encoding="utf-8")
    assert run_command(["import-sites", str(sheet)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[31m红色\\x1b[0m村" in out
    assert len(out.splitlines()) == 6  # header, columns, two rows, summary, "nothing written"


def test_check_prints_names_with_terminal_escapes_shown(tmp_path, capsys):
    """A colleague's tour may name a group or site with escapes (a pasted coloured text, or worse)."""
    import json
    from pathlib import Path

    tour = json.loads((Path(__file__).parents[2] / "seeds" / "hunan-2025.tour.json").read_text(encoding="utf-8"))
    tour["groups"][0]["name"] = "\x1b[31m红组\x1b[0m"
    tour["sites"][0]["name"] = "\x1b]0;pwn\x07站"
    path = tmp_path / "t.tour.json"
    path.write_text(json.dumps(tour, ensure_ascii=False), encoding="utf-8")
    run_command(["check", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[31m红组\\x1b[0m" in out


def test_import_roster_prints_a_name_with_terminal_escapes_shown(tmp_path, capsys):
    from planner.io.fileformat import save_tour
    from tests.builders import day, group, tour

    path = tmp_path / "t.tour.json"
    save_tour(tour(group("g1", day("2025-02-24"), name="第一组"), sites=[]), path)
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,性别,组别\n\x1b[31m张三\x1b[0m,男,1组\n李\x1b]0;pwn\x07四,女,1组\n", encoding="utf-8")
    run_command(["import-roster", str(sheet), str(path), "--dry-run"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[31m张三\\x1b[0m" in out
    assert len(out.splitlines()) == 6  # header, columns, two rows, summary, "nothing written"
