"""Problems the scheduler finds: stable codes, severities, where they are, and their wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from planner.schedule.messages import MESSAGES


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_LABELS = {Severity.ERROR: ("错误", "error"), Severity.WARNING: ("警告", "warning"),
                   Severity.INFO: ("提示", "info")}

# code -> severity. Codes are part of the JSON output: never rename one. Wording: planner/schedule/messages.py.
SEVERITIES: dict[str, Severity] = {
    "day-overflow": Severity.ERROR,
    "early-start": Severity.ERROR,
    "closed-weekday": Severity.ERROR,
    "closed-holiday": Severity.ERROR,
    "outside-hours": Severity.ERROR,
    "over-capacity-groups": Severity.ERROR,
    "over-capacity-people": Severity.ERROR,
    "pinned-unreachable": Severity.ERROR,
    "boarding-margin": Severity.WARNING,
    "joint-mismatch": Severity.ERROR,
    "long-leg": Severity.WARNING,
    "no-lunch": Severity.WARNING,
    "meal-outside-lunch": Severity.WARNING,
    "too-many-visits": Severity.WARNING,
    "site-revisited": Severity.WARNING,
    "start-mismatch": Severity.WARNING,
    "no-hotel": Severity.INFO,
    "holidays-unknown": Severity.INFO,
    "balance-driving": Severity.INFO,
    "balance-visits": Severity.INFO,
    "balance-topics": Severity.INFO,
    # people (planner/schedule/people_checks.py)
    "roster-headcount": Severity.WARNING,
    "vehicle-seats": Severity.ERROR,
    "person-in-two-groups": Severity.ERROR,
    "room-over-beds": Severity.ERROR,
    "participant-no-group": Severity.WARNING,
    "person-two-rooms": Severity.ERROR,
}

# code -> (severity, zh template, en template)
CATALOGUE: dict[str, tuple[Severity, str, str]] = {
    code: (severity, *MESSAGES[code]) for code, severity in SEVERITIES.items()}


@dataclass(frozen=True)
class Problem:
    code: str
    group_id: str | None = None
    date: dt.date | None = None
    activity_id: str | None = None
    site_id: str | None = None
    # Either fixed values or a function of the language; a function keeps checking cheap because
    # most problems are counted and coloured long before anyone reads their text.
    params: dict[str, Any] | Callable[[str], dict[str, Any]] = field(default_factory=dict, compare=False,
                                                                      hash=False)
    groups: tuple[str, ...] = ()  # every group involved (capacity clashes name several)
    activities: tuple[str, ...] = ()  # every activity involved, when more than the one above

    def involves(self, activity_id: str) -> bool:
        return activity_id == self.activity_id or activity_id in self.activities

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code][0]

    def values(self, lang: str = "zh") -> dict[str, Any]:
        return self.params(lang) if callable(self.params) else self.params

    def message(self, lang: str = "zh") -> str:
        _, zh, en = CATALOGUE[self.code]
        return (zh if lang == "zh" else en).format(**self.values(lang))

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "group": self.group_id,
            "groups": list(self.groups or ((self.group_id,) if self.group_id else ())),
            "date": self.date.isoformat() if self.date else None,
            "activity": self.activity_id,
            "activities": list(self.activities or ((self.activity_id,) if self.activity_id else ())),
            "site": self.site_id,
            "message": self.message(lang),
        }
