"""The benchmark reader and checker on tiny hand-written files: every number worked out by hand."""

from __future__ import annotations

import pytest

from planner.solve.model import Plan, RoutePlan, Visit, Window
from planner.solve.toptw import Point, check, instance, read_points, tenths

# Righini–Salani layout: "k v N t", then "D Q", then N+1 rows "i x y d S f a [list] O C".
FILE = """1 9 2 7
0   0

0  10.0  20.0  0.0   0  0  0      0.0 100.0
1  13.0  24.0  2.5   7  1  1  1   10.0 40.0
2\t10.0\t21.5\t1.0\t12.0\t1\t2\t1\t2\t3.5\t95.0
"""


def _read(tmp_path, text: str = FILE) -> list[Point]:
    path = tmp_path / "c101.txt"
    path.write_text(text)
    return read_points(path)


def test_read_points_takes_coordinates_duration_score_and_the_last_two_fields_as_the_window(tmp_path):
    pts = _read(tmp_path)
    assert pts == [Point(10.0, 20.0, 0.0, 0, 0.0, 100.0), Point(13.0, 24.0, 2.5, 7, 10.0, 40.0),
                   Point(10.0, 21.5, 1.0, 12, 3.5, 95.0)]
    assert [type(p.score) for p in pts] == [int, int, int]


def test_read_points_stops_after_the_depot_and_n_points(tmp_path):
    assert len(_read(tmp_path, FILE + "3 1.0 1.0 1.0 1 1 1 1 0.0 9.0\n")) == 3


def test_read_points_says_how_many_rows_a_short_file_has(tmp_path):
    short = "\n".join(FILE.splitlines()[:-1]) + "\n"
    with pytest.raises(ValueError) as err:
        _read(tmp_path, short)
    assert str(err.value) == f"{tmp_path / 'c101.txt'}: 2 points, expected 3"


def test_tenths_truncate_the_distance():
    a, b = Point(0, 0, 0, 0, 0, 0), Point(3, 4, 0, 0, 0, 0)
    assert tenths(a, b) == 50 and tenths(b, a) == 50
    assert tenths(a, Point(1, 1, 0, 0, 0, 0)) == 14          # 14.14… truncated
    assert tenths(a, Point(0.06, 0.0, 0, 0, 0, 0)) == 0      # 0.6 tenths truncated
    assert tenths(Point(1, 2, 0, 0, 0, 0), Point(1, 2.35, 0, 0, 0, 0)) == 3


def test_instance_scales_to_tenths_and_makes_one_route_per_vehicle(tmp_path):
    inst = instance(_read(tmp_path), 2)
    assert inst.travel == [[0, 50, 15], [50, 0, 39], [15, 39, 0]]
    assert [(s.id, s.location, s.duration, s.score, s.windows) for s in inst.stops] == [
        ("1", 1, 25, 7, (Window(100, 400),)), ("2", 2, 10, 12, (Window(35, 950),))]
    assert all(s.required is False and s.routes is None for s in inst.stops)
    assert [(r.id, r.start, r.end, r.earliest, r.latest, r.day) for r in inst.routes] == [
        ("r0", 0, 0, 0, 1000, 0), ("r1", 0, 0, 0, 1000, 0)]


def test_instance_takes_the_depot_opening_as_the_start():
    inst = instance([Point(0, 0, 0, 0, 1.5, 30.0), Point(1, 0, 0.5, 3, 0, 30.0)], 1)
    assert (inst.routes[0].earliest, inst.routes[0].latest) == (15, 300)


def _plan(*routes: tuple[str, list[tuple[str, int]]]) -> Plan:
    rps = {rid: RoutePlan(rid, 0, 0, tuple(Visit(s, t) for s, t in visits)) for rid, visits in routes}
    return Plan(rps, 0, 0, 0)


def test_check_re_walks_with_earliest_starts_and_sums_the_scores(tmp_path):
    inst = instance(_read(tmp_path), 2)
    # r0: depot -> 2 (arrive 15, opens 35, ends 45) -> 1 (arrive 84, opens 100, ends 125) -> depot at 175
    assert check(inst, _plan(("r0", [("2", 0), ("1", 0)]), ("r1", []))) == 19
    assert check(inst, _plan(("r0", []), ("r1", [("1", 0)]))) == 7


def test_check_refuses_a_stop_visited_twice(tmp_path):
    inst = instance(_read(tmp_path), 2)
    with pytest.raises(ValueError, match=r"^2 visited twice$"):
        check(inst, _plan(("r0", [("2", 0)]), ("r1", [("2", 0)])))


def test_check_refuses_a_start_after_the_window(tmp_path):
    pts = _read(tmp_path)
    pts[1] = Point(13.0, 24.0, 2.5, 7, 0.0, 4.9)   # must start by 49; reached at 50
    inst = instance(pts, 1)
    with pytest.raises(ValueError, match=r"^1 starts at 50, after 49$"):
        check(inst, _plan(("r0", [("1", 0)])))
    pts[1] = Point(13.0, 24.0, 2.5, 7, 0.0, 5.0)   # a start exactly at the latest is fine
    assert check(instance(pts, 1), _plan(("r0", [("1", 0)]))) == 7


def test_check_refuses_a_route_back_late(tmp_path):
    pts = _read(tmp_path)
    pts[1] = Point(13.0, 24.0, 2.5, 7, 0.0, 40.0)
    pts[0] = Point(10.0, 20.0, 0.0, 0, 0.0, 12.4)  # 50 out, 25 there, 50 back: 125 > 124
    with pytest.raises(ValueError, match=r"^route r0 returns late$"):
        check(instance(pts, 1), _plan(("r0", [("1", 0)])))
    pts[0] = Point(10.0, 20.0, 0.0, 0, 0.0, 12.5)  # back exactly at the budget
    assert check(instance(pts, 1), _plan(("r0", [("1", 0)]))) == 7
