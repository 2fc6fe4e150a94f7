"""The 名单 dock: tables over the tour's people, edited with undo, sorted, filtered; the model tester passes."""

import pytest
from PySide6.QtCore import Qt

from planner.model.people import HotelNight
from planner.model.tour import Tour
from tests.people_builders import roster
from ui.people.people_dock import PeopleDock


@pytest.fixture
def people_document(qapp, small_tour):
    from ui.document import TourDocument

    data = small_tour.model_dump()
    data["people"] = {
        "participants": roster(20),
        "staff": [{"id": "s1", "role": "leader", "name": "钱领队", "group": "g1", "phone": "13900001111"}],
        "vehicles": [{"id": "v1", "group": "g1", "plate": "浙A12345", "seats": 53}],
        "rooms": [{"group": "g1", "date": "2025-02-24", "number": "801", "beds": 2, "occupants": ["p1", "p3"]}]}
    return TourDocument(Tour.model_validate(data))


@pytest.fixture
def dock(qtbot, people_document):
    dock = PeopleDock(people_document)
    qtbot.addWidget(dock)
    dock.show()
    return dock


def cell(tab, row, field):
    column = [c.field for c in tab.model.columns].index(field)
    return tab.model.index(row, column)


@pytest.mark.parametrize("kind", PeopleDock.KINDS)
def test_every_table_passes_the_model_tester(qtmodeltester, dock, kind):
    qtmodeltester.check(dock.page(kind).model)
    qtmodeltester.check(dock.page(kind).proxy)


def test_editing_a_cell_changes_the_tour_and_undo_restores_it(dock, people_document):
    tab = dock.page("participants")
    old = people_document.tour.people.participants[0].phone
    assert tab.model.setData(cell(tab, 0, "phone"), "0571-8888 0000")
    assert people_document.tour.people.participants[0].phone == "0571-8888 0000"
    assert cell(tab, 0, "phone").data() == "0571-8888 0000"
    people_document.undo_stack.undo()
    assert people_document.tour.people.participants[0].phone == old
    assert cell(tab, 0, "phone").data() == old


def test_a_refused_value_names_row_and_column_and_is_not_undoable(dock, people_document):
    tab = dock.page("participants")
    assert not tab.model.setData(cell(tab, 2, "phone"), "打不通")
    assert "Row 3" in tab.error_label.text() and "Phone" in tab.error_label.text()
    assert tab.error_label.isVisible()
    assert people_document.undo_stack.count() == 0


def test_group_column_is_chosen_from_the_tour_groups_and_shows_names(dock, people_document):
    tab = dock.page("participants")
    index = cell(tab, 0, "group")
    assert index.data() == "第一组"
    assert [label for _, label in tab.model.choices(index.column())] == ["—", "第一组", "第二组"]
    assert tab.model.setData(index, "g2")
    assert people_document.tour.people.participants[0].group == "g2"


def test_the_shared_phone_checkbox(dock, people_document):
    tab = dock.page("staff")
    index = cell(tab, 0, "phone_shared")
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert tab.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert people_document.tour.people.staff[0].phone_shared is True


def test_room_occupants_are_typed_as_names(dock, people_document):
    tab = dock.page("rooms")
    names = [p.name for p in people_document.tour.people.participants]
    assert cell(tab, 0, "occupants").data() == f"{names[0]}、{names[2]}"
    assert tab.model.setData(cell(tab, 0, "occupants"), f"{names[0]} 钱领队")
    assert people_document.tour.people.rooms[0].occupants == ["p1", "s1"]
    assert not tab.model.setData(cell(tab, 0, "occupants"), "无此人")
    assert "无此人" in tab.error_label.text()


def test_add_and_remove_rows_with_the_buttons_and_undo(qtbot, dock, people_document):
    tab = dock.page("participants")
    tab.view.selectRow(4)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    people = people_document.tour.people.participants
    assert len(people) == 21 and people[5].id == "p21"
    assert tab.count_label.text() == "21 rows"
    tab.view.clearSelection()
    for row in (0, 1, 2):
        tab.view.selectionModel().select(tab.proxy.index(row, 0), tab.view.selectionModel().SelectionFlag.Select
                                         | tab.view.selectionModel().SelectionFlag.Rows)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert [p.id for p in people_document.tour.people.participants][:2] == ["p4", "p5"]
    assert people_document.tour.people.rooms[0].occupants == []  # p1 and p3 left their room
    people_document.undo_stack.undo()
    assert [p.id for p in people_document.tour.people.participants][:3] == ["p1", "p2", "p3"]
    assert people_document.tour.people.rooms[0].occupants == ["p1", "p3"]
    people_document.undo_stack.undo()
    assert len(people_document.tour.people.participants) == 20


def test_filter_and_sort(dock, people_document):
    tab = dock.page("participants")
    target = people_document.tour.people.participants[7].name
    tab.search.setText(target)
    assert tab.proxy.rowCount() == 1 and tab.proxy.index(0, 0).data() == target
    assert "1 of 20" in tab.count_label.text()
    tab.search.clear()
    seat = [c.field for c in tab.model.columns].index("seat")
    tab.view.sortByColumn(seat, Qt.SortOrder.DescendingOrder)
    shown = [tab.proxy.index(r, seat).data() for r in range(tab.proxy.rowCount())]
    assert shown[:3] == ["10", "10", "9"] and shown[-1] == "1"  # as numbers, not as text


def test_the_hotel_column_comes_from_the_days_end_site(qtbot, people_document):
    tour = people_document.tour
    tour.groups[0].days[0].end = "hall"
    tour.people.nights.append(HotelNight(group="g1", date=tour.groups[0].days[0].date, notes="14:00 后入住"))
    dock = PeopleDock(people_document)
    qtbot.addWidget(dock)
    tab = dock.page("nights")
    assert cell(tab, 0, "hotel").data() == "展厅"
    assert not tab.model.flags(cell(tab, 0, "hotel")) & Qt.ItemFlag.ItemIsEditable


def test_a_hostile_name_shows_as_typed(dock, people_document):
    tab = dock.page("participants")
    assert tab.model.setData(cell(tab, 0, "name"), "<b>x</b>")
    assert cell(tab, 0, "name").data() == "<b>x</b>"


def test_the_window_offers_the_dock_and_its_checks_reach_the_problems_list(window):
    dock = window.people_dock
    view_actions = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    assert dock.toggleViewAction() in view_actions
    tab = dock.page("participants")
    assert tab.model.rowCount() == 0
    tab.add_row()
    assert [p.name for p in window.document.tour.people.participants] == ["New participant"]
    assert "roster-headcount" in [p.code for p in window.document.schedule.problems]
    problem = next(p for p in window.document.schedule.problems if p.code == "roster-headcount")
    window.problems_dock.problemSelected.emit(problem)
    assert dock.isVisible() and tab.search.text() == "第一组"
    window.document.undo_stack.undo()
    assert "roster-headcount" not in [p.code for p in window.document.schedule.problems]


def test_picking_a_people_problem_shows_its_rows_in_the_roster(dock, people_document):
    people_document.tour.people.participants[0].group = None
    people_document.refresh()
    problems = {p.code: p for p in reversed(people_document.schedule.problems)}  # the first of each code
    dock.show_problem(problems["participant-no-group"])
    tab = dock.page("participants")
    assert dock.tabs.currentWidget() is tab
    assert tab.proxy.rowCount() == 1 and tab.proxy.index(0, 0).data() == people_document.tour.people.participants[0].name
    dock.show_problem(problems["roster-headcount"])
    assert tab.search.text() == "第一组" and tab.proxy.rowCount() == 9


def test_headcounts_from_roster_is_one_undo_step(qtbot, dock, people_document):
    tab = dock.page("participants")
    assert tab.headcount_button.isVisibleTo(dock) and not dock.page("staff").headcount_button.isVisibleTo(dock)
    qtbot.mouseClick(tab.headcount_button, Qt.MouseButton.LeftButton)
    assert [g.headcount for g in people_document.tour.groups] == [10, 10]
    assert "roster-headcount" not in [p.code for p in people_document.schedule.problems]
    people_document.undo_stack.undo()
    assert [g.headcount for g in people_document.tour.groups] == [30, 30]
    assert "roster-headcount" in [p.code for p in people_document.schedule.problems]


def test_fill_rooms_from_roster_is_one_undo_step(qtbot, dock, people_document):
    tab = dock.page("rooms")
    people_document.tour.people.rooms.clear()
    people_document.refresh()
    qtbot.mouseClick(tab.fill_button, Qt.MouseButton.LeftButton)
    rooms = people_document.tour.people.rooms
    expected = {(p.group, p.room) for p in people_document.tour.people.participants}
    assert {(r.group, r.number) for r in rooms} == expected and tab.model.rowCount() == len(expected)
    qtbot.mouseClick(tab.fill_button, Qt.MouseButton.LeftButton)
    assert "Nothing to fill" in tab.error_label.text() and people_document.undo_stack.count() == 1
    people_document.undo_stack.undo()
    assert people_document.tour.people.rooms == []


@pytest.mark.parametrize("kind", PeopleDock.KINDS)
def test_add_makes_a_valid_row_in_every_table_and_delete_key_removes_it(qtbot, dock, people_document, kind):
    tab = dock.page(kind)
    before = tab.model.rowCount()
    tab.view.clearSelection()
    tab.add_row()
    assert tab.model.rowCount() == before + 1
    rows = getattr(people_document.tour.people, kind)
    type(people_document.tour).model_validate(people_document.tour.model_dump())  # still a valid tour
    tab.view.setFocus()
    tab.view.selectRow(tab.proxy.mapFromSource(tab.model.index(len(rows) - 1, 0)).row())
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.model.rowCount() == before


def test_a_second_night_row_takes_the_next_free_night_and_says_when_none_is_left(dock, people_document):
    tab = dock.page("nights")
    dates = people_document.tour.dates()
    for _ in range(2 * (len(dates) - 1)):
        tab.add_row()
    nights = {(n.group, n.date) for n in people_document.tour.people.nights}
    assert len(nights) == 2 * (len(dates) - 1)
    tab.add_row()
    assert "already has a row" in tab.error_label.text()


def test_typing_in_a_cell_and_choosing_from_a_combo_edit_the_tour(qtbot, dock, people_document):
    from PySide6.QtWidgets import QComboBox, QLineEdit

    tab = dock.page("participants")
    view = tab.view
    index = tab.proxy.mapFromSource(cell(tab, 1, "unit"))
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setText("丽水市人社局 局长")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: people_document.tour.people.participants[1].unit == "丽水市人社局 局长")
    index = tab.proxy.mapFromSource(cell(tab, 1, "group"))
    view.setCurrentIndex(index)
    view.edit(index)
    box = view.indexWidget(index)
    assert isinstance(box, QComboBox) and box.currentText() == "第二组"
    box.setCurrentIndex(box.findText("第一组"))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: people_document.tour.people.participants[1].group == "g1")
    assert people_document.undo_stack.count() == 2


def tab_bars(window):
    from PySide6.QtWidgets import QTabBar

    return [([bar.tabText(i) for i in range(bar.count())], bar.geometry().getRect())
            for bar in window.findChildren(QTabBar) if bar.parent() is window and bar.isVisible()]


def test_the_roster_is_a_tab_beside_the_problems_with_one_tab_bar(qtbot, window):
    qtbot.waitUntil(lambda: window.tabifiedDockWidgets(window.people_dock) == [window.problems_dock])
    def bars():
        return [rect for texts, rect in tab_bars(window) if window.people_dock.windowTitle() in texts]

    qtbot.waitUntil(lambda: bool(bars()))
    qtbot.wait(50)
    bars = bars()
    assert len(bars) == 1, tab_bars(window)
    assert window.problems_dock.isVisible()  # the problems stay in front


def test_a_saved_layout_places_the_roster_where_the_user_left_it(qtbot, document, isolated_settings):
    from PySide6.QtCore import Qt as QtNS

    from ui.main_window import MainWindow

    first = MainWindow(document, isolated_settings, map_view_class=None)
    first.show()
    qtbot.waitUntil(lambda: bool(first.tabifiedDockWidgets(first.people_dock)))
    first.addDockWidget(QtNS.DockWidgetArea.RightDockWidgetArea, first.people_dock)
    document.undo_stack.setClean()
    first.close()
    second = MainWindow(document, isolated_settings, map_view_class=None)
    second.show()
    qtbot.waitExposed(second)
    qtbot.wait(50)
    assert second.dockWidgetArea(second.people_dock) == QtNS.DockWidgetArea.RightDockWidgetArea
    assert second.tabifiedDockWidgets(second.people_dock) == []
    second.close()


def test_names_sort_in_pinyin_order(dock, people_document):
    people_document.tour.people.participants[:6] = [
        type(people_document.tour.people.participants[0])(id=f"x{i}", name=n, group="g1")
        for i, n in enumerate(["张伟", "李娜", "王芳", "陈静", "安然", "赵强"])]
    people_document.tour.people.participants[6:] = []
    people_document.refresh()
    tab = dock.page("participants")
    tab.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [tab.proxy.index(r, 0).data() for r in range(6)] == ["安然", "陈静", "李娜", "王芳", "张伟", "赵强"]


def test_a_double_booked_person_leads_to_the_rooms_filtered_by_name(dock, people_document):
    people_document.tour.people.rooms[0].occupants = ["p1"]
    people_document.tour.people.rooms.append(
        type(people_document.tour.people.rooms[0])(group="g1", date="2025-02-24", number="802", occupants=["p1"]))
    people_document.refresh()
    problem = next(p for p in people_document.schedule.problems if p.code == "person-two-rooms")
    dock.show_problem(problem)
    tab = dock.page("rooms")
    assert dock.tabs.currentWidget() is tab and tab.proxy.rowCount() == 2


def test_pasting_a_block_from_a_spreadsheet_fills_cells_and_adds_rows_in_one_undo_step(qtbot, dock, people_document):
    tab = dock.page("participants")
    before = people_document.tour.model_copy(deep=True)
    tab.view.setCurrentIndex(tab.proxy.mapFromSource(cell(tab, 19, "name")))  # the last row
    block = "林一\t男\t衢州市经信局 处长\t13900000019\t第二组\r\n新人甲\t女\t\t13900000020\t1组\r\n新人乙\t不详\t\t打不通\t第一组\r\n"
    tab.paste(block)
    people = people_document.tour.people.participants
    assert len(people) == 22
    assert (people[19].name, people[19].gender.value, people[19].phone, people[19].group) == (
        "林一", "male", "13900000019", "g2")
    assert (people[20].name, people[20].gender.value, people[20].group) == ("新人甲", "female", "g1")
    assert people[21].name == "新人乙" and people[21].phone == ""          # its bad cells were left alone
    assert tab.error_label.text().splitlines()[0].startswith("Row 22, Gender: '不详' is not one of")
    assert tab.error_label.text().splitlines()[1].startswith("Row 22, Phone: ")
    assert people_document.undo_stack.count() == 1
    people_document.undo_stack.undo()
    assert people_document.tour == before


def test_copied_rows_paste_back_as_the_same_values(qtbot, dock, people_document):
    tab = dock.page("staff")
    tab.add_row()
    tab.view.selectRow(0)
    tab.copy_rows()
    from PySide6.QtWidgets import QApplication

    text = QApplication.clipboard().text()
    from planner.model.people import ROLE_LABELS, StaffRole
    from ui.i18n import pick

    assert text.split("\t")[:4] == [pick(ROLE_LABELS[StaffRole.LEADER]), "钱领队", "13900001111", ""]
    tab.view.setCurrentIndex(tab.proxy.index(1, 0))
    tab.paste(text)
    first, second = people_document.tour.people.staff
    assert second.model_dump(exclude={"id"}) == first.model_dump(exclude={"id"})


def test_ctrl_v_on_the_table_pastes_the_clipboard(qtbot, dock, people_document):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    tab = dock.page("vehicles")
    QApplication.clipboard().setText("第二组\t浙B00001\t45\t李师傅\t13900000088\n")
    tab.view.setCurrentIndex(tab.proxy.index(0, 0))
    qtbot.keySequence(tab.view, QKeySequence(QKeySequence.StandardKey.Paste))
    vehicle = people_document.tour.people.vehicles[0]
    assert (vehicle.group, vehicle.plate, vehicle.seats, vehicle.driver_phone) == ("g2", "浙B00001", 45, "13900000088")


def test_reset_window_layout_puts_the_roster_back_beside_the_problems(qtbot, window):
    window.people_dock.setFloating(True)
    window.arrange_docks()
    assert not window.people_dock.isFloating()
    assert window.tabifiedDockWidgets(window.people_dock) == [window.problems_dock]
