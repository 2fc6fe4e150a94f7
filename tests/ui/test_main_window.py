"""The window as a whole: files, title, closing with changes, problems → board, day detail, status."""

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from planner.model.edits import Slot
from planner.io.fileformat import load_tour, save_tour
from planner.schedule.problems import Severity
from ui.panels.problems_model import ProblemRole
from tests.ui.board_helpers import cell_point, drop_site

MON = dt.date(2025, 2, 24)


def test_open_edit_save_reopen_round_trips(window, tmp_path):
    path = tmp_path / "trip.tour.json"
    save_tour(window.document.tour, path)
    assert window.files.open(path)
    drop_site(window.board, "leather", cell_point(window.board, "g2", MON))
    assert window.isWindowModified()
    assert window.files.save()
    assert not window.isWindowModified() and "trip.tour.json" in window.windowTitle()
    reopened = load_tour(path)
    assert reopened == window.document.tour
    assert [a.site for a in reopened.group("g2").day(MON).activities] == ["farm", "hall", "leather"]
    assert reopened.site("leather").name == "海宁中国皮革城"


def test_save_as_asks_for_a_name_and_remembers_it(window, tmp_path, monkeypatch):
    target = tmp_path / "新行程.tour.json"
    monkeypatch.setattr(window.files, "ask_save_path", lambda: target)
    assert window.files.save()  # untitled: Save falls back to Save As
    assert target.exists() and window.document.path == target
    assert window.files.recent()[0] == str(target.resolve())


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, monkeypatch):
    drop_site(window.board, "leather", cell_point(window.board, "g1", MON))
    asked = []

    def cancel():
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(window.files, "ask_unsaved", cancel)
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_closing_without_changes_does_not_ask(window, monkeypatch):
    monkeypatch.setattr(window.files, "ask_unsaved", lambda: (_ for _ in ()).throw(AssertionError("asked")))
    assert window.close()


def test_a_bad_file_shows_a_message_and_keeps_the_current_tour(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.tour.json"
    bad.write_text('{"format": "study-tour/tour", "version": 1, "title": "x", "start_date": "2025-02-23",'
                   ' "end_date": "2025-02-28", "day_window": {"start": "08:00", "end": "25:00"}}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(window.files, "show_error", lambda title, text: shown.append(text))
    before = window.document.tour.model_dump()
    assert not window.files.open(bad)
    assert shown and "25:00" in shown[0] and "day_window.end" in shown[0]
    assert window.document.tour.model_dump() == before


def clash_at_the_village(window):
    """李祖村 takes one group at a time: put it first in group 1's day too, so both groups are there at 08:00."""
    drop_site(window.board, "farm", cell_point(window.board, "g1", MON, below_card=None))
    added = window.document.tour.group("g1").day(MON).activities[-1].id
    window.actions_.move(added, Slot("g1", MON, 0))


def test_selecting_a_problem_selects_its_card(window):
    clash_at_the_village(window)
    dock = window.problems_dock
    rows = [r for r in range(dock.proxy.rowCount()) if dock.proxy.index(r, 4).data() == "over-capacity-groups"]
    assert len(rows) == 1
    dock.select_row(rows[0])
    problem = dock.proxy.index(rows[0], 0).data(ProblemRole)
    assert problem.activity_id and window.board.selected_activity == problem.activity_id
    assert window.board.currentIndex() == window.board_model.index_of(problem.group_id, MON)


def test_problem_counts_show_in_the_dock_title(window):
    errors = window.document.schedule.count(Severity.ERROR)
    warnings = window.document.schedule.count(Severity.WARNING)
    title = window.problems_dock.windowTitle()
    assert f"{errors}" in title and f"{warnings}" in title
    clash_at_the_village(window)
    assert window.document.schedule.count(Severity.ERROR) == errors + 1
    assert window.problems_dock.windowTitle() != title and str(errors + 1) in window.problems_dock.windowTitle()


def test_selecting_a_cell_shows_its_timeline(window, qtbot):
    board = window.board
    board.select_cell("g2", MON)
    model = window.day_dock.model
    texts = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert "李祖村" in texts and "展厅" in texts
    assert "第二组" in window.day_dock.heading.text()


def test_status_bar_shows_each_groups_totals(window):
    text = window.totals_label.text()
    assert "第一组" in text and "第二组" in text and "km" in text


def test_dock_layout_and_geometry_are_remembered(window, isolated_settings, document, qtbot):
    from ui.main_window import MainWindow

    window.resize(700, 500)  # within the offscreen screen, which restoreGeometry fits windows into
    size = (window.width(), window.height())  # what the window really took (it has a minimum width)
    window.problems_dock.hide()
    window.close()
    again = MainWindow(document, isolated_settings, map_view_class=None)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == size != (again._default_size().width(), again._default_size().height())
    assert not again.problems_dock.isVisible() and again.catalogue_dock.isVisible()


def test_reset_layout_puts_every_dock_back_for_the_window_width(window):
    from PySide6.QtCore import Qt

    window.problems_dock.setFloating(True)
    window.catalogue_dock.hide()
    window.arrange_docks(1366)
    assert not window.problems_dock.isFloating() and window.catalogue_dock.isVisible()
    assert window.dockWidgetArea(window.day_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.tabifiedDockWidgets(window.catalogue_dock) == [window.map_dock]  # the tall column
    window.arrange_docks(1920)
    assert window.dockWidgetArea(window.day_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.tabifiedDockWidgets(window.day_dock) == [window.map_dock]


def test_the_map_follows_the_boards_selection_tour_group_day(window, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QAbstractButton

    from planner.render.routes import Scope

    board, dock = window.board, window.map_dock
    header = board.verticalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.width() // 2, header.sectionViewportPosition(1) + 5))  # 第二组's header
    assert dock.scope() == Scope("g2") and dock.scope_box.currentData() == "group"
    assert dock.page_path.read_text(encoding="utf-8").count("L.polyline(") == 1
    board.select_cell("g1", MON)
    assert dock.scope() == Scope("g1", MON) and dock.scope_box.currentData() == "day"
    qtbot.mouseClick(board.findChild(QAbstractButton), Qt.MouseButton.LeftButton)  # the corner button
    assert dock.scope() == Scope() and dock.page_path.read_text(encoding="utf-8").count("L.polyline(") == 2
