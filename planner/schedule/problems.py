"""Problems the scheduler finds: stable codes, severities, where they are, and their wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_LABELS = {Severity.ERROR: ("错误", "error"), Severity.WARNING: ("警告", "warning"),
                   Severity.INFO: ("提示", "info")}

# code -> (severity, zh template, en template). Codes are part of the JSON output: never rename one.
CATALOGUE: dict[str, tuple[Severity, str, str]] = {
    "day-overflow": (Severity.ERROR,
                     "{group} {date}：行程到 {day_end} 结束，超出日程窗口 {over} 分钟（应在 {window_end} 前结束）",
                     "{group} {date}: the day ends at {day_end}, {over} min past the window end {window_end}"),
    "early-start": (Severity.ERROR,
                    "{group} {date}：{activity} 定于 {start}，须在 {depart} 出发，早于日程窗口 {window_start}",
                    "{group} {date}: {activity} at {start} means setting off at {depart}, before the day window "
                    "opens at {window_start}"),
    "closed-weekday": (Severity.ERROR,
                       "{group} {date}：{site} 逢{weekday}闭馆，不能安排",
                       "{group} {date}: {site} is closed on {weekday}s"),
    "closed-holiday": (Severity.ERROR,
                       "{group} {date}：{site} 法定节假日（{holiday}）不开放",
                       "{group} {date}: {site} is closed on public holidays ({holiday})"),
    "outside-hours": (Severity.ERROR,
                      "{group} {date}：{site} 开放时间 {hours}，安排在 {start}–{end} 不在开放时间内",
                      "{group} {date}: {site} opens {hours}; {start}–{end} is outside its hours"),
    "over-capacity-groups": (Severity.ERROR,
                             "{date} {start}–{end}：{site} 同时接待 {count} 个组（{groups}），最多 {limit} 个",
                             "{date} {start}–{end}: {site} receives {count} groups at once ({groups}); "
                             "it takes {limit}"),
    "over-capacity-people": (Severity.ERROR,
                             "{date} {start}–{end}：{site} 同时接待 {people} 人（{groups}），最多 {limit} 人",
                             "{date} {start}–{end}: {site} receives {people} people at once ({groups}); "
                             "it takes {limit}"),
    "pinned-unreachable": (Severity.ERROR,
                           "{group} {date}：{activity} 定于 {pinned}，最早 {arrive} 才能到达，晚 {late} 分钟",
                           "{group} {date}: {activity} is pinned at {pinned} but the group arrives at {arrive}, "
                           "{late} min late"),
    "joint-mismatch": (Severity.ERROR,
                       "{date}：联合活动“{joint}”不一致：{group} {time} 在 {site}，{other} {other_time} 在 {other_site}",
                       "{date}: joint session \"{joint}\" differs: {group} {time} at {site}, {other} {other_time} "
                       "at {other_site}"),
    "long-leg": (Severity.WARNING,
                 "{group} {date}：前往 {site} 的车程约 {minutes} 分钟（{km} km），超过 {limit} 分钟",
                 "{group} {date}: the coach leg to {site} takes about {minutes} min ({km} km), over {limit} min"),
    "no-lunch": (Severity.WARNING,
                 "{group} {date}：{window} 之间没有安排午餐，也没有 {minutes} 分钟的空档",
                 "{group} {date}: no lunch and no {minutes}-minute break between {window}"),
    "meal-outside-lunch": (Severity.WARNING,
                           "{group} {date}：{activity} {start}–{end} 落在午餐时段 {window} 内不足 {minutes} 分钟",
                           "{group} {date}: {activity} {start}–{end} has less than {minutes} min inside the lunch "
                           "window {window}"),
    "too-many-visits": (Severity.WARNING,
                        "{group} {date}：安排了 {count} 场现场教学，超过每日上限 {limit} 场",
                        "{group} {date}: {count} site visits, more than the daily limit of {limit}"),
    "site-revisited": (Severity.WARNING,
                       "{group} {date}：{site} 已于 {first} 参观过",
                       "{group} {date}: {site} was already visited on {first}"),
    "start-mismatch": (Severity.WARNING,
                       "{group} {date}：从 {start} 出发，但前一晚住在 {previous}",
                       "{group} {date}: the day starts at {start} but the group spent the night at {previous}"),
    "no-hotel": (Severity.INFO,
                 "{group} {date}：未指定当晚住宿",
                 "{group} {date}: no hotel for the night"),
    "holidays-unknown": (Severity.INFO,
                         "{year} 年的法定节假日和调休安排未知，未检查节假日闭馆",
                         "public holidays of {year} are not known yet; holiday closures were not checked"),
    "balance-driving": (Severity.INFO,
                        "各组车程不均：{most} {most_km} km，比 {least} {least_km} km 多 {diff} km{ratio}",
                        "driving is unbalanced: {most} {most_km} km, {diff} km more than {least} {least_km} km"
                        "{ratio}"),
    "balance-visits": (Severity.INFO,
                       "各组现场教学场次不均：{counts}",
                       "site visits are unbalanced across groups: {counts}"),
    "balance-topics": (Severity.INFO,
                       "{group} 未涉及其他组学习的专题：{topics}",
                       "{group} misses topics other groups cover: {topics}"),
    # people (planner/schedule/people_checks.py)
    "roster-headcount": (Severity.WARNING,
                         "{group}：名单 {roster} 人，与计划人数 {headcount} 人不符",
                         "{group}: the roster lists {roster} people but the headcount is {headcount}"),
    "vehicle-seats": (Severity.ERROR,
                      "{group}：车辆 {vehicles} 共 {seats} 座，坐不下 {people} 人（学员 {participants}、工作人员 {staff}）",
                      "{group}: vehicle(s) {vehicles} have {seats} seats for {people} people "
                      "({participants} participants, {staff} staff)"),
    "person-in-two-groups": (Severity.ERROR,
                             "{name} 同时列在 {groups}",
                             "{name} is listed in two groups: {groups}"),
    "room-over-beds": (Severity.ERROR,
                       "{group} {date}：{room} 房 {beds} 张床，安排了 {count} 人（{names}）",
                       "{group} {date}: room {room} has {beds} beds for {count} people ({names})"),
    "participant-no-group": (Severity.WARNING,
                             "{count} 名学员未分组：{names}",
                             "{count} participants are in no group: {names}"),
}


@dataclass(frozen=True)
class Problem:
    code: str
    group_id: str | None = None
    date: dt.date | None = None
    activity_id: str | None = None
    site_id: str | None = None
    # Either fixed values or a function of the language; a function keeps checking cheap because
    # most problems are counted and coloured long before anyone reads their text.
    params: dict[str, Any] | Callable[[str], dict[str, Any]] = field(default_factory=dict, compare=False,
                                                                      hash=False)
    groups: tuple[str, ...] = ()  # every group involved (capacity clashes name several)
    activities: tuple[str, ...] = ()  # every activity involved, when more than the one above

    def involves(self, activity_id: str) -> bool:
        return activity_id == self.activity_id or activity_id in self.activities

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code][0]

    def values(self, lang: str = "zh") -> dict[str, Any]:
        return self.params(lang) if callable(self.params) else self.params

    def message(self, lang: str = "zh") -> str:
        _, zh, en = CATALOGUE[self.code]
        return (zh if lang == "zh" else en).format(**self.values(lang))

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "group": self.group_id,
            "groups": list(self.groups or ((self.group_id,) if self.group_id else ())),
            "date": self.date.isoformat() if self.date else None,
            "activity": self.activity_id,
            "activities": list(self.activities or ((self.activity_id,) if self.activity_id else ())),
            "site": self.site_id,
            "message": self.message(lang),
        }
