"""How many, who leads and who drives a group, as exports print it: from the roster (Tour.people) when it has them,
else from the group's own leader/contact/vehicle fields. Phones only through visible_phone.
"""

from __future__ import annotations

from planner.model.people import StaffRole, visible_phone
from planner.model.tour import Tour

STAFF = "staff"
LEADING = (StaffRole.LEADER, StaffRole.HEAD_TEACHER)


def _strip_phones(text: str) -> str:
    from planner.render.handbook import strip_phones  # late: the handbook imports the daily sheets, which use us

    return strip_phones(text)


def private_for(edition: str):
    """What a free-text contact becomes in an edition: as typed for staff, without phone numbers otherwise."""
    return (lambda text: text) if edition == STAFF else _strip_phones


def leaders(tour: Tour, group_id: str, edition: str) -> list[tuple[str, str]]:
    """(name, phone) of the group's leaders: the roster's 领队 and 班主任 of this group, else the group's
    own leader and contact; the phone is empty where the edition may not show it."""
    g = tour.group(group_id)
    found = [(s.name, visible_phone(s, edition)) for role in LEADING for s in tour.people.staff_of(group_id)
             if s.role is role]
    if not found and (g.leader or g.contact):
        found = [(g.leader, g.contact if edition == STAFF else _strip_phones(g.contact))]
    return found


def group_size(tour: Tour, group_id: str) -> int:
    """How many participants a group brings, as printed: the roster's count once it lists anyone in the
    group, else the planned headcount."""
    on_roster = len(tour.people.in_group(group_id))
    return on_roster or tour.group(group_id).headcount


def leader_text(tour: Tour, group_id: str, edition: str) -> str:
    return "、".join(" ".join(x for x in pair if x) for pair in leaders(tour, group_id, edition))


def vehicle_text(tour: Tour, group_id: str, edition: str) -> str:
    """车牌 · 司机 电话 for each coach of the group, else the group's own vehicle field."""
    coaches = tour.people.vehicles_of(group_id)
    if not coaches:
        return tour.group(group_id).vehicle
    return "、".join(" ".join(x for x in (v.plate, v.driver, visible_phone(v, edition)) if x) for v in coaches)
