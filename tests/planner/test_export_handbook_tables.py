"""Handbook tables: a column empty in a whole group's days is dropped (the same for all its days); empty
cells still get a border; the group line and 通讯录 name the roster's leaders and coaches."""

import re

from planner.render.handbook import HandbookOptions, handbook_html
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit


def two_groups(**people):
    g1 = group("g1", day("2025-02-24", visit("x")), day("2025-02-25", visit("y", notes="带身份证")), name="第一组")
    g1.update(leader="旧带队", vehicle="旧车")
    return tour(g1,
                group("g2", day("2025-02-24", visit("x")), name="第二组"),
                sites=[site("x", "皮革城"), site("y", "经编园")], people=people)


def group_part(html: str, gid: str) -> str:
    start = html.index(f'<a name="group-{gid}">')
    return html[start:html.index("page-break-after", start)]


def test_a_column_empty_in_all_of_a_groups_days_is_dropped_and_kept_when_any_day_fills_it():
    html = handbook_html(schedule(two_groups()))
    g1, g2 = group_part(html, "g1"), group_part(html, "g2")
    assert g1.count("</th>") == 2 * 5 and g1.count(">备注</th>") == 2  # both days keep 备注 (day 2 has one)
    assert "带队/讲解" not in g1 and "联系人" not in g1
    assert g2.count("</th>") == 4 and "备注" not in g2
    assert not re.search(r"<td[^>]*></td>", g1 + g2)  # an empty cell holds &nbsp;: Qt draws its borders


def test_the_group_line_and_the_contacts_use_the_roster_when_it_has_leaders_and_coaches():
    people = {"staff": [{"id": "s1", "role": "leader", "name": "周领队", "phone": "13973110001", "group": "g1"}],
              "vehicles": [{"id": "v1", "group": "g1", "plate": "湘A·81881", "driver": "孙师傅",
                            "driver_phone": "13607310001", "phone_shared": False}]}
    staff = handbook_html(schedule(two_groups(**people)), HandbookOptions(edition="staff"))
    assert "带队 周领队 13973110001" in staff and "湘A·81881 孙师傅 13607310001" in staff
    assert "旧带队" not in staff and "旧车" not in staff
    participant = handbook_html(schedule(two_groups(**people)), HandbookOptions(edition="participant"))
    assert "带队 周领队" in participant and "13973110001" not in participant and "13607310001" not in participant
    plain = handbook_html(schedule(two_groups()))
    assert "带队 旧带队" in plain and "车辆 旧车" in plain  # no roster: the group's own fields
