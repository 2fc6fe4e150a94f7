"""The groups of a tour as table rows, for the settings dialog.

The model edits the Group objects of the tour it is given (the dialog's working copy), so what
the table shows is what the dialog validates; the real tour changes only through the undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planner.model.tour import GROUP_COLOURS, Group, Tour
from ui.dialogs.form_errors import fill

Index = QModelIndex | QPersistentModelIndex

NAME, COLOUR, HEADCOUNT, LEADER, CONTACT, VEHICLE = range(6)
_FIELDS = ("name", "colour", "headcount", "leader", "contact", "vehicle")


def next_group_id(tour: Tour) -> str:
    used = {g.id for g in tour.groups}
    n = len(tour.groups) + 1
    while f"g{n}" in used:
        n += 1
    return f"g{n}"


def next_colour(tour: Tour) -> str:
    """The first house colour no group wears yet; when all are worn, cycle through them."""
    used = {g.colour.lower() for g in tour.groups}
    free = [c for c in GROUP_COLOURS if c not in used]
    return free[0] if free else GROUP_COLOURS[len(tour.groups) % len(GROUP_COLOURS)]


def planned_activities(group: Group) -> int:
    return sum(len(d.activities) for d in group.days)


class GroupsModel(QAbstractTableModel):
    def __init__(self, tour: Tour, parent=None):
        super().__init__(parent)
        self.tour = tour

    # -- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.tour.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (self.tr("Name"), self.tr("Colour"), self.tr("Headcount"), self.tr("Leader"),
                  self.tr("Contact"), self.tr("Vehicle"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        # The colour is picked with a colour dialog, not typed.
        return base if index.column() == COLOUR else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.tour.groups[index.row()]
        value = getattr(group, _FIELDS[index.column()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COLOUR:
            return QColor(group.colour)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NAME:
            return fill(self.tr("%1 (id %2), %3 planned activities"), group.name, group.id,
                        planned_activities(group))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        group = self.tour.groups[index.row()]
        column = index.column()
        if column == COLOUR:
            colour = QColor(value)
            if not colour.isValid():
                return False
            value = colour.name()
        elif column == HEADCOUNT:
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
        else:
            value = str(value)
        setattr(group, _FIELDS[column], value)
        self.dataChanged.emit(index, index)
        return True

    # -- rows
    def group(self, row: int) -> Group:
        return self.tour.groups[row]

    def add_group(self, name: str) -> int:
        """Append a group with the next free id and colour; returns its row."""
        row = len(self.tour.groups)
        group = Group(id=next_group_id(self.tour), name=name, colour=next_colour(self.tour))
        self.beginInsertRows(QModelIndex(), row, row)
        self.tour.groups.append(group)
        self.endInsertRows()
        return row

    def remove_group(self, row: int) -> Group:
        self.beginRemoveRows(QModelIndex(), row, row)
        group = self.tour.groups.pop(row)
        self.endRemoveRows()
        return group

    def move_group(self, row: int, delta: int) -> int:
        """Move a group up (-1) or down (+1); returns its new row (unchanged at either end)."""
        target = row + delta
        if not (0 <= row < len(self.tour.groups) and 0 <= target < len(self.tour.groups)) or delta == 0:
            return row
        # Qt counts the destination before the move: moving down by one means "before row + 2".
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        groups = self.tour.groups
        groups.insert(target, groups.pop(row))
        self.endMoveRows()
        return target
