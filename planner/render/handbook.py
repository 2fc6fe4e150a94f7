"""The itinerary handbook (行程手册) as HTML for Qt's rich-text engine: what it says, not how it prints.

Two editions: staff (everything) and participant (only shared staff phones, no problems list). Route maps are
referenced as images named "route-<group id>"; the printer supplies them (planner/render/route_svg.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import escape

from planner.model.clock import fmt
from planner.render.filenames import file_stem
from planner.render.daily import daily_pages
from planner.render.day_rows import boarding_text, tips_text
from planner.render.labels import day_label, duration
from planner.render.people_tables import drop_empty, people_sections, table_html
from planner.render.people_view import group_size, leader_text, vehicle_text
from planner.schedule.problems import SEVERITY_LABELS, Severity
from planner.render.routes import Scope, build_route_map
from planner.schedule.scheduler import Schedule
from planner.model.site import KIND_LABELS as SITE_KINDS
from planner.model.site import SiteKind
from planner.schedule.timeline import HOURS_APPLY, DayPlan
from planner.model.tour import KIND_LABELS, MODE_LABELS, ActivityKind, Group

STAFF, PARTICIPANT = "staff", "participant"
EDITION_NAMES = {STAFF: "工作人员版", PARTICIPANT: "学员版"}
# country code (then the area code may drop its 0) or area code; then a mobile, grouped 3-4-4 or not, before
# a local number: tried the other way round, "139-1234-5678" lost only "139-1234" and "+86 139…" kept "+86"
PHONE = re.compile(r"(?:\+?86[- ]?(?:\(?0?\d{2,3}\)?[- ]?)?|\(?0\d{2,3}\)?[- ]?)?"
                   r"(?:1[3-9]\d[- ]?\d{4}[- ]?\d{4}|\d{3,4}[- ]?\d{4})(?!\d)")
TEACHING = {SiteKind.ENTERPRISE, SiteKind.PARK, SiteKind.VILLAGE, SiteKind.GOVERNMENT, SiteKind.VENUE}

CSS = """
body { font-size: 10pt; color: #111; }
h1 { font-size: 22pt; text-align: center; margin-top: 40px; }
h2 { font-size: 15pt; color: #1a3d6d; margin-top: 6px; margin-bottom: 6px; }
h3 { font-size: 12pt; margin-top: 10px; margin-bottom: 4px; }
.cover { text-align: center; font-size: 13pt; }
.muted { color: #555; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #8a949e; padding: 3px; vertical-align: top; }
table.grid th { background-color: #e4eaf1; font-weight: bold; }
td.dayhead { background-color: #1a3d6d; color: #ffffff; font-weight: bold; }
td.leg { color: #555; font-size: 9pt; }
.err { color: #b03a2e; font-weight: bold; }
.warn { color: #b9770e; }
"""


@dataclass
class HandbookOptions:
    edition: str = STAFF
    groups: list[str] | None = None        # None: every group
    print_date: dt.date = field(default_factory=dt.date.today)
    image_width: int = 640                  # CSS px (1/96 in); route images are 3:2
    toc_pages: dict[str, int] | None = None  # anchor -> page, from a first layout pass
    daily: bool = False                     # append the daily sheets (每日行程单), a page per group-day


def handbook_file_name(title: str, edition: str) -> str:
    """"TITLE-行程手册-学员版.pdf": each edition its own name, so printing both never replaces one with the other."""
    return file_stem(title, "行程手册", EDITION_NAMES[edition]) + ".pdf"


def strip_phones(text: str) -> str:
    return PHONE.sub("", text).strip(" ：:，,、/")


def _e(text: object) -> str:
    return escape(str(text))


class _Builder:
    def __init__(self, schedule: Schedule, opts: HandbookOptions, listed: list[tuple[str, str]] | None = None):
        self.s, self.opts, self.t = schedule, opts, schedule.tour
        self.listed = listed  # the sections, when the caller has them already (they build the roster tables)
        self.groups = [g for g in self.t.groups if opts.groups is None or g.id in opts.groups]
        self.staff = opts.edition == STAFF
        self.parts: list[str] = []

    def contact(self, text: str) -> str:
        return text if self.staff else strip_phones(text)

    def add(self, html: str) -> None:
        self.parts.append(html)

    def page_break(self) -> None:
        self.add('<p style="page-break-after: always;"></p>')

    def heading(self, anchor: str, text: str) -> None:
        self.add(f'<h2><a name="{anchor}">{_e(text)}</a></h2>')

    # -- sections
    def cover(self) -> None:
        t = self.t
        edition = EDITION_NAMES[self.opts.edition]
        self.add(f'<p style="margin-top: 160px;"></p><h1>{_e(t.title)}</h1>')
        self.add(f'<p class="cover">行 程 手 册（{edition}）</p><p class="cover"><br/>{_e(t.organizer)}</p>')
        self.add(f'<p class="cover">{t.start_date.year}年{t.start_date.month}月{t.start_date.day}日 至 '
                 f'{t.end_date.month}月{t.end_date.day}日</p>')
        version = f"版本 {_e(t.revision)} · " if t.revision else ""
        self.add(f'<p class="cover muted"><br/><br/>{version}打印日期 {self.opts.print_date.isoformat()}</p>')
        self.page_break()

    def sections(self) -> list[tuple[str, str]]:
        if self.listed is not None:
            return self.listed
        out = [("notes", "须知"), ("overview", "日程总览")]
        out += [(f"group-{g.id}", f"{g.name} 行程") for g in self.groups]
        out += [(anchor, title) for anchor, title, _ in people_sections(self.t, self.groups, self.opts.edition)]
        out += [("sites", "教学点简介"), ("contacts", "通讯录")]
        if self.staff:
            out.append(("problems", "待处理问题"))
        if self.opts.daily:
            out.append(("daily", "每日行程单"))
        return out

    def contents(self) -> None:
        self.heading("contents", "目录")
        pages = self.opts.toc_pages or {}
        rows = "".join(f'<tr><td width="85%">{_e(title)}</td><td align="right">{pages.get(anchor, "")}</td></tr>'
                       for anchor, title in self.sections())
        self.add(f'<table width="100%" cellpadding="4">{rows}</table>')
        self.page_break()

    def notes(self) -> None:
        self.heading("notes", "须知")
        text = self.t.notes.strip() or "（无）"
        self.add("".join(f"<p>{_e(line)}</p>" for line in text.splitlines() if line.strip()))
        self.page_break()

    def overview(self) -> None:
        self.heading("overview", "日程总览")
        head = "<tr><th>日期</th>" + "".join(f"<th>{_e(g.name)}</th>" for g in self.groups) + "</tr>"
        rows = []
        for date in self.t.dates():
            cells = []
            for g in self.groups:
                plan = self.s.plan(g.id, date)
                cells.append(f"<td>{self._day_summary(plan)}</td>")
            rows.append(f"<tr><td>{_e(day_label(date))}</td>{''.join(cells)}</tr>")
        self.add(f'<table class="grid" width="100%" cellspacing="0"><thead>{head}</thead>{"".join(rows)}</table>')
        self.page_break()

    @staticmethod
    def _day_summary(plan: DayPlan | None) -> str:
        if plan is None or not plan.entries:
            return ""
        places = [e.site.name for e in plan.entries
                  if e.site is not None and e.activity.kind in HOURS_APPLY]
        hotel = plan.end_site.name if plan.end_site is not None else ""
        text = " → ".join(_e(p) for p in places)
        return text + (f'<br/><span class="muted">住：{_e(hotel)}</span>' if hotel else "")

    def group(self, g: Group) -> None:
        plans = sorted(self.s.group_plans(g.id), key=lambda p: p.date)
        self.heading(f"group-{g.id}", f"{g.name} 行程")
        route = build_route_map(self.s, Scope(g.id)).routes[0]
        places: list[str] = []
        for p in plans:
            for e in p.entries:
                if e.site is not None and e.activity.kind is ActivityKind.VISIT:
                    where = f"{e.site.city}{e.site.county}" if e.site.county != e.site.city else e.site.city
                    if where and (not places or places[-1] != where):  # a site with no city adds no place
                        places.append(where)
        coach = sum(p.coach_minutes for p in plans)
        if places:
            self.add(f"<p><b>路线：</b>{' → '.join(_e(x) for x in places)}</p>")
        self.add(f"<p><b>现场教学</b> {route.stops} 场 · <b>行车</b> {route.km:.0f} 公里 · "
                 f"<b>车程</b> {duration(coach)}</p>")
        w = self.opts.image_width
        self.add(f'<p><img src="route-{_e(g.id)}" width="{w}" height="{w * 2 // 3}"/></p>')
        lead, coach = leader_text(self.t, g.id, self.opts.edition), vehicle_text(self.t, g.id, self.opts.edition)
        size = group_size(self.t, g.id)
        roster = [f"人数 {size} 人" if size else "", f"带队 {_e(lead)}" if lead else "",
                  f"车辆 {_e(coach)}" if coach else ""]  # the roster's leaders and coaches when it has them
        if any(roster):
            self.add(f"<p>{' · '.join(x for x in roster if x)}</p>")
        keep = self.day_columns(plans)
        for plan in plans:
            self.day_table(plan, keep)
        self.page_break()

    DAY_COLUMNS = ("时间", "内容", "形式", "地点", "带队/讲解", "联系人", "备注")
    DAY_WIDTHS = (13, 24, 10, 19, 11, 11, 12)

    def entry_cells(self, e) -> list[str]:
        """One activity as the day table's seven plain-text cells."""
        act, site = e.activity, e.site
        kind = MODE_LABELS[act.mode][0] if act.kind is ActivityKind.TRANSFER and act.mode else \
            KIND_LABELS[act.kind][0]
        what = act.title or (site.name if site else "")
        if act.kind is ActivityKind.TRANSFER and act.service:
            what += f"（{act.service}）"
        presenter = act.presenter or (site.presenter if site and act.kind in HOURS_APPLY else "")
        contact = self.contact(site.contact) if site is not None and act.kind in HOURS_APPLY else ""
        notes = act.notes + ("（联合）" if act.joint else "")
        return [f"{fmt(e.start)}–{fmt(e.end)}", what, kind, site.name if site else "", presenter, contact, notes]

    def day_columns(self, plans: list[DayPlan]) -> list[int]:
        """The day-table columns a group prints: 带队/讲解, 联系人 and 备注 only when some day of it has them,
        the same for all its days so the tables line up."""
        cells = [self.entry_cells(e) for p in plans for e in p.entries]
        return [i for i in range(len(self.DAY_COLUMNS)) if i < 4 or any(c[i] for c in cells)]

    def day_table(self, plan: DayPlan, keep: list[int]) -> None:
        spare = sum(w for i, w in enumerate(self.DAY_WIDTHS) if i not in keep)  # widens 内容
        widths = [self.DAY_WIDTHS[i] + (spare if i == 1 else 0) for i in keep]
        n = len(keep)
        title = f"{day_label(plan.date)}"
        if plan.start_site is not None:
            title += f"　{fmt(plan.day_start)} 从 {plan.start_site.name} 出发"
        head = (f'<tr><td class="dayhead" colspan="{n}">{_e(title)}</td></tr><tr>'
                + "".join(f'<th width="{w}%">{self.DAY_COLUMNS[i]}</th>' for i, w in zip(keep, widths)) + "</tr>")
        rows = []
        if tips_text(plan):  # 每日提示: meeting time and place, dress, what to bring
            rows.append(f'<tr><td colspan="{n}"><b>每日提示</b>　{_e(tips_text(plan))}</td></tr>')
        for e in plan.entries:
            if e.leg.moves:
                label = "乘车" if not e.leg.known else "乘车（已知时长）"
                to = e.leg_to.name if e.leg_to is not None else ""
                rows.append(f'<tr><td class="leg">{fmt(e.depart)}–{fmt(e.arrive)}</td><td class="leg" colspan="{n - 1}">'
                            f"{label} {e.leg.minutes} 分钟（约 {e.leg.km:.0f} 公里）→ {_e(to)}</td></tr>")
            if boarding_text(e):
                rows.append(f'<tr><td class="leg">{fmt(e.arrive)}–{fmt(e.start)}</td><td class="leg" '
                            f'colspan="{n - 1}">{_e(boarding_text(e))}</td></tr>')
            cells = self.entry_cells(e)
            # &nbsp; in an empty cell: Qt draws no borders round an empty one
            rows.append("<tr>" + "".join(f"<td>{_e(cells[i]) or '&nbsp;'}</td>" for i in keep) + "</tr>")
        if not plan.entries:  # a free day, or one not planned yet: a header with no rows reads as a misprint
            rows.append(f'<tr><td colspan="{n}">当天未安排活动</td></tr>')
        if plan.end_site is not None:
            leg = plan.final_leg
            travel = f"乘车 {leg.minutes} 分钟（约 {leg.km:.0f} 公里）→ " if leg.moves else ""
            rows.append(f'<tr><td>{fmt(plan.day_end)}</td><td colspan="{n - 1}">{travel}{_e(plan.end_site.name)}'
                        "</td></tr>")
        self.add(f'<table class="grid" width="100%" cellspacing="0"><thead>{head}</thead>{"".join(rows)}</table>'
                 "<p></p>")

    def sites(self) -> None:
        self.heading("sites", "教学点简介")
        seen: dict = {}  # by id, in route order: comparing whole pydantic sites was pairs² on a big tour
        for g in self.groups:
            for p in sorted(self.s.group_plans(g.id), key=lambda p: p.date):
                for e in p.entries:
                    if e.site is not None and e.site.kind in TEACHING:
                        seen.setdefault(e.site.id, e.site)
        for site in seen.values():
            meta = " · ".join(x for x in (f"{site.province}{site.city}{site.county}", SITE_KINDS[site.kind][0],
                                          "、".join(site.topics)) if x)
            self.add(f"<h3>{_e(site.name)}</h3><p class=\"muted\">{_e(meta)}</p>")
            if site.address:
                self.add(f"<p>地址：{_e(site.address)}</p>")
            self.add(f"<p>{_e(site.intro)}</p>")
        if not seen:  # a heading alone reads like a page that failed to print
            self.add("<p>（本次行程没有现场教学点）</p>")
        self.page_break()

    def contacts(self) -> None:
        self.heading("contacts", "通讯录")
        rows = [[g.name, leader_text(self.t, g.id, self.opts.edition), vehicle_text(self.t, g.id, self.opts.edition)]
                for g in self.groups]
        self.add(table_html(drop_empty(["分组", "带队及电话", "车辆"], rows, keep=1)))
        if self.staff:
            hosts = [s for s in self.t.sites if s.contact and s.kind in TEACHING]
            if hosts:
                rows = "".join(f"<tr><td>{_e(s.name)}</td><td>{_e(s.contact)}</td></tr>" for s in hosts)
                self.add('<h3>教学点联系人</h3><table class="grid" width="100%" cellspacing="0"><thead><tr>'
                         f"<th>教学点</th><th>联系人</th></tr></thead>{rows}</table>")

    def problems(self) -> None:
        self.page_break()
        self.heading("problems", "待处理问题")
        shown = [p for p in self.s.problems if p.severity is not Severity.INFO] or []
        if not shown:
            self.add("<p>没有错误或警告。</p>")
        for p in shown:
            css = "err" if p.severity is Severity.ERROR else "warn"
            self.add(f'<p><span class="{css}">[{SEVERITY_LABELS[p.severity][0]}]</span> {_e(p.message())}</p>')

    def build(self) -> str:
        self.cover()
        self.contents()
        self.body()
        return _page(self.parts)

    def body(self) -> None:
        self.notes()
        self.overview()
        for g in self.groups:
            self.group(g)
        for anchor, title, html in people_sections(self.t, self.groups, self.opts.edition):  # 名单, 住宿, 乘车, 工作人员
            self.heading(anchor, title)
            self.add(html)
            self.page_break()
        self.sites()
        self.contacts()
        if self.staff:
            self.problems()
        if self.opts.daily:
            self.page_break()
            self.heading("daily", "每日行程单")
            self.add(daily_pages(self.s, [g.id for g in self.groups], self.opts.edition))


def _page(parts: list[str]) -> str:
    return f"<html><head><meta charset=\"utf-8\"/></head><body>{''.join(parts)}</body></html>"


def handbook_html(schedule: Schedule, options: HandbookOptions | None = None) -> str:
    return _Builder(schedule, options or HandbookOptions()).build()


def handbook_front(schedule: Schedule, options: HandbookOptions,
                   sections: list[tuple[str, str]] | None = None) -> str:
    """The cover and contents of handbook_html, without the page break that ends them. The printer lays out
    handbook_body first, then numbers the contents: no edit of the laid-out body, no second layout.
    `sections`: handbook_sections' answer, if the caller has it."""
    builder = _Builder(schedule, options, sections)
    builder.cover()
    builder.contents()
    return _page(builder.parts[:-1])


def handbook_body(schedule: Schedule, options: HandbookOptions) -> str:
    """Everything after the contents' page break: starts on a page of its own."""
    builder = _Builder(schedule, options)
    builder.body()
    return _page(builder.parts)


def handbook_sections(schedule: Schedule, options: HandbookOptions) -> list[tuple[str, str]]:
    """(anchor, title) of every section the contents list, in print order."""
    return _Builder(schedule, options).sections()


def section_anchors(schedule: Schedule, options: HandbookOptions) -> list[str]:
    return [a for a, _ in handbook_sections(schedule, options)]


