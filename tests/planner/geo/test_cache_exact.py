"""The geocoder's answers on disk: readable, newest kept, a re-asked question counted as new, no clutter."""

from __future__ import annotations

import json

from planner.geo import cache as cache_module
from planner.geo.cache import MAX_ENTRIES, GeoCache


def test_answers_are_kept_as_readable_json_in_folders_made_for_them(tmp_path):
    path = tmp_path / "app" / "data" / "geocache.json"
    cache = GeoCache(path)
    cache.put("baidu|天安门", {"lat": 39.9, "lon": 116.4})
    cache.put("nominatim|没有", None)
    assert json.loads(path.read_text(encoding="utf-8")) == {"baidu|天安门": {"lat": 39.9, "lon": 116.4},
                                                           "nominatim|没有": None}
    assert "天安门" in path.read_text(encoding="utf-8")                       # not \\u escapes
    assert sorted(p.name for p in path.parent.iterdir()) == ["geocache.json"]  # no versions kept of a cache
    again = GeoCache(path)
    assert again.get("baidu|天安门") == {"lat": 39.9, "lon": 116.4} and again.get("nominatim|没有") is None
    assert again.get("baidu|别处") is GeoCache.MISSING


def test_an_answer_given_again_counts_as_the_newest(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 2)
    cache = GeoCache(tmp_path / "c.json")
    for key in ("a", "b", "a", "c"):
        cache.put(key, {"q": key})
    assert list(json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))) == ["a", "c"]
    assert cache.get("b") is GeoCache.MISSING and MAX_ENTRIES == 5000


def test_a_file_that_is_json_but_not_a_table_is_treated_as_empty(tmp_path):
    path = tmp_path / "c.json"
    path.write_text('["baidu|x", {"lat": 1}]', encoding="utf-8")
    assert GeoCache(path).get("baidu|x") is GeoCache.MISSING


def test_a_cache_without_a_file_still_remembers_for_the_session():
    cache = GeoCache(None)
    cache.put("k", {"lat": 1.0})
    assert cache.get("k") == {"lat": 1.0} and cache.path is None
