"""The handbook's roster sections printed: read back with pdftotext as a participant would."""

import datetime as dt

from planner.render.handbook import HandbookOptions
from planner.schedule.scheduler import schedule
from tests.planner.test_export_people import people_tour
from tests.people_builders import roster
from tests.ui.pdf_helpers import squeeze, text
from ui.exports.handbook_pdf import export_handbook

PRINTED = dt.date(2025, 2, 20)


def _print(tmp_path, edition):
    t = people_tour()
    for p in t.people.participants:
        p.phone = p.phone[:3] + " " + p.phone[3:7] + " " + p.phone[7:]  # typed with spaces, as rosters often are
        p.unit = p.unit * 4  # long units and notes squeeze the phone column
        p.notes = "需要安排无障碍房间，并在每天早餐时提供清真餐食，请酒店提前准备"
    out = tmp_path / f"{edition}.pdf"
    export_handbook(schedule(t), out, HandbookOptions(edition=edition, print_date=PRINTED))
    return text(out, layout=True).replace("\xa0", " ").replace("\u2011", "-")


def test_staff_edition_prints_the_roster_with_whole_phone_numbers(qapp, tmp_path):
    printed = _print(tmp_path, "staff")
    assert "分组名单" in printed and "住宿安排" in printed and "乘车安排" in printed
    for p in roster(6):
        spaced = p["phone"][:3] + " " + p["phone"][3:7] + " " + p["phone"][7:]
        assert any(spaced in line for line in printed.splitlines()), spaced  # never broken across lines
        assert p["name"] in squeeze(printed)


def test_participant_edition_prints_names_but_no_phone_of_theirs(qapp, tmp_path):
    printed = squeeze(_print(tmp_path, "participant"))
    for p in roster(6):
        assert p["name"] in printed and p["phone"] not in printed and p["id_number"] not in printed
