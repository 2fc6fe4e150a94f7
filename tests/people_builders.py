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


HEADERS = ["序号", "姓名", "性别", "单位职务", "手机", "组别", "房间", "座位", "民族", "饮食", "身份证号"]
GROUP_CELLS = {"g1": "1组", "g2": "第二组"}  # how a 组织部 sheet spells the tour's 第一组 / 第二组


def roster_sheet_rows(people: list[dict[str, Any]]) -> list[list[object]]:
    """The roster as a 组织部 sheet lays it out (Chinese headers, 男/女, group as the sheet names it)."""
    rows: list[list[object]] = [HEADERS]
    for i, p in enumerate(people, 1):
        rows.append([i, p["name"], "男" if p["gender"] == "male" else "女", p["unit"], p["phone"],
                     GROUP_CELLS[p["group"]], p["room"], p["seat"], p["ethnicity"], p["diet"], p["id_number"]])
    return rows


def write_roster_xlsx(path, people: list[dict[str, Any]], title: str = "2025年培训班学员名单") -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "学员名单"
    ws.append([title])
    for row in roster_sheet_rows(people):
        # Excel stores a typed phone as a number; the reader must give back the digits
        ws.append([int(c) if isinstance(c, str) and c.isdigit() and len(c) == 11 else c for c in row])
    wb.save(path)


def write_roster_csv(path, people: list[dict[str, Any]], encoding: str = "gbk",
                     broken: list[object] | None = None) -> None:
    rows = roster_sheet_rows(people)
    if broken is not None:
        rows.insert(3, broken)
    text = "\r\n".join(",".join(str(c) for c in r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
