"""The catalogue (教学点库) as a table: a thin model over `document.catalogue.sites` and its filter.

The model keeps only the list of site records it last showed; after a catalogue edit `reset()`
compares it with the catalogue (edits replace records, so identity tells what changed) and reports
just those rows, so a filtered, sorted list of 10,000 sites is not rebuilt for one edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCollator, QLocale, QMimeData, QModelIndex, QObject,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt)

from planner.render.labels import duration, weekday_of
from planner.model.site import KIND_LABELS, TOPICS, Site, SiteKind
from ui.dialogs.form_errors import fill
from ui import literal
from ui.i18n import lang, pick

SiteIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-study-tour-site"

_Index = QModelIndex | QPersistentModelIndex


@cache
def _collator() -> QCollator:
    """Chinese names sort by pinyin, the order organizers expect in lists."""
    return QCollator(QLocale("zh_CN"))


class CatalogueModel(QAbstractTableModel):
    """One row per catalogue site, in catalogue order; columns as the organizer scans them."""

    NAME, PLACE, KIND, MINUTES, CAPACITY, HOURS = range(6)

    def __init__(self, document, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self._shown: list[Site] = list(self.sites)  # the rows as the views last heard of them

    @property
    def sites(self) -> list[Site]:
        return self._document.catalogue.sites

    def site_at(self, row: int) -> Site:
        return self._shown[row]

    def row_of(self, site_id: str) -> int | None:
        return next((i for i, s in enumerate(self._shown) if s.id == site_id), None)

    def reset(self) -> None:
        """The catalogue changed (added, edited, deleted or replaced): show it, touching only the rows that
        changed — re-filtering and re-sorting 10,000 sites after every edit took most of a second."""
        now, shown = list(self.sites), self._shown
        self._shown = now
        if len(now) == len(shown):
            changed = [i for i, (a, b) in enumerate(zip(shown, now)) if a is not b]  # edits replace the record
            if 0 < len(changed) <= 50:  # none: something changed in place, unseen: re-read all below
                for row in changed:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return
        elif abs(len(now) - len(shown)) == 1:  # one site added or deleted (or put back by undo)
            longer, shorter = (now, shown) if len(now) > len(shown) else (shown, now)
            row = next((i for i, (a, b) in enumerate(zip(longer, shorter)) if a is not b), len(shorter))
            if all(a is b for a, b in zip(longer[row + 1:], shorter[row:])):
                self._shown = shown
                if longer is now:
                    self.beginInsertRows(QModelIndex(), row, row)
                else:
                    self.beginRemoveRows(QModelIndex(), row, row)
                self._shown = now
                (self.endInsertRows if longer is now else self.endRemoveRows)()
                return
        self.beginResetModel()
        self.endResetModel()

    # -- table shape
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 6:
            return (self.tr("Name"), self.tr("County"), self.tr("Kind"), self.tr("Minutes"),
                    self.tr("Capacity"), self.tr("Opening hours"))[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        site, col = self._shown[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(site, col)
        if role == SiteIdRole:
            return site.id
        if role == SortRole:
            return self._sort_key(site, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = (site.name, site.address, "、".join(site.topics), site.intro)
            return literal.tooltip("\n".join(t for t in parts if t))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, site: Site, col: int) -> str:
        if col == self.NAME:
            return site.name
        if col == self.PLACE:
            return site.place
        if col == self.KIND:
            return pick(KIND_LABELS[site.kind])
        if col == self.MINUTES:
            return duration(site.visit_minutes, lang()) if site.visit_minutes else "—"  # hotels, stations
        if col == self.CAPACITY:
            return self.capacity_text(site)
        return self.hours_text(site)

    def _sort_key(self, site: Site, col: int) -> Any:
        if col == self.MINUTES:
            return site.visit_minutes
        if col == self.CAPACITY:
            return site.max_people if site.max_people is not None else 10**9
        if col == self.HOURS:
            return site.hours[0].start_min if site.hours else -1
        return self._display(site, col)

    def capacity_text(self, site: Site) -> str:
        if site.max_people is None:
            return fill(self.tr("%1 groups"), site.max_groups)
        return fill(self.tr("%1 groups / %2 people"), site.max_groups, site.max_people)

    def hours_text(self, site: Site) -> str:
        """"09:00–11:30, 13:30–17:00", "全天"; closing rules after it, e.g. "，周一闭馆"."""
        text = ", ".join(f"{s.start:%H:%M}–{s.end:%H:%M}" for s in site.hours) or self.tr("All day")
        closed = ("、" if lang() == "zh" else ", ").join(weekday_of(d, lang()) for d in site.closed_weekdays)
        if closed:
            text = fill(self.tr("%1; closed %2"), text, closed)
        if site.closed_on_holidays:
            text = fill(self.tr("%1; closed on holidays"), text)
        return text

    # -- drag
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData | None:
        """One site per drag: the first row's site id as UTF-8."""
        rows = [i.row() for i in indexes if i.isValid()]
        if not rows:
            return None
        mime = QMimeData()
        mime.setData(MIME_TYPE, self._shown[rows[0]].id.encode("utf-8"))
        return mime


class CatalogueFilter(QSortFilterProxyModel):
    """Search as you type plus province / city / topic / kind filters (None = all)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)
        self._words: list[str] = []
        self.province: str | None = None
        self.city: str | None = None
        self.topic: str | None = None
        self.kind: SiteKind | None = None

    def set_search(self, text: str) -> None:
        self._change("_words", text.casefold().split())

    def set_province(self, province: str | None) -> None:
        self._change("province", province or None)

    def set_city(self, city: str | None) -> None:
        self._change("city", city or None)

    def set_topic(self, topic: str | None) -> None:
        self._change("topic", topic or None)

    def set_kind(self, kind: SiteKind | str | None) -> None:
        self._change("kind", SiteKind(kind) if kind else None)

    def _change(self, name: str, value: Any) -> None:
        if getattr(self, name) == value:
            return
        self.beginFilterChange()
        setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        site = self.sourceModel().site_at(source_row)
        if self.province and site.province != self.province:
            return False
        if self.city and site.city != self.city:
            return False
        if self.topic and self.topic not in site.topics:
            return False
        if self.kind and site.kind != self.kind:
            return False
        if self._words:
            haystack = " ".join((site.name, site.city, site.county, site.address, *site.topics)).casefold()
            return all(w in haystack for w in self._words)
        return True

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if isinstance(a, str) and isinstance(b, str):
            return _collator().compare(a, b) < 0
        return a < b


# -- choices for the filter boxes, from what the catalogue holds
def provinces(sites: Iterable[Site]) -> list[str]:
    return sorted({s.province for s in sites if s.province}, key=_collator().sortKey)


def cities(sites: Iterable[Site], province: str | None = None) -> list[str]:
    return sorted({s.city for s in sites if s.city and (province is None or s.province == province)},
                  key=_collator().sortKey)


def topics(sites: Iterable[Site]) -> list[str]:
    """The standard topics first, in their usual order, then any others the catalogue uses."""
    used = {t for s in sites for t in s.topics}
    return [t for t in TOPICS if t in used] + sorted(used - set(TOPICS), key=_collator().sortKey)


def kinds(sites: Iterable[Site]) -> list[SiteKind]:
    used = {s.kind for s in sites}
    return [k for k in SiteKind if k in used]
