"""Teaching sites (教学点) and the catalogue that holds them."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from planner.model.clock import TimeSpan

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
"""Stable ids: lower-case ASCII so they survive files, URLs and spreadsheets unchanged."""


class SiteKind(str, Enum):
    ENTERPRISE = "enterprise"
    PARK = "park"
    VILLAGE = "village"
    GOVERNMENT = "government"
    VENUE = "venue"
    HOTEL = "hotel"
    STATION = "station"


KIND_LABELS = {
    SiteKind.ENTERPRISE: ("企业", "Enterprise"),
    SiteKind.PARK: ("园区", "Park"),
    SiteKind.VILLAGE: ("村/社区", "Village / community"),
    SiteKind.GOVERNMENT: ("政府/展馆", "Government / exhibition"),
    SiteKind.VENUE: ("高校/会场", "University / venue"),
    SiteKind.HOTEL: ("酒店", "Hotel"),
    SiteKind.STATION: ("车站/机场", "Station / airport"),
}

TOPICS = ("产业发展", "招商引资", "园区建设", "乡村振兴", "文旅融合", "现代服务业",
          "科技创新", "数字经济", "营商环境", "城市治理", "开放合作", "人才引育", "生态文明")
"""Topics the seeds name; a site may carry others, these are the ones balance checks compare."""


CITY_PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")  # cpca's "no city here"


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Ident
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    kind: SiteKind
    province: str = ""
    city: str = ""
    county: str = ""
    address: str = ""
    lat: float = Field(ge=-90, le=90, description="WGS-84 latitude")
    lon: float = Field(ge=-180, le=180, description="WGS-84 longitude")
    precision: Literal["site", "county"] = "site"
    visit_minutes: int = Field(default=60, ge=0, le=720)
    hours: list[TimeSpan] = Field(default_factory=list, description="opening hours; empty = any time")
    closed_weekdays: list[Annotated[int, Field(ge=1, le=7)]] = Field(default_factory=list,
                                                                     description="ISO: 1 = Monday")
    closed_on_holidays: bool = False
    max_groups: int = Field(default=1, ge=1, le=99)
    max_people: int | None = Field(default=None, ge=1)
    topics: list[str] = Field(default_factory=list)
    contact: str = ""
    presenter: str = ""
    intro: str = ""
    source: str = ""

    @field_validator("closed_weekdays")
    @classmethod
    def _sorted_days(cls, v: list[int]) -> list[int]:
        return sorted(set(v))

    @model_validator(mode="after")
    def _hours_disjoint(self) -> "Site":
        spans = sorted(self.hours, key=lambda s: s.start)
        for a, b in zip(spans, spans[1:]):
            if b.start < a.end:
                raise PydanticCustomError("hours_overlap", "opening hours overlap: {a} and {b}",
                                          {"a": f"{a.start:%H:%M}–{a.end:%H:%M}",
                                           "b": f"{b.start:%H:%M}–{b.end:%H:%M}"})
        self.hours = spans
        return self

    @model_validator(mode="after")
    def _no_placeholder_city(self) -> "Site":
        """cpca gives no real city for a county directly under its province (仙桃市) or a municipality's district:
        sites placed before that was handled carry "省直辖县级行政区划" or "市辖区" as their city, which the handbook
        printed. Read as the province, as sites placed now are."""
        if self.city in CITY_PLACEHOLDERS:
            self.city = self.province
        return self

    @property
    def place(self) -> str:
        """Short place label, e.g. 嘉兴市海宁市."""
        return f"{self.city}{self.county}" if self.county != self.city else self.city


class Catalogue(BaseModel):
    """The organizer's library of sites."""

    model_config = ConfigDict(extra="forbid")

    title: str = ""
    sites: list[Site] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> "Catalogue":
        check_unique_ids(self.sites, "sites")
        return self

    def get(self, site_id: str) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)


def check_unique_ids(sites: list[Site], where: str) -> None:
    seen: dict[str, int] = {}
    for i, s in enumerate(sites):
        if s.id in seen:
            raise PydanticCustomError(
                "duplicate_id", "{where}: id '{id}' is already used by [{first}]",
                {"where": f"{where}[{i}].id", "id": s.id, "first": seen[s.id]})
        seen[s.id] = i
