"""Copy a group's day as the text an organizer posts in the class's WeChat group (planner/render/day_message).

The participant edition: a WeChat group is no place for staff phones. The status bar says what was copied.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from planner.model.people import PARTICIPANT_EDITION
from planner.render.day_message import day_message
from planner.render.labels import day_label


def copy_day_text(window, group_id: str, date: dt.date) -> str:
    """Put the day's message on the system clipboard; returns it."""
    text = day_message(window.document.schedule, group_id, date, PARTICIPANT_EDITION)
    QGuiApplication.clipboard().setText(text)
    group = window.document.tour.group(group_id)
    said = QCoreApplication.translate("DayText", "Copied %1, %2 as text: paste it into WeChat")
    window.statusBar().showMessage(said.replace("%1", group.name).replace("%2", day_label(date)), 8000)
    return text
