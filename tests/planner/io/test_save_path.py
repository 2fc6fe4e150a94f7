"""Saving serialises the validated model directly (no second validation walk): the file is the same as the
plain json.dumps layout, and what opening would refuse is still refused, naming the field."""

import json

import pytest

from planner.io.errors import TourFileError
from planner.io.fileformat import (SCHEMA_VERSION, SITES_FORMAT, TOUR_FORMAT, dump_document, load_catalogue,
                                   load_tour, save_catalogue, save_tour)
from planner.io.limits import MAX_NAME, MAX_STRING
from planner.model.site import Catalogue
from planner.synthetic import synthetic_tour


def plain(model, fmt: str) -> str:
    body = model.model_dump(mode="json", exclude_defaults=True)
    return json.dumps({"format": fmt, "version": SCHEMA_VERSION, **body}, ensure_ascii=False, indent=2) + "\n"


def test_the_direct_dump_is_byte_for_byte_the_plain_layout():
    tour = synthetic_tour(2, 3, 4)
    tour.sites[0].name = '引号 "x" 与 \\ 反斜杠 <b>'
    for model, fmt in ((tour, TOUR_FORMAT), (Catalogue(sites=tour.sites), SITES_FORMAT), (Catalogue(), SITES_FORMAT)):
        assert dump_document(model, fmt) == plain(model, fmt)


def test_a_saved_tour_and_catalogue_open_again_unchanged(tmp_path):
    tour = synthetic_tour(2, 3, 4)
    save_tour(tour, tmp_path / "t.tour.json")
    save_catalogue(Catalogue(sites=tour.sites), tmp_path / "c.sites.json")
    assert load_tour(tmp_path / "t.tour.json") == tour
    assert load_catalogue(tmp_path / "c.sites.json").sites == tour.sites


@pytest.mark.parametrize("field, text", [("name", "名" * (MAX_NAME + 1)),
                                         ("name", '"' * (MAX_NAME + 1)),  # escaped: split by quotes in the file
                                         ("intro", "长" * (MAX_STRING + 1))])
def test_what_opening_would_refuse_is_not_written(tmp_path, field, text):
    tour = synthetic_tour(1, 2, 2)
    path = tmp_path / "c.sites.json"
    save_catalogue(Catalogue(sites=tour.sites), path)
    before = path.read_bytes()
    tour.sites[1] = tour.sites[1].model_copy(update={field: text})  # as an unvalidated edit would
    with pytest.raises(TourFileError) as e:
        save_catalogue(Catalogue(sites=tour.sites), path)
    assert "too long" in str(e.value) and field in str(e.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("literal, field", [
    ('"n\\u0061me": "%s"' % ("名" * (MAX_NAME + 1)), "name"),      # an escaped key hides from a plain scan
    ('"title" :\n  "%s"' % ("x" * (MAX_NAME + 1)), "title"),        # other spacing than ours
    ('"notes": "%s\\n%s"' % ("长" * MAX_STRING, "长"), "notes"),    # a newline escape inside
])
def test_opening_still_refuses_every_over_long_string(tmp_path, literal, field):
    """Opening checks every string only when the text could hold a bad one: the scan must never miss."""
    doc = json.loads(plain(synthetic_tour(1, 2, 2), TOUR_FORMAT))
    text = json.dumps({k: v for k, v in doc.items() if k not in ("title", "notes")}, ensure_ascii=False)
    path = tmp_path / "t.tour.json"
    path.write_text(text[:-1] + ", " + literal + "}", encoding="utf-8")
    with pytest.raises(TourFileError) as e:
        load_tour(path)
    assert field in str(e.value) and "too long" in str(e.value)
