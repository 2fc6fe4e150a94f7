"""Every export goes through the atomic writer: on a full disk each command says so in one line, exits 2,
and leaves the previous file whole and no temporary file behind (a real tmpfs, tests/faults.py)."""

import datetime as dt

from planner.io.fileformat import save_tour
from tests.builders import day, group, site, tour, visit
from tests.faults import fill, small_disk
from ui.cli import main

OUTPUTS = {"export-pdf": "h.pdf", "export-notices": "n.pdf", "export-xlsx": "t.xlsx", "export-ics": "ics",
           "export-images": "img"}


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_full_disk_leaves_every_previous_export_whole(qapp, tmp_path, capsys):
    old = tour(group("g1", day("2025-02-24", visit("mill")), name="第一组"), sites=[site("mill", "羊毛衫厂")])
    new = old.model_copy(deep=True)
    new.group("g1").days[0].activities[0].pinned = dt.time(10, 0)
    save_tour(old, tmp_path / "old.tour.json")
    save_tour(new, tmp_path / "new.tour.json")
    with small_disk(tmp_path / "usb", size_kb=8192) as usb:
        for command, name in OUTPUTS.items():
            assert main([command, str(tmp_path / "old.tour.json"), "-o", str(usb / name)]) == 0
        assert main(["diff", str(tmp_path / "old.tour.json"), str(tmp_path / "new.tour.json"),
                     "--notice", str(usb / "c.pdf")]) == 1
        before = _files(usb)
        capsys.readouterr()
        fill(usb, leave=512)
        for command, name in OUTPUTS.items():
            assert main([command, str(tmp_path / "new.tour.json"), "-o", str(usb / name)]) == 2, command
            err = capsys.readouterr().err
            assert "Traceback" not in err and len(err.strip().splitlines()) <= 2 and err.strip(), (command, err)
        assert main(["diff", str(tmp_path / "old.tour.json"), str(tmp_path / "new.tour.json"),
                     "--notice", str(usb / "c.pdf")]) == 2
        (usb / "filler").unlink()
        assert _files(usb) == before  # every old file byte for byte, nothing half-written beside it
