"""The handbook's copy/search text is exactly what is printed, and the PDF is written atomically."""

import datetime as dt
import os

import pytest

from planner.io.atomic import FileWriteError
from planner.render.handbook import HandbookOptions
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.ui.pdf_helpers import squeeze, text
from ui.exports.handbook_pdf import export_handbook

PRINTED = dt.date(2025, 2, 20)


def small_tour(name):
    return tour(group("g1", day("2025-02-24", visit("x")), name="第一组"), sites=[site("x", name)])


@pytest.mark.parametrize("name", ["Room 301 会议室", "G1234次列车", "A1 B22 C333 座", "Hall 7B-2F"])
def test_digits_after_latin_letters_survive_in_the_text_layer(qapp, tmp_path, name):
    out = tmp_path / "h.pdf"
    export_handbook(schedule(small_tour(name)), out, HandbookOptions(print_date=PRINTED))
    assert squeeze(name) in squeeze(text(out))


def test_a_full_disk_leaves_the_previous_pdf_whole_and_says_so(qapp, tmp_path, monkeypatch):
    out = tmp_path / "h.pdf"
    export_handbook(schedule(small_tour("李祖村")), out, HandbookOptions(print_date=PRINTED))
    before = out.read_bytes()

    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the disk is the machine boundary
    with pytest.raises(FileWriteError) as info:
        export_handbook(schedule(small_tour("新的名字")), out, HandbookOptions(print_date=PRINTED))
    assert str(out) in str(info.value) and "磁盘已满" in str(info.value)
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["h.pdf"]
