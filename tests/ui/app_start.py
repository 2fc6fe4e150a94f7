"""Starting the real app (`create_window`) in a test: its own data folder, and a clean close."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths


@pytest.fixture
def data_dir(qapp, tmp_path):
    """The app's data folder, its own for this test (test mode: never the user's)."""
    QStandardPaths.setTestModeEnabled(True)
    qapp.setApplicationName(f"Study-Tour Planner Tests {tmp_path.name}")
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
    QStandardPaths.setTestModeEnabled(False)


def close(window) -> None:
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # its web view goes now, not at GC
