"""Turns board gestures (drop a site, drag a card, Delete, double-click) into undo commands."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from planner.model.edits import EditError, Slot, find_activity
from planner.render.labels import short_date
from planner.model.tour import Activity, ActivityKind
from planner.model.copying import Clip, copy_day, copy_route, paste
from planner.model.nights import night_of, set_night, set_start
from planner.model.site import Site, SiteKind
from ui.board.commands_days import DaysEdit, SetLeg
from ui.commands import AddActivity, EditActivity, MoveActivity, RemoveActivity
from ui.dialogs.mnemonics import undo_text
from ui.document import TourDocument
from ui.i18n import lang, translator


_tr = translator("BoardActions")


class BoardActions(QObject):
    transferFrom = Signal(str, object)  # a station dropped at a Slot: the transfer form asks where to (authoring)
    replaced = Signal(str)  # a copy replaced planned activities: said in the status bar, with the way back

    def __init__(self, document: TourDocument, parent=None):
        super().__init__(parent)
        self.document = document

    @property
    def tour(self):
        return self.document.tour

    def _where(self, slot: Slot) -> str:
        group = self.tour.group(slot.group_id)
        return f"{group.name if group else slot.group_id} {short_date(slot.date, lang())}"

    def activity_name(self, activity: Activity) -> str:
        site = self.tour.site(activity.site)
        return activity.title or (site.name if site else activity.kind.value)

    def add_site(self, site_id: str, slot: Slot) -> bool:
        """Drop of a catalogue (or tour) site: a visit at the drop position; a hotel sets tonight's night; a
        station is where a transfer boards (no teaching happens there)."""
        site = self.tour.site(site_id) or self.document.catalogue.get(site_id)
        if site is None:
            return False
        if site.kind is SiteKind.HOTEL:
            return self.set_night(slot.group_id, slot.date, site_id)
        if site.kind is SiteKind.STATION:
            self.transferFrom.emit(site_id, slot)
            return True
        text = _tr("Add %1 to %2").replace("%1", site.name).replace("%2", self._where(slot))
        adopt = None if self.tour.site(site_id) is not None else site
        self.document.push(AddActivity(self.tour, slot, Activity(kind=ActivityKind.VISIT, site=site_id), text,
                                       site=adopt))
        return True

    def move(self, activity_id: str, slot: Slot) -> bool:
        try:
            old, act = find_activity(self.tour, activity_id)
        except EditError:
            return False
        same_day = (old.group_id, old.date) == (slot.group_id, slot.date)
        if same_day and slot.index in (old.index, old.index + 1):
            return False  # dropped where it already is
        text = _tr("Move %1 to %2").replace("%1", self.activity_name(act)).replace("%2", self._where(slot))
        self.document.push(MoveActivity(self.tour, activity_id, slot, text))
        return True

    def remove(self, activity_id: str) -> bool:
        try:
            _, act = find_activity(self.tour, activity_id)
        except EditError:
            return False
        self.document.push(RemoveActivity(self.tour, activity_id,
                                          _tr("Delete %1").replace("%1", self.activity_name(act))))
        return True

    def edit(self, activity_id: str, new: Activity, sites: list[Site] = ()) -> bool:
        where, old = find_activity(self.tour, activity_id)
        if new == old:
            return False
        text = _tr("Edit %1").replace("%1", self.activity_name(old))
        with self._sleeping_at_check_in(where, new, sites, text):
            self.document.push(EditActivity(self.tour, activity_id, new, text, sites=sites))
        return True

    def add(self, slot: Slot, activity: Activity, sites: list[Site] = ()) -> str:
        """A new activity of any kind at `slot`; returns its id."""
        text = _tr("Add %1 to %2").replace("%1", self.activity_name(activity)).replace("%2", self._where(slot))
        with self._sleeping_at_check_in(slot, activity, sites, text):
            self.document.push(AddActivity(self.tour, slot, activity, text, sites=sites))
        return activity.id

    @contextmanager
    def _sleeping_at_check_in(self, slot: Slot, activity: Activity, sites: list[Site], text: str):
        """A check-in at a hotel on a night with no hotel yet says where the group sleeps: the edit and the
        night are one undo step. A night already chosen is left alone (a day room is not the night)."""
        hotel = next((s for s in sites if s.id == activity.site), None) or self._site(activity.site)
        sleeps_there = (activity.kind is ActivityKind.CHECKIN and hotel is not None and hotel.kind is SiteKind.HOTEL
                        and night_of(self.tour, slot.group_id, slot.date) is None
                        and slot.date < self.tour.end_date)
        if not sleeps_there:
            yield
            return
        stack = self.document.undo_stack
        stack.beginMacro(undo_text(text))
        try:
            yield
            self.set_night(slot.group_id, slot.date, hotel.id)
        finally:
            stack.endMacro()

    def remove_many(self, activity_ids: list[str]) -> bool:
        """Delete several cards as one undo step."""
        if len(activity_ids) < 2:
            return bool(activity_ids) and self.remove(activity_ids[0])
        stack = self.document.undo_stack
        stack.beginMacro(undo_text(_tr("Delete %1 activities").replace("%1", str(len(activity_ids)))))
        for activity_id in activity_ids:
            self.remove(activity_id)
        stack.endMacro()
        return True

    def _site(self, site_id: str | None) -> Site | None:
        return self.tour.site(site_id) or (self.document.catalogue.get(site_id) if site_id else None)

    def set_night(self, group_id: str, date, site_id: str | None, following: bool = False) -> bool:
        """Tonight's hotel (and with `following` every later night): one undo step."""
        site = self._site(site_id)
        if site_id is not None and site is None:
            return False
        if not following and night_of(self.tour, group_id, date) == site_id:
            return False
        where = self._where(Slot(group_id, date, 0))
        text = (_tr("Stay at %1 from %2 on") if following else _tr("Stay at %1 on %2")).replace(
            "%1", site.name if site else _tr("no hotel")).replace("%2", where)
        adopt = [site] if site is not None and self.tour.site(site_id) is None else []
        self.document.push(DaysEdit(self.tour, [group_id],
                                    lambda t: set_night(t, group_id, date, site_id, following), text, adopt))
        return True

    def set_start(self, group_id: str, date, site_id: str | None) -> bool:
        """Where the day sets off (the first day: the station the group arrives at); None: last night's hotel."""
        site = self._site(site_id)
        if site_id is not None and site is None:
            return False
        text = _tr("Start %1 from %2").replace("%1", self._where(Slot(group_id, date, 0))).replace(
            "%2", site.name if site else _tr("last night's hotel"))
        adopt = [site] if site is not None and self.tour.site(site_id) is None else []
        self.document.push(DaysEdit(self.tour, [group_id], lambda t: set_start(t, group_id, date, site_id), text,
                                    adopt))
        return True

    def set_leg(self, origin: str, destination: str, minutes: int | None, km: float | None = None) -> None:
        names = [self.tour.site(i).name for i in (origin, destination)]
        text = (_tr("Known leg %1 → %2") if minutes is not None else _tr("Estimate leg %1 → %2")) \
            .replace("%1", names[0]).replace("%2", names[1])
        self.document.push(SetLeg(self.tour, origin, destination, minutes, km, text))

    def paste(self, slot: Slot, clips: list[Clip]) -> list[str]:
        """Copies of `clips` from `slot` on, with fresh ids: one undo step."""
        clips = [c for c in clips if all(i is None or self._site(i) is not None
                                         for i in (c.activity.site, c.activity.origin))]
        if not clips or self.tour.group(slot.group_id) is None:
            return []
        sites = [s for c in clips for i in (c.activity.site, c.activity.origin)
                 if i and self.tour.site(i) is None and (s := self._site(i)) is not None]
        text = _tr("Paste %1 activities to %2").replace("%1", str(len(clips))).replace("%2", self._where(slot))
        command = DaysEdit(self.tour, [slot.group_id], lambda t: paste(t, slot, clips), text,
                           list({s.id: s for s in sites}.values()))
        self.document.push(command)
        return command.result or []

    def copy_day(self, source: tuple[str, object], target: tuple[str, object]) -> bool:
        group = self.tour.group(source[0])
        if source == target or group is None or group.day(source[1]) is None or self.tour.group(target[0]) is None:
            return False  # nothing planned there (or it went away since it was copied)
        text = _tr("Copy %1 to %2").replace("%1", self._where(Slot(*source, 0))).replace(
            "%2", self._where(Slot(*target, 0)))
        day = self.tour.group(target[0]).day(target[1])
        planned = len(day.activities) if day else 0
        self.document.push(DaysEdit(self.tour, [target[0]], lambda t: copy_day(t, *source, *target), text))
        self._say_replaced(planned, self._where(Slot(*target, 0)))
        return True

    def _say_replaced(self, planned: int, where: str) -> None:
        if planned:
            self.replaced.emit(_tr("Replaced %1 activities of %2 — Ctrl+Z brings them back")
                               .replace("%1", str(planned)).replace("%2", where))

    def copy_route(self, group_id: str, to_group: str) -> bool:
        if group_id == to_group or self.tour.group(group_id) is None or self.tour.group(to_group) is None:
            return False
        names = [self.tour.group(g).name for g in (group_id, to_group)]
        text = _tr("Copy the route of %1 to %2").replace("%1", names[0]).replace("%2", names[1])
        planned = sum(len(d.activities) for d in self.tour.group(to_group).days)
        self.document.push(DaysEdit(self.tour, [to_group], lambda t: copy_route(t, group_id, to_group), text))
        self._say_replaced(planned, names[1])
        return True
