"""Bounded input: hostile or odd files give one short message (exit 2), never a crash or a hang."""

import json
import tracemalloc
from pathlib import Path

import pytest

from planner.io.errors import TourFileError
from planner.io.fileformat import load_catalogue, load_tour
from planner.io.limits import MAX_MESSAGE, safe_text
from ui.cli import main

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def hunan():
    return json.loads((SEEDS / "hunan-2025.tour.json").read_text(encoding="utf-8"))


def write(tmp_path, doc_or_text, name="x.tour.json"):
    path = tmp_path / name
    text = doc_or_text if isinstance(doc_or_text, str) else json.dumps(doc_or_text, ensure_ascii=False)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def refused(path, *expected, loader=load_tour):
    with pytest.raises(TourFileError) as info:
        loader(path)
    message = info.value.describe()
    for e in expected:
        assert e in message, message
    return message


def check_exits_2(path, capsys):
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err) < 2 * MAX_MESSAGE + 200
    return err


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path, capsys):
    doc = hunan()
    doc["notes"] = "x"
    text = json.dumps(doc, ensure_ascii=False)
    path = write(tmp_path, text[:-1] + ', "deep": ' + "[" * 1000 + "]" * 1000 + "}")
    refused(path, "nest")
    check_exits_2(path, capsys)


def test_a_huge_integer_is_refused(tmp_path, capsys):
    text = json.dumps(hunan(), ensure_ascii=False).replace('"lunch_minutes": 45', '"lunch_minutes": ' + "9" * 4301)
    path = write(tmp_path, text)
    refused(path, "digits")
    check_exits_2(path, capsys)


@pytest.mark.parametrize("literal", ["1e999", "-1e999", "NaN", "Infinity", "-Infinity"])
def test_numbers_must_be_finite(tmp_path, capsys, literal):
    text = json.dumps(hunan(), ensure_ascii=False).replace('"km": 16', '"km": ' + literal, 1)
    path = write(tmp_path, text)
    refused(path, literal)
    check_exits_2(path, capsys)


@pytest.mark.parametrize("field, value, expected", [
    ("speed_kmh", 5e-324, "speed_kmh"), ("urban_speed_kmh", 1e-300, "urban_speed_kmh"),
])
def test_absurd_speeds_are_refused_not_an_overflow(tmp_path, capsys, field, value, expected):
    doc = hunan()
    doc["travel"][field] = value
    path = write(tmp_path, doc)
    refused(path, expected)
    check_exits_2(path, capsys)


def test_an_absurd_override_distance_is_refused(tmp_path, capsys):
    doc = hunan()
    doc["travel"]["overrides"][0]["km"] = 1e300
    path = write(tmp_path, doc)
    refused(path, "km")
    check_exits_2(path, capsys)


@pytest.mark.parametrize("where", ["title", "time"])
def test_a_lone_surrogate_is_refused_naming_the_field(tmp_path, capsys, where):
    doc = hunan()
    if where == "title":
        text = json.dumps(doc, ensure_ascii=True).replace('"title": "\\u', '"title": "\\ud800\\u', 1)
        expected = "title"
    else:
        doc["day_window"]["start"] = "PLACEHOLDER"
        text = json.dumps(doc, ensure_ascii=True).replace("PLACEHOLDER", "08:\\udc0000")
        expected = "day_window.start"
    path = write(tmp_path, text)
    message = refused(path, expected, "surrogate")
    assert "\ud800" not in message and "\udc00" not in message  # printable and encodable
    check_exits_2(path, capsys)


def test_strings_have_a_length_limit_and_names_a_shorter_one(tmp_path, capsys):
    doc = hunan()
    doc["notes"] = "长" * 20_000
    refused(write(tmp_path, doc), "notes", "10000")
    doc = hunan()
    doc["title"] = "名" * 10_000_000
    path = write(tmp_path, doc)
    message = refused(path, "title", "200")
    assert len(message) < MAX_MESSAGE * 2
    check_exits_2(path, capsys)


def test_a_tour_longer_than_a_year_is_refused_with_the_reason(tmp_path, capsys):
    doc = hunan()
    doc["start_date"], doc["end_date"] = "0001-01-01", "9999-12-31"
    path = write(tmp_path, doc)
    tracemalloc.start()  # refused before its 3.65 million days are made (each would take memory)
    try:
        message = refused(path, "366")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000
    assert "end_date" in message
    check_exits_2(path, capsys)


@pytest.mark.parametrize("value, expected", [(0.35, "08:24"), (0.5, "12:00"), (0, "00:00")])
def test_a_spreadsheet_time_as_a_fraction_of_a_day_is_converted(tmp_path, value, expected):
    doc = hunan()
    doc["groups"][0]["days"][0]["activities"][0]["pinned"] = value
    t = load_tour(write(tmp_path, doc))
    assert t.groups[0].days[0].activities[0].pinned.strftime("%H:%M") == expected


@pytest.mark.parametrize("value", [1.5, -0.1, 830, True, 1e308])  # 1e308: × 1440 overflows (fuzz find)
def test_a_number_that_is_no_time_of_day_is_refused_clearly(tmp_path, capsys, value):
    doc = hunan()
    doc["groups"][0]["days"][0]["activities"][0]["pinned"] = value
    path = write(tmp_path, doc)
    refused(path, "pinned", "08:30")  # the message shows how a time is written
    check_exits_2(path, capsys)


def test_a_catalogue_with_a_spreadsheet_time_loads(tmp_path):
    doc = json.loads((SEEDS / "catalogue.sites.json").read_text(encoding="utf-8"))
    doc["sites"][0]["hours"] = [{"start": 0.375, "end": 0.7083333333}]
    cat = load_catalogue(write(tmp_path, doc, "c.sites.json"))
    assert [(h.start.strftime("%H:%M"), h.end.strftime("%H:%M")) for h in cat.sites[0].hours] == [("09:00", "17:00")]


def test_messages_escape_control_characters_and_are_capped():
    shown = safe_text("bad\x1b[31mred\x07\u202e" + "x" * 1000)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b[31mred" in shown and shown.endswith("…") and len(shown) <= MAX_MESSAGE


def test_an_ansi_escape_in_a_name_reaches_the_terminal_escaped(tmp_path, capsys):
    doc = hunan()
    doc["groups"][0]["name"] = "\x1b[2J" + "组" * 100
    path = write(tmp_path, doc)
    err = check_exits_2(path, capsys)
    assert "\x1b" not in err and "\\x1b[2J" in err
