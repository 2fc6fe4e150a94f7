"""Small hand-made tours for tests, where every answer can be worked out by hand."""

from __future__ import annotations

from typing import Any

from planner.model.tour import Tour

HANGZHOU = (30.27, 120.15)


def site(sid: str, name: str | None = None, kind: str = "enterprise", at: tuple[float, float] = HANGZHOU,
         **extra: Any) -> dict[str, Any]:
    return {"id": sid, "name": name or sid, "kind": kind, "lat": at[0], "lon": at[1], **extra}


def visit(sid: str, **extra: Any) -> dict[str, Any]:
    return {"kind": "visit", "site": sid, **extra}


def day(date: str, *activities: dict[str, Any], start: str | None = "hotel", end: str | None = "hotel"
        ) -> dict[str, Any]:
    return {"date": date, "start": start, "end": end, "activities": list(activities)}


def group(gid: str, *days: dict[str, Any], name: str | None = None, headcount: int = 30) -> dict[str, Any]:
    return {"id": gid, "name": name or gid, "headcount": headcount, "days": list(days)}


def tour(*groups: dict[str, Any], sites: list[dict[str, Any]], **extra: Any) -> Tour:
    """A tour on 23–28 Feb 2025 (Sunday to Friday) with a hotel at the same point as every site."""
    doc: dict[str, Any] = {"title": "测试", "start_date": "2025-02-23", "end_date": "2025-02-28",
                           "groups": list(groups),
                           "sites": [site("hotel", "酒店", kind="hotel", visit_minutes=0), *sites]}
    doc.update(extra)
    return Tour.model_validate(doc)


def codes(problems) -> list[str]:
    return [p.code for p in problems]
