"""The bundled catalogue and sample tours: real, complete, consistent and realistic."""

import datetime as dt
from pathlib import Path

import pytest

from planner.io.fileformat import load_catalogue, load_tour
from planner.schedule.scheduler import schedule
from planner.model.site import SiteKind
from planner.model.tour import ActivityKind, TransferMode

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TOURS = ["hunan-2025.tour.json", "wuhan-zju-2021.tour.json", "hangzhou-delegation-2014.tour.json"]

# The three routes of seed 002, in the seed's order.
HUNAN_ROUTES = {
    "g1": ["杭州市余杭区", "金华市义乌市", "绍兴市柯桥区", "无锡市新吴区", "无锡市滨湖区", "无锡市梁溪区", "无锡市江阴市"],
    "g2": ["嘉兴市海宁市", "嘉兴市桐乡市", "嘉兴市嘉善县", "苏州市昆山市", "苏州市常熟市"],
    "g3": ["宁波市余姚市", "宁波市前湾新区", "宁波市慈溪市", "嘉兴市平湖市", "泰州市泰兴市", "南通市如皋市"],
}
TEACHING = {SiteKind.ENTERPRISE, SiteKind.PARK, SiteKind.VILLAGE, SiteKind.GOVERNMENT, SiteKind.VENUE}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(SEEDS / "catalogue.sites.json")


@pytest.fixture(scope="module")
def hunan():
    return load_tour(SEEDS / "hunan-2025.tour.json")


def place(site) -> str:
    return f"{site.city}{site.county}"


def test_the_catalogue_has_at_least_80_real_teaching_sites(catalogue):
    teaching = [s for s in catalogue.sites if s.kind in TEACHING]
    assert len(teaching) >= 80
    assert all(s.intro for s in teaching), "every teaching site has a one-line introduction"
    assert {s.precision for s in catalogue.sites} == {"site", "county"}


@pytest.mark.parametrize("where", sorted({p for route in HUNAN_ROUTES.values() for p in route}))
def test_each_hunan_place_has_three_sites(catalogue, where):
    assert len([s for s in catalogue.sites if s.kind in TEACHING and place(s) == where]) >= 3


@pytest.mark.parametrize("name", ["阿里巴巴", "吉利", "义乌国际商贸城", "海宁中国皮革城", "李祖村", "缪家村",
                                  "海康威视", "泰林", "海创", "七彩社区", "医药港", "平湖经济技术开发区",
                                  "甬江实验室", "正泰", "前海", "格力", "商飞"])
def test_sites_named_in_the_seeds_are_there(catalogue, name):
    assert any(name in s.name for s in catalogue.sites)


@pytest.mark.parametrize("name", TOURS)
def test_sample_tours_are_self_contained_copies_of_the_catalogue(catalogue, name):
    tour = load_tour(SEEDS / name)
    for site in tour.sites:
        assert catalogue.get(site.id) == site, f"{name}: {site.id} differs from the catalogue"


@pytest.mark.parametrize("name", TOURS)
def test_sample_tours_pass_check_without_errors(name):
    result = schedule(load_tour(SEEDS / name))
    errors = [p.message() for p in result.problems if p.severity.value == "error"]
    assert errors == []


def test_hunan_is_the_seed_tour(hunan):
    assert (hunan.start_date, hunan.end_date) == (dt.date(2025, 2, 23), dt.date(2025, 2, 28))
    assert [g.id for g in hunan.groups] == ["g1", "g2", "g3"]
    visits = [a for g in hunan.groups for d in g.days for a in d.activities if a.kind is ActivityKind.VISIT]
    assert len(visits) == 49


def test_hunan_opens_jointly_in_hangzhou(hunan):
    openings = [(g.id, a) for g in hunan.groups for d in g.days if d.date == dt.date(2025, 2, 23)
                for a in d.activities if a.joint]
    assert {g for g, _ in openings} == {"g1", "g2", "g3"}
    assert len({(a.site, a.joint, a.pinned) for _, a in openings}) == 1
    assert hunan.site(openings[0][1].site).city == "杭州市"


@pytest.mark.parametrize("gid", HUNAN_ROUTES)
def test_hunan_groups_follow_the_seed_route_in_order(hunan, gid):
    group = hunan.group(gid)
    order: list[str] = []
    for d in sorted(group.days, key=lambda d: d.date):
        for a in d.activities:
            if a.kind is ActivityKind.VISIT:
                where = place(hunan.site(a.site))
                if not order or order[-1] != where:
                    order.append(where)
    assert order == HUNAN_ROUTES[gid]


def test_hunan_has_a_hotel_every_night(hunan):
    for g in hunan.groups:
        for d in g.days:
            if d.date < hunan.end_date:
                assert hunan.site(d.end).kind is SiteKind.HOTEL, (g.id, d.date)


def test_wuhan_class_mixes_lectures_and_visits():
    tour = load_tour(SEEDS / "wuhan-zju-2021.tour.json")
    acts = [a for g in tour.groups for d in g.days for a in d.activities]
    titles = " ".join(a.title for a in acts if a.kind is ActivityKind.LECTURE)
    assert "大数据与数字经济" in titles and "生物医药" in titles and "特色小镇" in titles
    assert sum(a.kind is ActivityKind.VISIT for a in acts) >= 5
    assert (tour.start_date, tour.end_date) == (dt.date(2021, 4, 6), dt.date(2021, 4, 11))


def test_hangzhou_delegation_travels_between_four_cities_by_rail_or_air():
    tour = load_tour(SEEDS / "hangzhou-delegation-2014.tour.json")
    acts = [a for g in tour.groups for d in g.days for a in d.activities]
    cities = {tour.site(a.site).city for a in acts if a.kind is ActivityKind.VISIT}
    assert {"上海市", "广州市", "深圳市", "珠海市"} <= cities
    modes = {a.mode for a in acts if a.kind is ActivityKind.TRANSFER}
    assert {TransferMode.RAIL, TransferMode.FLIGHT} <= modes
    assert (tour.start_date, tour.end_date) == (dt.date(2014, 11, 9), dt.date(2014, 11, 14))
