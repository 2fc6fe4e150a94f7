"""The 自动排程… dialog: which groups, a shared pool of the tour's sites, required topics, balance, time.

It only builds a planner request; the search runs elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout,
                               QGroupBox, QListWidget, QListWidgetItem, QSpinBox, QVBoxLayout)

from planner.model.site import TOPICS, SiteKind
from planner.model.tour import Tour
from planner.solve.request import PlanRequest
from ui.dialogs.mnemonics import as_typed

NOT_VISITED = (SiteKind.HOTEL, SiteKind.STATION)


class AutoPlanDialog(QDialog):
    def __init__(self, tour: Tour, chosen: str | None, seconds: float, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Auto-plan"))
        form = QFormLayout()
        self.groups: list[tuple[str, QCheckBox]] = []
        for g in tour.groups:
            box = QCheckBox(as_typed(g.name), self)  # '&' would otherwise become a shortcut
            box.setChecked(g.id == chosen or chosen is None)
            self.groups.append((g.id, box))
            form.addRow(box)
        self.pool = QListWidget(self)  # shared pool: a ticked site may go to any one chosen group
        for s in sorted(tour.sites, key=lambda s: s.name):
            if s.kind in NOT_VISITED:
                continue
            item = QListWidgetItem(s.name, self.pool)  # item text is plain, shown as typed
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        form.addRow(self.tr("Shared pool (sites any chosen group may add)"), self.pool)
        self.hotels = QListWidget(self)  # hotel candidates: each night may move to one of them
        for s in sorted((s for s in tour.sites if s.kind is SiteKind.HOTEL), key=lambda s: s.name):
            item = QListWidgetItem(s.name, self.hotels)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.tour = tour
        self.share = QSpinBox(self)
        self.share.setRange(1, 99)
        form.addRow(self.tr("Groups per pool site at most"), self.share)
        form.addRow(self.tr("Hotel candidates (each night may move to one)"), self.hotels)
        topics = QGroupBox(self.tr("Required topics (every chosen group)"), self)
        grid = QGridLayout(topics)
        self.topics: list[tuple[str, QCheckBox]] = []
        for k, topic in enumerate(TOPICS):
            box = QCheckBox(as_typed(topic), topics)
            self.topics.append((topic, box))
            grid.addWidget(box, k // 3, k % 3)
        form.addRow(topics)
        self.balance = QCheckBox(self.tr("Balance driving across groups"), self)
        form.addRow(self.balance)
        self.seconds = QDoubleSpinBox(self)
        self.seconds.setRange(1, 600)
        self.seconds.setValue(seconds)
        self.seconds.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Search time"), self.seconds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_groups(self) -> list[str]:
        return [gid for gid, box in self.groups if box.isChecked()]

    def request(self) -> PlanRequest:
        groups = self.chosen_groups()
        pool = [{"site": item.data(Qt.ItemDataRole.UserRole), "groups": groups, "max_groups": self.share.value()}
                for item in (self.pool.item(i) for i in range(self.pool.count()))
                if item.checkState() == Qt.CheckState.Checked]
        topics = [t for t, box in self.topics if box.isChecked()]
        return PlanRequest(groups=groups, pool=pool, topics={g: topics for g in groups} if topics else {},
                           balance=self.balance.isChecked(), hotels=self._nights(groups))

    def _nights(self, groups: list[str]) -> list[dict]:
        """Every night between two days of a ticked group: its current hotel or one of the ticked ones."""
        ticked = [it.data(Qt.ItemDataRole.UserRole) for it in (self.hotels.item(i) for i in range(self.hotels.count()))
                  if it.checkState() == Qt.CheckState.Checked]
        if not ticked:
            return []
        nights = []
        for gid in groups:
            days = sorted(self.tour.group(gid).days, key=lambda d: d.date)
            for day, following in zip(days, days[1:]):
                if (following.date - day.date).days == 1 and day.end is not None:
                    nights.append({"group": gid, "date": day.date,
                                   "candidates": [day.end] + [h for h in ticked if h != day.end]})
        return nights
