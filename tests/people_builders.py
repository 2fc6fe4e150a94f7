"""Made-up rosters for the people tests, generated here so no real person's data is ever in the tree."""

from __future__ import annotations

import random
from typing import Any

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅志文斌宇浩然晨曦思远嘉怡子涵雨欣"
UNITS = ("嘉兴市商务局", "湖州市发改委", "衢州市经信局", "丽水市人社局", "金华市农业农村局", "台州市科技局")
POSTS = ("副局长", "处长", "科长", "主任", "副主任", "调研员")
ETHNIC = ("汉族",) * 8 + ("回族", "满族", "土家族")
DIET = ("",) * 9 + ("清真", "素食", "海鲜过敏")


def roster(n: int = 100, groups: tuple[str, ...] = ("g1", "g2"), seed: int = 7) -> list[dict[str, Any]]:
    """`n` participants as Participant dicts, spread evenly over `groups`; names unique."""
    rng = random.Random(seed)
    names: set[str] = set()
    people = []
    while len(people) < n:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name in names:
            continue
        names.add(name)
        i = len(people)
        people.append({
            "id": f"p{i + 1}", "name": name, "gender": rng.choice(("male", "female")),
            "unit": f"{rng.choice(UNITS)} {rng.choice(POSTS)}",
            "phone": f"139{rng.randrange(10**8):08d}", "group": groups[i % len(groups)],
            "room": f"{8 + i // 40}{(i // 2) % 20 + 1:02d}", "seat": str(i // len(groups) + 1),
            "ethnicity": rng.choice(ETHNIC), "diet": rng.choice(DIET),
            "id_number": f"3304{rng.randrange(10**13):013d}X"[:18]})
    return people
