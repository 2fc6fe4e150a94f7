"""Privacy: participants' phones and ID numbers only in the staff edition; staff phones to participants
only when marked shared — in the handbook, and by construction in every renderer."""

import re
from pathlib import Path

from planner.render.handbook import HandbookOptions, handbook_html
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit
from tests.people_builders import roster

ROOT = Path(__file__).resolve().parents[2]
SHARED, PRIVATE, DRIVER = "13700000001", "13700000002", "13700000003"


def people_tour():
    return tour(group("g1", day("2025-02-24", visit("x")), name="第一组", headcount=50),
                group("g2", day("2025-02-24", visit("x")), name="第二组", headcount=50),
                sites=[site("x", "皮革城")],
                people={"participants": roster(100),
                        "staff": [{"id": "s1", "role": "head_teacher", "name": "周老师", "phone": SHARED,
                                   "phone_shared": True},
                                  {"id": "s2", "role": "medic", "name": "吴医生", "phone": PRIVATE, "group": "g1"}],
                        "vehicles": [{"id": "v1", "group": "g1", "plate": "浙A12345", "seats": 53,
                                      "driver": "孙师傅", "driver_phone": DRIVER, "phone_shared": False}]})


def html(edition):
    return handbook_html(schedule(people_tour()), HandbookOptions(edition=edition))


def test_the_participant_edition_shows_only_shared_staff_phones():
    text = html("participant")
    assert "周老师" in text and SHARED in text
    assert "吴医生" in text and PRIVATE not in text
    assert "孙师傅" in text and DRIVER not in text
    for p in roster(100):
        assert p["phone"] not in text and p["id_number"] not in text


def test_the_staff_edition_shows_every_staff_phone():
    text = html("staff")
    assert SHARED in text and PRIVATE in text and DRIVER in text


def test_a_single_group_handbook_lists_only_its_own_and_whole_tour_staff():
    text = handbook_html(schedule(people_tour()), HandbookOptions(edition="staff", groups=["g2"]))
    assert "周老师" in text and "吴医生" not in text and "浙A12345" not in text


def test_no_renderer_reads_a_phone_or_id_number_except_through_visible_phone():
    # The rule lives in planner.model.people; a renderer reaching for .phone directly would bypass it.
    direct = re.compile(r"\.(phone|driver_phone|id_number)\b")
    offenders = []
    for folder in ("planner/render", "planner/diff", "ui/exports"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if direct.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []
