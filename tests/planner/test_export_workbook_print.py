"""The workbook as another spreadsheet app prints it: wrapped text carries its row height in the file (LibreOffice
and WPS keep one line otherwise), and the participant edition prints no phone a participant may not see."""

import io
from pathlib import Path

import openpyxl

from planner.io.fileformat import load_tour
from planner.render.workbook import workbook_bytes
from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


def test_rows_with_wrapped_text_are_tall_enough_to_print_all_of_it():
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(load_tour(HUNAN)))))
    ws = wb["总览"]
    width = ws.column_dimensions["C"].width
    for row in ws.iter_rows(min_row=5, min_col=3, max_col=3):
        text = row[0].value or ""
        units = sum(2 if ord(c) > 0x2E80 else 1 for c in text.split("\n")[0])
        if units > width or "\n" in text:  # more than one line
            height = ws.row_dimensions[row[0].row].height
            assert height is not None and height >= 2 * 14, (text, height)
    assert any(ws.row_dimensions[r].height for r in range(5, ws.max_row + 1))


def test_the_participant_workbook_leaves_out_host_and_group_phones_the_staff_one_keeps_them():
    g = group("g1", day("2025-02-24", visit("mill")), name="第一组")
    g.update(leader="张带队", contact="张带队 139 1234 5678")
    t = tour(g, sites=[site("mill", "羊毛衫厂", contact="王主任 0573-8888-6666")])
    def cells(edition):
        wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(schedule(t), edition=edition)))
        return " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
    participant, staff = cells("participant"), cells("staff")
    assert "张带队" in participant and "王主任" in participant
    assert "1234 5678" not in participant and "8888-6666" not in participant
    assert "139 1234 5678" in staff and "0573-8888-6666" in staff
