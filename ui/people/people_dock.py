"""The 名单 dock: participants, staff, vehicles, hotel nights, rooms and emergency contacts, each an editable
table with undo.

`install_people_dock(window)` is the one hook main_window.py calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDockWidget, QFileDialog, QHBoxLayout,
                               QLabel, QLineEdit, QMainWindow, QMenu, QStyledItemDelegate, QTabWidget,
                               QToolButton, QVBoxLayout, QWidget)

from planner.model.people import (EmergencyContact, HotelNight, Participant, Room, StaffMember, StaffRole, Vehicle,
                                  new_person_id)
from planner.model.edits import EditError
from planner.model.people_edits import rooms_from_roster, roster_counts
from planner.schedule.problems import Problem
from ui.i18n import lang
from ui.imports.sheet_import_dialog import LAST_FOLDER, choose_sheet
from planner.model.tour import Tour
from ui.people.clipboard import paste, rows_text
from ui.people.columns import CHOICE
from ui.people.people_commands import InsertPeople, RemovePeople, ReplacePeople, SetHeadcounts
from ui.people.people_model import PeopleFilter, PeopleModel
from ui.table_view import list_view

if TYPE_CHECKING:
    from ui.people.roster_import_dialog import RosterImportDialog


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over the model's choices for the column (groups, roles, dates …)."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        source = index.model().mapToSource(index) if hasattr(index.model(), "mapToSource") else index
        for value, label in source.model().choices(source.column()):
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        current = index.data(Qt.ItemDataRole.EditRole)
        for i in range(editor.count()):
            if editor.itemData(i) == current:
                editor.setCurrentIndex(i)
                return

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PeopleTab(QWidget):
    """One list: a filter, add and remove buttons, the table, and the reason a value was refused."""

    def __init__(self, document, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document, self.kind = document, kind
        self.model = PeopleModel(document, kind, self)
        self.proxy = PeopleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(placeholderText=self.tr("Find…"), clearButtonEnabled=True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QToolButton(text=self.tr("Add"), toolTip=self.tr("Add a row below the current one"))
        self.remove_button = QToolButton(text=self.tr("Remove"), toolTip=self.tr("Remove the selected rows"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_rows)
        self.import_button = QToolButton(text=self.tr("Import…"),
                                         toolTip=self.tr("Bring participants in from an Excel or CSV roster"))
        self.import_button.setVisible(kind == "participants")
        self.headcount_button = QToolButton(text=self.tr("Headcounts from roster"),
                                            toolTip=self.tr("Set each group's headcount to its number of participants"))
        self.headcount_button.setVisible(kind == "participants")
        self.headcount_button.clicked.connect(self.headcounts_from_roster)
        self.fill_button = QToolButton(text=self.tr("Fill from roster"),
                                       toolTip=self.tr("Give every hotel night without rooms the rooms in the "
                                                       "participants' Room column"))
        self.fill_button.setVisible(kind == "rooms")
        self.fill_button.clicked.connect(self.rooms_from_roster)
        self.count_label = QLabel()
        self.error_label = QLabel(wordWrap=True, styleSheet="color: #c0392b;",
                                  textFormat=Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.model.editFailed.connect(self.show_error)
        self.view = list_view(self.proxy, QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        for c in range(header.count()):  # no title cut ("Unit and position"); wider columns stay wider
            header.resizeSection(c, max(header.sectionSize(c), header.sectionSizeHint(c)))
        self.delegate = ChoiceDelegate(self.view)
        for c, col in enumerate(self.model.columns):
            if col.kind == CHOICE:
                self.view.setItemDelegateForColumn(c, self.delegate)
        self.view.installEventFilter(self)  # Delete removes the selected rows
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addWidget(self.import_button)
        top.addWidget(self.headcount_button)
        top.addWidget(self.fill_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)
        for signal in (self.model.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self._update_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete, Copy and Paste on the table (not while a cell is being typed in)."""
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and self.view.state() != QAbstractItemView.State.EditingState:
            for key, action in ((QKeySequence.StandardKey.Delete, self.remove_rows),
                                (QKeySequence.StandardKey.Copy, self.copy_rows),
                                (QKeySequence.StandardKey.Paste, self.paste)):
                if event.matches(key):
                    action()
                    return True
        return super().eventFilter(watched, event)

    def copy_rows(self) -> None:
        rows = self.selected_rows()
        if rows:
            QApplication.clipboard().setText(rows_text(self.model, rows))

    def paste(self, text: str | None = None) -> None:
        """Fill cells from the current one with a block copied from a spreadsheet (one undo step)."""
        current = self.proxy.mapToSource(self.view.currentIndex())
        row, column = (current.row(), current.column()) if current.isValid() else (self.model.rowCount(), 0)
        errors = paste(self, QApplication.clipboard().text() if text is None else text, row, column)
        more = self.tr(" … and %1 more").replace("%1", str(len(errors) - 3)) if len(errors) > 3 else ""
        self.show_error("\n".join(errors[:3]) + more)

    def _update_count(self, *_: Any) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(self.tr("%1 rows").replace("%1", str(total)) if shown == total else
                                 self.tr("%1 of %2 rows").replace("%1", str(shown)).replace("%2", str(total)))
        self.remove_button.setEnabled(total > 0)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def selected_rows(self) -> list[int]:
        return sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})

    def new_record(self, tour: Tour | None = None) -> Any | None:
        """A blank row for this list in `tour` (the open one by default), or None with the reason shown."""
        tour = tour or self.document.tour
        people = tour.people
        first_group = tour.groups[0].id if tour.groups else None
        if self.kind == "participants":
            return Participant(id=new_person_id(people, "p"), name=self.tr("New participant"), group=first_group)
        if self.kind == "staff":
            return StaffMember(id=new_person_id(people, "s"), role=StaffRole.LEADER, name=self.tr("New staff member"))
        if self.kind == "emergency":
            return EmergencyContact(name=self.tr("New contact"))
        if first_group is None:
            self.show_error(self.tr("Add a group in the tour settings first."))
            return None
        if self.kind == "vehicles":
            return Vehicle(id=new_person_id(people, "v"), group=first_group)
        if self.kind == "nights":
            taken = {(n.group, n.date) for n in people.nights}
            free = next(((g.id, d) for g in tour.groups for d in tour.dates()[:-1] or tour.dates()
                         if (g.id, d) not in taken), None)
            if free is None:
                self.show_error(self.tr("Every night of every group already has a row."))
                return None
            return HotelNight(group=free[0], date=free[1])
        numbers = [int(r.number) for r in people.rooms if r.number.isdigit()]
        return Room(group=first_group, date=tour.start_date, number=str(max(numbers, default=0) + 1))

    def add_row(self) -> None:
        record = self.new_record()
        if record is None:
            return
        rows = self.selected_rows()
        at = rows[-1] + 1 if rows else self.model.rowCount()
        try:
            command = InsertPeople(self.document.tour, self.kind, at, [record], self.tr("Add row"))
        except EditError as e:
            self.show_error(str(e))
            return
        self.show_error("")
        self.search.clear()  # the new row must be visible
        self.document.push(command)
        index = self.proxy.mapFromSource(self.model.index(command.index, 0))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def headcounts_from_roster(self) -> None:
        tour = self.document.tour
        counts = roster_counts(tour)
        if all(g.headcount == counts[g.id] for g in tour.groups):
            return
        self.document.push(SetHeadcounts(tour, counts, self.tr("Headcounts from roster")))

    def rooms_from_roster(self) -> None:
        tour = self.document.tour
        people = rooms_from_roster(tour)
        if len(people.rooms) == len(tour.people.rooms):
            self.show_error(self.tr("Nothing to fill: every hotel night has rooms, or no participant has a room."))
            return
        self.show_error("")
        self.document.push(ReplacePeople(tour, people, self.tr("Fill rooms from roster")))

    def remove_rows(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        text = self.tr("Remove %1 rows").replace("%1", str(len(rows)))
        self.document.push(RemovePeople(self.document.tour, self.kind, rows, text))
        self.show_error("")


PROBLEM_TABS = {"roster-headcount": ("participants", "group"), "vehicle-seats": ("vehicles", "group"),
                "person-in-two-groups": ("participants", "name"), "room-over-beds": ("rooms", "room"),
                "participant-no-group": ("participants", ""), "person-two-rooms": ("rooms", "name")}


class PeopleDock(QDockWidget):
    KINDS = ("participants", "staff", "vehicles", "nights", "rooms", "emergency")

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("peopleDock")
        self.setWindowTitle(self.tr("Roster"))
        self.document = document
        self.tabs = QTabWidget(self)
        self.pages: dict[str, PeopleTab] = {}
        titles = {"participants": self.tr("Participants"), "staff": self.tr("Staff"),
                  "vehicles": self.tr("Vehicles"), "nights": self.tr("Hotels"), "rooms": self.tr("Rooms"),
                  "emergency": self.tr("Emergency")}
        for kind in self.KINDS:
            self.pages[kind] = PeopleTab(document, kind, self.tabs)
            self.tabs.addTab(self.pages[kind], titles[kind])
        self.setWidget(self.tabs)
        self.dialog: RosterImportDialog | None = None
        self.pages["participants"].import_button.clicked.connect(lambda: self.choose_roster_file())

    def show_problem(self, problem: Problem) -> None:
        """A people problem picked in the problems list: show the table and the rows it is about."""
        target = PROBLEM_TABS.get(problem.code)
        if target is None:
            return
        kind, key = target
        values = problem.values(lang())
        page = self.pages[kind]
        self.show()
        self.raise_()
        self.tabs.setCurrentWidget(page)
        if problem.code == "room-over-beds":
            page.search.setText(str(values["room"]))
        elif problem.code == "participant-no-group":
            page.search.setText("—")  # how a participant without a group shows
        else:
            page.search.setText(str(values[key]))

    def page(self, kind: str) -> PeopleTab:
        return self.pages[kind]

    def add_import_action(self, file_menu: QMenu) -> None:
        """File › 导入名单…, beside 导入教学点 above Quit."""
        self.import_action = QAction(self.tr("Import &roster…"), file_menu,
                                     triggered=lambda: self.choose_roster_file())
        self.import_action.setToolTip(self.tr("Bring participants in from an Excel or CSV roster"))
        separators = [a for a in file_menu.actions() if a.isSeparator()]
        file_menu.insertAction(separators[-1] if separators else None, self.import_action)

    def choose_roster_file(self) -> QFileDialog:
        """Ask for a sheet without blocking (the folder is the one the site import last used)."""
        return choose_sheet(self, self.tr("Import roster"), QSettings(), self.import_roster)

    def import_roster(self, path: Path) -> RosterImportDialog:
        """The import dialog for `path`, window-modal."""
        from ui.people.roster_import_dialog import RosterImportDialog  # the sheet readers load on demand

        QSettings().setValue(LAST_FOLDER, str(path.parent))
        self.dialog = RosterImportDialog(self.document, path, parent=self.window() or self)
        self.dialog.open()
        return self.dialog


def install_people_dock(window: QMainWindow) -> PeopleDock:
    """Dock the roster as a tab behind the problems list (a saved layout, restored later, wins) and offer it
    in the menus."""
    dock = PeopleDock(window.document, window)
    problems = getattr(window, "problems_dock", None)
    if problems is None:
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    else:
        # straight into the problems' tabs: added first and then tabified, Qt keeps a second tab bar that
        # stays drawn over the catalogue once the window is resized
        window.tabifyDockWidget(problems, dock)
        problems.raise_()
        problems.problemSelected.connect(dock.show_problem)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    if menus:
        dock.add_import_action(menus[0])
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and problems is not None and problems.toggleViewAction() in menu.actions():
            menu.insertAction(problems.toggleViewAction(), dock.toggleViewAction())
            break
    return dock
