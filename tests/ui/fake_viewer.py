"""The desktop's file viewer, at the machine boundary: Qt hands it every file:// URL the app asks to open."""

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices


class FakeViewer(QObject):
    def __init__(self):
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


@contextmanager
def file_viewer():
    fake = FakeViewer()
    QDesktopServices.setUrlHandler("file", fake, "open")
    try:
        yield fake
    finally:
        QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def viewer():
    with file_viewer() as fake:
        yield fake
