"""Authoring on the board: add any activity, nights, legs, copy/paste, from menus, toolbar and keyboard.

Installed on the main window by one line; every edit goes through BoardActions as one undo step.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from planner.model.edits import EditError, Slot, find_activity
from planner.model.tour import KIND_LABELS, MODE_LABELS, ActivityKind, TransferMode
from ui.board.clipboard import BoardClipboard
from ui.board.context_menu import BoardMenus
from ui.board.leg_dialog import LegDialog
from ui.board.new_activity import boarding_mode, new_activity, offered_sites
from ui.dialogs.activity_dialog import ActivityDialog
from ui.i18n import pick

SHORTCUTS = {ActivityKind.LECTURE: "Ctrl+Shift+L", ActivityKind.DISCUSSION: "Ctrl+Shift+K",
             ActivityKind.MEAL: "Ctrl+Shift+M", ActivityKind.FREE: "Ctrl+Shift+F",
             ActivityKind.CHECKIN: "Ctrl+Shift+I", ActivityKind.VISIT: "Insert"}
TRANSFER_SHORTCUTS = {TransferMode.COACH: "Ctrl+Shift+B", TransferMode.RAIL: "Ctrl+Shift+R",
                      TransferMode.FLIGHT: "Ctrl+Shift+A"}


class BoardAuthoring(QObject):
    def __init__(self, window: QMainWindow, edit_menu: QMenu):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.board = window.board
        self.actions = window.actions_
        self.clipboard = BoardClipboard(self.actions, self)
        self.menus = BoardMenus(self, self)
        self.menu: QMenu | None = None     # the menu on screen (tests pick entries from it)
        self._install(edit_menu)
        self.board.menuRequested.connect(self.show_board_menu)
        self.board.nightClicked.connect(self.show_night_menu)
        self.board.legClicked.connect(self.edit_leg)
        self.board.deleteRequested.connect(self.delete_selected)
        self.actions.transferFrom.connect(self.transfer_from)
        self.actions.replaced.connect(self._say)

    def transfer_from(self, station_id: str, slot: Slot) -> None:
        """A station dropped on the board: the transfer form, boarding there, once the drop is over."""
        station = self.document.tour.site(station_id) or self.document.catalogue.get(station_id)
        if station is not None:
            QTimer.singleShot(0, lambda: self.add(ActivityKind.TRANSFER, boarding_mode(station), slot, station_id))

    # -- window actions
    def _action(self, menu: QMenu, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _install(self, edit_menu: QMenu) -> None:
        std = QKeySequence.StandardKey
        edit_menu.addSeparator()
        self.copy_action = self._action(edit_menu, self.tr("&Copy"), self.copy, std.Copy)
        self._action(edit_menu, self.tr("Cu&t"), lambda: self.clipboard.cut(self.board.selected_activities), std.Cut)
        self._action(edit_menu, self.tr("&Paste"), self.paste, std.Paste)
        self._action(edit_menu, self.tr("D&uplicate"), self.duplicate, "Ctrl+D")
        self._action(edit_menu, self.tr("Copy &day"), self.copy_day, "Ctrl+Alt+C")
        self._action(edit_menu, self.tr("Paste d&ay"), self.paste_day, "Ctrl+Alt+V")
        insert = QMenu(self.tr("&Insert"), self.window)
        self.window.menuBar().addMenu(insert)
        toolbar = QToolBar(self.tr("Add"), self.window)
        toolbar.setObjectName("addToolbar")
        self.window.addToolBar(toolbar)
        for kind, keys in SHORTCUTS.items():
            action = self._action(insert, pick(KIND_LABELS[kind]) + "…", lambda _=False, k=kind: self.add(k), keys)
            if kind is not ActivityKind.CHECKIN:
                toolbar.addAction(action)
        transfer = insert.addMenu(pick(KIND_LABELS[ActivityKind.TRANSFER]))
        for mode, keys in TRANSFER_SHORTCUTS.items():
            self._action(transfer, pick(MODE_LABELS[mode]) + "…",
                         lambda _=False, m=mode: self.add(ActivityKind.TRANSFER, m), keys)
        button = QToolButton(toolbar)
        button.setText(pick(KIND_LABELS[ActivityKind.TRANSFER]))
        button.setMenu(transfer)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar.addWidget(button)
        insert.addSeparator()
        self.night_action = self._action(insert, self.tr("Tonight's &hotel…"), self.night_from_keyboard,
                                         "Ctrl+Shift+H")
        toolbar.addAction(self.night_action)

    # -- adding and editing
    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    def add(self, kind: ActivityKind, mode: TransferMode | None = None, slot: Slot | None = None,
            origin: str | None = None) -> str | None:
        """Open the activity dialog on a draft of `kind`; OK adds it (one undo step) and selects it."""
        slot = slot or self.board.insertion_slot()
        if slot is None:
            self._say(self.tr("Select a day on the board first"))
            return None
        tour = self.document.tour
        draft = new_activity(tour, slot, kind, mode, origin)
        dialog = ActivityDialog(draft, tour, self.window, offered_sites(tour, self.document.catalogue.sites, kind),
                                new=True)
        if not dialog.exec():
            return None
        activity_id = self.actions.add(slot, dialog.result_activity(), dialog.needed_sites())
        self.board.select_activity(activity_id)
        return activity_id

    def edit(self, activity_id: str) -> None:
        try:
            _, act = find_activity(self.document.tour, activity_id)
        except EditError:
            return
        tour = self.document.tour
        dialog = ActivityDialog(act, tour, self.window, offered_sites(tour, self.document.catalogue.sites, act.kind))
        if dialog.exec():
            self.actions.edit(activity_id, dialog.result_activity(), dialog.needed_sites())

    def delete_selected(self, *_args) -> None:
        self.actions.remove_many(self.board.selected_activities)

    # -- clipboard
    def copy(self) -> None:
        count = self.clipboard.copy(self.board.selected_activities)
        if count:
            self._say(self.tr("Copied %1 activities").replace("%1", str(count)))

    def paste(self) -> None:
        slot = self.board.insertion_slot()
        if slot is not None and self.clipboard.clips:
            ids = self.clipboard.paste(slot)
            if ids:
                self.board.select_activity(ids[-1])

    def duplicate(self) -> None:
        ids = self.clipboard.duplicate(self.board.selected_activities)
        if ids:
            self.board.select_activity(ids[-1])

    def _cell(self) -> tuple[str, dt.date] | None:
        slot = self.board.insertion_slot()
        return (slot.group_id, slot.date) if slot else None

    def copy_day(self) -> None:
        cell = self._cell()
        if cell:
            self.clipboard.copy_day(*cell)
            self._say(self.tr("Day copied: choose another cell and paste it"))

    def paste_day(self) -> None:
        cell = self._cell()
        if cell:
            self.clipboard.paste_day(*cell)

    # -- menus, nights and legs
    def _popup(self, menu: QMenu, where: QPoint) -> None:
        self.menu = menu
        menu.popup(where)

    def show_board_menu(self, slot: Slot, activity_id: str, where: QPoint) -> None:
        self._popup(self.menus.board_menu(slot, activity_id, self.board), where)

    def show_night_menu(self, group_id: str, date: dt.date, where: QPoint) -> None:
        self._popup(self.menus.night_menu(group_id, date, self.board), where)

    def night_from_keyboard(self) -> None:
        cell = self._cell()
        if cell is None:
            self._say(self.tr("Select a day on the board first"))
            return
        rect = self.board.visualRect(self.board.board.index_of(*cell))
        self.show_night_menu(*cell, self.board.viewport().mapToGlobal(rect.bottomLeft()))

    def edit_leg(self, group_id: str, date: dt.date, index: int, _where: QPoint = QPoint()) -> None:
        """A known duration for the leg above card `index` (len(entries): the drive to the hotel)."""
        plan = self.document.schedule.plan(group_id, date)
        if plan is None:
            return
        if index < len(plan.entries):
            origin = plan.entries[index - 1].site if index else plan.start_site
            destination, leg = plan.entries[index].leg_to, plan.entries[index].leg
        else:
            origin = plan.entries[-1].site if plan.entries else plan.start_site
            destination, leg = plan.end_site, plan.final_leg
        if origin is None or destination is None or origin.id == destination.id:
            return
        dialog = LegDialog(origin.name, destination.name, leg.minutes, leg.km, leg.known, self.window)
        answer = dialog.exec()
        if answer == LegDialog.CLEAR:
            self.actions.set_leg(origin.id, destination.id, None)
        elif answer:
            self.actions.set_leg(origin.id, destination.id, dialog.minutes_spin.value(), dialog.km())
