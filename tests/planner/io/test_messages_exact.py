"""The exact words of the messages the io layer gives: validation lines (zh and en), a failed write's
reason per cause, and terminal-safe lines."""

from __future__ import annotations

import errno
import json

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from planner.io.atomic import FileWriteError, _reason
from planner.io.limits import safe_lines
from planner.io.validation_text import describe_validation, label, parse_path
from planner.model.tour import Tour

DOC = {"title": "测试", "start_date": "2025-02-23", "end_date": "2025-02-28",
       "sites": [{"id": "hotel", "name": "酒店", "kind": "hotel", "lat": 30.2, "lon": 120.1},
                 {"id": "mill", "name": "羊毛衫市场", "kind": "enterprise", "lat": 30.6, "lon": 120.5}],
       "groups": [{"id": "g1", "name": "第一组", "days": [
           {"date": "2025-02-24", "start": "hotel", "end": "hotel",
            "activities": [{"kind": "visit", "site": "mill", "minutes": 60}]}]}]}


def _lines(change, lang):
    doc = json.loads(json.dumps(DOC))
    change(doc)
    with pytest.raises(ValidationError) as e:
        Tour.model_validate(doc)
    return describe_validation(e.value, doc, lang)


def test_a_whole_file_problem_is_placed_at_the_file_in_either_language():
    wrong_order = lambda d: d.update(end_date="2025-02-01")  # noqa: E731
    assert _lines(wrong_order, "zh") == ["(文件): 结束日期 2025-02-01 早于开始日期 2025-02-23"]
    assert _lines(wrong_order, "en") == ["(file): ends on 2025-02-01, before it starts on 2025-02-23"]


def test_a_model_check_names_its_own_place_and_drops_the_path_from_the_english():
    unknown = lambda d: d["groups"][0]["days"][0]["activities"][0].update(site="nowhere")  # noqa: E731
    where = "groups[0]（第一组）.days[0]（2025-02-24）.activities[0].site"
    assert _lines(unknown, "zh") == [f"{where}: 引用的教学点“nowhere”不在本行程的教学点中"]
    assert _lines(unknown, "en") == [f"{where}: site 'nowhere' is not in the tour's sites"]
    assert _lines(lambda d: d.pop("title"), "zh") == ["title: 缺少必填字段"]


def _custom(code: str, template: str, value: object) -> ValidationError:
    ctx = {"where": "sites[1].hours[1]", "a": "09:00–12:00", "b": "11:00–13:00"}
    return ValidationError.from_exception_data("Tour", [
        {"type": PydanticCustomError(code, "{where}: " + template, ctx), "loc": (), "input": value}])


def test_only_the_leading_path_is_cut_even_when_the_message_holds_a_colon():
    err = _custom("hours_overlap", "opening hours overlap: {a} and {b}", DOC)
    assert describe_validation(err, DOC, "en") == [
        "sites[1]（羊毛衫市场）.hours[1]: opening hours overlap: 09:00–12:00 and 11:00–13:00"]
    assert describe_validation(err, DOC, "zh") == ["sites[1]（羊毛衫市场）.hours[1]: 开放时段重叠：09:00–12:00 与 11:00–13:00"]
    odd = _custom("brand_new", "odd: {a}", "abc")  # no zh template: the English, path cut, value shown
    assert describe_validation(odd, DOC, "zh") == ["sites[1]（羊毛衫市场）.hours[1] = 'abc': odd: 09:00–12:00"]


@pytest.mark.parametrize("length, shown", [
    (57, "'" + "a" * 57 + "'"), (58, "'" + "a" * 58 + "'"),  # 60 characters as written: whole
    (59, "'" + "a" * 56 + "…")])                            # 61: cut to 57 and "…"
def test_a_long_value_is_shown_cut_at_sixty_characters(length, shown):
    assert _lines(lambda d: d["sites"][1].update(lat="a" * length), "zh") == [
        f"sites[1]（羊毛衫市场）.lat = {shown}: 应为数字"]


def test_labels_and_paths():
    assert label(DOC, ("groups", 0, "days", 0, "activities", 0, "site")) == \
        "groups[0]（第一组）.days[0]（2025-02-24）.activities[0].site"
    assert label(DOC, ("sites", 5, "name")) == "sites[5].name" and label(DOC, ()) == ""
    assert parse_path("groups[0].days[2].activities[1].site") == ["groups", 0, "days", 2, "activities", 1, "site"]


@pytest.mark.parametrize("code, text, shown", [
    (errno.ENOSPC, "No space left on device", "磁盘已满 (No space left on device)"),
    (errno.EDQUOT, "Disk quota exceeded", "超出磁盘配额 (Disk quota exceeded)"),
    (errno.EACCES, "Permission denied", "没有写入权限 (Permission denied)"),
    (errno.EPERM, "Operation not permitted", "没有写入权限 (Operation not permitted)"),
    (errno.EROFS, "Read-only file system", "只读文件系统 (Read-only file system)"),
    (errno.ENOENT, "No such file or directory", "文件夹不存在 (No such file or directory)"),
    (errno.EISDIR, "Is a directory", "这是一个文件夹 (Is a directory)"),
    (errno.EIO, "Input/output error", "Input/output error")])
def test_a_failed_writes_reason_names_the_cause(code, text, shown):
    assert _reason(OSError(code, text)) == shown


def test_a_failure_without_an_errno_is_named_by_its_kind():
    assert _reason(OSError("boom")) == "OSError"
    assert _reason(PermissionError()) == "PermissionError"
    e = FileWriteError("/x/t.tour.json", "磁盘已满 (No space left on device)", errno.ENOSPC)
    assert str(e) == "/x/t.tour.json: 无法保存，原文件未改动 (cannot write; the previous file is intact): " \
                     "磁盘已满 (No space left on device)"
    assert (e.path, e.errno, e.reason) == ("/x/t.tour.json", errno.ENOSPC, "磁盘已满 (No space left on device)")


def test_terminal_lines_keep_their_breaks_and_each_its_own_cap():
    assert safe_lines("第一组\x1b[2J\n  改时间") == "第一组\\x1b[2J\n  改时间"
    long = "长" * 400
    assert safe_lines(f"{long}\nb") == f"{long}\nb"                     # 2,000 by default
    assert safe_lines(f"{long}\nb", cap=300) == "长" * 299 + "…\nb"


def test_labels_name_what_they_can():
    assert label(["a"], (0,)) == "[0]"
    assert label(DOC, ("sites", 2, "name")) == "sites[2].name"                  # one past the end: no hint
    assert label({"acts": [{"id": "v1"}, {"name": 123}]}, ("acts", 0)) == "acts[0]（v1）"
    assert label({"acts": [{"id": "v1"}, {"name": 123}]}, ("acts", 1)) == "acts[1]"


def test_chinese_is_the_default_language():
    doc = json.loads(json.dumps(DOC))
    doc["end_date"] = "2025-02-01"
    with pytest.raises(ValidationError) as e:
        Tour.model_validate(doc)
    assert describe_validation(e.value, doc) == ["(文件): 结束日期 2025-02-01 早于开始日期 2025-02-23"]
