"""Everything out in one go: what to write where, and a background job that writes it, cancellable.

Each output is written through the atomic writer, so cancelling or failing part-way leaves every file
either as it was or complete, never half written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from planner.model.tour import Tour
from planner.render.filenames import file_stem
from planner.render.handbook import EDITION_NAMES, STAFF, HandbookOptions, handbook_file_name
from planner.render.notices import host_sites
from planner.schedule.scheduler import Schedule, schedule

HANDBOOK, DAILY, NOTICES, WORKBOOK, CALENDARS, IMAGES = "handbook", "daily", "notices", "xlsx", "ics", "images"
KINDS = (HANDBOOK, DAILY, NOTICES, WORKBOOK, CALENDARS, IMAGES)


class Cancelled(Exception):
    """Raised from a progress callback to stop an export between two steps."""


@dataclass
class ExportRequest:
    kinds: list[str]
    folder: Path
    groups: list[str] | None = None      # None: every group
    sites: list[str] | None = None       # host notices: None = every host site
    edition: str = STAFF
    notices_each: bool = False            # one PDF per host site instead of one for all
    images_by_day: bool = False
    image_date: dt.date | None = None     # only this day's image (the Share menu)
    handbook_daily: bool = False          # the handbook with the daily sheets appended
    print_date: dt.date = field(default_factory=dt.date.today)

    def outputs(self, title: str) -> dict[str, Path]:
        """kind → the file (or, for many files, the folder) it writes."""
        stem = file_stem(title, limit=40)
        edition = EDITION_NAMES[self.edition]  # each edition its own names: printing both replaces neither
        names = {HANDBOOK: handbook_file_name(title, self.edition),
                 DAILY: f"{stem}-每日行程单-{edition}.pdf",
                 NOTICES: "接待通知单" if self.notices_each else f"{stem}-接待通知单.pdf",
                 WORKBOOK: f"{stem}-行程表-{edition}.xlsx", CALENDARS: f"手机日历-{edition}",
                 IMAGES: f"微信图片-{edition}"}
        return {k: self.folder / names[k] for k in KINDS if k in self.kinds}

    def existing(self, title: str) -> list[Path]:
        """Outputs that would replace something already there (a file, or a folder with files in it)."""
        found = []
        for path in self.outputs(title).values():
            if path.is_file() or (path.is_dir() and any(path.iterdir())):
                found.append(path)
        return found


def run_request(s: Schedule, req: ExportRequest, progress) -> list[Path]:
    """Write every chosen output; `progress(percent, what)` may raise Cancelled. Returns what was written."""
    from ui.exports.documents_pdf import export_daily, export_notice_files, export_notices
    from ui.exports.handbook_pdf import export_handbook
    from ui.exports.share_image import export_images

    outputs = req.outputs(s.tour.title)
    written: list[Path] = []
    kinds = list(outputs)
    for i, kind in enumerate(kinds):
        path = outputs[kind]
        base, span = 100 * i // len(kinds), 100 // len(kinds)

        def step(percent: int, what: str = "", _base=base, _span=span, _kind=kind) -> None:
            progress(_base + _span * max(0, min(percent, 100)) // 100, _kind)

        step(0)
        if kind in (CALENDARS, IMAGES) or (kind == NOTICES and req.notices_each):
            path.mkdir(exist_ok=True)
        if kind == HANDBOOK:
            export_handbook(s, path, HandbookOptions(edition=req.edition, groups=req.groups,
                                                     print_date=req.print_date, daily=req.handbook_daily), step)
        elif kind == DAILY:
            export_daily(s, path, req.groups, req.edition, req.print_date, step)
        elif kind == NOTICES and not [sid for sid in host_sites(s) if req.sites is None or sid in req.sites]:
            continue  # nobody visits a host site yet: no notice to print
        elif kind == NOTICES and req.notices_each:
            written += export_notice_files(s, path, req.sites, req.print_date, step)
            continue
        elif kind == NOTICES:
            export_notices(s, path, req.sites, req.print_date, step)
        elif kind == WORKBOOK:
            _write_workbook(s, path, req.groups, req.edition)
        elif kind == CALENDARS:
            written += _write_calendars(s, path, req.groups, req.edition, step)
            continue
        elif kind == IMAGES:
            written += export_images(s, path, req.groups, req.images_by_day, req.edition, step, req.image_date)
            continue
        written.append(path)
    progress(100, "done")
    return written


def _write_workbook(s: Schedule, path: Path, groups: list[str] | None, edition: str) -> None:
    from planner.io.atomic import atomic_write
    from planner.render.workbook import workbook_bytes

    atomic_write(path, workbook_bytes(s, groups, edition=edition))


def _write_calendars(s: Schedule, folder: Path, groups: list[str] | None, edition: str, step) -> list[Path]:
    from planner.io.atomic import atomic_write
    from planner.render.phone_calendar import calendar_files

    files = calendar_files(s, groups, edition=edition)
    out = []
    for i, (name, data) in enumerate(files):
        atomic_write(folder / name, data)
        out.append(folder / name)
        step(100 * (i + 1) // max(1, len(files)))
    return out


class ExportAllJob(QThread):
    """Writes a snapshot of the tour, so editing goes on while the files are made."""

    progressed = Signal(int, str)
    failed = Signal(str)
    done = Signal(list)
    cancelled = Signal()

    def __init__(self, tour: Tour, request: ExportRequest, parent: QObject | None = None):
        super().__init__(parent)
        self.tour, self.request = tour.model_copy(deep=True), request
        self._stop = False
        self.written: list[Path] = []

    def cancel(self) -> None:
        self._stop = True

    def _progress(self, percent: int, what: str) -> None:
        if self._stop:
            raise Cancelled
        self.progressed.emit(percent, what)

    def run(self) -> None:
        try:
            self.written = run_request(schedule(self.tour), self.request, self._progress)
        except Cancelled:
            self.cancelled.emit()
            return
        except OSError as e:  # FileWriteError is one: its message names the file and the reason
            self.failed.emit(str(e) if str(e) else f"{e.filename}: {e.strerror}")
            return
        except Exception as e:  # noqa: BLE001 — reported in the window, never a silent dead thread
            self.failed.emit(f"{type(e).__name__}: {e}")
            return
        self.done.emit([str(p) for p in self.written])
