"""Clock times as they appear in files ("08:30") and as the scheduler uses them (minutes)."""

from __future__ import annotations

from datetime import time
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, model_validator
from pydantic_core import PydanticCustomError


def _parse_clock(value: object) -> object:
    # Accept "8:00" as well as "08:00"; reject "25:00" with a message that quotes the value.
    if isinstance(value, (int, float)):
        return _day_fraction(value)
    if isinstance(value, str):
        text = value.strip()
        parts = text.split(":")
        if len(parts) in (2, 3) and all(p.isdigit() for p in parts):
            hour, minute = int(parts[0]), int(parts[1])
            if not (0 <= hour <= 23 and 0 <= minute <= 59):
                raise PydanticCustomError("clock", "'{value}' is not a time of day (00:00–23:59)",
                                          {"value": text})
            return time(hour, minute)
        raise PydanticCustomError("clock", "'{value}' is not a time of day (00:00–23:59)",
                                  {"value": text})
    return value


def _day_fraction(value: int | float) -> time:
    """A spreadsheet stores 08:24 as 0.35 (a fraction of a day) and a copied cell keeps it: convert it.
    Anything else numeric (830, 1.5, true) is refused, saying how times are written."""
    if not isinstance(value, bool) and 0 <= value < 1:  # bounded first: 1e308 × 1440 would overflow
        total = round(value * 1440)  # 1 and anything that rounds to it (0.9997) is not a time of day
        if total < 1440:
            return time(total // 60, total % 60)
    raise PydanticCustomError("clock_number", "the number {value} is not a time of day: write times as "
                              "\"08:30\" (a number from 0 to 1 is read as a spreadsheet's fraction of a day)",
                              {"value": str(value).lower()})


Clock = Annotated[
    time,
    BeforeValidator(_parse_clock),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str),
]


def minutes(t: time) -> int:
    """Minutes since midnight."""
    return t.hour * 60 + t.minute


def fmt(m: int) -> str:
    """Format minutes since midnight; past midnight shows as 24:10 so order stays visible."""
    sign = "-" if m < 0 else ""
    m = abs(m)
    return f"{sign}{m // 60:02d}:{m % 60:02d}"


class TimeSpan(BaseModel):
    """A window within one day, start strictly before end."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: Clock
    end: Clock

    @model_validator(mode="after")
    def _ordered(self) -> "TimeSpan":
        if self.end <= self.start:
            raise PydanticCustomError(
                "span_order", "ends at {end}, not after it starts at {start}",
                {"start": self.start.strftime("%H:%M"), "end": self.end.strftime("%H:%M")})
        return self

    @property
    def start_min(self) -> int:
        return minutes(self.start)

    @property
    def end_min(self) -> int:
        return minutes(self.end)
