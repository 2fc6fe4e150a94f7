"""Application start-up: QApplication, language, fonts, catalogue, then the main window on a file."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from planner.io.errors import TourFileError
from planner.io.fileformat import load_catalogue
from planner.model.site import Catalogue

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CATALOGUE = ROOT / "seeds" / "catalogue.sites.json"
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei")


def prepare_environment() -> None:
    # Chromium (QtWebEngine) refuses to run as root with its sandbox; there is no GPU on these machines.
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


def chinese_font_family() -> str | None:
    """Name the Simplified-Chinese family: left to fontconfig, Noto CJK resolves to the Japanese variant."""
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def user_catalogue(data_dir: Path) -> tuple[Catalogue, Path]:
    """The organizer's own catalogue, started from the bundled one the first time."""
    path = data_dir / "catalogue.sites.json"
    if not path.exists() and BUNDLED_CATALOGUE.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(BUNDLED_CATALOGUE, path)
    try:
        return load_catalogue(path), path
    except TourFileError:
        return (load_catalogue(BUNDLED_CATALOGUE) if BUNDLED_CATALOGUE.exists() else Catalogue()), path


def create_window(argv: Sequence[str]):
    """Build the window (the QApplication must exist); errors opening FILE show in a message box."""
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.document import TourDocument
    from ui.main_window import MainWindow
    from ui.recovery import Recovery

    app = QApplication.instance()
    settings = QSettings()
    i18n.install(i18n.preferred(settings))
    family = chinese_font_family()
    if family:
        font = QFont(family)
        font.setPointSizeF(app.font().pointSizeF())
        app.setFont(font)
    data_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    catalogue, catalogue_path = user_catalogue(data_dir)
    document = TourDocument(catalogue=catalogue, catalogue_path=catalogue_path)
    window = MainWindow(document, settings)
    recovery = Recovery(document, data_dir / "recovery", window)
    window.recovery = recovery
    files = [a for a in argv if not a.startswith("-")]
    if recovery.pending() is not None and window.files.ask_restore():
        recovery.restore()
    else:
        recovery.clear()
        if files:
            window.files.open(Path(files[0]))
    return window


def run_app(argv: Sequence[str]) -> int:
    prepare_environment()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName("StudyTour")
    app.setApplicationName("Study-Tour Planner")
    window = create_window(argv)
    # deleted inside the event loop, so its web view goes before QtWebEngine's profile does
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return app.exec()
