"""The board's menus: add any activity, edit/copy/paste cards, tonight's hotel, copy a day or a route.

Menus are built fresh for the cell or card under the mouse and shown with popup() (never a nested event
loop), so a test can pick an entry the way a user does.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from planner.model.edits import Slot
from planner.model.nights import night_of
from planner.model.site import Site, SiteKind
from planner.model.tour import KIND_LABELS, MODE_LABELS, ActivityKind, TransferMode
from ui.board.new_activity import ADDABLE
from ui.exports.day_text import copy_day_text
from ui.dialogs.mnemonics import as_typed
from ui.i18n import pick


class BoardMenus(QObject):
    def __init__(self, authoring, parent=None):
        super().__init__(parent)
        self.a = authoring

    # -- add
    def fill_add(self, menu: QMenu, slot_of) -> None:
        """Add-activity entries; `slot_of()` says where at the moment one is chosen."""
        for kind in ADDABLE:
            action = menu.addAction(pick(KIND_LABELS[kind]) + "…")
            action.setObjectName(f"add-{kind.value}")
            action.triggered.connect(lambda _=False, k=kind: self.a.add(k, slot=slot_of()))
        transfer = menu.addMenu(pick(KIND_LABELS[ActivityKind.TRANSFER]))
        for mode in TransferMode:
            action = transfer.addAction(pick(MODE_LABELS[mode]) + "…")
            action.setObjectName(f"add-transfer-{mode.value}")
            action.triggered.connect(
                lambda _=False, m=mode: self.a.add(ActivityKind.TRANSFER, m, slot=slot_of()))

    # -- nights
    def hotels(self) -> list[Site]:
        """The tour's hotels first, then the catalogue's."""
        tour = self.a.document.tour
        own = [s for s in tour.sites if s.kind is SiteKind.HOTEL]
        known = {s.id for s in own}
        return own + [s for s in self.a.document.catalogue.sites if s.kind is SiteKind.HOTEL and s.id not in known]

    def night_menu(self, group_id: str, date: dt.date, parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("Tonight's hotel"), parent)
        menu.setObjectName("nightMenu")
        hotels = self.hotels()
        following = QMenu(self.tr("Same hotel for the following nights"), menu)
        tonight = night_of(self.a.document.tour, group_id, date)
        for site in hotels:
            label = as_typed(f"{site.name}（{site.place}）" if site.place else site.name)
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(site.id == tonight)  # which one is chosen, at a glance
            action.triggered.connect(lambda _=False, s=site.id: self.a.actions.set_night(group_id, date, s))
            following.addAction(label).triggered.connect(
                lambda _=False, s=site.id: self.a.actions.set_night(group_id, date, s, following=True))
        if not hotels:
            menu.addAction(self.tr("No hotel in the tour or the catalogue")).setEnabled(False)
        menu.addSeparator()
        menu.addMenu(following).setEnabled(bool(hotels))
        menu.addAction(self.tr("No hotel tonight")).triggered.connect(
            lambda: self.a.actions.set_night(group_id, date, None))
        return menu

    def start_menu(self, group_id: str, date: dt.date, parent: QWidget) -> QMenu:
        """Where the day sets off: usually last night's hotel; on the first day often a station."""
        menu = QMenu(self.tr("Start the day from"), parent)
        menu.addAction(self.tr("Where the group slept")).triggered.connect(
            lambda: self.a.actions.set_start(group_id, date, None))
        menu.addSeparator()
        kinds = (SiteKind.HOTEL, SiteKind.STATION)
        tour = self.a.document.tour
        known = {s.id for s in tour.sites}
        places = [s for s in tour.sites if s.kind in kinds] + [
            s for s in self.a.document.catalogue.sites if s.kind in kinds and s.id not in known]
        for site in places:
            menu.addAction(as_typed(site.name)).triggered.connect(
                lambda _=False, s=site.id: self.a.actions.set_start(group_id, date, s))
        return menu

    # -- a cell or a card
    def board_menu(self, slot: Slot, activity_id: str, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.setObjectName("boardMenu")
        add = menu.addMenu(self.tr("Add"))
        self.fill_add(add, lambda: slot)
        chosen = self.a.board.selected_activities if activity_id else []
        if activity_id:
            menu.addAction(self.tr("Edit…")).triggered.connect(lambda: self.a.edit(activity_id))
            menu.addAction(self.tr("Copy")).triggered.connect(lambda: self.a.clipboard.copy(chosen))
            menu.addAction(self.tr("Cut")).triggered.connect(lambda: self.a.clipboard.cut(chosen))
            menu.addAction(self.tr("Duplicate")).triggered.connect(lambda: self.a.clipboard.duplicate(chosen))
            menu.addAction(self.tr("Delete")).triggered.connect(lambda: self.a.actions.remove_many(chosen))
        paste = menu.addAction(self.tr("Paste"))
        paste.setEnabled(bool(self.a.clipboard.clips))
        paste.triggered.connect(lambda: self.a.clipboard.paste(slot))
        menu.addSeparator()
        menu.addMenu(self.night_menu(slot.group_id, slot.date, menu))
        menu.addMenu(self.start_menu(slot.group_id, slot.date, menu))
        menu.addSeparator()
        self._day_entries(menu, slot.group_id, slot.date)
        return menu

    def _day_entries(self, menu: QMenu, group_id: str, date: dt.date) -> None:
        tour = self.a.document.tour
        clipboard = self.a.clipboard
        has_day = tour.group(group_id).day(date) is not None
        menu.addAction(self.tr("Copy this day")).triggered.connect(lambda: clipboard.copy_day(group_id, date))
        as_text = menu.addAction(self.tr("Copy this day as WeChat text"))
        as_text.setEnabled(has_day)
        as_text.triggered.connect(lambda: copy_day_text(self.a.window, group_id, date))
        paste_day = menu.addAction(self.tr("Paste the copied day here"))
        paste_day.setEnabled(clipboard.day is not None and clipboard.day != (group_id, date))
        paste_day.triggered.connect(lambda: clipboard.paste_day(group_id, date))
        others = [g for g in tour.groups if g.id != group_id]
        to_group = menu.addMenu(self.tr("Copy this day to group"))
        to_group.setObjectName("copyDayToGroup")
        to_group.setEnabled(has_day and bool(others))
        route = menu.addMenu(self.tr("Copy this group's whole route to"))
        route.setEnabled(bool(others))
        for g in others:
            to_group.addAction(as_typed(g.name)).triggered.connect(
                lambda _=False, o=g.id: self.a.actions.copy_day((group_id, date), (o, date)))
            route.addAction(as_typed(g.name)).triggered.connect(
                lambda _=False, o=g.id: self.a.actions.copy_route(group_id, o))
