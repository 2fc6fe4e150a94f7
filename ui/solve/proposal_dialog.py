"""The proposed changes, listed before anything is applied: Apply or Discard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from planner.diff.report import describe
from ui.i18n import lang

if TYPE_CHECKING:  # OR-Tools loads with the first search, not with the window
    from planner.solve.runner import Outcome


class ProposalDialog(QDialog):
    def __init__(self, outcome: Outcome, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.outcome = outcome
        self.setWindowTitle(title)
        self.resize(640, 420)
        before, after = len(outcome.errors(outcome.before)), len(outcome.errors(outcome.after))
        km_before, km_after = outcome.travel_minutes
        summary = QLabel(self.tr("Errors: %1 → %2. Driving: %3 → %4 min. Changed activities: %5.")
                         .replace("%1", str(before)).replace("%2", str(after)).replace("%3", str(km_before))
                         .replace("%4", str(km_after)).replace("%5", str(outcome.changed_activities)), self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.changes = QListWidget(self)
        for change in outcome.diff.changes if outcome.diff else []:
            self.changes.addItem(describe(change))  # plain items: names show as typed
        left = self.remaining = QLabel(self)
        left.setTextFormat(Qt.TextFormat.PlainText)
        left.setWordWrap(True)
        remaining = outcome.errors(outcome.after)
        lines = [p.message(lang()) for p in remaining]
        for gid, topic in outcome.uncovered:  # a required topic no site on the group's days could give
            lines.append(self.tr("%1: required topic %2 not covered: no site with it fits the group's days")
                         .replace("%1", outcome.tour.group(gid).name).replace("%2", topic))
        if lines:
            left.setText("\n".join([self.tr("Cannot be removed:")] + lines))
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Discard"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(bool(outcome.diff and outcome.diff.changes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(left)
        layout.addWidget(buttons)
