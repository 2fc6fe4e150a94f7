"""What the handbook says, before any printing: every section says something, even when it has nothing."""

import re

from planner.render.handbook import HandbookOptions, handbook_html
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit


def section(html: str, anchor: str) -> str:
    """The text between a section's heading and the next page break."""
    start = html.index(f'<a name="{anchor}">')
    end = html.index("page-break-after", start)
    return re.sub(r"<[^>]+>", "", html[start:end])


def test_a_tour_without_teaching_sites_says_so_under_the_sites_heading():
    t = tour(group("g1", day("2025-02-24", {"kind": "lecture", "title": "开班式", "minutes": 60, "site": "hotel"}),
                   name="第一组"), sites=[])
    for edition in ("staff", "participant"):
        text = section(handbook_html(schedule(t), HandbookOptions(edition=edition)), "sites")
        assert text.startswith("教学点简介") and "没有现场教学点" in text


def route_line(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<p><b>路线：</b>.*?</p>", html).group(0))


def test_the_route_line_names_only_places_it_knows():
    """A site without city or county adds no empty place: the line never starts " → 义乌市"."""
    t = tour(group("g1", day("2025-02-24", visit("lab"), visit("market"), visit("mill")), name="第一组"),
             sites=[site("lab", "实验室"), site("market", "国际商贸城", city="金华市", county="义乌市"),
                    site("mill", "羊毛衫市场", city="嘉兴市", county="桐乡市")])
    assert route_line(handbook_html(schedule(t))) == "路线：金华市义乌市 → 嘉兴市桐乡市"


def test_a_route_of_sites_without_places_prints_no_route_line():
    t = tour(group("g1", day("2025-02-24", visit("lab")), name="第一组"), sites=[site("lab", "实验室")])
    assert "路线：" not in handbook_html(schedule(t))
