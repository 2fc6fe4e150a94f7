"""Build the Chinese Qt translation (.qm) from resources/translations/zh_CN.tsv.

The TSV (context, English source, 中文) is the file translators edit: one line per string, easy to review
in a diff. It is turned into Qt's .ts XML and compiled with pyside6-lrelease, which ships with PySide6.
Run: python -m ui.i18n_build
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
TSV = TRANSLATIONS / "zh_CN.tsv"
QM = TRANSLATIONS / "study_tour_zh_CN.qm"


def read_tsv(path: Path = TSV) -> dict[str, dict[str, str]]:
    entries: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path}:{number}: expected context<TAB>source<TAB>translation")
        context, source, target = parts
        entries.setdefault(context, {})[source.replace("\\n", "\n")] = target.replace("\\n", "\n")
    return entries


def to_ts(entries: dict[str, dict[str, str]]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
           '<TS version="2.1" language="zh_CN" sourcelanguage="en">']
    for context in sorted(entries):
        out.append(f"<context><name>{escape(context)}</name>")
        for source, target in entries[context].items():
            out.append(f"<message><source>{escape(source)}</source>"
                       f"<translation>{escape(target)}</translation></message>")
        out.append("</context>")
    out.append("</TS>")
    return "\n".join(out) + "\n"


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return found


def build(qm: Path = QM) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "study_tour_zh_CN.ts"
        ts.write_text(to_ts(read_tsv()), encoding="utf-8")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def stale(qm: Path = QM) -> bool:
    return not qm.exists() or qm.stat().st_mtime < TSV.stat().st_mtime


if __name__ == "__main__":
    print(build())
