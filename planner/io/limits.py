"""Bounds on what a file may contain, checked while reading it, so a hostile or mangled file gets one short
message instead of a RecursionError, an OverflowError, a hang or a 30 MB error message.

Our files are a few levels deep, with short names and plain numbers; the limits are far beyond any real
plan but small enough that checking, drawing and printing stay fast.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64            # our format needs about 8 levels
MAX_INT_DIGITS = 18       # any count or minute fits; 4,301 digits would take Python seconds to convert
MAX_STRING = 10_000       # notes, introductions
MAX_NAME = 200            # "name" and "title" fields: shown in headers, tabs and file names
NAME_KEYS = ("name", "title")
MAX_MESSAGE = 300         # one problem line, as shown
MAX_PROBLEMS = 20         # lines in one message; the rest are counted

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")
# C0/C1 controls, DEL, and the bidirectional overrides that can make a terminal line read differently
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class LimitError(ValueError):
    """The document breaks a limit; the message says which, in zh and en."""


def parse_json(text: str) -> Any:
    """json.loads within the limits above; raises LimitError or json.JSONDecodeError."""
    _check_depth(text)
    return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)


def _check_depth(text: str) -> None:
    depth = 0
    for m in _BRACKETS.finditer(_STRING.sub('""', text)):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_DEPTH:
            raise LimitError(f"嵌套超过 {MAX_DEPTH} 层 (nested more than {MAX_DEPTH} levels deep)")


def _int(literal: str) -> int:
    digits = len(literal.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise LimitError(f"整数有 {digits} 位，超出范围 (an integer with {digits} digits is out of range)")
    return int(literal)


def _float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise LimitError(f"数字 {literal[:40]} 超出范围 (the number {literal[:40]} is out of range)")
    return value


def _constant(literal: str) -> float:
    raise LimitError(f"{literal} 不是数字 ({literal} is not a number)")


def string_problems(doc: Any) -> list[tuple[tuple, str]]:
    """(location, problem) for strings that are too long or not valid Unicode (a lone surrogate)."""
    found: list[tuple[tuple, str]] = []
    _walk(doc, (), found)
    return found


def _walk(node: Any, loc: tuple, found: list) -> None:
    if len(found) >= MAX_PROBLEMS:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if _surrogate(key):
                found.append((loc, f"字段名含无效字符（孤立代理项）(a field name contains a lone surrogate: "
                                    f"{_escape(key[:40])})"))
                continue
            limit = MAX_NAME if key in NAME_KEYS and isinstance(value, str) else MAX_STRING
            _check_string(value, loc + (key,), limit, found)
            _walk(value, loc + (key,), found)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _check_string(value, loc + (i,), MAX_STRING, found)
            _walk(value, loc + (i,), found)


def _check_string(value: Any, loc: tuple, limit: int, found: list) -> None:
    if not isinstance(value, str):
        return
    if _surrogate(value):
        found.append((loc, "含无效字符（孤立代理项，如 \\ud800）(contains a lone surrogate, e.g. \\ud800: "
                           "not valid Unicode text)"))
    elif len(value) > limit:
        found.append((loc, f"太长：{len(value)} 字，最多 {limit} 字 (too long: {len(value)} characters, "
                           f"at most {limit})"))


def _surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _escape(text: str) -> str:
    def one(m: re.Match) -> str:
        cp = ord(m.group())
        return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"

    return _UNSAFE.sub(one, text)


def safe_lines(text: str, cap: int = 2000) -> str:
    """Several lines of output for a terminal (a report naming others' sites and groups): each line as
    safe_text makes it, the line breaks kept."""
    return "\n".join(safe_text(line, cap) for line in text.split("\n"))


def safe_text(text: str, cap: int = MAX_MESSAGE) -> str:
    """A message fit for a terminal or a dialog: control characters, bidi overrides and lone surrogates
    escaped (\\x1b), and at most `cap` characters, ending in "…" when cut."""
    shown = _escape(text[: cap * 4])
    return shown if len(shown) <= cap and len(text) <= cap * 4 else shown[: cap - 1] + "…"
