"""Tour (*.tour.json) and catalogue (*.sites.json) files: versioned, validated, saved atomically
(planner.io.atomic) with the previous versions kept (planner.io.versions)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from planner.io.atomic import atomic_write  # noqa: F401  (the one writer; re-exported for old callers)
from planner.io.errors import TourFileError
from planner.io.limits import MAX_FILE_BYTES, MAX_NAME, MAX_STRING, NAME_KEYS, LimitError, parse_json, string_problems
from planner.model.site import Catalogue
from planner.model.tour import Tour
from planner.io.validation_text import describe_validation, label

TOUR_FORMAT = "study-tour/tour"
SITES_FORMAT = "study-tour/sites"
SCHEMA_VERSION = 2

# version N -> function turning a version-N document into version N+1; migrate() runs the chain.
# v2 (2026): tours gain `people` (roster, staff, vehicles, rooms, emergency contacts; all optional). Catalogues did not change shape but share
# the number, so one program version reads and writes one schema version.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _people_added(doc: dict[str, Any]) -> dict[str, Any]:
    doc.setdefault("people", {})  # a v1 tour has nobody in it yet
    return doc


MIGRATIONS: dict[str, dict[int, Migration]] = {TOUR_FORMAT: {1: _people_added},
                                               SITES_FORMAT: {1: lambda doc: doc}}

M = TypeVar("M", bound=BaseModel)


def _fail(path: Path | str, *problems: str) -> TourFileError:
    return TourFileError(str(path), list(problems))


def read_document(path: Path | str, expected_format: str) -> dict[str, Any]:
    """Read and migrate a document; raise TourFileError with a plain message on any problem."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise _fail(p, f"文件太大（超过 {MAX_FILE_BYTES // 2**20} MB）(larger than {MAX_FILE_BYTES // 2**20} MB: "
                           "not a tour or catalogue)")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise _fail(p, "文件不存在 (file not found)") from None
    except IsADirectoryError:
        raise _fail(p, "这是一个文件夹，不是文件 (is a directory)") from None
    except OSError as e:
        raise _fail(p, f"无法读取 (cannot read): {e.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _fail(p, f"不是 UTF-8 文本，第 {e.start} 字节 (not UTF-8 text at byte {e.start})") from None
    try:
        doc = parse_json(text)
    except json.JSONDecodeError as e:
        raise _fail(p, f"不是有效的 JSON：第 {e.lineno} 行第 {e.colno} 列，{e.msg} "
                       f"(not valid JSON at line {e.lineno}, column {e.colno})") from None
    except LimitError as e:
        raise _fail(p, str(e)) from None
    if not isinstance(doc, dict):
        raise _fail(p, "文件顶层应为 JSON 对象 (top level must be a JSON object)")
    bad = string_problems(doc) if _may_hold_bad_strings(text) else []
    if bad:
        raise _fail(p, *(f"{label(doc, loc) or '(文件)'}: {problem}" for loc, problem in bad))
    return migrate(doc, expected_format, p)


def migrate(doc: dict[str, Any], expected_format: str, path: Path | str = "") -> dict[str, Any]:
    fmt = doc.get("format")
    if fmt != expected_format:
        raise _fail(path, f"format = {fmt!r}：不是本程序的{_kind(expected_format)}文件，应为 {expected_format!r} "
                          f"(not a {expected_format} file)")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(path, f"version = {version!r}：版本号应为正整数 (version must be a positive integer)")
    if version > SCHEMA_VERSION:
        raise _fail(path, f"version = {version}：文件由更新版本的程序保存（本程序支持到 {SCHEMA_VERSION}），请升级程序 "
                          f"(saved by a newer version; this program reads up to {SCHEMA_VERSION})")
    steps = MIGRATIONS[expected_format]
    while version < SCHEMA_VERSION:
        doc = steps[version](dict(doc))
        version += 1
        doc["version"] = version
    return doc


def _kind(fmt: str) -> str:
    return "行程" if fmt == TOUR_FORMAT else "教学点库"


def _validate(model: type[M], doc: dict[str, Any], path: Path | str, lang: str) -> M:
    body = {k: v for k, v in doc.items() if k not in ("format", "version")}
    try:
        return model.model_validate(body)
    except ValidationError as e:
        raise _fail(path, *describe_validation(e, body, lang)) from None


def load_tour(path: Path | str, lang: str = "zh") -> Tour:
    return _validate(Tour, read_document(path, TOUR_FORMAT), path, lang)


def load_catalogue(path: Path | str, lang: str = "zh") -> Catalogue:
    return _validate(Catalogue, read_document(path, SITES_FORMAT), path, lang)


def dump_document(model: BaseModel, fmt: str) -> str:
    """The model serialised directly by pydantic-core (it was validated when built: no second walk), with
    the format and version put first, as json.dumps(indent=2) would have."""
    try:
        body = model.model_dump_json(exclude_defaults=True, indent=2)
    except Exception:  # e.g. a lone surrogate: json.dumps accepts it and the writer then says what is wrong
        body = json.dumps(model.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, indent=2)
    head = f'{{\n  "format": {json.dumps(fmt)},\n  "version": {SCHEMA_VERSION}'
    return head + ("\n}" if body == "{}" else ",\n" + body[2:]) + "\n"


def tour_to_json(tour: Tour) -> str:
    return dump_document(tour, TOUR_FORMAT)


def _may_hold_bad_strings(text: str) -> bool:
    """Whether a JSON text could hold a string over its limit or a lone surrogate. Save and open check every
    string only when it could. Without escapes (a newline's aside) every string stands in the text as it is,
    so a run that long after a quote (or after a name key) is the only way: a cheap scan that never misses."""
    return (_ESCAPE.search(text) is not None or _LONG_NAME.search(text) is not None
            or _LONG_TEXT.search(text) is not None)


_ESCAPE = re.compile(r"\\[^n]")  # an escaped quote, backslash, key letter or surrogate: check everything
_LONG_NAME = re.compile('"(?:%s)"\\s*:\\s*"[^"]{%d}' % ("|".join(NAME_KEYS), MAX_NAME))
_LONG_TEXT = re.compile('"[^"]{%d}' % MAX_STRING)


def _openable(model: BaseModel, text: str, path: Path | str) -> None:
    """Refuse to write what read_document would refuse (a 20,000-character note typed in the window): the
    old file stays, and the message names the field, as opening would. `text` is the serialised file: only
    when it holds a string literal that long (a cheap scan) is the model walked to name the field."""
    if not _may_hold_bad_strings(text):
        return
    doc = model.model_dump(mode="json", exclude_defaults=True)
    bad = [(loc, problem) for loc, problem in string_problems(doc) if "too long" in problem]  # a lone
    if bad:  # surrogate cannot be encoded at all: the writer fails on it as it always did
        raise _fail(path, *(f"{label(doc, loc) or '(文件)'}: {problem}" for loc, problem in bad))


def save_tour(tour: Tour, path: Path | str) -> None:
    text = tour_to_json(tour)
    _openable(tour, text, path)
    atomic_write(Path(path), text, backup=True)


def catalogue_text(catalogue: Catalogue, path: Path | str) -> str:
    """The catalogue file's content, refused (TourFileError) if opening it would be refused."""
    text = dump_document(catalogue, SITES_FORMAT)
    _openable(catalogue, text, path)
    return text


def save_catalogue(catalogue: Catalogue, path: Path | str) -> None:
    atomic_write(Path(path), catalogue_text(catalogue, path), backup=True)
