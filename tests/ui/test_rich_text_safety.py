"""Names show exactly as typed wherever the window shows them: never read as HTML (no bold, no broken image)."""

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from tests.builders import day, group, site, tour, visit
from ui.document import TourDocument

HOSTILE = "<b>粗</b><img src=x>"
MON = dt.date(2025, 2, 24)


def rendered(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters a person sees, as Qt decides between plain and rich text."""
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def label_shows(label: QLabel) -> str:
    return rendered(label.text(), label.textFormat())


@pytest.fixture
def document(qapp, catalogue):
    hostile = tour(group("g1", day("2025-02-24", visit("mill", id="v1")), name=HOSTILE),
                   sites=[site("mill", HOSTILE)])
    hostile.groups[0].leader = HOSTILE
    return TourDocument(hostile, catalogue=catalogue)


def test_the_status_bar_totals_show_the_group_name_as_typed(window):
    assert HOSTILE in label_shows(window.totals_label)


def test_the_day_detail_heading_and_rows_show_names_as_typed(window):
    window.board.select_cell("g1", MON)
    window.day_dock.show_day("g1", MON)
    heading = label_shows(window.day_dock.heading)
    assert heading.startswith(HOSTILE + " · ")
    model = window.day_dock.model
    tips = [rendered(model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or "")
            for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert any(HOSTILE in t for t in tips)


def test_board_cell_and_row_header_tooltips_show_names_as_typed(window):
    model = window.board_model
    cell = model.index_of("g1", MON).data(Qt.ItemDataRole.ToolTipRole)
    assert HOSTILE in rendered(cell).splitlines()[0]
    header = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert rendered(header) == HOSTILE


def test_a_card_tooltip_shows_the_site_name_as_typed(window, qtbot):
    board = window.board
    centre = board.card_center("v1")
    event = QHelpEvent(QEvent.Type.ToolTip, centre, board.viewport().mapToGlobal(centre))
    QApplication.sendEvent(board.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    shown = rendered(QToolTip.text())
    QToolTip.hideText()
    assert HOSTILE in shown.splitlines()[0]


def test_catalogue_tooltips_show_names_as_typed(window):
    window.document.catalogue.sites[0].name = HOSTILE
    window.document.catalogueChanged.emit()
    model = window.catalogue_dock.model
    tips = [rendered(model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) or "") for r in range(model.rowCount())]
    assert any(t.startswith(HOSTILE) for t in tips)


def test_a_tooltip_keeps_every_line_space_and_ampersand():
    from ui import literal

    plain = "第一行\n  缩进  两个空格\nA & B &lt; <i>"
    assert rendered(literal.tooltip(plain)).replace("\u2028", "\n") == plain


def test_question_boxes_show_group_and_site_names_as_typed(qtbot, monkeypatch, document):
    """The remove-group and delete-site questions name what they remove: never as HTML."""
    from PySide6.QtWidgets import QMessageBox

    from ui.catalogue.catalogue_dock import CatalogueDock
    from ui.dialogs.settings_dialog import TourSettingsDialog

    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    document.tour.groups[0].name = HOSTILE
    dlg = TourSettingsDialog(document.tour)
    qtbot.addWidget(dlg)
    dlg.groups_view.setCurrentIndex(dlg.groups_model.index(0, 0))
    dlg.remove_group_button.click()
    assert len(asked) == 1 and HOSTILE in rendered(asked[0])

    document.catalogue.sites[0].name = HOSTILE
    dock = CatalogueDock(document)
    qtbot.addWidget(dock)
    box = dock.delete_site(document.catalogue.sites[0].id)
    assert HOSTILE in rendered(box.text(), box.textFormat())
    box.reject()
