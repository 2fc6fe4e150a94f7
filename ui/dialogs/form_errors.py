"""Reasons shown next to the field they are about, taken from the models' own validation.

Dialogs build the pydantic model from what the widgets hold; `field_errors` turns the
ValidationError into (location, text) pairs and `FieldErrors` puts each text in a red label
under its field, so the user sees why OK refuses without a separate message box.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pydantic import ValidationError

from planner.io.limits import MAX_NAME, MAX_STRING, NAME_KEYS
from planner.io.validation_text import parse_path
from ui.i18n import translator

Loc = tuple[str | int, ...]

ERROR_STYLE = "color: #c0392b;"


def fill(template: str, *args: object) -> str:
    """Qt's QString.arg for Python strings (PySide's tr returns str): %1, %2 … in one pass."""
    return re.sub(r"%(\d+)", lambda m: str(args[int(m[1]) - 1]) if 0 < int(m[1]) <= len(args) else m[0],
                  template)


_tr = translator("FieldErrors")


def over_file_limits(data: Mapping[str, Any]) -> dict[str, str]:
    """Form fields holding more text than a tour or catalogue file may (planner/io/limits: what opening a
    file refuses), each with its reason, so nothing typed in a form makes a file unopenable."""
    reasons = {}
    for key, value in data.items():
        limit = MAX_NAME if key in NAME_KEYS and isinstance(value, str) else MAX_STRING
        if any(isinstance(v, str) and len(v) > limit for v in (value if isinstance(value, list) else [value])):
            reasons[key] = fill(_messages()["string_too_long"][0], limit)
    return reasons


def _messages() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Error type -> (translatable template, ctx keys filling %1, %2 …)."""
    return {
        "missing": (_tr("Required"), ()),
        "string_too_short": (_tr("Must not be empty"), ()),
        "string_too_long": (_tr("Too long (at most %1 characters)"), ("max_length",)),
        "string_pattern_mismatch": (_tr("Not in the expected form"), ()),
        "greater_than_equal": (_tr("Must be at least %1"), ("ge",)),
        "greater_than": (_tr("Must be more than %1"), ("gt",)),
        "less_than_equal": (_tr("Must be at most %1"), ("le",)),
        "less_than": (_tr("Must be less than %1"), ("lt",)),
        "span_order": (_tr("Ends at %1, not after it starts at %2"), ("end", "start")),
        "tour_dates": (_tr("The end date %1 is before the start date %2"), ("end", "start")),
        "day_outside": (_tr("%1 is outside the tour dates %2 – %3"), ("date", "start", "end")),
        "duplicate_id": (_tr("The id “%1” is used twice"), ("id",)),
        "duplicate_date": (_tr("The date %1 is planned twice"), ("date",)),
        "unknown_site": (_tr("The site “%1” is not in the tour"), ("site",)),
        "visit_site": (_tr("A site visit needs a site"), ()),
        "transfer_site": (_tr("A transfer needs a destination"), ()),
        "transfer_minutes": (_tr("A transfer needs its known duration in minutes"), ()),
        "not_transfer": (_tr("Only a transfer has a mode and an origin"), ()),
    }


@dataclass(frozen=True)
class FieldError:
    """One validation failure: where (full location, including a model check's own path) and why."""

    loc: Loc
    type: str
    text: str


def field_errors(error: ValidationError) -> list[FieldError]:
    """The errors of `error` with their locations and a translated text each."""
    found = []
    templates = _messages()
    for e in error.errors(include_url=False):
        ctx: dict[str, Any] = e.get("ctx") or {}
        loc: Loc = tuple(e.get("loc", ()))
        where = ctx.get("where")
        if isinstance(where, str):
            loc = loc + tuple(parse_path(where))
        template = templates.get(e["type"])
        if template is None:
            text = str(e["msg"]).split(": ", 1)[-1] if isinstance(where, str) else str(e["msg"])
        else:
            text = fill(template[0], *(ctx.get(key, "") for key in template[1]))
        found.append(FieldError(loc, e["type"], text))
    return found


def widget_for(loc: Loc, fields: Mapping[Loc, QWidget]) -> QWidget | None:
    """The widget registered for the longest prefix of `loc` (('travel', 'speed_kmh') before ('travel',))."""
    for n in range(len(loc), -1, -1):
        widget = fields.get(loc[:n])
        if widget is not None:
            return widget
    return None


class FieldErrors(QObject):
    """Owns one red label per field widget; `show` adds a reason, `clear` removes them all."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._labels: dict[QWidget, QLabel] = {}

    def label(self, field: QWidget) -> QLabel:
        """The field's error label (created hidden); place it yourself, or use `wrap`."""
        label = self._labels.get(field)
        if label is None:
            label = QLabel()
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.setVisible(False)
            label.setObjectName("fieldError")
            self._labels[field] = label
        return label

    def wrap(self, field: QWidget) -> QWidget:
        """The field with its error label under it, ready for a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.label(field))
        return box

    def show(self, field: QWidget, text: str) -> None:
        """Show `text` next to `field`; a second reason for the same field goes on its own line."""
        label = self.label(field)
        lines = [t for t in label.text().split("\n") if t] if self._is_shown(label) else []
        if text not in lines:
            lines.append(text)
        label.setText("\n".join(lines))
        label.setProperty("shown", True)
        label.setVisible(True)

    def show_all(self, errors: Iterable[FieldError], fields: Mapping[Loc, QWidget], fallback: QWidget,
                 by_type: Mapping[str, QWidget] | None = None) -> None:
        """Show each error by its field: first by error type (model-level checks have no field in their
        location), then by the longest registered prefix of its location, else next to `fallback`."""
        for err in errors:
            widget = (by_type or {}).get(err.type) or widget_for(err.loc, fields) or fallback
            self.show(widget, err.text)

    def clear(self) -> None:
        for label in self._labels.values():
            label.setText("")
            label.setProperty("shown", False)
            label.setVisible(False)

    def text(self, field: QWidget) -> str:
        """What is shown next to `field` ("" when nothing is)."""
        label = self._labels.get(field)
        return label.text() if label is not None and self._is_shown(label) else ""

    def fields(self) -> list[QWidget]:
        """The fields that currently show a reason."""
        return [f for f, label in self._labels.items() if self._is_shown(label)]

    def has_errors(self) -> bool:
        return bool(self.fields())

    @staticmethod
    def _is_shown(label: QLabel) -> bool:
        # isVisible() is False while the dialog itself is hidden; track our own state instead.
        return bool(label.property("shown"))
