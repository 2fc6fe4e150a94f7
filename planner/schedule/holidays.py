"""China's public holidays and 调休 working days, from the maintained `chinesecalendar` package."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import chinese_calendar

HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


@lru_cache(maxsize=4096)
def holiday(date: dt.date) -> str | None:
    """English name of the public holiday on `date` (weekends are not holidays here), else None.

    Raises NotImplementedError for years the library does not cover yet.
    """
    on_holiday, name = chinese_calendar.get_holiday_detail(date)
    if on_holiday and name is not None:
        return str(name)
    return None


@lru_cache(maxsize=4096)
def is_makeup_workday(date: dt.date) -> bool:
    """A weekend day that is a working day because of 调休."""
    return date.isoweekday() >= 6 and chinese_calendar.is_workday(date)


def known(date: dt.date) -> bool:
    try:
        holiday(date)
    except NotImplementedError:
        return False
    return True


def holiday_name(name: str, lang: str) -> str:
    return HOLIDAY_NAMES_ZH.get(name, name) if lang == "zh" else name
