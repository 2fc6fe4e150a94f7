"""The Chinese interface: every translatable string has a translation, and it loads."""

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication

from ui import i18n, i18n_build

UI = Path(i18n_build.__file__).resolve().parent


def test_every_string_the_interface_marks_for_translation_is_translated(tmp_path):
    ts = tmp_path / "found.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *map(str, sorted(UI.rglob("*.py"))), "-ts", str(ts), "-silent"], check=True)
    known = i18n_build.read_tsv()
    missing = [(ctx.findtext("name"), m.findtext("source"))
               for ctx in ElementTree.parse(ts).getroot().iter("context") for m in ctx.iter("message")
               if m.findtext("source") not in known.get(ctx.findtext("name"), {})]
    assert missing == []


def test_the_translation_builds_and_switches_the_language(qapp, tmp_path):
    qm = i18n_build.build(tmp_path / "zh.qm")
    assert qm.stat().st_size > 1000
    try:
        assert i18n.install("zh") == "zh"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own buttons too
        assert i18n.install("en") == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        i18n.install("en")


def test_each_string_is_translated_once():
    """Two lines for one string would let the later one win silently, and hide a stale translation."""
    seen: dict[tuple[str, str], int] = {}
    twice = []
    for number, line in enumerate(i18n_build.TSV.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            key = tuple(line.split("\t")[:2])
            if key in seen:
                twice.append((seen[key], number, key))
            seen[key] = number
    assert twice == []
