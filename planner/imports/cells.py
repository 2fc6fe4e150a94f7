"""Parsers for one cell each: text, whole numbers, durations, clock times, opening hours, weekdays, lists.

Each returns the value or raises `CellProblem` with the reason in Chinese and English. Cells come
as the reader gives them: str from CSV; str, int, float, datetime or time from .xlsx — a time typed
in Excel arrives as `time`, or as a fraction of a day when the cell is formatted as a number.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time


class CellProblem(ValueError):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def plain(value: object) -> str:
    """The cell as text: 12.0 → '12', full-width characters folded, outer spaces gone."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return unicodedata.normalize("NFKC", str(value)).strip()


def text(value: object) -> str:
    return str(value).strip() if isinstance(value, str) else plain(value)


_COUNT = re.compile(r"^(\d+)\s*(人|个|組|组|家|名|位|批|people|groups?)?$", re.I)


def whole(lo: int, hi: int) -> "callable":
    """A whole number within [lo, hi]; '30人' is 30; '三十' or '30.5' is refused with the reason."""

    def parse(value: object) -> int:
        if isinstance(value, bool):
            raise CellProblem(f"“{value}” 不是数字", f"'{value}' is not a number")
        if isinstance(value, (int, float)):
            if not float(value).is_integer():
                raise CellProblem(f"“{plain(value)}” 不是整数", f"'{plain(value)}' is not a whole number")
            n = int(value)
        else:
            m = _COUNT.match(plain(value))
            if m is None:
                raise CellProblem(f"“{plain(value)}” 不是阿拉伯数字（请写作如 30）",
                                  f"'{plain(value)}' is not a number (write e.g. 30)")
            n = int(m.group(1))
        if not lo <= n <= hi:
            raise CellProblem(f"{n} 超出范围 {lo}–{hi}", f"{n} is outside {lo}–{hi}")
        return n

    return parse


_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)\s*(?:小时|个小时|h|hr|hrs|hours?))?\s*"
                       r"(?:(\d+)\s*(?:分钟|分|min|mins|minutes?|m)?)?$", re.I)


def minutes(value: object) -> int:
    """Minutes: 90, '90分钟', '1.5小时', '1小时30分', '1h30', or a time cell 01:30 used as a duration."""
    if isinstance(value, time):
        n = value.hour * 60 + value.minute
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if not float(value).is_integer():
            raise CellProblem(f"“{plain(value)}” 不是整分钟数", f"'{plain(value)}' is not whole minutes")
        n = int(value)
    else:
        s = plain(value)
        hm = re.fullmatch(r"(\d{1,2}):(\d{2})", s)
        m = _DURATION.match(s) if hm is None else None
        if hm is not None:
            n = int(hm.group(1)) * 60 + int(hm.group(2))
        elif m is not None and (m.group(1) or m.group(2)):
            n = round(float(m.group(1) or 0) * 60) + int(m.group(2) or 0)
        else:
            raise CellProblem(f"“{s}” 不是时长（如 90、90分钟、1.5小时）",
                              f"'{s}' is not a duration (e.g. 90, 90 min, 1.5 h)")
    if not 0 <= n <= 720:
        raise CellProblem(f"时长 {n} 分钟超出 0–720", f"{n} minutes is outside 0–720")
    return n


_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2})(?::\d{2})?|[点時时](\d{1,2}|半)?分?)$")


def clock(value: object) -> str:
    """A time of day as 'HH:MM': '9:00', '09:00', '9点半', a time cell, or a day fraction (0.375)."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 0 <= value < 1:
            total = round(value * 24 * 60)
            if total < 24 * 60:
                return f"{total // 60:02d}:{total % 60:02d}"
        raise CellProblem(f"“{plain(value)}” 不是一天中的时刻", f"'{plain(value)}' is not a time of day")
    s = plain(value)
    m = _CLOCK.match(s)
    if m is None:
        raise CellProblem(f"“{s}” 不是时刻（如 09:00）", f"'{s}' is not a time (e.g. 09:00)")
    hour = int(m.group(1))
    minute = 30 if m.group(3) == "半" else int(m.group(2) or m.group(3) or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise CellProblem(f"“{s}” 不是一天中的时刻（00:00–23:59）",
                          f"'{s}' is not a time of day (00:00–23:59)")
    return f"{hour:02d}:{minute:02d}"


_SEPARATORS = re.compile(r"[,，、;；\n/]+")
_SPAN = re.compile(r"^\s*(.+?)\s*(?:-|–|—|~|～|至|到)\s*(.+?)\s*$")
_ALL_DAY = {"全天", "不限", "无", "allday", "any", "anytime"}


def hours(value: object) -> list[tuple[str, str]]:
    """Opening hours: '9:00-17:00', '09:00-11:30，13:30-17:00'; '全天' → [] (any time)."""
    s = plain(value)
    if s.replace(" ", "").lower() in _ALL_DAY:
        return []
    spans = []
    for piece in filter(str.strip, _SEPARATORS.split(s)):
        m = _SPAN.match(piece)
        if m is None:
            raise CellProblem(f"“{piece}” 不是时段（如 09:00-17:00）",
                              f"'{piece}' is not a time span (e.g. 09:00-17:00)")
        start, end = clock(m.group(1)), clock(m.group(2))
        if end <= start:
            raise CellProblem(f"时段 {start}–{end} 结束不晚于开始", f"span {start}–{end} does not end after it starts")
        spans.append((start, end))
    return spans


_DAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_EN_DAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
_HOLIDAY = re.compile(r"节假日|法定|假日|holiday", re.I)
_NONE = {"无", "不闭馆", "全年开放", "none", "no", "-"}


def closed_days(value: object) -> tuple[list[int], bool]:
    """'周一', '每周一、周二闭馆', 'Mon, Sun', '1,7', '周一及法定节假日' → (ISO weekdays, closed on holidays)."""
    s = plain(value)
    if s.lower() in _NONE:
        return [], False
    holidays = bool(_HOLIDAY.search(s))
    rest = _HOLIDAY.sub(" ", s)
    days = [_DAYS[c] for c in re.findall(r"(?:周|星期|礼拜)([一二三四五六日天七])", rest)]
    days += [_EN_DAYS[w[:3].lower()] for w in re.findall(r"[A-Za-z]{3,}", rest) if w[:3].lower() in _EN_DAYS]
    digits = re.findall(r"\d+", rest)
    if not days and digits:
        days = [int(d) for d in digits]
        if any(not 1 <= d <= 7 for d in days):
            raise CellProblem(f"“{s}” 中的数字应为 1–7（周一=1）", f"'{s}': weekday numbers are 1–7 (Monday = 1)")
    leftover = re.sub(r"(?:每|周|星期|礼拜|[一二三四五六日天七]|闭馆|休息|休馆|及|和|与|、|，|,|;|；|\s|\d|"
                      r"[A-Za-z]|\(|\)|（|）)", "", rest)
    if (not days and not holidays) or leftover:
        raise CellProblem(f"“{s}” 不是闭馆日（如 周一、周一及法定节假日）",
                          f"'{s}' is not a closing day (e.g. Mon, or 周一及法定节假日)")
    return sorted(set(days)), holidays


def items(value: object) -> list[str]:
    """A list in one cell: '乡村振兴、文旅融合' or 'a, b; c'."""
    return [p.strip() for p in _SEPARATORS.split(plain(value)) if p.strip()]


def decimal(lo: float, hi: float, zh: str, en: str) -> "callable":
    def parse(value: object) -> float:
        try:
            x = float(plain(value).rstrip("°"))
        except ValueError:
            raise CellProblem(f"“{plain(value)}” 不是{zh}", f"'{plain(value)}' is not a {en}") from None
        if not lo <= x <= hi:
            raise CellProblem(f"{zh} {x} 超出 {lo}–{hi}", f"{en} {x} is outside {lo}–{hi}")
        return x

    return parse
