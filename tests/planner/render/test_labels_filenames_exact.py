"""Dates, weekdays and durations as the exports print them, and file names made from user text."""

import datetime as dt

import pytest

from planner.render.coords import identity
from planner.render.filenames import file_stem
from planner.render.labels import day_label, duration, short_date, weekday, weekday_of

MONDAY, SUNDAY = dt.date(2025, 2, 24), dt.date(2025, 12, 7)


def test_weekdays_in_both_languages_from_a_date_or_an_iso_number():
    assert [weekday(MONDAY + dt.timedelta(days=i)) for i in range(7)] == [
        "周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    assert [weekday(MONDAY + dt.timedelta(days=i), "en") for i in (0, 6)] == ["Monday", "Sunday"]
    assert [weekday_of(i) for i in (1, 3, 7)] == ["周一", "周三", "周日"]
    assert [weekday_of(i, "en") for i in (1, 7)] == ["Monday", "Sunday"]


def test_day_labels_and_short_dates():
    assert day_label(MONDAY) == "2月24日（周一）"
    assert day_label(SUNDAY) == "12月7日（周日）"
    assert day_label(MONDAY, "en") == "Mon 24 Feb"
    assert day_label(SUNDAY, "en") == "Sun 7 Dec"
    assert (short_date(MONDAY), short_date(SUNDAY, "en")) == ("2月24日", "7 Dec")


@pytest.mark.parametrize(("minutes", "zh", "en"), [
    (0, "0分钟", "0 min"), (59, "59分钟", "59 min"), (60, "1小时00分", "1 h 00 min"),
    (125, "2小时05分", "2 h 05 min"), (-5, "-5分钟", "-5 min"), (-75, "-1小时15分", "-1 h 15 min")])
def test_durations_read_in_hours_and_minutes_with_a_sign_when_short(minutes, zh, en):
    assert (duration(minutes), duration(minutes, "en")) == (zh, en)


def test_identity_keeps_coordinates():
    assert identity(30.27, 120.15) == (30.27, 120.15)


@pytest.mark.parametrize(("parts", "stem"), [
    (("g1", "第一组"), "g1-第一组"),
    (("a/b:c",), "a_b_c"),
    (('a<>:"/\\|?*b',), "a_b"),
    (("a\x00b\x1fc\x7fd",), "a_b_c_d"),
    ((" .x. ", "y"), "x-y"),
    (("a", "...", "", "b"), "a-b"),
    (("a", "//"), "a"),
    (("X",), "X"),
    (("g1X", "Xb"), "g1X-Xb"),
    (("中 文",), "中 文"),
    ((), "export"),
    (("//",), "export"),
    (("con",), "_con"),
    (("CON.txt",), "_CON.txt"),
    (("nul",), "_nul"),
    (("com1",), "_com1"),
    (("lpt9",), "_lpt9"),
    (("com10",), "com10"),
    (("com0",), "com0"),
    (("console",), "console"),
])
def test_file_stems_are_safe_everywhere(parts, stem):
    assert file_stem(*parts) == stem


def test_file_stems_are_cut_at_the_limit_without_a_trailing_space_or_dot():
    assert file_stem("x" * 100) == "x" * 80
    assert file_stem("x" * 79 + " b") == "x" * 79
    assert file_stem("x" * 79 + ".b") == "x" * 79
    assert file_stem("abcdef", limit=3) == "abc"
    assert file_stem("ab", "cd", limit=4) == "ab-c"
