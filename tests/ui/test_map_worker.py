"""Route maps drawn by a child process: the same pixels as drawn here, each on its group's page, and drawn here
whenever the child cannot start, dies, or says a map is ready that it never wrote."""

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from planner.io.fileformat import load_tour
from planner.render.handbook import HandbookOptions
from planner.render.routes import Scope, build_route_map
from planner.schedule.scheduler import schedule
from tests.ui.pdf_helpers import pages_with_images
from ui.exports import handbook_pdf, map_worker
from ui.exports.handbook_pdf import export_handbook
from ui.exports.map_worker import MapWorker
from ui.exports.route_image import route_image

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


@pytest.fixture(scope="module")
def hunan():
    return schedule(load_tour(HUNAN))


def jobs(result, size=(360, 240, 1)):
    return [(build_route_map(result, Scope(g.id)), *size) for g in result.tour.groups]


def never(_index):
    def fail():
        raise AssertionError(f"map {_index} was drawn here, not by the child")
    return fail


def test_the_child_draws_every_map_pixel_for_pixel_as_it_is_drawn_here(qapp, hunan):
    peaks = len(map_worker.PEAKS_KB)
    with MapWorker(jobs(hunan)) as worker:
        images = [worker.image(i, never(i)) for i in range(len(hunan.tour.groups))]
    here = [route_image(hunan, Scope(g.id), 360, 240, 1) for g in hunan.tour.groups]
    assert [im.size().toTuple() for im in images] == [(360, 240)] * 3
    assert images == here and here[0] != here[1]  # each group's own map, in order
    assert len(map_worker.PEAKS_KB) == peaks + 1 and map_worker.PEAKS_KB[-1] > 10_000  # its peak, in kB


CHILDREN = {
    "no interpreter": ["/nonexistent/python3"],
    "exits at once": [sys.executable, "-c", "raise SystemExit(3)"],
    "says ready, writes nothing": [sys.executable, "-c", "import sys; sys.stdin.readline(); print(0); print(1)"],
}


@pytest.mark.parametrize("child", CHILDREN)
def test_maps_the_child_does_not_deliver_are_drawn_here(qapp, hunan, child):
    drawn_here = []

    def here(i):
        def draw():
            drawn_here.append(i)
            return route_image(hunan, Scope(hunan.tour.groups[i].id), 360, 240, 1)
        return draw

    with MapWorker(jobs(hunan), command=CHILDREN[child]) as worker:
        images = [worker.image(i, here(i)) for i in range(3)]
    assert drawn_here == [0, 1, 2]
    assert images == [route_image(hunan, Scope(g.id), 360, 240, 1) for g in hunan.tour.groups]


def printed_maps(pdf: Path, folder: Path) -> list[np.ndarray]:
    subprocess.run(["pdfimages", "-png", str(pdf), str(folder / "map")], check=True)
    return [pixels(QImage(str(p))) for p in sorted(folder.glob("map-*.png"))]


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)[..., :3].astype(int)


@pytest.mark.parametrize("interpreter", ["child", "missing"])
def test_each_groups_map_prints_on_its_page_whether_the_child_or_this_process_draws_it(
        qapp, hunan, tmp_path, monkeypatch, interpreter):
    monkeypatch.setattr(handbook_pdf, "CHILD_FROM", 1)  # Hunan's three maps: a child only for many
    if interpreter == "missing":  # a machine where the child cannot start: the export draws every map itself
        monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    peaks = len(map_worker.PEAKS_KB)
    out = tmp_path / "h.pdf"
    export_handbook(hunan, out, HandbookOptions(print_date=dt.date(2025, 2, 20)))
    assert len(map_worker.PEAKS_KB) == peaks + (interpreter == "child")
    assert len(pages_with_images(out)) == 3
    printed = printed_maps(out, tmp_path)
    drawn = [pixels(route_image(hunan, Scope(g.id))) for g in hunan.tour.groups]
    # the PDF may store a map lossily (Qt picks JPEG when smaller): each printed map is its own group's,
    # nearly exactly, and clearly not another group's
    apart = [[np.abs(p - d).mean() for d in drawn] for p in printed]
    assert [row.index(min(row)) for row in apart] == [0, 1, 2] and max(map(min, apart)) < 2, apart
    assert min(x for i, row in enumerate(apart) for j, x in enumerate(row) if i != j) > 4 * max(map(min, apart))


def test_closing_before_every_map_was_taken_ends_the_child_at_once(qapp, hunan):
    slow = [sys.executable, "-c", "import sys, time; sys.stdin.readline(); print(0, flush=True); time.sleep(120)"]
    worker = MapWorker(jobs(hunan), command=slow)
    started = time.monotonic()
    worker.close()  # after a failed export: the maps are no longer wanted
    assert time.monotonic() - started < 10  # not the child's 120 s, nor the 60 s wait for a stalled one


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs a machine with two cores to take one away")
def test_with_a_single_core_no_child_starts_and_every_map_is_drawn_here(qapp, hunan):
    cores = os.sched_getaffinity(0)
    drawn_here = []
    try:
        os.sched_setaffinity(0, {min(cores)})
        peaks = len(map_worker.PEAKS_KB)
        with MapWorker(jobs(hunan)) as worker:
            for i in range(3):
                worker.image(i, lambda i=i: drawn_here.append(i) or QImage())
    finally:
        os.sched_setaffinity(0, cores)
    assert drawn_here == [0, 1, 2] and len(map_worker.PEAKS_KB) == peaks


def test_a_few_maps_are_drawn_here_without_starting_a_child(qapp, hunan, tmp_path):
    peaks = len(map_worker.PEAKS_KB)
    out = tmp_path / "h.pdf"
    export_handbook(hunan, out, HandbookOptions(print_date=dt.date(2025, 2, 20)))
    assert len(hunan.tour.groups) < handbook_pdf.CHILD_FROM and len(map_worker.PEAKS_KB) == peaks
    assert len(pages_with_images(out)) == 3
