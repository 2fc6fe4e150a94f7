"""Sensible first values for a new activity of each kind, so adding one never needs a site dropped first.

Lectures, discussions, meals and free time happen where the group is unless a venue is chosen (no site);
a check-in is at tonight's hotel; a transfer gets its mode and a usual duration, and asks for where it
boards and arrives.
"""

from __future__ import annotations

from planner.model.nights import night_of
from planner.model.edits import Slot
from planner.model.site import Site, SiteKind
from planner.model.tour import Activity, ActivityKind, Tour, TransferMode

TRANSFER_MINUTES = {TransferMode.COACH: 60, TransferMode.RAIL: 90, TransferMode.FLIGHT: 120}
ADDABLE = (ActivityKind.LECTURE, ActivityKind.DISCUSSION, ActivityKind.MEAL, ActivityKind.FREE,
           ActivityKind.CHECKIN, ActivityKind.VISIT)


def new_activity(tour: Tour, slot: Slot, kind: ActivityKind, mode: TransferMode | None = None,
                 origin: str | None = None) -> Activity:
    """A draft for the activity dialog. Drafts may be incomplete (a transfer's destination, a visit's site):
    the dialog says what is missing next to the field. `origin`: where a transfer boards."""
    if kind is ActivityKind.TRANSFER:
        mode = mode or TransferMode.COACH
        return Activity.model_construct(kind=kind, mode=mode, minutes=TRANSFER_MINUTES[mode], site=None,
                                        origin=origin, id=None, title="", pinned=None, joint=None,
                                        presenter="", notes="", service="")
    site = night_of(tour, slot.group_id, slot.date) if kind is ActivityKind.CHECKIN else None
    return Activity.model_construct(kind=kind, site=site, minutes=None, id=None, title="", pinned=None,
                                    joint=None, presenter="", notes="", mode=None, origin=None, service="")


def boarding_mode(station: Site) -> TransferMode:
    """A station's usual transfer: an airport's is a flight, any other station's the train."""
    words = f"{station.name} {station.address}".lower()
    return TransferMode.FLIGHT if "机场" in words or "airport" in words else TransferMode.RAIL


def offered_sites(tour: Tour, catalogue_sites: list[Site], kind: ActivityKind) -> list[Site]:
    """Catalogue sites worth offering besides the tour's own: stations first for a transfer."""
    if kind is ActivityKind.TRANSFER:
        return sorted(catalogue_sites, key=lambda s: s.kind is not SiteKind.STATION)
    return list(catalogue_sites)
