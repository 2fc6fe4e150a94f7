"""The main window: board in the centre, catalogue, problems and day detail docks, menus and status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QProgressDialog, QTabBar

from planner.schedule.problems import Problem
from ui.board.authoring import BoardAuthoring
from ui.board.board_actions import BoardActions
from ui.board.board_model import BoardModel
from ui.board.board_view import BoardView
from ui.catalogue.catalogue_dock import CatalogueDock
from ui.commands import ReplaceTourSettings
from ui.panels.day_detail import DayDetailDock
from ui.document import TourDocument
from ui.exports.export_dialog import ExportDialog, ExportJob, handbook_written
from ui.exports.window_exports import WindowExports
from ui.dialogs.day_tips_dialog import DayTipsAction
from ui.dialogs.mnemonics import as_typed
from ui.errors import ErrorBoundary
from ui.file_actions import FileActions
from ui.i18n import SETTING as LANGUAGE_SETTING
from ui.i18n import lang
from ui.language_switch import switch_language
from ui.panels.map_dock import MapDock, web_view_class
from ui.panels.problems_dock import ProblemsDock
from ui.imports.import_actions import SiteImports
from ui.solve.solve_actions import SolveActions
from ui.people.people_dock import install_people_dock
from ui.dialogs.settings_dialog import TourSettingsDialog


MAP_VIEW = object()  # "use QtWebEngine if this machine has it"


class MainWindow(QMainWindow):
    def __init__(self, document: TourDocument, settings: QSettings | None = None, map_view_class=MAP_VIEW):
        """`map_view_class`: the web view for the map (QWebEngineView by default; None: no embedded map)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.document = document
        self.settings = settings or QSettings()
        self.errors = ErrorBoundary(self)  # ui/errors.py: every failure becomes a message and a log entry
        document.failed.connect(self.errors.report)
        self.files = FileActions(document, self, self.settings)
        self.recovery = None  # set by the application (ui/recovery.py); tests may leave it out
        self._jobs: list[ExportJob] = []  # handbooks being printed; closing waits for them
        self.actions_ = BoardActions(document, self)
        self.board_model = BoardModel(document, self)
        self.board = BoardView(self.board_model, self)
        self.setCentralWidget(self.board)
        self.catalogue_dock = CatalogueDock(document, self)
        self.problems_dock = ProblemsDock(document, self)
        self.day_dock = DayDetailDock(document, self)
        self.map_dock = MapDock(document, self.settings, self,
                                view_class=web_view_class() if map_view_class is MAP_VIEW else map_view_class)
        # laid out at the size it will have: docks tabified in a smaller window leave Qt's tab bars behind
        self.resize(self._default_size())
        self.arrange_docks(self._default_size().width())
        self.totals_label = QLabel(self)
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)  # group names show as typed
        self.statusBar().addPermanentWidget(self.totals_label, 1)
        self._build_menus()
        self.people_dock = install_people_dock(self)  # 名单: roster, staff, vehicles, rooms
        self._connect()
        self._update_title()
        self._update_totals()
        self._restore_layout()

    def _default_size(self) -> QSize:
        """Most of the screen, but never more than it: 1366×768 laptops are common among organizers."""
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1366, 768)
        return QSize(max(1024, int(screen.width() * 0.92)), max(700, int(screen.height() * 0.9)))

    def arrange_docks(self, width: int | None = None) -> None:
        """Catalogue left, problems below. Wide windows: day detail and map share the right side. Narrow ones:
        the day detail sits beside the problems and the map shares the catalogue's tall column, the one
        place on a laptop screen with room for a route."""
        width = width or self.width()
        docks = [self.catalogue_dock, self.problems_dock, self.day_dock, self.map_dock]
        docks += [d for d in (getattr(self, "people_dock", None),) if d is not None]
        for dock in docks:
            dock.setFloating(False)
            # out of the layout first: re-tabifying docks in place leaves Qt's old tab bars drawn over them
            self.removeDockWidget(dock)
        for dock in docks:
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.catalogue_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        if width >= 1700:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.day_dock)
            self.resizeDocks([self.catalogue_dock, self.day_dock], [400, 480], Qt.Orientation.Horizontal)
        else:
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.day_dock)
            self.splitDockWidget(self.problems_dock, self.day_dock, Qt.Orientation.Horizontal)
            self.resizeDocks([self.catalogue_dock], [330], Qt.Orientation.Horizontal)
            self.resizeDocks([self.problems_dock, self.day_dock], [700, 560], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems_dock], [200], Qt.Orientation.Vertical)
        if getattr(self, "people_dock", None) is not None:  # 名单 (made after the first arrangement)
            self.people_dock.setFloating(False)
            self.tabifyDockWidget(self.problems_dock, self.people_dock)
            self.problems_dock.raise_()
        beside = self.day_dock if width >= 1700 else self.catalogue_dock
        self.addDockWidget(self.dockWidgetArea(beside), self.map_dock)
        self.tabifyDockWidget(beside, self.map_dock)
        beside.raise_()
        QTimer.singleShot(0, self, self._hide_stale_tab_bars)

    def _hide_stale_tab_bars(self) -> None:
        """Qt can leave a dock tab bar from an earlier arrangement drawn over a dock or the board (a second
        '问题 | 名单' over the catalogue). The bars in use sit beside their docks; one lying over a dock is stale."""
        areas = [w.geometry() for w in (*self.findChildren(QDockWidget), self.centralWidget())
                 if w is not None and w.isVisible() and not (isinstance(w, QDockWidget) and w.isFloating())]
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if bar.isVisible() and any(bar.geometry().intersects(a) for a in areas):
                bar.hide()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._hide_stale_tab_bars)

    # -- wiring
    def _connect(self) -> None:
        b = self.board
        b.siteDropped.connect(self.actions_.add_site)
        b.activityDropped.connect(self.actions_.move)
        b.activityActivated.connect(self.edit_activity)
        b.cellSelected.connect(self.day_dock.show_day)
        b.cellSelected.connect(self.map_dock.follow)
        b.groupSelected.connect(self.map_dock.follow_group)
        b.tourSelected.connect(self.map_dock.follow_tour)
        self.problems_dock.problemSelected.connect(self.show_problem)
        self.document.fileChanged.connect(self._update_title)
        self.document.changed.connect(self._update_totals)
        self.document.changed.connect(self._update_title)

    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New"), self.files.new, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("&Open…"), lambda: self.files.open(), QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(file_menu, self.tr("&Save"), self.files.save, QKeySequence.StandardKey.Save)
        self._action(file_menu, self.tr("Save &As…"), self.files.save_as, QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Export itinerary &handbook (PDF)…"), self.export_handbook, "Ctrl+P")
        self.exports = WindowExports(self, file_menu)  # Export…, Compare versions…, Share: ui/exports/
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("Edit &activity…"), self._edit_selected)
        self._action(edit_menu, self.tr("&Delete activity"), self._delete_selected)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Tour settings…"), self.edit_settings, "Ctrl+,")
        view_menu = bar.addMenu(self.tr("&View"))
        for dock in (self.catalogue_dock, self.problems_dock, self.day_dock, self.map_dock):
            view_menu.addAction(dock.toggleViewAction())
        self._action(view_menu, self.tr("&Reset window layout"), lambda: self.arrange_docks())
        view_menu.addSeparator()
        language = view_menu.addMenu(self.tr("&Language"))
        for code, label in (("auto", self.tr("System default")), ("zh", "中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(str(self.settings.value(LANGUAGE_SETTING, "auto")) == code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            language.addAction(action)
        self.authoring = BoardAuthoring(self, edit_menu)  # add, nights, legs, copy/paste: ui/board/
        self.day_tips = DayTipsAction(self, edit_menu)  # Edit › 每日提示…: ui/dialogs/day_tips_dialog.py
        self.site_imports = SiteImports(self, file_menu, edit_menu)  # import sites, 补全坐标: ui/imports/
        self.solve_actions = SolveActions(self)  # Plan menu: optimise a day, auto-plan, repair: ui/solve/

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for name in self.files.recent():
            action = self.recent_menu.addAction(as_typed(name))  # a path "R&D" must not lose its "&"
            action.triggered.connect(lambda _=False, n=name: self.files.open(Path(n)))
        self.recent_menu.setEnabled(True)

    # -- commands from the board and docks
    def edit_activity(self, activity_id: str) -> None:
        self.authoring.edit(activity_id)

    def _edit_selected(self) -> None:
        if self.board.selected_activity:
            self.edit_activity(self.board.selected_activity)

    def _delete_selected(self) -> None:
        self.authoring.delete_selected()

    def edit_settings(self) -> None:
        dialog = TourSettingsDialog(self.document.tour, self)
        if dialog.exec():
            new = dialog.result_tour()
            if new != self.document.tour:
                self.document.push(ReplaceTourSettings(self.document.tour, new, self.tr("Change tour settings")))

    def export_handbook(self) -> ExportJob | None:
        """Ask what to print, then print it in the background with a progress dialog."""
        folder = self.document.path.parent if self.document.path else Path.home()
        dialog = ExportDialog(self.document.tour, folder, self)
        if not dialog.exec():
            return None
        job = ExportJob(self.document.tour, dialog.path(), dialog.options(), self)
        progress = QProgressDialog(self.tr("Printing the handbook…"), "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)
        job.progressed.connect(progress.setValue)
        job.finished.connect(progress.close)
        job.failed.connect(lambda _text: self.errors.report(self.tr("Exporting the handbook"), job.error))
        open_it = dialog.open_when_done.isChecked()
        job.done.connect(lambda path: handbook_written(self, path, open_it))
        self._jobs = [j for j in self._jobs if j.isRunning()] + [job]
        job.start()
        return job

    def show_problem(self, problem: Problem) -> None:
        if problem.activity_id:
            self.board.select_activity(problem.activity_id)
        elif problem.group_id and problem.date:
            self.board.select_cell(problem.group_id, problem.date)

    def set_language(self, code: str) -> QMainWindow:
        """At once: a new window in that language takes this one's place (ui/language_switch.py)."""
        return switch_language(self, code)

    # -- title, status, layout
    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {self.document.tour.title} — " + self.tr("Study-Tour Planner"))
        self.setWindowModified(self.document.modified)

    def _update_totals(self) -> None:
        schedule = self.document.schedule
        parts = []
        for g in self.document.tour.groups:
            plans = schedule.group_plans(g.id)
            visits = sum(p.visits for p in plans)
            km = sum(p.km for p in plans)
            coach = sum(p.coach_minutes for p in plans) / 60
            if lang() == "zh":
                parts.append(f"{g.name}：{visits} 场 · {km:.0f} km · 车程 {coach:.1f} 小时")
            else:
                parts.append(f"{g.name}: {visits} visits · {km:.0f} km · coach {coach:.1f} h")
        self.totals_label.setText("   |   ".join(parts))

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(self._default_size())
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.recovery is not None:
            self.recovery.release()  # saved, discarded or unchanged: nothing left to recover
        self.document.flush_catalogue()  # the catalogue file is written a moment after an edit: not lost
        for job in self._jobs:
            job.wait()  # a handbook being printed is finished, not cut off
        self.map_dock.shutdown()
        event.accept()
