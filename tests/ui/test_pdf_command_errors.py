"""`study-tour export-pdf` with a bad destination or date: exit 2, one message, the previous PDF intact."""

import pytest

from tests.faults import fill, small_disk
from tests.cli_helpers import HUNAN, run_cli


@pytest.mark.parametrize("command", ["export-pdf", "export-notices"])
@pytest.mark.parametrize("date", ["2025-02-30", "tomorrow", "2025-2-3x"])
def test_an_impossible_print_date_exits_2(qapp, tmp_path, capsys, date, command):
    code, err = run_cli([command, str(HUNAN), "-o", str(tmp_path / "h.pdf"), "--print-date", date], capsys)
    assert code == 2 and date in err and "YYYY-MM-DD" in err
    assert not (tmp_path / "h.pdf").exists()


def test_output_naming_a_folder_exits_2(qapp, tmp_path, capsys):
    code, err = run_cli(["export-pdf", str(HUNAN), "-o", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err


def test_a_read_only_folder_exits_2(qapp, tmp_path, capsys):
    with small_disk(tmp_path / "ro", read_only=True) as disk:
        code, err = run_cli(["export-pdf", str(HUNAN), "-o", str(disk / "h.pdf")], capsys)
    assert code == 2 and "只读文件系统" in err


def test_a_full_disk_exits_2_and_keeps_the_previous_pdf(qapp, tmp_path, capsys):
    with small_disk(tmp_path / "disk", size_kb=1024) as disk:
        out = disk / "h.pdf"
        out.write_bytes(b"%PDF-1.4 previous handbook")
        fill(disk)
        code, err = run_cli(["export-pdf", str(HUNAN), "-o", str(out), "--print-date", "2025-02-20"], capsys)
        assert code == 2 and "磁盘已满" in err and str(out) in err
        assert out.read_bytes() == b"%PDF-1.4 previous handbook"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "h.pdf"]
