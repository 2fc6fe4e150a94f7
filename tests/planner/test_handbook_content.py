"""What the handbook says, before any printing: every section says something, even when it has nothing."""

import re

from planner.render.handbook import HandbookOptions, handbook_html
from planner.schedule.scheduler import schedule
from tests.builders import day, group, tour


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
