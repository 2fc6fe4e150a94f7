"""A leg's known duration (from a timetable or the coach company), or back to the travel model's estimate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox,
                               QVBoxLayout, QWidget)

from ui.dialogs.form_errors import fill


class LegDialog(QDialog):
    CLEAR = 2  # result code: forget the known duration

    def __init__(self, origin: str, destination: str, minutes: int, km: float, known: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leg"))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 1440)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(minutes)
        self.km_spin = QDoubleSpinBox()
        self.km_spin.setRange(0, 5000)
        self.km_spin.setDecimals(1)
        self.km_spin.setSpecialValueText(self.tr("(estimate)"))
        self.km_spin.setSuffix(" km")
        self.km_spin.setValue(km if known else 0)
        form = QFormLayout()
        heading = QLabel(fill(self.tr("%1 → %2"), origin, destination))
        heading.setTextFormat(Qt.TextFormat.PlainText)  # site names show as typed, never as markup
        form.addRow(heading)
        form.addRow(self.tr("Known duration"), self.minutes_spin)
        form.addRow(self.tr("Distance"), self.km_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.clear_button = buttons.addButton(self.tr("Use the estimate"), QDialogButtonBox.ButtonRole.ResetRole)
        self.clear_button.setEnabled(known)
        self.clear_button.clicked.connect(lambda: self.done(self.CLEAR))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def km(self) -> float | None:
        return self.km_spin.value() or None
