"""A catalogue edit returns at once; the user's catalogue file follows within half a second (a burst of edits
is one write, off the GUI thread), closing never loses it, and a failing write is said once."""

import json
import os
from pathlib import Path

from planner.io.fileformat import load_catalogue
from planner.io.versions import list_versions
from planner.model.site import Site
from tests.ui.app_start import close, data_dir  # noqa: F401 (a fixture)
from tests.ui.noise import ignore_webengine_noise
from ui.app import create_window
from ui.catalogue.catalogue_commands import AddCatalogueSite

pytestmark = ignore_webengine_noise


def site(n: int) -> Site:
    return Site(id=f"mine-{n}", name=f"我的点{n}", kind="enterprise", lat=30.0, lon=120.0)


def ids(path: Path) -> set[str]:
    return {s["id"] for s in json.loads(path.read_text(encoding="utf-8"))["sites"]}


def test_a_burst_of_edits_is_one_write_within_half_a_second(data_dir, qtbot):
    window = create_window([])
    try:
        doc, path = window.document, window.document.catalogue_path
        doc.flush_catalogue()
        before = path.read_bytes() if path.exists() else None
        for n in range(3):
            doc.push(AddCatalogueSite(doc, site(n)))
        assert (path.read_bytes() if path.exists() else None) == before  # the edits did not wait for the disk
        qtbot.waitUntil(lambda: {"mine-0", "mine-1", "mine-2"} <= ids(path), timeout=500)  # the promise
        doc.flush_catalogue()
        assert len(list_versions(path)) <= 1  # one write for the burst (one version of what was there)
        assert load_catalogue(path) == doc.catalogue
    finally:
        close(window)


def test_closing_right_after_an_edit_writes_it(data_dir, qtbot):
    window = create_window([])
    doc, path = window.document, window.document.catalogue_path
    doc.push(AddCatalogueSite(doc, site(7)))
    close(window)
    assert "mine-7" in ids(path)


def test_a_failing_write_is_said_once_and_again_after_it_worked(data_dir, qtbot):
    window = create_window([])
    said = []
    try:
        doc, path = window.document, window.document.catalogue_path
        doc.failed.disconnect(window.errors.report)  # the error boundary's box would block the test
        doc.failed.connect(lambda what, error: said.append((what, error)))
        doc.push(AddCatalogueSite(doc, site(1)))
        doc.flush_catalogue()
        os.chmod(path, 0o444)  # the organizer protected the file: refused, never silently replaced
        kept = path.read_bytes()
        for n in (2, 3):
            doc.push(AddCatalogueSite(doc, site(n)))
            qtbot.waitUntil(lambda: not doc._catalogue_timer.isActive(), timeout=1000)
            doc.flush_catalogue()
        assert len(said) == 1 and str(path) in said[0][0] and path.read_bytes() == kept
        os.chmod(path, 0o644)
        doc.push(AddCatalogueSite(doc, site(4)))
        doc.flush_catalogue()
        assert {"mine-3", "mine-4"} <= ids(path) and len(said) == 1
        os.chmod(path, 0o444)
        doc.push(AddCatalogueSite(doc, site(5)))
        doc.flush_catalogue()
        assert len(said) == 2  # a new failure after a good write is said again
    finally:
        os.chmod(path, 0o644)
        close(window)
