"""Guards against a broken Qt binding release (PySide6 6.12.0 on Python 3.11 leaks references to None)."""

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_returning_nothing_keep_references_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("研学")
    # A leaking binding loses one reference per call and aborts the app after a few thousand.
    assert sys.getrefcount(None) > before - 100
