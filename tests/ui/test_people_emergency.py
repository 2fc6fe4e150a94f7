"""Emergency contacts (紧急联系) are a 名单 tab: added and edited with undo, printed in the handbook."""

from PySide6.QtCore import Qt

from planner.render.handbook import HandbookOptions, handbook_html
from planner.schedule.scheduler import schedule
from ui.document import TourDocument
from ui.people.people_dock import PeopleDock


def test_an_emergency_contact_typed_in_the_window_reaches_the_participant_handbook(qtbot, qapp, small_tour, english):
    document = TourDocument(small_tour)
    dock = PeopleDock(document)
    qtbot.addWidget(dock)
    dock.show()
    tab = dock.page("emergency")
    assert dock.tabs.tabText(dock.tabs.indexOf(tab)) == "Emergency"
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    fields = [c.field for c in tab.model.columns]
    assert tab.model.setData(tab.model.index(0, fields.index("name")), "湖南省人民医院急诊")
    assert tab.model.setData(tab.model.index(0, fields.index("phone")), "0731-83929120")
    assert not tab.model.setData(tab.model.index(0, fields.index("phone")), "打120")  # refused, named
    assert "Phone" in tab.error_label.text()
    contact = document.tour.people.emergency[0]
    assert (contact.name, contact.phone) == ("湖南省人民医院急诊", "0731-83929120")
    html = handbook_html(schedule(document.tour), HandbookOptions(edition="participant"))
    assert "工作人员及紧急联系" in html and "0731-83929120" in html
    for _ in range(3):
        document.undo_stack.undo()
    assert document.tour.people.emergency == []
