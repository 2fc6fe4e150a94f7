"""Every unusable input to a headless command: exit 2, one short message, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults import small_disk
from tests.cli_helpers import HUNAN, run_cli


@pytest.mark.parametrize("content", [b"", b"\x00" * 10, b"{}", b"[" * 5000, b'{"format": "study-tour/tour", '
                                     b'"version": 1, "title": "\\ud800"}'])
def test_unusable_tour_files_exit_2_with_one_short_message(tmp_path, capsys, content):
    path = tmp_path / "x.tour.json"
    path.write_bytes(content)
    for command in (["check", str(path)], ["export-map", str(path), "-o", str(tmp_path / "m.html")]):
        code, err = run_cli(command, capsys)
        assert code == 2 and str(path) in err and len(err.splitlines()) <= 21


def test_a_folder_given_as_the_tour_exits_2(tmp_path, capsys):
    code, err = run_cli(["check", str(tmp_path)], capsys)
    assert code == 2 and "is a directory" in err


def test_export_map_into_a_folder_or_a_missing_folder_exits_2(tmp_path, capsys):
    code, err = run_cli(["export-map", str(HUNAN), "-o", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err
    code, err = run_cli(["export-map", str(HUNAN), "-o", str(tmp_path / "no" / "m.html")], capsys)
    assert code == 2 and "no folder" in err


def test_export_map_to_a_read_only_file_system_exits_2(tmp_path, capsys):
    with small_disk(tmp_path / "ro", read_only=True) as disk:
        code, err = run_cli(["export-map", str(HUNAN), "-o", str(disk / "m.html")], capsys)
    assert code == 2 and "只读文件系统" in err


def test_an_unknown_subcommand_is_an_error_not_a_window():
    done = subprocess.run([sys.executable, "-m", "ui.cli", "frobnicate"], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 2 and "frobnicate" in done.stderr and "Traceback" not in done.stderr
