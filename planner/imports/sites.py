"""Site rows: the fields a site sheet may carry, and parsed rows turned into `Site`s.

A row without coordinates is placed offline from its address (or name) at its county's centroid,
precision "county"; coordinates in the sheet are taken as WGS-84 unless a 坐标系 column says
GCJ-02 (高德, 腾讯) or BD-09 (百度).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from planner.geo.datum import datum_named, to_wgs
from planner.geo.offline import place_many
from planner.imports import cells
from planner.imports.cells import CellProblem
from planner.imports.headers import Field
from planner.imports.table import CellError, ParsedRow, ParseResult, Table
from planner.model.site import KIND_LABELS, Site, SiteKind

_KIND_WORDS: list[tuple[SiteKind, tuple[str, ...]]] = [
    (SiteKind.STATION, ("车站", "高铁站", "火车站", "机场", "station", "airport")),
    (SiteKind.HOTEL, ("酒店", "宾馆", "饭店", "大酒店", "hotel")),
    (SiteKind.VILLAGE, ("村", "社区", "乡村", "village", "community")),
    (SiteKind.PARK, ("园区", "产业园", "开发区", "高新区", "科技园", "park")),
    (SiteKind.VENUE, ("高校", "大学", "学院", "会场", "党校", "university", "venue", "college")),
    (SiteKind.GOVERNMENT, ("政府", "展馆", "纪念馆", "博物馆", "展览馆", "展示馆", "中心", "government",
                           "museum", "exhibition")),
    (SiteKind.ENTERPRISE, ("企业", "公司", "集团", "工厂", "enterprise", "company")),
]


def kind(value: object) -> SiteKind:
    """A kind by its value, label or a telling word (公司 → 企业); unknown words are refused."""
    s = cells.plain(value)
    for k, (zh, en) in KIND_LABELS.items():
        if s.lower() in (k.value, zh, en.lower()) or s in zh.split("/"):
            return k
    guess = guess_kind(s)
    if guess is None:
        allowed = "、".join(zh for zh, _ in KIND_LABELS.values())
        raise CellProblem(f"“{s}” 不是已知类型（{allowed}）", f"'{s}' is not a known kind ({allowed})")
    return guess


def guess_kind(text: str) -> SiteKind | None:
    low = text.lower()
    return next((k for k, words in _KIND_WORDS if any(w in low for w in words)), None)


def datum(value: object) -> str:
    d = datum_named(cells.plain(value))
    if d is None:
        raise CellProblem(f"“{cells.plain(value)}” 不是坐标系（WGS-84、GCJ-02/高德、BD-09/百度）",
                          f"'{cells.plain(value)}' is not a datum (WGS-84, GCJ-02, BD-09)")
    return d


F = Field
SITE_FIELDS: tuple[Field, ...] = (
    F("name", "名称", "Name", ("教学点", "教学点名称", "现场教学点", "点位", "点位名称", "单位名称", "site",
                              "sitename", "title"), cells.text, required=True),
    F("address", "地址", "Address", ("详细地址", "所在地址", "位置", "location", "addr"), cells.text),
    F("province", "省", "Province", ("省份", "省区", "所在省"), cells.text),
    F("city", "市", "City", ("城市", "地市", "所在市", "地级市"), cells.text),
    F("county", "区县", "County", ("县区", "区", "县", "区/县", "县市区", "所在区县", "district"), cells.text),
    F("kind", "类型", "Kind", ("类别", "点位类型", "type", "category"), kind),
    F("visit_minutes", "时长", "Minutes", ("参观时长", "教学时长", "时长分钟", "用时", "duration",
                                        "visitminutes", "length"), cells.minutes),
    F("hours", "开放时间", "Opening hours", ("开放时段", "接待时间", "hours", "openinghours", "open"),
      cells.hours),
    F("opens", "开门时间", "Opens", ("开馆时间", "开始时间", "开放开始", "opensat", "from"), cells.clock),
    F("closes", "关门时间", "Closes", ("闭馆时间", "结束时间", "开放结束", "closesat", "until", "to"), cells.clock),
    F("closed", "闭馆日", "Closed on", ("闭馆", "休息日", "休馆日", "closed", "closeddays"), cells.closed_days),
    F("max_groups", "接待能力", "Groups at once", ("同时接待", "同时接待组数", "接待组数", "maxgroups",
                                                 "capacitygroups", "groups"), cells.whole(1, 99)),
    F("max_people", "人数上限", "Max people", ("最多人数", "容纳人数", "接待人数", "人数", "maxpeople",
                                             "capacity"), cells.whole(1, 100_000)),
    F("topics", "主题", "Topics", ("教学主题", "专题", "topic", "themes"), cells.items),
    F("contact", "联系人", "Contact", ("联系方式", "联系电话", "对接人", "phone"), cells.text),
    F("presenter", "讲解人", "Presenter", ("讲解", "讲解员", "主讲人", "授课人", "speaker", "guide"), cells.text),
    F("intro", "简介", "Introduction", ("介绍", "说明", "备注", "点位简介", "description", "intro", "notes"),
      cells.text),
    F("lat", "纬度", "Latitude", ("lat", "y"), cells.decimal(-90, 90, "纬度", "latitude")),
    F("lon", "经度", "Longitude", ("lon", "lng", "long", "x"), cells.decimal(-180, 180, "经度", "longitude")),
    F("datum", "坐标系", "Datum", ("坐标类型", "坐标", "coordsys", "crs"), datum),
)


@dataclass
class SiteRow:
    row: int
    site: Site
    located: bool = False      # the point came from the county centroid, not the sheet
    given: frozenset[str] = frozenset()   # Site fields the sheet (or the placing) filled


def _base_id(name: str, k: SiteKind) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:56] or k.value


def unused_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def build_sites(table: Table, parsed: ParseResult, taken_ids: Iterable[str],
                source: str = "") -> tuple[list[SiteRow], list[CellError]]:
    """Sites from the good rows; a row the Site model refuses, or that cannot be placed, is an error."""
    taken = set(taken_ids)
    needs_place = [r for r in parsed.rows if "lat" not in r.values or "lon" not in r.values
                   or not r.values.get("county")]
    places = dict(zip((r.row for r in needs_place), place_many([_place_text(r.values) for r in needs_place])))
    out: list[SiteRow] = []
    errors: list[CellError] = []
    for r in parsed.rows:
        v = dict(r.values)
        k = v.get("kind") or guess_kind(v["name"]) or SiteKind.ENTERPRISE
        found = places.get(r.row)
        located = False
        if found is not None:
            for key in ("province", "city", "county"):
                v.setdefault(key, getattr(found, key))
        if "lat" in v and "lon" in v:
            v["lat"], v["lon"] = to_wgs(v["lat"], v["lon"], v.get("datum", "wgs84"))
            v["precision"] = "site"
        elif "lat" in v or "lon" in v:
            errors.append(_row_error(r, "lon" if "lat" in v else "lat", "只有经度或纬度之一",
                                     "only one of latitude and longitude is given", table))
            continue
        elif found is not None and found.lat is not None:
            v["lat"], v["lon"], v["precision"], located = found.lat, found.lon, "county", True
        elif found is not None and found.namesakes:  # "西湖区" alone: 杭州 or 南昌? never a guess
            errors.append(_row_error(r, "address" if "address" in v else "county" if "county" in v else "name",
                                     *found.ambiguity_parts(), table))
            continue
        else:
            errors.append(_row_error(r, "address", "没有经纬度，地址或名称中也找不到区县，无法定位",
                                     "no coordinates, and no county in the address or name to place it",
                                     table))
            continue
        data = _site_dict(v, k, unused_id(_base_id(v["name"], k), taken), source)
        try:
            site = Site.model_validate(data)
        except ValidationError as e:
            errors.extend(_model_errors(r, e, table))
            continue
        taken.add(site.id)
        given = frozenset(data) - {"id", "kind", "source"} | ({"kind"} if "kind" in v else set())
        out.append(SiteRow(r.row, site, located, given))
    return out, errors


def _place_text(v: dict[str, object]) -> str:
    return "".join(str(v.get(k, "")) for k in ("province", "city", "county", "address")) or str(v["name"])


def _site_dict(v: dict[str, object], k: SiteKind, site_id: str, source: str) -> dict[str, object]:
    data = {key: v[key] for key in ("name", "province", "city", "county", "address", "lat", "lon", "precision",
                                    "visit_minutes", "max_groups", "max_people", "topics", "contact",
                                    "presenter", "intro") if key in v}
    data.update(id=site_id, kind=k, source=source)
    if "hours" in v:
        data["hours"] = [{"start": a, "end": b} for a, b in v["hours"]]
    elif "opens" in v or "closes" in v:  # separate columns; one alone bounds the day on that side
        data["hours"] = [{"start": v.get("opens", "00:00"), "end": v.get("closes", "23:59")}]
    if "closed" in v:
        data["closed_weekdays"], data["closed_on_holidays"] = v["closed"]
    return data


_MODEL_TO_FIELD = {"closed_weekdays": "closed", "closed_on_holidays": "closed", "precision": "lat", "id": "name",
                   "hours": "hours"}


def _model_errors(r: ParsedRow, e: ValidationError, table: Table) -> list[CellError]:
    out = []
    for err in e.errors(include_url=False):
        loc = str(err["loc"][0]) if err["loc"] else ""
        key = _MODEL_TO_FIELD.get(loc, loc)
        out.append(_row_error(r, key, err["msg"], err["msg"], table))
    return out


def _row_error(r: ParsedRow, key: str, zh: str, en: str, table: Table) -> CellError:
    col = r.columns.get(key)
    header = table.headers[col] if col is not None and col < len(table.headers) else ""
    value = "" if col is None else str(r.values.get(key, ""))
    return CellError(r.row, col, header, value, zh, en)
