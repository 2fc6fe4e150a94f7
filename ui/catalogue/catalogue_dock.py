"""The catalogue dock (教学点库): find a site, drag it onto a day, add / edit / delete sites.

Dialogs open window-modal without a nested event loop (`open()`, not `exec()`), so the dock
stays responsive and tests drive the very dialog a user would see.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QGridLayout, QHBoxLayout, QLineEdit,
                               QMessageBox, QSizePolicy, QStyle, QStyleOptionComboBox, QToolButton, QVBoxLayout,
                               QWidget)

from planner.model.site import KIND_LABELS
from ui.catalogue.catalogue_commands import AddCatalogueSite, DeleteCatalogueSite, EditCatalogueSite
from ui.catalogue.catalogue_model import CatalogueFilter, CatalogueModel, SiteIdRole, cities, kinds, provinces, topics
from ui.dialogs.form_errors import fill
from ui.i18n import pick
from ui.catalogue.site_dialog import SiteDialog
from ui.table_view import list_view


class CatalogueDock(QDockWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("catalogueDock")
        self.setWindowTitle(self.tr("Catalogue"))
        self.document = document
        self.dialog: SiteDialog | QMessageBox | None = None  # the dialog open now, if any

        self.model = CatalogueModel(document, self)
        self.proxy = CatalogueFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText=self.tr("Search name, place, address or topic"),
                                clearButtonEnabled=True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.province_box, self.city_box, self.topic_box, self.kind_box = (QComboBox() for _ in range(4))
        self.province_box.currentIndexChanged.connect(self._province_chosen)
        self.city_box.currentIndexChanged.connect(lambda: self.proxy.set_city(self.city_box.currentData()))
        self.topic_box.currentIndexChanged.connect(lambda: self.proxy.set_topic(self.topic_box.currentData()))
        self.kind_box.currentIndexChanged.connect(lambda: self.proxy.set_kind(self.kind_box.currentData()))

        self.view = list_view(self.proxy, QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.verticalHeader().hide()
        self.view.setColumnWidth(CatalogueModel.NAME, 180)
        self.view.doubleClicked.connect(lambda _index: self.edit_site())
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        self.add_action = QAction(self.tr("Add…"), self, triggered=self.add_site)
        self.edit_action = QAction(self.tr("Edit…"), self, triggered=lambda: self.edit_site())
        self.delete_action = QAction(self.tr("Delete"), self, triggered=lambda: self.delete_site())
        self.add_action.setToolTip(self.tr("Add a site to the catalogue"))
        self.edit_action.setToolTip(self.tr("Edit the selected site (double-click)"))
        self.delete_action.setToolTip(self.tr("Delete the selected site from the catalogue (Del)"))
        self.add_button, self.edit_button, self.delete_button = (
            self._button(a) for a in (self.add_action, self.edit_action, self.delete_action))

        # Two by two, each box at least as wide as its longest choice: in one row, a laptop-width dock cut
        # them ("All provir") or they ran past its edge.
        filters = QGridLayout()
        for i, box in enumerate((self.province_box, self.city_box, self.topic_box, self.kind_box)):
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            filters.addWidget(box, i // 2, i % 2)
        filters.setColumnStretch(0, 1)
        filters.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setWidget(body)

        document.catalogueChanged.connect(self._catalogue_changed)
        self._fill_boxes()
        self._update_actions()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # -- filters
    def _refill(self, box: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        """Refill a filter box, keeping its choice when the catalogue still has it."""
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for label, value in items:
            box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        box.blockSignals(False)
        _fit_longest(box)

    def _fill_boxes(self) -> None:
        sites = self.document.catalogue.sites
        self._refill(self.province_box, self.tr("All provinces"), [(p, p) for p in provinces(sites)])
        self._refill(self.topic_box, self.tr("All topics"), [(t, t) for t in topics(sites)])
        self._refill(self.kind_box, self.tr("All kinds"), [(pick(KIND_LABELS[k]), k.value) for k in kinds(sites)])
        self._fill_cities()
        self.proxy.set_province(self.province_box.currentData())
        self.proxy.set_topic(self.topic_box.currentData())
        self.proxy.set_kind(self.kind_box.currentData())

    def _fill_cities(self) -> None:
        province = self.province_box.currentData()
        self._refill(self.city_box, self.tr("All cities"),
                   [(c, c) for c in cities(self.document.catalogue.sites, province)])
        self.proxy.set_city(self.city_box.currentData())

    def _province_chosen(self) -> None:
        self.proxy.set_province(self.province_box.currentData())
        self._fill_cities()

    # -- selection
    def selected_site_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(SiteIdRole) if rows else None

    def select_site(self, site_id: str) -> bool:
        """Select and show a site's row; False when it is not listed (unknown or filtered out)."""
        row = self.model.row_of(site_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            return False
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _update_actions(self) -> None:
        chosen = self.selected_site_id() is not None
        self.edit_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)

    def _catalogue_changed(self) -> None:
        chosen = self.selected_site_id()
        self.model.reset()
        self._fill_boxes()
        if chosen is not None:
            self.select_site(chosen)
        self._update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_site()
            return True
        return super().eventFilter(watched, event)

    # -- add / edit / delete
    def add_site(self) -> SiteDialog:
        dialog = SiteDialog(None, self._ids(), self)
        dialog.accepted.connect(lambda: self._push_and_select(AddCatalogueSite(self.document, dialog.result_site()),
                                                              dialog.result_site().id))
        return self._show(dialog)

    def edit_site(self, site_id: str | None = None) -> SiteDialog | None:
        site = self.document.catalogue.get(site_id or self.selected_site_id() or "")
        if site is None:
            return None
        dialog = SiteDialog(site, self._ids(), self)
        dialog.accepted.connect(lambda: self._push_and_select(EditCatalogueSite(self.document, dialog.result_site()),
                                                              site.id))
        return self._show(dialog)

    def delete_site(self, site_id: str | None = None) -> QMessageBox | None:
        """Ask first; the site goes only when the user answers Yes."""
        site = self.document.catalogue.get(site_id or self.selected_site_id() or "")
        if site is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete site"),
                          fill(self.tr("Delete “%1” from the catalogue? Tours that use it keep their own copy."),
                               site.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the site's name as typed
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.document.push(DeleteCatalogueSite(self.document, site.id))

        box.buttonClicked.connect(answered)
        return self._show(box)

    def _show(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _push_and_select(self, command, site_id: str) -> None:
        self.document.push(command)
        self.select_site(site_id)

    def _ids(self) -> set[str]:
        """Ids a new site must not take: the catalogue's, and the open tour's own copies."""
        return {s.id for s in self.document.catalogue.sites} | {s.id for s in self.document.tour.sites}


def _fit_longest(box: QComboBox) -> None:
    """Never narrower than its longest choice. (AdjustToContents would do it, but its deferred
    adjustSize() shrinks the box back to that width after each refill, even where the layout gives more.)"""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    text = max((box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count())), default=0)
    size = box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                        QSize(text, box.fontMetrics().height()), box)
    box.setMinimumWidth(size.width())
