"""How dates, weekdays and durations read in Chinese and English."""

from __future__ import annotations

import datetime as dt

WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday(date: dt.date, lang: str = "zh") -> str:
    return (WEEKDAYS_ZH if lang == "zh" else WEEKDAYS_EN)[date.weekday()]


def weekday_of(iso: int, lang: str = "zh") -> str:
    return (WEEKDAYS_ZH if lang == "zh" else WEEKDAYS_EN)[iso - 1]


def day_label(date: dt.date, lang: str = "zh") -> str:
    """2月24日（周一） / Mon 24 Feb."""
    if lang == "zh":
        return f"{date.month}月{date.day}日（{weekday(date)}）"
    return f"{weekday(date, 'en')[:3]} {date.day} {date.strftime('%b')}"


def short_date(date: dt.date, lang: str = "zh") -> str:
    return f"{date.month}月{date.day}日" if lang == "zh" else f"{date.day} {date.strftime('%b')}"


def duration(minutes: int, lang: str = "zh") -> str:
    h, m = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else ""
    if lang == "zh":
        return sign + (f"{h}小时{m:02d}分" if h else f"{m}分钟")
    return sign + (f"{h} h {m:02d} min" if h else f"{m} min")
