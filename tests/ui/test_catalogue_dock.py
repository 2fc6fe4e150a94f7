"""The catalogue dock: find sites as you type, filter, drag, and add / edit / delete through undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

import ui.i18n
from planner.model.edits import EditError
from planner.io.fileformat import load_catalogue
from planner.model.site import Catalogue, Site, SiteKind
from tests.builders import day, group, site, tour, visit
from tests.ui.keyboard import type_text
from tests.ui.test_site_dialog import fill
from ui.catalogue.catalogue_commands import AddCatalogueSite, DeleteCatalogueSite, EditCatalogueSite
from ui.catalogue.catalogue_dock import CatalogueDock
from ui.catalogue.catalogue_model import MIME_TYPE, CatalogueFilter, CatalogueModel, SiteIdRole
from ui.document import TourDocument
from ui.catalogue.site_dialog import SiteDialog

# Docks resizing their window ask the platform to propagate size hints; offscreen cannot and says so.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")

ZJ, JS = {"province": "浙江省"}, {"province": "江苏省"}
SITES = [
    site("yiwu-market", "义乌国际商贸城", city="金华市", county="义乌市", address="义乌市福田路105号",
         hours=[{"start": "09:00", "end": "17:00"}], max_groups=2, max_people=60, visit_minutes=90,
         topics=["现代服务业", "开放合作"], **ZJ),
    site("lizu", "李祖村", kind="village", city="金华市", county="义乌市", topics=["乡村振兴", "文旅融合"],
         max_groups=2, visit_minutes=60, **ZJ),
    site("leather-city", "海宁中国皮革城", city="嘉兴市", county="海宁市", topics=["产业发展"],
         visit_minutes=60, **ZJ),
    site("miaojia", "缪家村", kind="village", city="嘉兴市", county="嘉善县", topics=["乡村振兴"],
         visit_minutes=45, **ZJ),
    site("geely", "Geely Hangzhou Bay 吉利汽车", city="宁波市", county="慈溪市", topics=["科技创新"], **ZJ),
    site("wuxi-museum", "无锡博物院", kind="government", city="无锡市", county="梁溪区",
         hours=[{"start": "09:00", "end": "17:00"}], closed_weekdays=[1], closed_on_holidays=True,
         visit_minutes=75, topics=["文旅融合"], **JS),
    site("kunshan-zone", "昆山开发区", kind="park", city="苏州市", county="昆山市", address="昆山市前进东路",
         topics=["招商引资", "园区建设"], visit_minutes=120, **JS),
]


@pytest.fixture
def doc(qapp, tmp_path) -> TourDocument:
    """The tour visits 李祖村 on Monday 24 Feb 2025 and carries its own copy of that site."""
    catalogue = Catalogue(sites=[Site.model_validate(s) for s in SITES])
    the_tour = tour(group("g1", day("2025-02-24", visit("lizu"))), sites=[SITES[1]])
    return TourDocument(the_tour, catalogue=catalogue, catalogue_path=tmp_path / "catalogue.sites.json")


@pytest.fixture
def dock(qtbot, doc, english) -> CatalogueDock:
    """Docked in a window, as in the app."""
    host = QMainWindow()
    qtbot.addWidget(host)
    widget = CatalogueDock(doc, host)
    host.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, widget)
    host.resize(900, 600)
    host.show()
    qtbot.waitExposed(host)
    yield widget  # keeps the host window alive for the test


def listed(dock: CatalogueDock) -> list[str]:
    return [dock.proxy.index(r, 0).data(SiteIdRole) for r in range(dock.proxy.rowCount())]


def choose(box, value) -> None:
    box.setCurrentIndex(box.findData(value))


def test_models_pass_the_model_tester(qtmodeltester, doc):
    model = CatalogueModel(doc)
    qtmodeltester.check(model)
    proxy = CatalogueFilter()
    proxy.setSourceModel(model)
    proxy.set_search("义乌")
    proxy.sort(CatalogueModel.MINUTES)
    qtmodeltester.check(proxy)
    doc.catalogue.sites.pop()
    model.reset()
    qtmodeltester.check(model)


def test_cells_show_place_kind_capacity_and_hours(doc, english):
    model = CatalogueModel(doc)
    assert model.rowCount() == len(SITES) and model.columnCount() == 6
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Name", "County", "Kind", "Minutes", "Capacity", "Opening hours"]

    def row(r: int) -> list[str]:
        return [model.index(r, c).data() for c in range(6)]

    assert row(0) == ["义乌国际商贸城", "金华市义乌市", "Enterprise", "1 h 30 min", "2 groups / 60 people",
                      "09:00–17:00"]
    assert row(1)[2:] == ["Village / community", "1 h 00 min", "2 groups", "All day"]
    assert row(5)[5] == "09:00–17:00; closed Monday; closed on holidays"
    assert model.index(5, 0).data(SiteIdRole) == "wuxi-museum"
    ui.i18n.install("zh")
    assert model.index(1, 2).data() == "村/社区"
    assert model.index(1, 3).data() == "1小时00分"


def test_cells_read_in_chinese(doc, chinese):
    model = CatalogueModel(doc)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    assert [model.index(0, c).data() for c in range(2, 6)] == ["企业", "1小时30分", "2组/60人", "09:00–17:00"]
    assert model.index(1, CatalogueModel.CAPACITY).data() == "2组"
    assert model.index(1, CatalogueModel.HOURS).data() == "全天"
    assert model.index(5, CatalogueModel.HOURS).data() == "09:00–17:00，周一闭馆，节假日闭馆"


def test_mime_data_carries_the_site_id(doc):
    model = CatalogueModel(doc)
    assert model.mimeTypes() == [MIME_TYPE]
    mime = model.mimeData([model.index(1, 0), model.index(1, 3)])
    assert mime.formats() == [MIME_TYPE]
    assert bytes(mime.data(MIME_TYPE)).decode("utf-8") == "lizu"
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.mimeData([QModelIndex()]) is None


def test_search_as_you_type(qtbot, dock):
    assert len(listed(dock)) == len(SITES)
    type_text(qtbot, dock.search, "义乌")
    assert listed(dock) == ["yiwu-market", "lizu"]
    dock.search.clear()
    qtbot.keyClicks(dock.search, "GEELY")  # case-insensitive
    assert listed(dock) == ["geely"]
    dock.search.clear()
    type_text(qtbot, dock.search, "乡村振兴")  # topics
    assert listed(dock) == ["lizu", "miaojia"]
    dock.search.clear()
    type_text(qtbot, dock.search, "前进东路")  # address
    assert listed(dock) == ["kunshan-zone"]
    dock.search.clear()
    type_text(qtbot, dock.search, "嘉兴 村")  # every word must match
    assert listed(dock) == ["miaojia"]


def test_province_city_topic_and_kind_filters(dock):
    assert [dock.province_box.itemText(i) for i in range(dock.province_box.count())] == [
        "All provinces", "江苏省", "浙江省"]  # pinyin order
    choose(dock.province_box, "江苏省")
    assert listed(dock) == ["wuxi-museum", "kunshan-zone"]
    assert [dock.city_box.itemData(i) for i in range(dock.city_box.count())] == [None, "苏州市", "无锡市"]
    choose(dock.city_box, "无锡市")
    assert listed(dock) == ["wuxi-museum"]
    choose(dock.province_box, "浙江省")  # the city list follows the province; 无锡市 no longer applies
    assert dock.city_box.currentData() is None
    assert [dock.city_box.itemData(i) for i in range(1, dock.city_box.count())] == [
        "嘉兴市", "金华市", "宁波市"]
    choose(dock.kind_box, SiteKind.VILLAGE.value)
    assert listed(dock) == ["lizu", "miaojia"]
    choose(dock.city_box, "金华市")
    assert listed(dock) == ["lizu"]
    choose(dock.province_box, None)
    assert dock.city_box.currentData() == "金华市"  # still a city of the catalogue: the choice stays
    choose(dock.city_box, None)
    choose(dock.kind_box, None)
    choose(dock.topic_box, "文旅融合")
    assert listed(dock) == ["lizu", "wuxi-museum"]
    assert dock.topic_box.itemData(1) == "产业发展"  # standard topics in their usual order


def test_sorting_by_column(dock):
    dock.view.sortByColumn(CatalogueModel.MINUTES, Qt.SortOrder.DescendingOrder)
    assert listed(dock)[:2] == ["kunshan-zone", "yiwu-market"]
    dock.view.sortByColumn(CatalogueModel.NAME, Qt.SortOrder.AscendingOrder)
    assert listed(dock) == ["leather-city", "kunshan-zone", "lizu", "miaojia", "wuxi-museum",  # pinyin:
                            "yiwu-market", "geely"]  # hǎi kūn lǐ miào wú yì, then Latin


def test_dock_shape(dock):
    assert dock.objectName() == "catalogueDock" and dock.windowTitle() == "Catalogue"
    assert dock.view.dragEnabled() and dock.view.isSortingEnabled()
    assert dock.search.placeholderText()
    assert dock.selected_site_id() is None
    assert not dock.edit_button.isEnabled() and not dock.delete_button.isEnabled()
    assert dock.select_site("miaojia") and dock.selected_site_id() == "miaojia"
    assert dock.edit_button.isEnabled() and dock.delete_button.isEnabled()


def test_add_edit_delete_through_the_dialog_with_exact_undo(qtbot, dock, doc):
    start = doc.catalogue.model_dump()

    dock.add_button.click()
    dialog = dock.dialog
    assert isinstance(dialog, SiteDialog) and dialog.isVisible()
    fill(qtbot, dialog, name="缪家村文化礼堂", lat="30.85", lon="120.92", city="嘉兴市")
    new_id = dialog.site_id()
    with qtbot.waitSignal(doc.catalogueChanged):
        dialog.ok_button.click()
    assert doc.catalogue.get(new_id).city == "嘉兴市"
    assert doc.undo_stack.undoText() == "Add site 缪家村文化礼堂"
    assert dock.selected_site_id() == new_id
    added = doc.catalogue.model_dump()

    assert dock.select_site("lizu")
    dock.edit_button.click()
    dialog = dock.dialog
    assert dialog.site_id() == "lizu" and dialog.name_edit.text() == "李祖村"
    fill(qtbot, dialog, hours="08:30-11:30, 13:30-17:00")
    dialog.weekday_checks[0].click()
    dialog.ok_button.click()
    assert doc.undo_stack.undoText() == "Edit site 李祖村"
    edited_catalogue, edited_tour = doc.catalogue.get("lizu"), doc.tour.site("lizu")
    assert edited_catalogue == edited_tour and edited_tour.closed_weekdays == [1]
    assert [f"{s.start:%H:%M}" for s in edited_tour.hours] == ["08:30", "13:30"]
    assert doc.schedule is not None and any(p.code == "closed-weekday" for p in doc.schedule.problems)
    assert dock.model.index(1, CatalogueModel.HOURS).data() == "08:30–11:30, 13:30–17:00; closed Monday"

    doc.undo_stack.undo()
    assert doc.catalogue.model_dump() == added
    assert doc.tour.site("lizu") == Site.model_validate(SITES[1])
    assert not any(p.code == "closed-weekday" for p in doc.schedule.problems)
    doc.undo_stack.redo()
    assert doc.catalogue.get("lizu") == doc.tour.site("lizu") == edited_tour

    assert dock.select_site("lizu")
    qtbot.keyClick(dock.view, Qt.Key.Key_Delete)
    box = dock.dialog
    assert isinstance(box, QMessageBox) and "李祖村" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert doc.catalogue.get("lizu") is None
    assert doc.tour.site("lizu") == edited_tour  # the tour keeps its own copy
    assert "lizu" not in listed(dock)
    assert doc.undo_stack.undoText() == "Delete site 李祖村"

    doc.undo_stack.undo()
    assert doc.catalogue.sites[1].id == "lizu" and doc.catalogue.get("lizu") == edited_tour
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.catalogue.model_dump() == start
    assert doc.tour.site("lizu") == Site.model_validate(SITES[1])
    assert len(listed(dock)) == len(SITES)
    doc.undo_stack.redo()
    assert doc.catalogue.model_dump() == added


def test_delete_needs_a_yes_and_double_click_edits(qtbot, dock, doc):
    assert dock.select_site("miaojia")
    dock.delete_button.click()
    dock.dialog.button(QMessageBox.StandardButton.No).click()
    assert doc.catalogue.get("miaojia") is not None and doc.undo_stack.count() == 0

    rect = dock.view.visualRect(dock.proxy.mapFromSource(dock.model.index(3, 0)))
    qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(dock.dialog, SiteDialog) and dock.dialog.name_edit.text() == "缪家村"
    dock.dialog.reject()
    assert dock.dialog is None and doc.undo_stack.count() == 0


def test_filter_boxes_follow_catalogue_changes(dock, doc):
    choose(dock.province_box, "江苏省")
    doc.push(DeleteCatalogueSite(doc, "wuxi-museum"))
    doc.push(DeleteCatalogueSite(doc, "kunshan-zone"))
    assert dock.province_box.currentData() is None  # 江苏省 is gone from the catalogue
    assert dock.province_box.count() == 2 and len(listed(dock)) == len(SITES) - 2
    doc.undo_stack.undo()
    assert dock.province_box.findData("江苏省") > 0


def test_commands_refuse_what_cannot_apply(doc):
    with pytest.raises(EditError):
        AddCatalogueSite(doc, doc.catalogue.get("lizu"))
    with pytest.raises(EditError):
        EditCatalogueSite(doc, Site.model_validate(site("nowhere", "不存在")))
    with pytest.raises(EditError):
        DeleteCatalogueSite(doc, "nowhere")


def test_editing_a_site_the_tour_does_not_use_leaves_the_tour_alone(qtbot, doc):
    before = doc.tour.model_dump()
    changed = doc.catalogue.get("miaojia").model_copy(update={"visit_minutes": 30})
    with qtbot.waitSignal(doc.catalogueChanged):
        doc.push(EditCatalogueSite(doc, changed))
    assert doc.catalogue.get("miaojia").visit_minutes == 30
    assert doc.tour.model_dump() == before
    doc.undo_stack.undo()
    assert doc.catalogue.get("miaojia").visit_minutes == 45 and doc.tour.model_dump() == before


def test_every_change_and_undo_is_saved_to_the_catalogue_file(doc, qtbot):
    doc.push(DeleteCatalogueSite(doc, "geely"))  # written within half a second, off the GUI thread
    qtbot.waitUntil(lambda: doc.catalogue_path.exists(), timeout=500)
    assert load_catalogue(doc.catalogue_path).get("geely") is None
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: load_catalogue(doc.catalogue_path) == doc.catalogue, timeout=500)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_filter_shows_its_longest_choice_whole_in_a_laptop_window(qtbot, doc, language):
    """At 1366×768 the dock is narrow; "All provinces" was cut to "All provir"."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    before = ui.i18n.lang()
    ui.i18n.install(language)
    try:
        host = QMainWindow()
        qtbot.addWidget(host)
        widget = CatalogueDock(doc, host)
        host.setCentralWidget(QWidget())  # the board takes the rest
        host.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, widget)
        host.resize(780, 560)
        host.show()
        qtbot.waitExposed(host)
        host.resizeDocks([widget], [300], Qt.Orientation.Horizontal)  # about what 1366×768 gives it
        qtbot.wait(10)
        for box in (widget.province_box, widget.city_box, widget.topic_box, widget.kind_box):
            longest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
            option = QStyleOptionComboBox()
            box.initStyleOption(option)
            text_room = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                   QStyle.SubControl.SC_ComboBoxEditField, box).width()
            assert text_room >= longest, (language, box.currentText(), text_room, longest)
            right = box.mapTo(widget, box.rect().topRight()).x()
            assert right <= widget.width(), (language, box.currentText(), "runs past the dock")
    finally:
        ui.i18n.install(before)


def test_a_new_site_never_takes_an_id_the_open_tour_already_uses(qtbot, dock, doc):
    from ui.catalogue.site_form_rules import suggest_id

    taken = suggest_id("新村", set())
    doc.tour.sites.append(Site.model_validate(site(taken, "新村（旧记录）")))  # in the tour, not the catalogue
    dock.add_button.click()
    fill(qtbot, dock.dialog, name="新村", lat="30.1", lon="120.1")
    assert dock.dialog.site_id() == taken + "-2"
    with qtbot.waitSignal(doc.catalogueChanged):
        dock.dialog.ok_button.click()
    assert doc.catalogue.get(taken + "-2").name == "新村"
