"""File format version 2: v1 tours (every seed) open unchanged, saves are v2, newer files are refused."""

import json
from pathlib import Path

import pytest

from planner.io import fileformat
from planner.io.errors import TourFileError
from planner.io.fileformat import load_catalogue, load_tour, save_tour, tour_to_json
from planner.model.tour import Tour
from tests.builders import day, group, tour
from tests.people_builders import roster

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.tour.json")))
def test_every_v1_seed_opens_unchanged_and_saves_as_v2(name, tmp_path):
    doc = json.loads((SEEDS / name).read_text(encoding="utf-8"))
    assert doc["version"] == 1
    body = {k: v for k, v in doc.items() if k not in ("format", "version")}
    loaded = load_tour(SEEDS / name)
    assert loaded == Tour.model_validate(body)
    assert loaded.people.is_empty()
    save_tour(loaded, tmp_path / name)
    saved = json.loads((tmp_path / name).read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert "people" not in saved  # an empty roster writes nothing
    assert load_tour(tmp_path / name) == loaded


def test_the_v1_catalogue_still_opens():
    assert len(load_catalogue(SEEDS / "catalogue.sites.json").sites) > 10


def test_people_round_trip_in_a_v2_file(tmp_path):
    t = tour(group("g1", day("2025-02-24")), group("g2", day("2025-02-24")), sites=[],
             people={"participants": roster(100),
                     "staff": [{"id": "s1", "role": "medic", "name": "医生", "phone": "120", "group": "g2"}]})
    path = tmp_path / "p.tour.json"
    save_tour(t, path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2
    assert load_tour(path) == t


def test_a_newer_version_is_refused_with_a_plain_message(tmp_path):
    doc = json.loads(tour_to_json(tour(group("g1"), sites=[])))
    doc["version"] = 3
    path = tmp_path / "future.tour.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(TourFileError) as info:
        load_tour(path)
    assert "version = 3" in info.value.describe() and "更新版本" in info.value.describe()


def test_the_migration_chain_runs_every_step_in_order(tmp_path, monkeypatch):
    # A future v3 renaming `organizer` → `host` must run after the real v1 → v2 step, on a v1 file.
    seen = []

    def v2_to_v3(doc):
        seen.append(("2→3", "people" in doc))
        doc["organizer"] = doc.pop("host_unit", "") + "（迁移）"
        return doc

    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(fileformat.MIGRATIONS, fileformat.TOUR_FORMAT,
                        {**fileformat.MIGRATIONS[fileformat.TOUR_FORMAT], 2: v2_to_v3})
    doc = json.loads(tour_to_json(tour(group("g1"), sites=[])))
    doc.update(version=1, host_unit="湖南省委组织部")
    path = tmp_path / "old.tour.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert load_tour(path).organizer == "湖南省委组织部（迁移）"
    assert seen == [("2→3", True)]  # v1 → v2 added `people` first


def test_bad_people_in_a_file_name_where(tmp_path):
    doc = json.loads(tour_to_json(tour(group("g1"), sites=[])))
    doc["people"] = {"participants": [{"id": "p1", "name": "张三", "phone": "打我电话", "group": "g1"}]}
    path = tmp_path / "bad.tour.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TourFileError) as info:
        load_tour(path)
    assert "people.participants[0]（张三）.phone = '打我电话'" in info.value.describe()


def test_people_errors_read_in_chinese_and_english(tmp_path):
    doc = json.loads(tour_to_json(tour(group("g1"), sites=[])))
    doc["people"] = {"staff": [{"id": "s1", "role": "medic", "name": "医生", "group": "g7"}],
                     "rooms": [{"group": "g1", "date": "2025-02-24", "number": "1", "occupants": ["nobody"]}]}
    path = tmp_path / "bad.tour.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TourFileError) as zh:
        load_tour(path)
    assert "people.staff[0]（医生）.group: 组“g7”不在本行程中" in zh.value.describe()
    with pytest.raises(TourFileError) as en:
        load_tour(path, lang="en")
    assert "people.staff[0]（医生）.group: group 'g7' is not in the tour" in en.value.describe()
