"""The limits on a file's content at their edges, each refusal word for word, and the shape of a file error."""

from __future__ import annotations

import json

import pytest

from planner.io.errors import TourFileError
from planner.io.limits import (MAX_DEPTH, MAX_INT_DIGITS, MAX_NAME, MAX_PROBLEMS, MAX_STRING, LimitError,
                               parse_json, safe_text, string_problems)


def test_the_limits_themselves():
    assert (MAX_DEPTH, MAX_INT_DIGITS, MAX_STRING, MAX_NAME, MAX_PROBLEMS) == (64, 18, 10_000, 200, 20)


def test_nesting_up_to_the_limit_is_read_and_one_more_level_is_refused():
    assert parse_json("[" * 64 + "]" * 64) == json.loads("[" * 64 + "]" * 64)
    with pytest.raises(LimitError) as e:
        parse_json('{"a": ' * 65 + "1" + "}" * 65)
    assert str(e.value) == "嵌套超过 64 层 (nested more than 64 levels deep)"
    assert parse_json('{"t": "' + "[{" * 100 + '"}') == {"t": "[{" * 100}  # brackets in strings do not count
    assert parse_json('["a\\"[[", "]"]') == ['a"[[', "]"]


def test_integers_up_to_eighteen_digits():
    assert parse_json("[999999999999999999, -999999999999999999]") == [10**18 - 1, -(10**18 - 1)]
    with pytest.raises(LimitError) as e:
        parse_json("-1234567890123456789")
    assert str(e.value) == "整数有 19 位，超出范围 (an integer with 19 digits is out of range)"


@pytest.mark.parametrize("text, message", [
    ("1e999", "数字 1e999 超出范围 (the number 1e999 is out of range)"),
    ("-1e999", "数字 -1e999 超出范围 (the number -1e999 is out of range)"),
    ("NaN", "NaN 不是数字 (NaN is not a number)"),
    ("-Infinity", "-Infinity 不是数字 (-Infinity is not a number)")])
def test_numbers_must_be_finite(text, message):
    with pytest.raises(LimitError) as e:
        parse_json(text)
    assert str(e.value) == message
    assert parse_json("1.5e300") == 1.5e300


def test_strings_too_long_are_found_where_they_are():
    doc = {"title": "题" * MAX_NAME, "groups": [{"name": "组" * (MAX_NAME + 1), "notes": "注" * MAX_STRING},
                                                 {"notes": "注" * (MAX_STRING + 1)}], "tags": ["x" * (MAX_STRING + 1)]}
    assert string_problems(doc) == [
        (("groups", 0, "name"), "太长：201 字，最多 200 字 (too long: 201 characters, at most 200)"),
        (("groups", 1, "notes"), "太长：10001 字，最多 10000 字 (too long: 10001 characters, at most 10000)"),
        (("tags", 0), "太长：10001 字，最多 10000 字 (too long: 10001 characters, at most 10000)")]


def test_lone_surrogates_in_values_and_field_names():
    doc = {"sites": [{"name": "a\ud800b"}], "\udc00key\x1b": 1, "ok": "fine"}
    assert string_problems(doc) == [
        (("sites", 0, "name"), "含无效字符（孤立代理项，如 \\ud800）(contains a lone surrogate, e.g. \\ud800: "
                               "not valid Unicode text)"),
        ((), "字段名含无效字符（孤立代理项）(a field name contains a lone surrogate: \\udc00key\\x1b)")]
    assert string_problems(["\ud800"]) == [((0,), "含无效字符（孤立代理项，如 \\ud800）(contains a lone surrogate, "
                                                   "e.g. \\ud800: not valid Unicode text)")]


def test_the_walk_stops_going_deeper_after_twenty_problems():
    assert len(string_problems([{"name": "n" * 201}] * 30)) == MAX_PROBLEMS
    assert len(string_problems({"groups": [{"days": [{"notes": "x" * 10_001}]}] * 25})) == MAX_PROBLEMS


def test_safe_text_escapes_and_caps():
    assert safe_text("a\x00b\x7f\x9f\u200e\u202e\u2066c") == "a\\x00b\\x7f\\x9f\\u200e\\u202e\\u2066c"
    assert safe_text("x" * 300) == "x" * 300 and safe_text("x" * 301) == "x" * 299 + "…"
    assert safe_text("\x1b" * 80, cap=100) == "\\x1b" * 24 + "\\x1…"   # escaping counts toward the cap
    assert safe_text("ab", cap=2) == "ab" and safe_text("abc", cap=2) == "a…"


def test_a_file_error_shows_twenty_problems_and_counts_the_rest():
    e = TourFileError("/tmp/\x1bx.tour.json", [f"第 {i} 处" for i in range(1, 24)])
    assert e.path == "/tmp/\\x1bx.tour.json"
    assert e.problems == [f"第 {i} 处" for i in range(1, 21)] + ["…另有 3 处 (and 3 more)"]
    assert str(e) == "/tmp/\\x1bx.tour.json: " + "; ".join(e.problems)
    assert e.describe() == "\n".join(["/tmp/\\x1bx.tour.json:"] + [f"  {p}" for p in e.problems])
    exactly = TourFileError("a", ["p"] * 20)
    assert exactly.problems == ["p"] * 20 and str(exactly) == "a: " + "; ".join(["p"] * 20)
    assert TourFileError("a", ["x" * 400]).problems == ["x" * 299 + "…"]


def test_closing_brackets_count_one_level_each():
    text = "[" * 33 + "[]," + "[" * 32 + "]" * 32 + "]" * 33   # 65 levels deep after a closed pair
    with pytest.raises(LimitError):
        parse_json(text)


def test_long_literals_and_field_names_are_shown_cut_to_forty_characters():
    with pytest.raises(LimitError) as e:
        parse_json("9" * 45 + "e999")
    assert str(e.value) == f"数字 {'9' * 40} 超出范围 (the number {'9' * 40} is out of range)"
    key = "\ud800" + "k" * 44
    assert string_problems({key: 1, "name": "n" * 201}) == [
        ((), f"字段名含无效字符（孤立代理项）(a field name contains a lone surrogate: \\ud800{'k' * 39})"),
        (("name",), "太长：201 字，最多 200 字 (too long: 201 characters, at most 200)")]


def test_terminal_lines_are_capped_at_two_thousand_by_default():
    from planner.io.limits import safe_lines

    assert safe_lines("x" * 2000) == "x" * 2000 and safe_lines("x" * 2001) == "x" * 1999 + "…"
