"""每日提示: what a group must know for a day — dress, where and when to meet, what to bring — as fields the
window edits and every printed document shows the same way (not buried in free-text notes)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from planner.model.clock import Clock

Tip = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class DayTips(BaseModel):
    model_config = ConfigDict(extra="forbid")

    meet_time: Clock | None = None   # 集合时间
    meet_at: Tip = ""                # 集合地点, e.g. 酒店大堂
    dress: Tip = ""                  # 着装
    bring: Tip = ""                  # 携带物品
    other: Tip = ""                  # 其他提示

    def is_empty(self) -> bool:
        return self == DayTips()

    def lines(self) -> list[tuple[str, str]]:
        """(label, text) of the tips that are filled in, in print order."""
        meet = " ".join(x for x in (self.meet_time.strftime("%H:%M") if self.meet_time else "", self.meet_at) if x)
        return [(label, text) for label, text in (("集合", meet), ("着装", self.dress), ("携带", self.bring),
                                                  ("提示", self.other)) if text]
