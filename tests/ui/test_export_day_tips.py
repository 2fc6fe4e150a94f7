"""每日提示 as fields: edited in the window (one undo step), saved, and printed in every document."""

import datetime as dt
import io

import icalendar
import openpyxl
from PySide6.QtCore import QTime

from planner.diff.changes import TIPS, compare
from planner.io.fileformat import load_tour, save_tour
from planner.model.day_tips import DayTips
from planner.render.daily import daily_html
from planner.render.handbook import HandbookOptions, handbook_html
from planner.render.phone_calendar import calendar_files
from planner.render.share_card import card_html
from planner.render.workbook import workbook_bytes
from planner.schedule.scheduler import schedule
from ui.dialogs.day_tips_dialog import DayTipsDialog

MONDAY = dt.date(2025, 2, 24)


def test_editing_tips_in_the_window_is_one_undo_step_and_prints_everywhere(window, qtbot, tmp_path):
    window.board.select_cell("g1", MONDAY)
    assert window.day_tips.action.isEnabled()
    dialog = DayTipsDialog(DayTips(), "第一组", window)
    qtbot.addWidget(dialog)
    dialog.has_time.setChecked(True)
    dialog.meet_time.setTime(QTime(7, 45))
    dialog.meet_at.setText("酒店大堂<b>")  # QTest cannot type CJK; the fields take it as pasted
    dialog.dress.setText("正装")
    dialog.bring.setText("身份证")
    assert window.day_tips.edit(dialog)
    tour = window.document.tour
    assert tour.group("g1").day(MONDAY).tips == DayTips(meet_time=dt.time(7, 45), meet_at="酒店大堂<b>",
                                                        dress="正装", bring="身份证")
    s = window.document.schedule
    expected = "集合 07:45 酒店大堂&lt;b&gt;；着装 正装；携带 身份证"
    assert expected in handbook_html(s, HandbookOptions())
    assert "07:45 酒店大堂&lt;b&gt;" in daily_html(s) and "正装" in card_html(s, tour.group("g1"), MONDAY)
    [(_, ics)] = calendar_files(s, ["g1"])
    first = next(iter(icalendar.Calendar.from_ical(ics).walk("VEVENT")))
    assert "集合：07:45 酒店大堂<b>" in str(first["DESCRIPTION"])
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(s)))
    row = next(r for r in book["第一组"].iter_rows(values_only=True) if r[3] == "每日提示")
    assert row[1] == dt.time(7, 45) and "携带 身份证" in row[4]
    path = tmp_path / "t.tour.json"
    save_tour(tour, path)
    assert load_tour(path).group("g1").day(MONDAY).tips.dress == "正装"
    before = load_tour(path)
    window.document.undo_stack.undo()
    assert tour.group("g1").day(MONDAY).tips.is_empty()
    assert [c.kind for c in compare(before, tour).changes] == [TIPS]


def test_tips_on_a_day_with_nothing_planned_create_the_day_and_undo_removes_it(window):
    tuesday = MONDAY + dt.timedelta(days=1)
    window.board.select_cell("g2", tuesday)
    dialog = DayTipsDialog(DayTips(), "第二组", window)
    dialog.other.setText("自由活动，注意安全")
    assert window.day_tips.edit(dialog)
    assert window.document.tour.group("g2").day(tuesday).tips.other == "自由活动，注意安全"
    window.document.undo_stack.undo()
    assert window.document.tour.group("g2").day(tuesday) is None


def test_an_unchanged_dialog_adds_no_undo_step(window):
    window.board.select_cell("g1", MONDAY)
    count = window.document.undo_stack.count()
    assert not window.day_tips.edit(DayTipsDialog(DayTips(), "第一组", window))
    assert window.document.undo_stack.count() == count and schedule(window.document.tour)
