"""Outlines cut to the drawing: hand-worked cuts, and the rules every cut keeps."""

from __future__ import annotations

from xml.etree import ElementTree

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.render.clip import clip_ring, clip_rings
from planner.render.route_svg import CLIP_MARGIN, route_svg
from planner.render.routes import Scope, build_route_map
from planner.schedule.scheduler import schedule
from tests.planner.test_route_svg_geography import SEED, SVG
from planner.io.fileformat import load_tour

SQUARE = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=float)


def test_a_square_cut_by_one_side_keeps_the_part_inside_closed():
    assert clip_ring(SQUARE, (5, -1, 20, 20)).tolist() == [[5, 0], [10, 0], [10, 10], [5, 10], [5, 0]]


def test_a_square_cut_at_a_corner_keeps_the_quarter_inside():
    assert clip_ring(SQUARE, (5, 5, 20, 20)).tolist() == [[10, 5], [10, 10], [5, 10], [5, 5], [10, 5]]


def test_a_ring_wholly_inside_is_kept_as_it_is_and_one_wholly_outside_is_dropped():
    assert clip_ring(SQUARE, (-1, -1, 11, 11)) is SQUARE
    assert clip_ring(SQUARE, (20, 20, 30, 30)).shape == (0, 2)
    assert clip_ring(SQUARE, (-5, 10.5, 20, 20)).shape == (0, 2)  # overlapping in x only
    assert clip_ring(SQUARE[:0], (0, 0, 1, 1)).shape == (0, 2)


@pytest.mark.parametrize("box", [(10, -5, 20, 15), (-10, -5, 0, 15), (-5, 10, 15, 20), (-5, -10, 15, 0)])
def test_a_ring_only_touching_the_box_from_outside_has_nothing_in_it(box):
    assert clip_ring(SQUARE, box).shape == (0, 2)
    assert clip_rings(SQUARE, [5], box) == []


def test_a_ring_touching_the_sides_from_inside_comes_back_as_it_is_not_copied():
    assert clip_ring(SQUARE, (0, 0, 10, 10)) is SQUARE
    points = np.concatenate([SQUARE, SQUARE + 5])
    whole, cut = clip_rings(points, [5, 5], (0, 0, 10, 10))
    assert np.shares_memory(whole, points) and whole.tolist() == SQUARE.tolist()
    assert not np.shares_memory(cut, points) and cut.tolist() == [[10, 10], [5, 10], [5, 5], [10, 5], [10, 10]]


def test_rings_end_to_end_come_back_cut_in_order_without_the_ones_outside():
    far = SQUARE + 100
    small = SQUARE / 10 + 2
    cut = clip_rings(np.concatenate([SQUARE, far, small]), [5, 5, 5], (5, -1, 20, 20))
    assert [ring.tolist() for ring in cut] == [[[5, 0], [10, 0], [10, 10], [5, 10], [5, 0]]]
    inside = clip_rings(np.concatenate([small, SQUARE]), [5, 5], (0, 0, 10, 10))
    assert [ring.tolist() for ring in inside] == [small.tolist(), SQUARE.tolist()]


coordinate = st.floats(-50, 50, allow_nan=False).map(lambda v: round(v, 2))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(coordinate, coordinate), min_size=3, max_size=12))
def test_a_cut_stays_in_the_box_and_keeps_every_corner_that_was_inside(points):
    ring = np.array(points + points[:1], dtype=float)
    box = (-10.0, -20.0, 15.0, 5.0)
    cut = clip_ring(ring, box)
    if len(cut):
        assert (cut[:, 0] >= box[0] - 1e-9).all() and (cut[:, 0] <= box[2] + 1e-9).all()
        assert (cut[:, 1] >= box[1] - 1e-9).all() and (cut[:, 1] <= box[3] + 1e-9).all()
        assert cut[0].tolist() == cut[-1].tolist()  # closed
    kept = {tuple(row) for row in cut.tolist()}
    for x, y in points:
        if box[0] < x < box[2] and box[1] < y < box[3]:
            assert (x, y) in kept


def test_a_route_maps_outlines_stop_just_outside_the_drawing():
    """Hunan's first group spans two provinces: their outlines reach far beyond the picture, and are cut."""
    svg = route_svg(build_route_map(schedule(load_tour(SEED)), Scope("g1")), 720, 480)
    polygons = [el for el in ElementTree.fromstring(svg).iter(f"{SVG}polygon")]
    xy = np.array([[float(v) for v in pair.split(",")] for el in polygons for pair in el.get("points").split()])
    assert len(polygons) > 20
    low, high = xy.min(axis=0).tolist(), xy.max(axis=0).tolist()
    assert low == [-CLIP_MARGIN, -CLIP_MARGIN]  # cut on the west and north: the land goes on
    assert high[0] <= 720 + CLIP_MARGIN and high[1] == 480 + CLIP_MARGIN  # and south; the east is sea


def test_a_cut_point_lies_exactly_on_the_side_even_where_the_arithmetic_rounds():
    """(−0.3, 0.2) → (0.9, 1.1) crosses x = 0.1 at 0.1 + 3e-17 by the formula: the side is set exactly."""
    ring = np.array([[-0.3, 0.2], [0.9, 1.1], [0.9, -1.0], [-0.3, 0.2]])
    cut = clip_ring(ring, (0.1, -5.0, 5.0, 5.0))
    assert cut[:, 0].tolist() == [0.1, 0.9, 0.9, 0.1, 0.1]  # two cut points (and the ring's closing repeat)


def test_a_ring_that_starts_inside_comes_back_without_a_doubled_corner():
    ring = np.array([[10, 10], [0, 10], [0, 0], [10, 0], [10, 10]], dtype=float)
    # the edge (10, 10) → (0, 10) gives the first point; (10, 10) itself comes once, last
    assert clip_ring(ring, (5, -1, 20, 20)).tolist() == [[5, 10], [5, 0], [10, 0], [10, 10], [5, 10]]


def test_a_narrow_ring_touching_from_outside_is_dropped_and_an_open_ring_is_cut_like_a_closed_one():
    narrow = np.array([[0, 0], [4, 0], [4, 10], [0, 10], [0, 0]], dtype=float)
    assert clip_ring(narrow, (4, -5, 20, 15)).shape == (0, 2)  # its right side is the box's left
    assert clip_ring(SQUARE[:-1], (5, -1, 20, 20)).tolist() == clip_ring(SQUARE, (5, -1, 20, 20)).tolist()
