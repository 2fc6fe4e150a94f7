"""A big catalogue follows edits row by row: no reset, and the list shows what a freshly built one shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from planner.model.site import Catalogue
from planner.synthetic import synthetic_tour
from ui.catalogue.catalogue_commands import AddCatalogueSite, DeleteCatalogueSite, EditCatalogueSite
from ui.catalogue.catalogue_dock import CatalogueDock
from ui.catalogue.catalogue_model import CatalogueFilter, CatalogueModel, SiteIdRole
from ui.document import TourDocument

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")


def listed(proxy) -> list[tuple]:
    return [tuple(proxy.index(r, c).data() for c in range(proxy.columnCount())) + (proxy.index(r, 0).data(SiteIdRole),)
            for r in range(proxy.rowCount())]


def fresh_listing(doc, column: int) -> list[tuple]:
    model = CatalogueModel(doc)
    proxy = CatalogueFilter()
    proxy.setSourceModel(model)
    proxy.sort(column)
    return listed(proxy)


def test_edits_of_a_big_sorted_catalogue_touch_rows_not_the_whole_list(qtbot):
    sites = synthetic_tour(3, 20, 6).sites  # 420 sites: big enough to sort, quick to compare
    doc = TourDocument(catalogue=Catalogue(sites=[s.model_copy() for s in sites]))
    dock = CatalogueDock(doc)
    qtbot.addWidget(dock)
    tester = QAbstractItemModelTester(dock.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    dock.proxy.sort(CatalogueModel.NAME)
    resets = []
    dock.model.modelReset.connect(lambda: resets.append(1))
    target = doc.catalogue.sites[200]
    doc.push(EditCatalogueSite(doc, target.model_copy(update={"visit_minutes": 5, "name": "阿一"})))
    assert listed(dock.proxy)[0][0] == "阿一"  # re-sorted (pinyin): now first
    new = target.model_copy(update={"id": "brand-new", "name": "阿阿", "visit_minutes": 1})
    doc.push(AddCatalogueSite(doc, new))
    assert listed(dock.proxy)[0][0] == "阿阿"
    doc.push(DeleteCatalogueSite(doc, doc.catalogue.sites[7].id))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert resets == []
    assert listed(dock.proxy) == fresh_listing(doc, CatalogueModel.NAME)
    del tester


def test_a_site_changed_in_place_is_still_shown(qtbot):
    sites = synthetic_tour(1, 3, 2).sites
    doc = TourDocument(catalogue=Catalogue(sites=[s.model_copy() for s in sites]))
    model = CatalogueModel(doc)
    doc.catalogue.sites[0].name = "改过的名字"  # no new record: the model cannot tell which row
    model.reset()
    assert model.index(0, CatalogueModel.NAME).data(Qt.ItemDataRole.DisplayRole) == "改过的名字"
