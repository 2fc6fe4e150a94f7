"""The worker that puts the catalogue file and the recovery copy on disk: one write at a time, in order,
each outcome delivered once on the GUI thread (or at once by wait())."""

import threading

from ui.background_write import BackgroundWrite


def test_outcomes_arrive_once_each_on_the_gui_thread_and_in_order(qtbot, tmp_path):
    writer = BackgroundWrite()
    got = []
    writer.finished.connect(lambda error: got.append((error, threading.current_thread() is threading.main_thread())))
    order = []
    writer.start(lambda: order.append(1))
    writer.start(lambda: (order.append(2), 1 / 0))  # waits for the first
    qtbot.waitUntil(lambda: len(got) == 2, timeout=1000)
    qtbot.wait(50)  # a late signal must not deliver anything twice
    assert order == [1, 2] and len(got) == 2
    assert got[0] == (None, True)
    assert isinstance(got[1][0], ZeroDivisionError) and got[1][1]
    assert not writer.busy


def test_wait_delivers_at_once(qtbot):
    writer = BackgroundWrite()
    got = []
    writer.finished.connect(got.append)
    writer.start(lambda: None)
    writer.wait()
    assert got == [None] and not writer.busy
    qtbot.wait(50)
    assert got == [None]
