"""Each cell parser on its boundaries, with the exact reason (Chinese and English) a refused cell gets."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from planner.imports import cells
from planner.imports.cells import CellProblem


def refusal(parse, value) -> tuple[str, str]:
    with pytest.raises(CellProblem) as caught:
        parse(value)
    p = caught.value
    assert str(p) == p.en and p.text("en") == p.en and p.text("zh") == p.zh
    return p.zh, p.en


def test_a_problem_speaks_the_language_asked_for():
    p = CellProblem("中文", "English")
    assert (p.text("zh"), p.text("en"), str(p)) == ("中文", "English", "English")


def test_plain_text_of_typed_cells():
    assert cells.plain(12.0) == "12" and cells.plain(12.5) == "12.5" and cells.plain(7) == "7"
    assert cells.plain(datetime(2025, 3, 1, 9, 5)) == "2025-03-01 09:05"
    assert cells.plain(time(9, 5)) == "09:05"
    assert cells.plain(" ＡＢ１２　") == "AB12"  # full-width folded, outer (also ideographic) spaces gone
    assert cells.plain("x") == "x"


def test_text_keeps_a_string_as_typed_but_prints_numbers_plainly():
    assert cells.text("  ＡＢ  ") == "ＡＢ"
    assert cells.text(12.0) == "12" and cells.text(time(8, 0)) == "08:00"


def test_whole_numbers_within_their_range():
    parse = cells.whole(1, 99)
    assert [parse(v) for v in (1, 99, 12.0, "30人", "3 groups", "5 People", "１２", " 7 ")] == [1, 99, 12, 30, 3, 5, 12, 7]
    assert refusal(parse, True) == ("“True” 不是数字", "'True' is not a number")
    assert refusal(parse, 12.5) == ("“12.5” 不是整数", "'12.5' is not a whole number")
    assert refusal(parse, "三十") == ("“三十” 不是阿拉伯数字（请写作如 30）", "'三十' is not a number (write e.g. 30)")
    assert refusal(parse, 0) == ("0 超出范围 1–99", "0 is outside 1–99")
    assert refusal(parse, "100人") == ("100 超出范围 1–99", "100 is outside 1–99")


@pytest.mark.parametrize("value,expected", [
    (time(2, 15), 135), (time(0, 45), 45), (90, 90), (90.0, 90), (0, 0), (720, 720), ("2:05", 125), ("12:00", 720),
    ("1小时30分", 90), ("2h", 120), ("2小时", 120), ("45分钟", 45), ("1.5h", 90), ("90", 90), ("1h5", 65),
    ("1 hour 10 min", 70), ("0.25小时", 15)])
def test_minutes(value, expected):
    assert cells.minutes(value) == expected


def test_minutes_refused_with_the_reason():
    assert refusal(cells.minutes, 90.5) == ("“90.5” 不是整分钟数", "'90.5' is not whole minutes")
    assert refusal(cells.minutes, "abc") == ("“abc” 不是时长（如 90、90分钟、1.5小时）",
                                             "'abc' is not a duration (e.g. 90, 90 min, 1.5 h)")
    assert refusal(cells.minutes, "1.5小时x")[1] == "'1.5小时x' is not a duration (e.g. 90, 90 min, 1.5 h)"
    assert refusal(cells.minutes, "")[1] == "'' is not a duration (e.g. 90, 90 min, 1.5 h)"
    assert refusal(cells.minutes, True)[1] == "'True' is not a duration (e.g. 90, 90 min, 1.5 h)"
    assert refusal(cells.minutes, 721) == ("时长 721 分钟超出 0–720", "721 minutes is outside 0–720")
    assert refusal(cells.minutes, "12:01") == ("时长 721 分钟超出 0–720", "721 minutes is outside 0–720")
    assert refusal(cells.minutes, -5)[1] == "-5 minutes is outside 0–720"


@pytest.mark.parametrize("value,expected", [
    (datetime(2025, 1, 1, 14, 5), "14:05"), (time(8, 5), "08:05"), (0, "00:00"), (0.0, "00:00"), (0.375, "09:00"),
    (0.5, "12:00"), (0.6, "14:24"), (0.999, "23:59"), ("9:00", "09:00"), ("00:00", "00:00"), ("23:59", "23:59"),
    ("9:59", "09:59"), ("9:30:15", "09:30"), ("9点半", "09:30"), ("14点", "14:00"), ("14点5分", "14:05"),
    ("9时15", "09:15"), ("9：00", "09:00")])
def test_clock(value, expected):
    assert cells.clock(value) == expected


def test_clock_refused_with_the_reason():
    assert refusal(cells.clock, 0.99999) == ("“0.99999” 不是一天中的时刻", "'0.99999' is not a time of day")
    assert refusal(cells.clock, 1.5) == ("“1.5” 不是一天中的时刻", "'1.5' is not a time of day")
    assert refusal(cells.clock, -0.1)[1] == "'-0.1' is not a time of day"
    assert refusal(cells.clock, True) == ("“True” 不是时刻（如 09:00）", "'True' is not a time (e.g. 09:00)")
    assert refusal(cells.clock, "nine") == ("“nine” 不是时刻（如 09:00）", "'nine' is not a time (e.g. 09:00)")
    assert refusal(cells.clock, "24:00") == ("“24:00” 不是一天中的时刻（00:00–23:59）",
                                            "'24:00' is not a time of day (00:00–23:59)")
    assert refusal(cells.clock, "9:60")[1] == "'9:60' is not a time of day (00:00–23:59)"


def test_opening_hours():
    assert cells.hours("9:00-17:00") == [("09:00", "17:00")]
    assert cells.hours("9:00~12:00、14:00至17:00") == [("09:00", "12:00"), ("14:00", "17:00")]
    assert cells.hours("09:00-12:00, ,13:00-17:00") == [("09:00", "12:00"), ("13:00", "17:00")]
    assert cells.hours("All Day") == [] and cells.hours("全天") == [] and cells.hours("不限") == []
    assert refusal(cells.hours, "9:00") == ("“9:00” 不是时段（如 09:00-17:00）",
                                           "'9:00' is not a time span (e.g. 09:00-17:00)")
    assert refusal(cells.hours, "17:00-09:00") == ("时段 17:00–09:00 结束不晚于开始",
                                                  "span 17:00–09:00 does not end after it starts")
    assert refusal(cells.hours, "09:00-09:00")[1] == "span 09:00–09:00 does not end after it starts"


@pytest.mark.parametrize("value,expected", [
    ("无", ([], False)), ("None", ([], False)), ("-", ([], False)), ("周一及法定节假日", ([1], True)),
    ("holidays", ([], True)), ("Mon, Sun", ([1, 7], False)), ("MONDAY", ([1], False)), ("Tuesday", ([2], False)),
    ("周一, Sun", ([1, 7], False)), ("1,7", ([1, 7], False)), ("7", ([7], False)), ("1", ([1], False)),
    ("周六、周日（2天）", ([6, 7], False)), ("星期三", ([3], False)), ("礼拜天", ([7], False)),
    ("周日、周一、周一", ([1, 7], False)), ("节假日Mon", ([1], True))])
def test_closed_days(value, expected):
    assert cells.closed_days(value) == expected


def test_closed_days_refused_with_the_reason():
    assert refusal(cells.closed_days, "0") == ("“0” 中的数字应为 1–7（周一=1）", "'0': weekday numbers are 1–7 (Monday = 1)")
    assert refusal(cells.closed_days, "8")[1] == "'8': weekday numbers are 1–7 (Monday = 1)"
    assert refusal(cells.closed_days, "看情况") == ("“看情况” 不是闭馆日（如 周一、周一及法定节假日）",
                                                 "'看情况' is not a closing day (e.g. Mon, or 周一及法定节假日)")
    assert refusal(cells.closed_days, "每周")[1] == "'每周' is not a closing day (e.g. Mon, or 周一及法定节假日)"
    assert refusal(cells.closed_days, "周一看情况")[1].startswith("'周一看情况' is not a closing day")


def test_items_in_one_cell():
    assert cells.items("a, b; c") == ["a", "b", "c"]
    assert cells.items("乡村振兴、、文旅融合\n数字经济") == ["乡村振兴", "文旅融合", "数字经济"]
    assert cells.items(12.0) == ["12"]


def test_decimal_degrees():
    lat = cells.decimal(-90, 90, "纬度", "latitude")
    assert [lat(v) for v in ("30.5°", 30.5, -90, 90, "90")] == [30.5, 30.5, -90.0, 90.0, 90.0]
    assert refusal(lat, "abc") == ("“abc” 不是纬度", "'abc' is not a latitude")
    assert refusal(lat, 91) == ("纬度 91.0 超出 -90–90", "latitude 91.0 is outside -90–90")
    assert refusal(lat, -90.5)[1] == "latitude -90.5 is outside -90–90"
    assert refusal(lat, "30X") == ("“30X” 不是纬度", "'30X' is not a latitude")
