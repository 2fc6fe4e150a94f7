"""Staff and vehicle contacts for printed documents, with phones only as the edition allows.

Phones come from planner.model.people.visible_phone and nowhere else, so the privacy rule holds in
every document that uses these tables.
"""

from __future__ import annotations

from html import escape

from planner.model.people import ROLE_LABELS, visible_phone
from planner.model.tour import Tour

TABLE = '<table class="grid" width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>{rows}</table>'


def _row(*cells: object) -> str:
    return "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>"


def _head(*titles: str) -> str:
    return "".join(f"<th>{t}</th>" for t in titles)


def staff_contacts_html(tour: Tour, group_ids: set[str], edition: str) -> str:
    """工作人员 (whole-tour staff and those of the chosen groups) and 车辆 of the chosen groups."""
    names = {g.id: g.name for g in tour.groups}
    staff = [s for s in tour.people.staff if s.group is None or s.group in group_ids]
    vehicles = [v for v in tour.people.vehicles if v.group in group_ids]
    out = []
    if staff:
        rows = "".join(_row(ROLE_LABELS[s.role][0], s.name, names.get(s.group or "", "全团"),
                            visible_phone(s, edition)) for s in staff)
        out.append("<h3>工作人员</h3>" + TABLE.format(head=_head("职责", "姓名", "服务", "电话"), rows=rows))
    if vehicles:
        rows = "".join(_row(names.get(v.group, v.group), v.plate, v.seats or "", v.driver, visible_phone(v, edition))
                       for v in vehicles)
        out.append("<h3>车辆</h3>" + TABLE.format(head=_head("分组", "车牌", "座位", "司机", "电话"), rows=rows))
    return "".join(out)
