"""Host notices (接待通知单): one page per host site, for Qt's rich-text printer.

A host needs to know who comes, when they arrive and leave, how many, whom to call and what to prepare;
a joint session is one row with every group in it, so the host counts chairs once.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from planner.model.clock import fmt
from planner.render.labels import day_label
from planner.render.site_visits import Visit, site_visits
from planner.schedule.scheduler import Schedule

NOTICE_CSS = """
body { font-size: 11pt; color: #111; }
h1 { font-size: 20pt; text-align: center; margin-top: 10px; margin-bottom: 4px; letter-spacing: 4px; }
p.site { font-size: 14pt; font-weight: bold; margin-top: 14px; }
p.body { font-size: 11.5pt; line-height: 150%; text-indent: 30px; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #5d6975; padding: 4px; vertical-align: top; }
table.grid th { background-color: #e4eaf1; font-weight: bold; }
td.num { white-space: nowrap; }
.muted { color: #555; }
.sign { text-align: right; font-size: 11.5pt; }
"""


def _e(text: object) -> str:
    return escape(str(text))


def _who(v: Visit) -> str:
    names = "、".join(g.name for g in v.groups)
    return names + ("<br/>（联合）" if len(v.groups) > 1 else "")


def unbroken(text: str) -> str:
    """Escaped, with no-break spaces: a phone number like 139 1234 5678 never wraps inside itself."""
    return _e(text).replace(" ", "&nbsp;").replace("-", "&#8209;")


def _leaders(v: Visit) -> str:
    lines = []
    for g in v.groups:
        whose = f"（{_e(g.name)}）" if len(v.groups) > 1 else ""
        for name, phone in g.leaders:
            lines.append("<br/>".join(x for x in (_e(name), unbroken(phone)) if x) + whose)
    return "<br/>".join(lines)


COLUMNS = (("日期", 13), ("到达", 7), ("离开", 7), ("分组", 12), ("人数", 7), ("带队及联系方式", 20),
           ("内容", 24), ("讲解", 10))  # relative widths
NUM = ' class="num"'  # dates, times and counts never wrap


def _cells(v: Visit) -> list[str]:
    return [_e(day_label(v.date)), fmt(v.arrive), fmt(v.leave), _who(v), f"{v.headcount} 人", _leaders(v),
            "<br/>".join(_e(i) for i in v.items), "、".join(_e(p) for p in v.presenters)]


def visits_table(visits: list[Visit]) -> str:
    """The visits as a table; a column empty in every row (no leader known yet) is left out."""
    cells = [_cells(v) for v in visits]
    keep = [i for i in range(len(COLUMNS)) if any(row[i] for row in cells)]
    total = sum(COLUMNS[i][1] for i in keep)
    head = "".join(f'<th width="{100 * COLUMNS[i][1] // total}%">{COLUMNS[i][0]}</th>' for i in keep)
    rows = "".join("<tr>" + "".join(f"<td{NUM if i in (0, 1, 2, 4, 5) else ''}>{row[i]}</td>" for i in keep)
                   + "</tr>" for row in cells)
    return f'<table class="grid" width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>{rows}</table>'


def notice_page(s: Schedule, site_id: str, visits: list[Visit], print_date: dt.date) -> str:
    t, site = s.tour, s.tour.site(site_id)
    people = sum(v.headcount for v in visits)
    organizer = t.organizer or "培训班"
    parts = [
        "<h1>接 待 通 知 单</h1>",
        f'<p class="site">{_e(site.name)}：</p>',
        f'<p class="body">{_e(organizer)}举办的“{_e(t.title)}”拟安排学员到贵单位学习考察，'
        f"共 {len(visits)} 批次、{people} 人次。具体安排如下，请予接待。</p>",
        visits_table(visits),
    ]
    if site.topics:
        parts.append(f'<p class="body">希望重点介绍：{_e("、".join(site.topics))}。</p>')
    facts = [f"地址：{_e(site.address)}" if site.address else "",
             f"贵单位联系人：{_e(site.contact)}" if site.contact else ""]
    if any(facts):
        parts.append(f'<p class="muted">{"　".join(f for f in facts if f)}</p>')
    parts.append('<p class="body">如时间有变动，我们将提前告知；如贵单位有不便，请及时与带队联系。</p>')
    version = f"（版本 {_e(t.revision)}）" if t.revision else ""
    parts.append(f'<p class="sign"><br/>{_e(organizer)}<br/>{print_date.year}年{print_date.month}月'
                 f"{print_date.day}日{version}</p>")
    return "".join(parts)


def notices_html(s: Schedule, sites: list[str] | None = None, print_date: dt.date | None = None,
                 groups: list[str] | None = None) -> str:
    """Every chosen host site's notice, a page each; sites nobody visits are left out."""
    date = print_date or dt.date.today()
    visits = site_visits(s, groups)
    chosen = [sid for sid in visits if sites is None or sid in sites]
    pages = [notice_page(s, sid, visits[sid], date) for sid in chosen]
    body = '<p style="page-break-after: always;"></p>'.join(pages)
    return f'<html><head><meta charset="utf-8"/></head><body>{body}</body></html>'


def host_sites(s: Schedule) -> list[str]:
    return list(site_visits(s))
