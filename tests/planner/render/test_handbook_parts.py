"""The printer lays out the handbook in two parts: the front (cover, contents) and the body after it."""

import datetime as dt

from planner.render.handbook import HandbookOptions, handbook_body, handbook_front, handbook_html
from planner.schedule.scheduler import schedule
from tests.planner.render.small_tour import three_day_tour

HEAD, TAIL = '<html><head><meta charset="utf-8"/></head><body>', "</body></html>"
BREAK = '<p style="page-break-after: always;"></p>'


def test_front_and_body_are_the_whole_handbook_split_at_the_contents_page_break():
    result = schedule(three_day_tour())
    options = HandbookOptions(print_date=dt.date(2025, 2, 1), toc_pages={"notes": 3})
    front, body = handbook_front(result, options), handbook_body(result, options)
    assert front.startswith(HEAD + '<p style="margin-top: 160px;"></p><h1>测试</h1>')
    assert front.endswith('<tr><td width="85%">须知</td><td align="right">3</td></tr>' + "".join(
        f'<tr><td width="85%">{t}</td><td align="right"></td></tr>'
        for t in ("日程总览", "第一组 行程", "第二组 行程", "住宿安排", "教学点简介", "通讯录", "待处理问题")) + "</table>" + TAIL)
    assert body.startswith(HEAD + '<h2><a name="notes">须知</a></h2>') and body.endswith(TAIL)
    whole = handbook_html(result, options)
    assert whole == front[:-len(TAIL)] + BREAK + body[len(HEAD):]
