"""The window's entries for bringing sites in: File › 导入教学点…, Edit › 补全坐标… and 定位设置…"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui.geo.batch_locate import BatchLocate
from ui.imports.sheet_import_dialog import LAST_FOLDER, choose_sheet
from ui.imports.site_import_dialog import SiteImportDialog


class SiteImports(QObject):
    def __init__(self, window, file_menu: QMenu, edit_menu: QMenu):
        super().__init__(window)
        self.window = window
        self.dialog: SiteImportDialog | None = None
        self.batch = BatchLocate(window.document, window.settings, window)
        self.import_action = QAction(self.tr("&Import sites…"), window, triggered=lambda: self.choose_file())
        self.import_action.setToolTip(self.tr("Add sites to the catalogue from an Excel (.xlsx) or CSV sheet"))
        self.locate_action = QAction(self.tr("Complete &coordinates…"), window, triggered=lambda: self.batch.start())
        self.locate_action.setToolTip(self.tr("Look up online every catalogue site still placed at its county "
                                              "centre"))
        self.settings_action = QAction(self.tr("&Locating settings…"), window,
                                       triggered=lambda: self.batch.edit_settings())
        separators = [a for a in file_menu.actions() if a.isSeparator()]
        before = separators[-1] if separators else None  # above Quit
        file_menu.insertAction(before, self.import_action)
        file_menu.insertSeparator(self.import_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.locate_action, self.settings_action])

    def choose_file(self) -> None:
        choose_sheet(self.window, self.tr("Import sites"), self.window.settings, self.open_file)

    def open_file(self, path: Path) -> SiteImportDialog:
        self.window.settings.setValue(LAST_FOLDER, str(path.parent))
        dialog = SiteImportDialog(self.window.document, path, self.window.settings, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog
