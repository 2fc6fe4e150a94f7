"""Application start-up: QApplication, language, fonts, catalogue, then the main window on a file."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from planner.io.atomic import atomic_write, sweep_stale_temps
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


def user_catalogue(data_dir: Path) -> tuple[Catalogue, Path, str | None]:
    """The organizer's own catalogue, started from the bundled one the first time.

    A damaged one is never overwritten: it is renamed aside with a timestamp (the sites in it are the
    organizer's work), the bundled one takes its place, and the third value says so, once.
    """
    path = data_dir / "catalogue.sites.json"
    notice = None
    if path.exists():
        try:
            return load_catalogue(path), path, None
        except Exception as e:  # TourFileError, or anything a strange file provokes: the app still starts
            reason = e.describe() if isinstance(e, TourFileError) else f"{type(e).__name__}: {e}"
            aside = _aside_name(path)
            try:
                path.rename(aside)
            except OSError:
                return _bundled(), None, catalogue_notice(reason, None)  # not ours to overwrite: edits unsaved
            notice = catalogue_notice(reason, aside)
    if BUNDLED_CATALOGUE.exists():
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            atomic_write(path, BUNDLED_CATALOGUE.read_bytes())
        except OSError:
            return _bundled(), None, notice
    return _bundled(), path, notice


def _aside_name(path: Path) -> Path:
    stem = f"catalogue.damaged-{dt.datetime.now():%Y%m%d-%H%M%S}"
    aside, n = path.with_name(stem + ".sites.json"), 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{stem}-{n}.sites.json")
    return aside


def _bundled() -> Catalogue:
    return load_catalogue(BUNDLED_CATALOGUE) if BUNDLED_CATALOGUE.exists() else Catalogue()


def catalogue_notice(reason: str, aside: Path | None) -> str:
    from PySide6.QtCore import QCoreApplication

    kept = (QCoreApplication.translate("App", "It was kept, unchanged, as %1.").replace("%1", str(aside))
            if aside else QCoreApplication.translate(
                "App", "It could not be moved aside: it is left as it is, and catalogue edits are not saved."))
    first = QCoreApplication.translate(
        "App", "Your site catalogue could not be read; the bundled catalogue is used instead.")
    return "\n\n".join([first, reason, kept])


def create_window(argv: Sequence[str]):
    """Build the window (the QApplication must exist); errors opening FILE show in a message box."""
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.document import TourDocument
    from ui.main_window import MainWindow
    from ui import recovery as recovery_copy

    app = QApplication.instance()
    settings = QSettings()
    i18n.install(i18n.preferred(settings))
    family = chinese_font_family()
    if family:
        font = QFont(family)
        font.setPointSizeF(app.font().pointSizeF())
        app.setFont(font)
    data_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    sweep_stale_temps(data_dir)  # temp files a crash mid-save left behind
    catalogue, catalogue_path, notice = user_catalogue(data_dir)
    document = TourDocument(catalogue=catalogue, catalogue_path=catalogue_path)
    window = MainWindow(document, settings)
    if notice:
        window.files.show_error(QCoreApplication.translate("App", "Site catalogue"), notice)
    recovery = recovery_copy.attach(window, data_dir / "recovery")
    files = [a for a in argv if not a.startswith("-")]
    found = recovery.pending()
    if found is not None and window.files.ask_restore(found):
        recovery.restore(found)
    else:
        if found is not None:
            recovery.discard(found)
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
    window.errors.install()  # a failing slot becomes a message box, not a traceback on stderr
    # deleted inside the event loop, so its web view goes before QtWebEngine's profile does
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return app.exec()
