"""Markers that would cover each other are set side by side, 20 px apart, and the grid that finds clashes in
linear time puts every marker exactly where comparing it with every placed marker does."""

import math
import random
import re

import pytest

from planner.model.site import Site
from planner.render.route_svg import _side_by_side, route_svg
from planner.render.routes import HOTEL, STOP, Marker, Route, RouteMap, Scope


def every_pair(points, right=math.inf):
    """The rule as first written: step right while any placed marker is within 19 px in both x and y; past
    `right`, step left from 20 px left of the point."""
    placed = []
    for x0, y in points:
        x, step = x0, 20.0
        while any(abs(x - px) < 19 and abs(y - py) < 19 for px, py in placed):
            x += step
            if step > 0 and x > right:
                x, step = x0 - 20, -20.0
        placed.append((x, y))
    return placed


CRAFTED = {
    "a pile on one point": [(100.0, 100.0)] * 30,
    "two piles whose rows meet": [(100.0, 100.0)] * 8 + [(130.0, 110.0)] * 8 + [(100.0, 100.0)] * 4,
    "just under and just at 19 px": [(0.0, 0.0), (18.999, 18.999), (19.0, 0.0), (0.0, 19.0), (-18.9, -0.1)],
    "around cell edges and below zero": [(19.99, 39.99), (20.0, 40.0), (-0.01, -20.01), (-20.0, -19.0),
                                         (0.3, 0.1), (39.9, 59.9), (40.1, 41.0)],
    "a pile after its row was taken by others": [(60.0, 5.0), (80.0, 5.0), (0.0, 5.0), (0.0, 5.0),
                                                 (20.5, 10.0), (0.0, 5.0), (0.0, 5.0)],
}


@pytest.mark.parametrize("name", CRAFTED)
def test_crafted_clashes_land_where_comparing_every_pair_puts_them(name):
    assert _side_by_side(CRAFTED[name]) == every_pair(CRAFTED[name])


@pytest.mark.parametrize("right", [math.inf, 708.0, 130.0])
def test_random_crowds_land_where_comparing_every_pair_puts_them(right):
    rng = random.Random(27)
    for _ in range(40):
        spots = [(rng.uniform(-50, 700), rng.uniform(-50, 500)) for _ in range(rng.randint(1, 25))]
        points = [rng.choice(spots) if rng.random() < 0.6 else (rng.uniform(0, 120), rng.uniform(0, 120))
                  for _ in range(rng.randint(1, 150))]
        assert _side_by_side(points, right) == every_pair(points, right)


def test_a_pile_at_the_edge_goes_on_leftwards_and_stays_on_the_map():
    assert _side_by_side([(684.0, 66.0)] * 4, right=708.0) == [(684.0, 66.0), (704.0, 66.0), (664.0, 66.0),
                                                                (644.0, 66.0)]


def test_stops_on_one_site_are_drawn_side_by_side_after_the_hotel_that_is_placed_first():
    """Sites at the equator: x = 360 + (lon − 0.1)·3240, y = 228 − lat·3240 (see test_route_svg_exact)."""
    hotel = Site(id="h", name="h", kind="hotel", lat=-0.05, lon=0.0)
    busy = Site(id="x", name="x", kind="enterprise", lat=0.05, lon=0.2)
    route = Route("a", "一组", "#d62728", points=[hotel, busy], km=3.0, stops=4)
    markers = [Marker(busy, STOP, n, ["a"]) for n in (1, 2, 3)] + [Marker(busy, HOTEL, groups=["a"]),
                                                                  Marker(hotel, HOTEL, groups=["a"])]
    svg = route_svg(RouteMap("T", Scope(), [route], markers), with_geography=False)
    circles = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*/><text[^>]*>(\d+)</text>', svg)
    # right of the hotel there is room for one (the frame ends at 720): the others go on to its left
    assert circles == [("704.0", "66.0", "1"), ("664.0", "66.0", "2"), ("644.0", "66.0", "3")]
    squares = re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="16"', svg)
    assert squares == [("676.0", "58.0"), ("28.0", "382.0")]  # hotel on the busy site keeps its own spot
