"""Turn pydantic validation errors into lines that say where (by name) and what, in zh or en."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

# zh templates for the error types users actually hit; anything else falls back to pydantic's English text.
_ZH = {
    "missing": "缺少必填字段",
    "greater_than_equal": "应不小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "应不大于 {le}",
    "less_than": "应小于 {lt}",
    "string_pattern_mismatch": "格式不符（{pattern}）",
    "string_too_short": "不能为空",
    "string_too_long": "太长（最多 {max_length} 字）",
    "clock": "“{value}”不是有效的时刻（00:00–23:59）",
    "clock_number": "数字 {value} 不是时刻：请写成“08:30”（0 到 1 之间的数字按电子表格的一天的比例读取）",
    "tour_too_long": "行程共 {days} 天，最多 {max} 天（一份行程最长一年，检查和看板才能保持快速）",
    "span_order": "结束时间 {end} 不晚于开始时间 {start}",
    "hours_overlap": "开放时段重叠：{a} 与 {b}",
    "duplicate_id": "编号“{id}”重复，已用于 [{first}]",
    "duplicate_date": "日期 {date} 重复",
    "day_outside": "{date} 不在培训日期 {start} 至 {end} 之内",
    "unknown_site": "引用的教学点“{site}”不在本行程的教学点中",
    "unknown_group": "组“{group}”不在本行程中",
    "unknown_person": "“{who}”不在名单中",
    "duplicate_night": "{group} {date} 的入住说明重复",
    "phone": "“{value}”不是电话号码（只能有数字、+、-、空格和括号）",
    "id_number": "“{value}”不是证件号（只能有字母、数字和 -）",
    "tour_dates": "结束日期 {end} 早于开始日期 {start}",
    "visit_site": "现场教学须指定教学点",
    "transfer_site": "交通须指定目的地",
    "transfer_minutes": "交通须填写已知时长（分钟）",
    "not_transfer": "只有交通才有方式和出发地",
    "extra_forbidden": "未知字段",
    "date_from_datetime_parsing": "不是有效日期",
    "date_parsing": "不是有效日期",
    "float_parsing": "应为数字",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "enum": "应为以下之一：{expected}",
    "literal_error": "应为以下之一：{expected}",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "model_type": "应为对象",
    "dict_type": "应为对象",
    "string_type": "应为文字",
}


def label(data: Any, loc: tuple) -> str:
    """Render a location, adding the name/date of groups, days and sites so users can find it."""
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{key}]"]
            node = node[key] if isinstance(node, list) and 0 <= key < len(node) else None
            if isinstance(node, dict):
                hint = node.get("name") or node.get("date") or node.get("id")
                if isinstance(hint, str) and hint:
                    parts[-1] += f"（{hint}）"
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)


def _where_from_ctx(ctx: dict) -> str | None:
    where = ctx.get("where")
    return where if isinstance(where, str) else None


def describe_validation(error: ValidationError, data: Any, lang: str = "zh") -> list[str]:
    lines = []
    for e in error.errors(include_url=False):
        loc = tuple(e.get("loc", ()))
        ctx = e.get("ctx") or {}
        where_ctx = _where_from_ctx(ctx)
        if where_ctx:
            # model-level checks carry their own path, e.g. "groups[0].days[2].activities[1].site"
            loc = loc + tuple(parse_path(where_ctx))
        where = label(data, loc) or ("(文件)" if lang == "zh" else "(file)")
        value = e.get("input")
        text = e["msg"]
        if lang == "zh" and e["type"] in _ZH:
            try:
                text = _ZH[e["type"]].format(**{k: v for k, v in ctx.items()})
            except (KeyError, IndexError):
                pass
        elif where_ctx:
            text = text.split(": ", 1)[-1]
        shown = _short(value) if not isinstance(value, (dict, list)) else None
        if shown is not None and e["type"] not in ("missing",):
            lines.append(f"{where} = {shown}: {text}")
        else:
            lines.append(f"{where}: {text}")
    return lines


def parse_path(path: str) -> list[str | int]:
    """"groups[0].days[2].site" -> ["groups", 0, "days", 2, "site"]"""
    out: list[str | int] = []
    for piece in path.split("."):
        name, *idx = piece.replace("]", "").split("[")
        if name:
            out.append(name)
        out.extend(int(i) for i in idx)
    return out


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
