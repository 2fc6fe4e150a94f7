"""Turns board gestures (drop a site, drag a card, Delete, double-click) into undo commands."""

from __future__ import annotations

from PySide6.QtCore import QObject

from planner.model.edits import EditError, Slot, find_activity
from planner.render.labels import short_date
from planner.model.tour import Activity, ActivityKind
from ui.commands import AddActivity, EditActivity, MoveActivity, RemoveActivity
from ui.document import TourDocument
from ui.i18n import lang, translator


_tr = translator("BoardActions")


class BoardActions(QObject):
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
        """Drop of a catalogue (or tour) site: a visit at the drop position."""
        site = self.tour.site(site_id) or self.document.catalogue.get(site_id)
        if site is None:
            return False
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

    def edit(self, activity_id: str, new: Activity) -> bool:
        _, old = find_activity(self.tour, activity_id)
        if new == old:
            return False
        self.document.push(EditActivity(self.tour, activity_id, new,
                                        _tr("Edit %1").replace("%1", self.activity_name(old))))
        return True
