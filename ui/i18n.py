"""Interface language: Chinese on a Chinese locale, English otherwise, or what the user chose.

Widgets use English source strings through Qt's tr(); the Chinese comes from the compiled Qt
translation in resources/translations. Domain words already carry (zh, en) pairs in planner/.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
SETTING = "ui/language"  # "auto", "zh" or "en"

_current = "zh"
_translators: list[QTranslator] = []


def translator(context: str):
    """tr() for code outside a QObject: the strings are found under `context` in the translation."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)
    return tr


def lang() -> str:
    """The language in force: "zh" or "en"."""
    return _current


def pick(pair: tuple[str, str]) -> str:
    """The right half of a (zh, en) label pair."""
    return pair[0] if _current == "zh" else pair[1]


def preferred(settings: QSettings | None = None) -> str:
    choice = str((settings or QSettings()).value(SETTING, "auto"))
    if choice in ("zh", "en"):
        return choice
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def qm_path() -> Path:
    return TRANSLATIONS / "study_tour_zh_CN.qm"


def _ensure_built() -> None:
    """A checkout run without scripts/setup.sh has no .qm yet: build it from the TSV once."""
    from ui import i18n_build

    try:
        if i18n_build.stale(qm_path()):
            i18n_build.build(qm_path())
    except (OSError, ValueError, subprocess.CalledProcessError):
        pass  # the window still works, in English


def reset() -> None:
    """Back to the state before any `install`: Qt's English source strings, Chinese domain labels. Tests
    call it after each test so a language switched by one test never leaks into the next."""
    global _current
    install("en")
    _current = "zh"


def install(language: str) -> str:
    """Load (or drop) the Chinese translation for the running application; returns the language in force."""
    global _current
    app = QCoreApplication.instance()
    while _translators:
        translator = _translators.pop()
        if app is not None:
            app.removeTranslator(translator)
    _current = "en"
    if language == "zh":
        _current = "zh"
        _ensure_built()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # ours, and Qt's own (OK/Cancel, Yes/No, file dialogs) from the PySide6 package
        for name, folder in ((str(qm_path()), ""), ("qtbase_zh_CN", qt_dir)):
            translator = QTranslator(app)
            if app is not None and translator.load(name, folder):
                app.installTranslator(translator)
                _translators.append(translator)
    return _current
