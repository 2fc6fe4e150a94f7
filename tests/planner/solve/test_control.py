"""The solver's clock stop: twice the limit unless a slower run (an instrumented copy) asks for more."""

from __future__ import annotations

import math

import pytest

from planner.solve.control import _safety


@pytest.mark.parametrize("text, expected", [
    (None, 2.0), ("", 2.0), ("30", 30.0), ("2.5", 2.5),
    ("2", 2.0), ("1", 2.0), ("-5", 2.0), ("0", 2.0),  # never below the shipped factor
    ("many", 2.0), ("nan", 2.0), ("inf", 2.0),       # nonsense is ignored, not obeyed
])
def test_the_clock_stop_factor_from_the_environment(text, expected):
    value = _safety(text)
    assert value == expected and math.isfinite(value)
