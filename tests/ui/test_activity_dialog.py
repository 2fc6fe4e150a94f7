"""The activity dialog, driven through its widgets; the checks are on the Activity it hands back."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog

from planner.model.tour import ActivityKind, TransferMode
from tests.builders import day, group, site, tour, visit
from ui.dialogs.activity_dialog import ActivityDialog


def small_tour():
    return tour(group("g1", day("2025-02-24", visit("alibaba", joint="开班"), visit("geely"),
                                {"kind": "lecture", "title": "专题讲座"}), name="第一组"),
                group("g2", day("2025-02-24", visit("alibaba", joint="开班")), name="第二组"),
                sites=[site("alibaba", "阿里巴巴", city="杭州市", county="余杭区", visit_minutes=45),
                       site("geely", "吉利汽车"), site("hzeast", "杭州东站", kind="station")])


@pytest.fixture
def open_dialog(qtbot):
    def make(t, gi=0, ai=0):
        dlg = ActivityDialog(t.groups[gi].days[0].activities[ai], t)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        return dlg
    return make


def type_chinese(widget, text):
    """What a Chinese input method does: commit the composed text (QTest can only type ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose_kind(dlg, kind):
    dlg.kind_combo.setCurrentIndex(dlg.kind_combo.findData(kind.value))


def test_minutes_and_pinned_time_end_up_in_the_result(open_dialog, qtbot):
    t = small_tour()
    original = t.groups[0].days[0].activities[0]
    dlg = open_dialog(t)
    assert dlg.minutes_spin.text().startswith(dlg.minutes_spin.specialValueText())
    dlg.minutes_spin.setValue(75)
    assert not dlg.pinned_time.isEnabled()
    qtbot.mouseClick(dlg.pinned_check, Qt.MouseButton.LeftButton)
    assert dlg.pinned_time.isEnabled()
    dlg.pinned_time.setTime(QTime(9, 30))
    dlg.ok_button.click()
    assert dlg.result() == QDialog.DialogCode.Accepted
    result = dlg.result_activity()
    assert result.minutes == 75 and result.pinned == dt.time(9, 30)
    assert result.id == original.id
    assert (result.site, result.joint) == ("alibaba", "开班")
    assert original.minutes is None        # the tour's own activity is untouched


def test_default_minutes_show_the_sites_usual_minutes_and_mean_none(open_dialog):
    dlg = open_dialog(small_tour())
    assert "45" in dlg.minutes_spin.text()
    dlg.site_combo.set_site_id("geely")
    assert "60" in dlg.minutes_spin.text()
    dlg.ok_button.click()
    assert dlg.result_activity().minutes is None and dlg.result_activity().site == "geely"


def test_a_visit_without_a_site_is_refused_next_to_the_site(open_dialog):
    dlg = open_dialog(small_tour())
    dlg.site_combo.set_site_id(None)
    assert dlg.errors.text(dlg.site_combo) != ""
    assert dlg.errors.fields() == [dlg.site_combo]
    assert not dlg.ok_button.isEnabled()
    dlg.accept()
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    dlg.site_combo.set_site_id("geely")
    assert dlg.errors.text(dlg.site_combo) == "" and dlg.ok_button.isEnabled()


def test_a_lecture_needs_no_site(open_dialog):
    dlg = open_dialog(small_tour(), ai=2)
    assert dlg.site_combo.site_id() is None
    assert dlg.ok_button.isEnabled()
    assert "150" in dlg.minutes_spin.text()     # a lecture's usual length


# Typing opens the completer's popup, which the offscreen platform can neither raise nor let grab the keyboard.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|grabbing the keyboard)")
def test_typing_a_site_name_picks_it_and_an_unknown_name_is_refused(open_dialog, qtbot):
    dlg = open_dialog(small_tour())
    line = dlg.site_combo.lineEdit()
    line.clear()
    type_chinese(line, "吉利汽车")
    assert dlg.site_combo.site_id() == "geely" and dlg.ok_button.isEnabled()
    line.clear()
    type_chinese(line, "不存在的地方")
    assert "不存在的地方" in dlg.errors.text(dlg.site_combo)
    assert not dlg.ok_button.isEnabled()


def test_transfer_fields_are_only_enabled_for_transfers(open_dialog):
    dlg = open_dialog(small_tour())
    transfer_fields = (dlg.mode_combo, dlg.origin_combo, dlg.service_edit)
    assert not any(w.isEnabled() for w in transfer_fields)
    choose_kind(dlg, ActivityKind.TRANSFER)
    assert all(w.isEnabled() for w in transfer_fields)
    choose_kind(dlg, ActivityKind.MEAL)
    assert not any(w.isEnabled() for w in transfer_fields)


def test_a_transfer_needs_its_minutes_and_destination(open_dialog):
    dlg = open_dialog(small_tour())
    choose_kind(dlg, ActivityKind.TRANSFER)
    assert dlg.errors.text(dlg.minutes_spin) != ""          # "default" is no duration for a transfer
    assert not dlg.ok_button.isEnabled()
    dlg.minutes_spin.setValue(50)
    dlg.site_combo.set_site_id(None)
    assert dlg.errors.text(dlg.site_combo) != "" and dlg.errors.text(dlg.minutes_spin) == ""
    dlg.site_combo.set_site_id("hzeast")
    dlg.origin_combo.set_site_id("geely")
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData(TransferMode.RAIL.value))
    dlg.service_edit.setText("G7501")
    dlg.ok_button.click()
    result = dlg.result_activity()
    assert (result.kind, result.site, result.origin, result.mode, result.service, result.minutes) == \
        (ActivityKind.TRANSFER, "hzeast", "geely", TransferMode.RAIL, "G7501", 50)


def test_a_transfer_turned_into_a_visit_drops_its_travel_fields(open_dialog):
    t = tour(group("g1", day("2025-02-24", {"kind": "transfer", "site": "a", "origin": "hotel", "mode": "rail",
                                            "minutes": 40, "service": "G1"}), name="一组"), sites=[site("a")])
    dlg = open_dialog(t)
    assert dlg.mode_combo.currentData() == "rail" and dlg.origin_combo.site_id() == "hotel"
    choose_kind(dlg, ActivityKind.VISIT)
    dlg.ok_button.click()
    result = dlg.result_activity()
    assert (result.kind, result.mode, result.origin, result.service) == (ActivityKind.VISIT, None, None, "")


def test_joint_tags_of_the_tour_are_offered(open_dialog):
    dlg = open_dialog(small_tour(), ai=1)
    assert [dlg.joint_combo.itemText(i) for i in range(dlg.joint_combo.count())] == ["", "开班"]
    dlg.joint_combo.setCurrentText("闭班")
    dlg.ok_button.click()
    assert dlg.result_activity().joint == "闭班"


def test_accept_without_changes_gives_an_equal_activity(open_dialog):
    t = tour(group("g1", day("2025-02-24", visit("a", minutes=0, pinned="14:00", presenter="张主任",
                                                 notes="着正装", title="现场教学")), name="一组"),
             sites=[site("a")])
    dlg = open_dialog(t)
    dlg.ok_button.click()
    assert dlg.result_activity() == t.groups[0].days[0].activities[0]


@pytest.mark.parametrize("kind", list(ActivityKind))
def test_every_field_is_edited_for_every_kind_and_travel_fields_only_for_transfers(open_dialog, kind):
    dlg = open_dialog(small_tour())
    choose_kind(dlg, kind)
    dlg.site_combo.set_site_id("hzeast")
    dlg.title_edit.setText("标题")
    dlg.minutes_spin.setValue(40)
    dlg.pinned_check.setChecked(True)
    dlg.pinned_time.setTime(QTime(15, 0))
    dlg.joint_combo.setCurrentText("闭班")
    dlg.presenter_edit.setText("王老师")
    dlg.notes_edit.setPlainText("带身份证")
    transfer = kind is ActivityKind.TRANSFER
    assert dlg.transfer_box.isVisible() == transfer
    if transfer:
        dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("flight"))
        dlg.origin_combo.set_site_id("geely")
        dlg.service_edit.setText("MU5101")
    dlg.ok_button.click()
    r = dlg.result_activity()
    assert (r.kind, r.site, r.title, r.minutes, r.pinned, r.joint, r.presenter, r.notes) == (
        kind, "hzeast", "标题", 40, dt.time(15, 0), "闭班", "王老师", "带身份证")
    assert (r.mode, r.origin, r.service) == ((TransferMode.FLIGHT, "geely", "MU5101") if transfer else (None, None, ""))


def test_catalogue_sites_are_offered_and_the_ones_used_are_named_for_the_tour(qtbot):
    from planner.model.site import Site
    from planner.model.tour import Activity

    t = small_tour()
    venue = Site(id="hall", name="市民中心报告厅", kind="venue", lat=30.2, lon=120.2)
    dlg = ActivityDialog(Activity(kind="lecture"), t, catalogue_sites=[venue], new=True)
    qtbot.addWidget(dlg)
    assert dlg.site_combo.findData("hall") > 0
    dlg.site_combo.set_site_id("hall")
    dlg.ok_button.click()
    assert dlg.result_activity().site == "hall" and [s.id for s in dlg.needed_sites()] == ["hall"]
