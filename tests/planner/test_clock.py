"""Clock times: what a file or a spreadsheet may say, what is refused and how minutes print."""

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from planner.model.clock import Clock, TimeSpan, fmt, minutes

CLOCK = TypeAdapter(Clock)


@pytest.mark.parametrize(("text", "expected"), [
    ("00:30", dt.time(0, 30)), ("8:05", dt.time(8, 5)), (" 08:30 ", dt.time(8, 30)), ("23:59", dt.time(23, 59)),
    ("00:00", dt.time(0, 0)), ("08:30:00", dt.time(8, 30)), (dt.time(9, 15), dt.time(9, 15)),
    (0, dt.time(0, 0)), (0.35, dt.time(8, 24)), (0.5, dt.time(12, 0)), (0.9993, dt.time(23, 59))])
def test_times_a_file_may_hold(text, expected):
    assert CLOCK.validate_python(text) == expected


@pytest.mark.parametrize("text", ["24:00", "23:60", "-1:00", "08", "8:5:3:1", "ab:cd", "", "08:3x"])
def test_impossible_times_are_refused_quoting_the_value(text):
    with pytest.raises(ValidationError) as err:
        CLOCK.validate_python(text)
    (e,) = err.value.errors()
    assert e["type"] == "clock"
    assert e["msg"] == f"'{text.strip()}' is not a time of day (00:00–23:59)"


@pytest.mark.parametrize(("number", "shown"), [(1, "1"), (830, "830"), (1.5, "1.5"), (-0.1, "-0.1"), (-1, "-1"),
                                               (0.9997, "0.9997"), (True, "true")])
def test_numbers_that_are_not_a_fraction_of_a_day_are_refused_saying_how_to_write_times(number, shown):
    with pytest.raises(ValidationError) as err:
        CLOCK.validate_python(number)
    (e,) = err.value.errors()
    assert e["type"] == "clock_number" and e["ctx"] == {"value": shown}
    assert e["msg"] == (f'the number {shown} is not a time of day: write times as "08:30" '
                        "(a number from 0 to 1 is read as a spreadsheet's fraction of a day)")


def test_a_clock_is_saved_as_hh_mm():
    assert CLOCK.dump_python(dt.time(8, 5)) == "08:05" and CLOCK.dump_json(dt.time(0, 30)) == b'"00:30"'


def test_minutes_and_their_printing():
    assert minutes(dt.time(0, 30)) == 30 and minutes(dt.time(23, 59)) == 1439
    assert [fmt(m) for m in (0, 30, 605, 1450, -75)] == ["00:00", "00:30", "10:05", "24:10", "-01:15"]


def test_a_span_ends_after_it_starts():
    span = TimeSpan(start="11:30", end="13:30")
    assert (span.start_min, span.end_min) == (690, 810)
    assert TimeSpan(start="11:30", end="11:31").end_min == 691
    for end in ("11:30", "11:29"):
        with pytest.raises(ValidationError) as err:
            TimeSpan(start="11:30", end=end)
        (e,) = err.value.errors()
        assert e["type"] == "span_order" and e["ctx"] == {"start": "11:30", "end": end}
