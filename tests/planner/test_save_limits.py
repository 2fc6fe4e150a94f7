"""What the window can type, the loader must open again: a save that would write a file the loader refuses
(a 20,000-character note, a 300-character name) is refused with the field named, and the old file stays."""

import pytest

from planner.io.errors import PlannerError
from planner.io.fileformat import load_catalogue, load_tour, save_catalogue, save_tour
from planner.model.site import Catalogue, Site
from tests.builders import day, group, site, tour, visit


def test_a_tour_with_a_note_longer_than_the_loader_takes_is_not_saved(tmp_path):
    path = tmp_path / "t.tour.json"
    t = tour(group("g1", day("2025-02-24", visit("mill", id="v1")), name="第一组"), sites=[site("mill", "厂")])
    save_tour(t, path)
    before = path.read_bytes()
    t.groups[0].days[0].activities[0].notes = "注" * 20_000
    with pytest.raises(PlannerError) as e:
        save_tour(t, path)
    assert "notes" in str(e.value) and "10000" in str(e.value)
    assert path.read_bytes() == before
    load_tour(path)


def test_a_catalogue_with_an_address_longer_than_the_loader_takes_is_not_saved(tmp_path):
    path = tmp_path / "c.sites.json"
    site_ = Site(id="x", name="正常", kind="enterprise", lat=30.2, lon=120.1, address="地" * 20_000)
    with pytest.raises(PlannerError) as e:
        save_catalogue(Catalogue(sites=[site_]), path)
    assert "address" in str(e.value)
    assert not path.exists()
    site_.address = "地" * 10_000
    save_catalogue(Catalogue(sites=[site_]), path)
    assert load_catalogue(path).sites[0].address == site_.address
