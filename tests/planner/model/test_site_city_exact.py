"""Sites written before "no city here" was handled: cpca's placeholder city is read as the province."""

import pytest

from planner.io.fileformat import load_tour, save_tour
from planner.model.site import Site
from tests.builders import site, tour


@pytest.mark.parametrize("placeholder, province, county", [
    ("省直辖县级行政区划", "湖北省", "仙桃市"), ("自治区直辖县级行政区划", "新疆维吾尔自治区", "石河子市"),
    ("市辖区", "北京市", "东城区"), ("县", "重庆市", "城口县")])
def test_a_placeholder_city_is_read_as_the_province(placeholder, province, county):
    s = Site.model_validate(site("x", "某馆", province=province, city=placeholder, county=county))
    assert (s.city, s.place) == (province, f"{province}{county}")


def test_a_real_city_is_kept_and_a_tour_saved_again_carries_the_province(tmp_path):
    assert Site.model_validate(site("x", "某馆", province="浙江省", city="嘉兴市", county="海宁市")).city == "嘉兴市"
    t = tour(sites=[site("x", "某馆", province="湖北省", city="省直辖县级行政区划", county="仙桃市")])
    path = tmp_path / "t.tour.json"
    save_tour(t, path)
    assert "省直辖县级行政区划" not in path.read_text(encoding="utf-8")
    assert load_tour(path).site("x").city == "湖北省"
