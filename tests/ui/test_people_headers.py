"""Every 名单 column is at least as wide as its header: "Unit and position" was cut to "Jnit and positior"
in English at 1366×768."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from ui.people.people_dock import PeopleDock


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_each_header_section_is_as_wide_as_its_text(request, qtbot, window, language):
    request.getfixturevalue(language)
    from ui.main_window import MainWindow

    win = MainWindow(window.document, window.settings, map_view_class=None)  # built in that language
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.people_dock.raise_()
    checked = 0
    for kind in PeopleDock.KINDS:
        header = win.people_dock.page(kind).view.horizontalHeader()
        metrics = header.fontMetrics()
        for section in range(header.count()):
            text = header.model().headerData(section, Qt.Orientation.Horizontal)
            margins = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            assert header.sectionSize(section) >= metrics.horizontalAdvance(text) + margins, (kind, text)
            checked += 1
    assert checked > 20
