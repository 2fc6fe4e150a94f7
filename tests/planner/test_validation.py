"""Validation refuses what cannot be true, naming the field, the value and where it is."""

import json

import pytest

from planner.io.errors import TourFileError
from planner.io.fileformat import load_tour

BASE = {
    "format": "study-tour/tour", "version": 1, "title": "测试", "start_date": "2025-02-23",
    "end_date": "2025-02-28",
    "sites": [{"id": "hotel", "name": "酒店", "kind": "hotel", "lat": 30.2, "lon": 120.1},
              {"id": "mill", "name": "羊毛衫市场", "kind": "enterprise", "lat": 30.6, "lon": 120.5}],
    "groups": [{"id": "g1", "name": "第一组", "days": [
        {"date": "2025-02-24", "start": "hotel", "end": "hotel",
         "activities": [{"kind": "visit", "site": "mill", "minutes": 60}]}]}],
}


def load(tmp_path, mutate):
    doc = json.loads(json.dumps(BASE))
    mutate(doc)
    path = tmp_path / "t.tour.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TourFileError) as info:
        load_tour(path)
    return "\n".join(info.value.problems)


def test_the_base_document_is_valid(tmp_path):
    path = tmp_path / "ok.tour.json"
    path.write_text(json.dumps(BASE, ensure_ascii=False), encoding="utf-8")
    assert load_tour(path).groups[0].days[0].activities[0].site == "mill"


def test_latitude_123(tmp_path):
    msg = load(tmp_path, lambda d: d["sites"][1].update(lat=123))
    assert "sites[1]（羊毛衫市场）.lat = 123" in msg and "90" in msg


def test_a_time_of_25_00(tmp_path):
    msg = load(tmp_path, lambda d: d.update(day_window={"start": "08:00", "end": "25:00"}))
    assert "day_window.end = '25:00'" in msg and "25:00" in msg


def test_negative_minutes(tmp_path):
    msg = load(tmp_path, lambda d: d["groups"][0]["days"][0]["activities"][0].update(minutes=-5))
    assert "groups[0]（第一组）.days[0]（2025-02-24）.activities[0].minutes = -5" in msg


def test_duplicate_site_ids(tmp_path):
    msg = load(tmp_path, lambda d: d["sites"][1].update(id="hotel"))
    assert "sites[1]（羊毛衫市场）.id: 编号“hotel”重复，已用于 [0]" in msg


def test_an_activity_pointing_at_a_missing_site(tmp_path):
    msg = load(tmp_path, lambda d: d["groups"][0]["days"][0]["activities"][0].update(site="nowhere"))
    assert "groups[0]（第一组）.days[0]（2025-02-24）.activities[0].site" in msg and "nowhere" in msg


def test_a_day_outside_the_tour_dates(tmp_path):
    msg = load(tmp_path, lambda d: d["groups"][0]["days"][0].update(date="2025-03-02"))
    assert "groups[0]（第一组）.days[0]" in msg and "2025-03-02" in msg and "2025-02-28" in msg


def test_opening_hours_that_end_before_they_start(tmp_path):
    msg = load(tmp_path, lambda d: d["sites"][1].update(hours=[{"start": "17:00", "end": "09:00"}]))
    assert "sites[1]（羊毛衫市场）.hours[0]" in msg and "17:00" in msg


def test_messages_in_english_too(tmp_path):
    doc = json.loads(json.dumps(BASE))
    doc["sites"][1]["lat"] = 123
    path = tmp_path / "t.tour.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(TourFileError) as info:
        load_tour(path, lang="en")
    assert "less than or equal to 90" in info.value.problems[0]
