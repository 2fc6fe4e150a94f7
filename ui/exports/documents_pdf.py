"""The one-page-per-item PDFs: host notices, daily sheets and the change notice, all through pdf_print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.diff.changes import TourDiff
from planner.diff.report import CHANGE_CSS, change_notice_html
from planner.render.daily import DAILY_CSS, daily_html
from planner.render.filenames import file_stem
from planner.render.handbook import STAFF
from planner.render.notices import NOTICE_CSS, host_sites, notices_html
from planner.schedule.scheduler import Schedule
from ui.exports.pdf_print import Progress, print_html


def export_notices(s: Schedule, path: Path | str, sites: list[str] | None = None,
                   print_date: dt.date | None = None, progress: Progress | None = None) -> int:
    """All chosen host sites' notices in one PDF; returns the page count."""
    date = print_date or dt.date.today()
    return print_html(path, notices_html(s, sites, date), NOTICE_CSS, f"{s.tour.title} 接待通知单", date,
                      progress, points=11)


def export_notice_files(s: Schedule, folder: Path, sites: list[str] | None = None,
                        print_date: dt.date | None = None, progress: Progress | None = None) -> list[Path]:
    """One PDF per host site (to send each host its own), named by the site's id and name."""
    report = progress or (lambda _p, _t: None)
    chosen = [sid for sid in host_sites(s) if sites is None or sid in sites]
    written = []
    for i, sid in enumerate(chosen):
        site = s.tour.site(sid)
        path = folder / (file_stem(site.id, site.name, "接待通知单") + ".pdf")
        export_notices(s, path, [sid], print_date)
        written.append(path)
        report(100 * (i + 1) // max(1, len(chosen)), site.name)
    return written


def export_daily(s: Schedule, path: Path | str, groups: list[str] | None = None, edition: str = STAFF,
                 print_date: dt.date | None = None, progress: Progress | None = None) -> int:
    """The daily sheets alone, one page per group-day; the participant edition shows no phone numbers."""
    return print_html(path, daily_html(s, groups, edition), DAILY_CSS, f"{s.tour.title} 每日行程单",
                      print_date or dt.date.today(), progress, points=12)


def export_change_notice(diff: TourDiff, path: Path | str, print_date: dt.date | None = None,
                         progress: Progress | None = None) -> int:
    """The one-page 变更通知 for the class."""
    date = print_date or dt.date.today()
    return print_html(path, change_notice_html(diff, date), CHANGE_CSS, f"{diff.new.tour.title} 行程变更通知",
                      date, progress, points=12)
