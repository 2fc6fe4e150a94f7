"""What every printing command shares: Qt without a window, and the --print-date argument."""

from __future__ import annotations

import datetime as dt
import os

from planner.io.errors import PlannerError


def headless_qt():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is opened; works without a display
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["study-tour"])


def print_date(text: str | None) -> dt.date:
    """The date printed on a document: today unless given; refused before any work when impossible."""
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PlannerError(f"--print-date {text}: 不是有效日期 (not a date; write YYYY-MM-DD)") from None
