"""What a user relies on in the file format, pinned exactly: each refusal's message, the saved text (key
order, defaults left out, indentation, UTF-8 as typed, final newline) and a byte-exact round trip."""

import json
import os
from pathlib import Path

import pytest

from planner.io.errors import TourFileError
from planner.io.fileformat import (SITES_FORMAT, TOUR_FORMAT, catalogue_text, dump_document, load_catalogue,
                                   load_tour, migrate, read_document, save_catalogue, save_tour, tour_to_json)
from planner.io.limits import MAX_FILE_BYTES, MAX_STRING
from planner.model.site import Catalogue, Site
from planner.model.tour import Tour

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def problems(call, *args):
    with pytest.raises(TourFileError) as info:
        call(*args)
    return info.value.path, info.value.problems


def write(tmp_path, content, name="x.tour.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def tour_doc(**extra):
    return {"format": TOUR_FORMAT, "version": 2, "title": "湖南", "start_date": "2025-05-01",
            "end_date": "2025-05-03", **extra}


# --- refusals: one message each, naming the file -------------------------------------------------------

def test_a_file_over_the_size_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.tour.json"
    path.write_bytes(b"")
    os.truncate(path, MAX_FILE_BYTES + 1)  # sparse: nothing is read
    assert problems(load_tour, path) == (str(path), [
        "文件太大（超过 64 MB）(larger than 64 MB: not a tour or catalogue)"])


def test_a_file_of_exactly_the_size_limit_is_read(tmp_path):
    path = tmp_path / "edge.tour.json"
    path.write_bytes(b"")
    os.truncate(path, MAX_FILE_BYTES)  # NUL bytes: read, then refused as JSON, not for its size
    assert problems(load_tour, path)[1] == [
        "不是有效的 JSON：第 1 行第 1 列，Expecting value (not valid JSON at line 1, column 1)"]


def test_missing_file_and_directory(tmp_path):
    missing = tmp_path / "gone.tour.json"
    assert problems(load_tour, missing) == (str(missing), ["文件不存在 (file not found)"])
    assert problems(load_tour, tmp_path) == (str(tmp_path), ["这是一个文件夹，不是文件 (is a directory)"])


def test_an_unreadable_path_says_why(tmp_path):
    inside_a_file = write(tmp_path, tour_doc()) / "x.tour.json"  # a file used as a folder: the system says why
    assert problems(load_tour, inside_a_file) == (str(inside_a_file), ["无法读取 (cannot read): Not a directory"])


def test_a_byte_order_mark_is_allowed(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(tour_doc()).encode("utf-8"))
    assert load_tour(path).title == "湖南"


def test_not_utf8_names_the_byte(tmp_path):
    path = write(tmp_path, b'{"title": "\xff"}')
    assert problems(load_tour, path) == (str(path), ["不是 UTF-8 文本，第 11 字节 (not UTF-8 text at byte 11)"])


def test_not_json_names_line_and_column(tmp_path):
    path = write(tmp_path, '{\n  "format": "study-tour/tour",\n  oops\n}')
    assert problems(load_tour, path) == (str(path), [
        "不是有效的 JSON：第 3 行第 3 列，Expecting property name enclosed in double quotes "
        "(not valid JSON at line 3, column 3)"])


def test_top_level_must_be_an_object(tmp_path):
    path = write(tmp_path, "[1, 2]")
    assert problems(load_tour, path) == (str(path), ["文件顶层应为 JSON 对象 (top level must be a JSON object)"])


def test_wrong_format_names_the_kind_expected(tmp_path):
    tour = write(tmp_path, tour_doc())
    sites = write(tmp_path, {"format": SITES_FORMAT, "version": 2, "sites": []}, "c.sites.json")
    assert problems(load_catalogue, tour) == (str(tour), [
        "format = 'study-tour/tour'：不是本程序的教学点库文件，应为 'study-tour/sites' (not a study-tour/sites file)"])
    assert problems(load_tour, sites) == (str(sites), [
        "format = 'study-tour/sites'：不是本程序的行程文件，应为 'study-tour/tour' (not a study-tour/tour file)"])
    assert problems(load_tour, write(tmp_path, {"version": 2}))[1] == [
        "format = None：不是本程序的行程文件，应为 'study-tour/tour' (not a study-tour/tour file)"]


@pytest.mark.parametrize("version, shown", [(None, "None"), (0, "0"), (-1, "-1"), (True, "True"), ("2", "'2'"),
                                            (1.5, "1.5")])
def test_version_must_be_a_positive_integer(tmp_path, version, shown):
    doc = tour_doc()
    if version is None:
        del doc["version"]
    else:
        doc["version"] = version
    path = write(tmp_path, doc)
    assert problems(load_tour, path) == (str(path), [
        f"version = {shown}：版本号应为正整数 (version must be a positive integer)"])


def test_a_newer_version_asks_for_an_upgrade(tmp_path):
    path = write(tmp_path, tour_doc(version=3))
    assert problems(load_tour, path) == (str(path), [
        "version = 3：文件由更新版本的程序保存（本程序支持到 2），请升级程序 "
        "(saved by a newer version; this program reads up to 2)"])


def test_migrate_without_a_path_names_none():
    assert problems(migrate, {"format": "x"}, TOUR_FORMAT)[0] == ""


def test_a_lone_surrogate_is_named_where_it_is(tmp_path):
    doc = tour_doc(groups=[{"id": "g1", "name": "一组"}])
    text = json.dumps(doc, ensure_ascii=True).replace('"id": "g1"', '"id": "g1", "leader": "\\ud800"')
    path = write(tmp_path, text)
    assert problems(load_tour, path) == (str(path), [
        "groups[0]（一组）.leader: 含无效字符（孤立代理项，如 \\ud800）(contains a lone surrogate, e.g. \\ud800: "
        "not valid Unicode text)"])


def test_a_bad_top_level_key_is_placed_in_the_file(tmp_path):
    path = write(tmp_path, json.dumps(tour_doc()).replace('"title"', '"\\udc00"', 1))
    assert problems(load_tour, path) == (str(path), [
        "(文件): 字段名含无效字符（孤立代理项）(a field name contains a lone surrogate: \\udc00)"])


def test_a_catalogue_refused_names_its_place_and_speaks_chinese_by_default(tmp_path):
    path = write(tmp_path, {"format": SITES_FORMAT, "version": 2, "sites": [{"id": "a", "name": "甲"}]},
                 "c.sites.json")
    where, zh = problems(load_catalogue, path)
    assert where == str(path)
    assert zh == problems(load_catalogue, path, "zh")[1] != problems(load_catalogue, path, "en")[1]
    assert all(line.startswith("sites[0]（甲）") for line in zh), zh


# --- migration: each step in order ---------------------------------------------------------------------

def test_a_v1_tour_gains_an_empty_roster_and_becomes_v2(tmp_path):
    v1 = tour_doc(version=1)
    path = write(tmp_path, v1)
    assert read_document(path, TOUR_FORMAT) == {**v1, "version": 2, "people": {}}
    kept = tour_doc(version=1, people={"staff": []})
    assert migrate(dict(kept), TOUR_FORMAT)["people"] == {"staff": []}  # a roster already there is kept
    assert kept["version"] == 1  # the caller's dict is not changed


def test_a_v1_catalogue_is_read_as_v2_unchanged(tmp_path):
    v1 = {"format": SITES_FORMAT, "version": 1, "title": "库", "sites": []}
    assert read_document(write(tmp_path, v1, "c.sites.json"), SITES_FORMAT) == {**v1, "version": 2}


def test_the_current_version_is_read_as_it_is(tmp_path):
    doc = tour_doc()
    assert read_document(write(tmp_path, doc), TOUR_FORMAT) == doc


# --- the saved form ------------------------------------------------------------------------------------

MINIMAL = ('{\n  "format": "study-tour/tour",\n  "version": 2,\n  "title": "湖南 «研学»",\n'
           '  "start_date": "2025-05-01",\n  "end_date": "2025-05-03"\n}\n')


def test_a_tour_is_saved_in_its_exact_form(tmp_path):
    tour = Tour(title="湖南 «研学»", start_date="2025-05-01", end_date="2025-05-03", lunch_minutes=45)
    assert tour_to_json(tour) == MINIMAL  # defaults left out, format and version first, UTF-8 as typed
    path = tmp_path / "t.tour.json"
    save_tour(tour, path)
    assert path.read_bytes() == MINIMAL.encode("utf-8")


def test_a_changed_default_is_saved_after_the_title_fields(tmp_path):
    tour = Tour(title="t", start_date="2025-05-01", end_date="2025-05-01", notes="备注")
    assert tour_to_json(tour) == ('{\n  "format": "study-tour/tour",\n  "version": 2,\n  "title": "t",\n'
                                  '  "start_date": "2025-05-01",\n  "end_date": "2025-05-01",\n'
                                  '  "notes": "备注"\n}\n')


def test_an_empty_catalogue_is_just_its_format():
    assert dump_document(Catalogue(), SITES_FORMAT) == '{\n  "format": "study-tour/sites",\n  "version": 2\n}\n'


def test_catalogue_text_and_save(tmp_path):
    site = Site(id="a", name="甲", kind="park", lat=28.2, lon=112.9)
    expected = ('{\n  "format": "study-tour/sites",\n  "version": 2,\n  "sites": [\n    {\n      "id": "a",\n'
                '      "name": "甲",\n      "kind": "park",\n      "lat": 28.2,\n      "lon": 112.9\n    }\n  ]\n}\n')
    path = tmp_path / "c.sites.json"
    assert catalogue_text(Catalogue(sites=[site]), path) == expected
    save_catalogue(Catalogue(sites=[site]), path)
    assert path.read_text(encoding="utf-8") == expected
    assert load_catalogue(path) == Catalogue(sites=[site])


def test_a_lone_surrogate_falls_back_to_the_same_form_and_the_old_file_stays(tmp_path):
    # pydantic refuses one on input; an edit that skips validation (model_copy) can still carry one
    tour = Tour(title="湖南", start_date="2025-05-01", end_date="2025-05-01").model_copy(update={"notes": "备\ud800"})
    assert tour_to_json(tour) == ('{\n  "format": "study-tour/tour",\n  "version": 2,\n  "title": "湖南",\n'
                                  '  "start_date": "2025-05-01",\n  "end_date": "2025-05-01",\n'
                                  '  "notes": "备\ud800"\n}\n')
    path = tmp_path / "t.tour.json"
    path.write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):  # the window's safety net reports it (tests/ui/test_file_safety.py)
        save_tour(tour, path)
    assert path.read_text(encoding="utf-8") == MINIMAL  # the old file stays


def test_a_note_too_long_to_open_is_refused_on_save_naming_file_and_field(tmp_path):
    tour = Tour(title="t", start_date="2025-05-01", end_date="2025-05-01", notes="x" * (MAX_STRING + 1))
    path = tmp_path / "t.tour.json"
    assert problems(save_tour, tour, path) == (str(path), [
        f"notes: 太长：{MAX_STRING + 1} 字，最多 {MAX_STRING} 字 (too long: {MAX_STRING + 1} characters, "
        f"at most {MAX_STRING})"])
    assert not path.exists()
    catalogue = Catalogue(sites=[Site(id="a", name="甲", kind="park", lat=1, lon=1, intro="x" * (MAX_STRING + 1))])
    cpath = tmp_path / "c.sites.json"
    assert problems(save_catalogue, catalogue, cpath) == (str(cpath), [
        f"sites[0]（甲）.intro: 太长：{MAX_STRING + 1} 字，最多 {MAX_STRING} 字 (too long: {MAX_STRING + 1} "
        f"characters, at most {MAX_STRING})"])
    assert problems(catalogue_text, catalogue, cpath)[0] == str(cpath)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.json")))
def test_every_seed_round_trips_byte_exact(tmp_path, seed):
    """Open, save, open, save: the second save is the first, byte for byte (nothing drifts between saves)."""
    path = tmp_path / seed
    if seed.endswith(".sites.json"):
        save_catalogue(load_catalogue(SEEDS / seed), path)
        first = path.read_bytes()
        save_catalogue(load_catalogue(path), path)
    else:
        save_tour(load_tour(SEEDS / seed), path)
        first = path.read_bytes()
        save_tour(load_tour(path), path)
    assert path.read_bytes() == first and first.endswith(b"}\n") and b"\\u" not in first
