"""The 定位 note (what was found, or why not) never squeezes the address or moves a field: it has a line of
its own under the address, cut when too long and whole in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLineEdit

from tests.ui.geo_helpers import use_services
from ui.catalogue.site_dialog import SiteDialog


@pytest.fixture
def unreachable_service(monkeypatch, isolated_settings, tmp_path):
    """Online locating allowed, but the map service cannot be reached."""
    use_services(monkeypatch, tmp_path, settings=isolated_settings, key="ak")


def field_places(dialog) -> dict[str, tuple]:
    return {e.objectName() or str(i): (e.mapTo(dialog, e.rect().topLeft()).toTuple(), e.size().toTuple())
            for i, e in enumerate(dialog.findChildren(QLineEdit))}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_locate_note_leaves_the_address_and_every_field_where_they_were(qtbot, unreachable_service, lang,
                                                                               request):
    request.getfixturevalue("chinese" if lang == "zh" else "english")
    dialog = SiteDialog(None, set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = field_places(dialog)
    dialog.address_edit.setText("浙江省嘉兴市海宁市海昌街道海宁中国皮革城")
    button = dialog.locate_button.button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(button.isEnabled, timeout=15000)
    note = dialog.locate_button.note
    tip = QTextDocument()
    tip.setHtml(note.toolTip())
    assert note.text() and tip.toPlainText() == note.text()  # the whole message, even where the line cuts it
    assert field_places(dialog) == before
    assert dialog.address_edit.width() >= dialog.name_edit.width() - button.width() - 12
