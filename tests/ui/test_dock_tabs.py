"""At 1366×768 no dock tab bar is left behind over another dock once the layout has settled: after start
and after View › Reset window layout (twice); every group of tabbed docks keeps its own bar at its edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTabBar

from planner.model.site import Catalogue, Site
from tests.ui.test_build_from_scratch import CATALOGUE, reference


@pytest.fixture
def document(qapp):
    """The acceptance tour: two groups, a problem in the problems list (its title carries the counts)."""
    from ui.document import TourDocument

    return TourDocument(reference(), catalogue=Catalogue(sites=[Site.model_validate(s) for s in CATALOGUE]))


def bars_on_screen(window) -> list[QTabBar]:
    return [b for b in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if b.isVisible() and b.geometry().x() >= 0 and b.geometry().y() >= 0]


def borders(bar: QTabBar, dock: QDockWidget) -> bool:
    rect = bar.geometry()
    return not rect.intersects(dock.geometry()) and rect.adjusted(-3, -3, 3, 3).intersects(dock.geometry())


def no_bar_over_a_dock(window) -> None:
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
    for bar in bars_on_screen(window):
        titles = [bar.tabText(i) for i in range(bar.count())]
        assert any(d.windowTitle() in titles and borders(bar, d) for d in docks), \
            f"tab bar {titles} at {bar.geometry().getRect()} lies over another dock"


def check_tabs(window) -> None:
    no_bar_over_a_dock(window)
    for first, second in ((window.catalogue_dock, window.map_dock), (window.problems_dock, window.people_dock)):
        assert second in window.tabifiedDockWidgets(first)
        shown = first if not first.visibleRegion().isEmpty() else second
        assert [b for b in bars_on_screen(window) if borders(b, shown)], f"no tab bar for {shown.windowTitle()}"


def test_no_tab_bar_is_left_over_another_dock_after_start_or_a_layout_reset(window, qtbot):
    qtbot.wait(20)
    check_tabs(window)
    for _ in range(2):
        window.arrange_docks()
        qtbot.wait(20)
        check_tabs(window)
    window.people_dock.raise_()
    window.map_dock.raise_()
    qtbot.wait(20)
    check_tabs(window)


def test_no_tab_bar_is_left_over_a_dock_when_a_laptop_window_is_maximised_and_reset(window, qtbot):
    """The screenshot's path: a window laid out narrow, then made 1920×1080 and reset to the wide layout
    (a stale '问题 | 名单' bar stayed over the catalogue, '日程详情 | 地图' over the problems)."""
    window.resize(1920, 1080)
    window.arrange_docks(1920)
    qtbot.wait(50)
    no_bar_over_a_dock(window)
    assert window.map_dock in window.tabifiedDockWidgets(window.day_dock)
    window.resize(1366, 768)
    window.arrange_docks(1366)
    qtbot.wait(50)
    check_tabs(window)
