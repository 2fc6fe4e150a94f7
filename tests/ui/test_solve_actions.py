"""The Plan menu: repair, auto-plan and optimise a day run in the background, show the changes first,
apply as one undo step, and stop on cancel with the best plan so far."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from planner.io.fileformat import load_tour
from planner.model.tour import ActivityKind

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


@pytest.fixture
def hunan_window(qtbot, isolated_settings):
    from ui.document import TourDocument
    from ui.main_window import MainWindow

    tour = load_tour(SAMPLE)
    g2 = tour.group("g2")
    last = max((d for d in g2.days if any(a.kind is ActivityKind.VISIT for a in d.activities)), key=lambda d: d.date)
    closed = [a for a in last.activities if a.kind is ActivityKind.VISIT][-1]
    tour.site(closed.site).closed_weekdays = [last.date.isoweekday()]  # its site now closed that day
    document = TourDocument(tour)
    win = MainWindow(document, isolated_settings, map_view_class=None)
    win.show()
    qtbot.waitExposed(win)
    win.solve_actions.seconds = 1
    yield win
    document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def _codes(window) -> list[str]:
    return [p.code for p in window.document.schedule.problems if p.severity.value == "error"]


def _proposal(qtbot, actions):
    qtbot.waitUntil(lambda: actions.proposal is not None and actions.proposal.isVisible(), timeout=30_000)
    return actions.proposal


def test_repair_shows_the_changes_then_applies_them_as_one_undo_step(qtbot, hunan_window):
    win, actions = hunan_window, hunan_window.solve_actions
    assert "closed-weekday" in _codes(win)
    before = win.document.tour.model_dump()
    actions.repair_action.trigger()
    dialog = _proposal(qtbot, actions)
    assert dialog.changes.count() >= 1 and win.document.tour.model_dump() == before  # nothing applied yet
    dialog.apply_button.click()
    assert _codes(win) == []
    win.document.undo_stack.undo()
    assert win.document.tour.model_dump() == before and "closed-weekday" in _codes(win)


def test_discarding_the_proposal_changes_nothing(qtbot, hunan_window):
    win, actions = hunan_window, hunan_window.solve_actions
    before = win.document.tour.model_dump()
    actions.repair()
    _proposal(qtbot, actions).reject()
    assert win.document.tour.model_dump() == before and not win.document.undo_stack.canUndo()


def test_cancel_stops_the_search_and_shows_the_best_plan_so_far(qtbot, hunan_window):
    win, actions = hunan_window, hunan_window.solve_actions
    actions.seconds = 60
    t0 = time.monotonic()
    job = actions.auto_plan(["g1"])
    qtbot.waitUntil(lambda: job.isRunning(), timeout=5000)
    # the window stays responsive and shows the best plan so far while it searches
    qtbot.waitUntil(lambda: re.search(r"best plan so far: \d+ min of driving", actions.progress.labelText()),
                    timeout=20_000)
    actions.progress.findChild(QPushButton).click()  # the dialog's own cancel button
    dialog = _proposal(qtbot, actions)
    assert time.monotonic() - t0 < 30
    assert dialog.outcome.plan is not None and dialog.outcome.plan.stopped == "cancelled"


def test_optimise_one_day_keeps_its_visits_and_only_that_day(qtbot, hunan_window):
    win, actions = hunan_window, hunan_window.solve_actions
    tour = win.document.tour
    day = tour.group("g1").days[1]
    others = [d.model_dump() for g in tour.groups for d in g.days if not (g.id == "g1" and d.date == day.date)]
    visits = sorted(a.id for a in day.activities if a.kind is ActivityKind.VISIT)
    actions._cell("g1", day.date)
    assert actions.optimise_action.isEnabled()
    actions.optimise_action.trigger()
    dialog = _proposal(qtbot, actions)
    dialog.accept()
    new_day = win.document.tour.group("g1").day(day.date)
    assert sorted(a.id for a in new_day.activities if a.kind is ActivityKind.VISIT) == visits
    assert [d.model_dump() for g in win.document.tour.groups for d in g.days
            if not (g.id == "g1" and d.date == day.date)] == others


def test_the_window_opens_without_loading_or_tools():
    import subprocess
    import sys

    code = "import sys, ui.main_window; print('ortools' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.fixture
def small_window(qtbot, isolated_settings):
    """Two groups named with '&' and '<b>', one day each; a village (乡村振兴) neither visits."""
    from tests.builders import HANGZHOU, day, group, site, tour, visit
    from ui.document import TourDocument
    from ui.main_window import MainWindow

    t = tour(group("g1", day("2025-02-25", visit("park")), name="P&G"),
             group("g2", day("2025-02-25", visit("park2")), name="<b>x</b>"),
             sites=[site("park", at=(HANGZHOU[0] + 0.05, HANGZHOU[1])), site("park2"),
                    site("village", "山村 & 田", kind="village", topics=["乡村振兴"])])
    document = TourDocument(t)
    win = MainWindow(document, isolated_settings, map_view_class=None)
    win.show()
    qtbot.waitExposed(win)
    yield win
    document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def test_auto_plan_dialog_shows_names_as_typed_and_builds_the_request(qtbot, small_window):
    from planner.model.site import TOPICS
    from ui.solve.plan_dialog import AutoPlanDialog

    dialog = AutoPlanDialog(small_window.document.tour, None, 3, small_window)
    qtbot.addWidget(dialog)
    assert [box.text() for _, box in dialog.groups] == ["P&&G", "<b>x</b>"]  # '&&' displays one '&'
    assert [dialog.pool.item(i).text() for i in range(dialog.pool.count())] == ["park", "park2", "山村 & 田"]
    assert [t for t, _ in dialog.topics] == list(TOPICS)
    dialog.pool.item(2).setCheckState(Qt.CheckState.Checked)
    dict(dialog.topics)["乡村振兴"].setChecked(True)
    dialog.balance.setChecked(True)
    req = dialog.request()
    assert req.groups == ["g1", "g2"] and [(p.site, p.groups, p.max_groups) for p in req.pool] == \
        [("village", ["g1", "g2"], 1)]
    assert req.topics == {"g1": ["乡村振兴"], "g2": ["乡村振兴"]} and req.balance


def test_auto_plan_places_a_shared_site_for_a_required_topic_and_says_what_stays_uncovered(qtbot, small_window):
    from PySide6.QtCore import QTimer

    win, actions = small_window, small_window.solve_actions

    def fill() -> None:
        d = actions.plan_dialog
        for _, box in d.groups:
            box.setChecked(True)
        d.pool.item(2).setCheckState(Qt.CheckState.Checked)  # the village: one group may take it
        dict(d.topics)["乡村振兴"].setChecked(True)            # both groups need it: one cannot have it
        d.seconds.setValue(1)
        d.accept()
    QTimer.singleShot(0, fill)
    actions.plan_action.trigger()
    dialog = _proposal(qtbot, actions)
    assert "required topic 乡村振兴 not covered" in dialog.remaining.text()
    dialog.apply_button.click()
    tour = win.document.tour
    takers = [g.id for g in tour.groups if any(a.site == "village" for d in g.days for a in d.activities)]
    assert len(takers) == 1
    win.document.undo_stack.undo()
    assert not any(a.site == "village" for g in win.document.tour.groups for d in g.days for a in d.activities)


def test_auto_plan_dialog_offers_ticked_hotels_for_every_night(qtbot, small_window):
    from ui.solve.plan_dialog import AutoPlanDialog

    tour = small_window.document.tour
    tour.sites.append(tour.sites[0].model_copy(update={"id": "inn", "name": "Inn & <i>Spa</i>"}))
    g1 = tour.group("g1")
    g1.days.append(g1.days[0].model_copy(update={"date": g1.days[0].date.replace(day=26), "activities": []}))
    dialog = AutoPlanDialog(tour, "g1", 3, small_window)
    qtbot.addWidget(dialog)
    assert [dialog.hotels.item(i).text() for i in range(dialog.hotels.count())] == ["Inn & <i>Spa</i>", "酒店"]
    assert dialog.request().hotels == []  # nothing ticked: hotels stay
    dialog.hotels.item(0).setCheckState(Qt.CheckState.Checked)
    nights = dialog.request().hotels
    assert [(h.group, h.date.day, h.candidates) for h in nights] == [("g1", 25, ["hotel", "inn"])]
