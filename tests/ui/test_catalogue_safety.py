"""The organizer's own catalogue at start-up: a damaged one is kept aside (never silently replaced), own sites
survive catalogue edits in the file and its versions, odd files do not stop the app, stale temps are swept."""

import json
import os
import time
from pathlib import Path

import pytest

from planner.io.fileformat import load_catalogue
from planner.io.versions import list_versions
from planner.model.site import Site
from tests.ui.app_start import close, data_dir  # noqa: F401 (a fixture)
from tests.ui.noise import ignore_webengine_noise
from ui.app import BUNDLED_CATALOGUE, create_window
from ui.catalogue.catalogue_commands import AddCatalogueSite, EditCatalogueSite
from ui.file_actions import FileActions

pytestmark = ignore_webengine_noise
MINE = {"id": "my-own-farm", "name": "我自己找的合作社", "kind": "village", "lat": 29.1, "lon": 119.6}


@pytest.fixture
def notices(monkeypatch):
    said = []
    monkeypatch.setattr(FileActions, "show_error", lambda self, title, text: said.append(text))
    return said


def start(argv=()):
    return create_window(list(argv))


def catalogue_with(*sites, **changes):
    doc = json.loads(BUNDLED_CATALOGUE.read_text(encoding="utf-8"))
    doc["sites"] = doc["sites"][:3] + list(sites)
    doc.update(changes)
    return json.dumps(doc, ensure_ascii=False, indent=1)


def site_ids(path):
    return {s["id"] for s in json.loads(Path(path).read_text(encoding="utf-8"))["sites"]}


def test_a_damaged_catalogue_is_kept_aside_said_once_and_survives_two_catalogue_edits(data_dir, notices, qtbot):
    damaged = catalogue_with({**MINE, "max_groups": "two"})  # one bad field
    (data_dir / "catalogue.sites.json").write_text(damaged, encoding="utf-8")
    window = start()
    try:
        aside = list(data_dir.glob("catalogue.damaged-*.sites.json"))
        assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == damaged
        assert len(notices) == 1 and str(aside[0]) in notices[0] and "max_groups" in notices[0]
        assert window.document.catalogue == load_catalogue(BUNDLED_CATALOGUE)
        doc = window.document
        doc.push(AddCatalogueSite(doc, Site(id="new-one", name="新点", kind="enterprise", lat=30.0, lon=120.0)))
        doc.push(AddCatalogueSite(doc, Site(id="new-two", name="新点二", kind="enterprise", lat=30.0, lon=120.0)))
        assert "my-own-farm" in aside[0].read_text(encoding="utf-8")  # the organizer's own site is still there
    finally:
        close(window)
    window = start()  # the next start: the catalogue is fine now, nothing more to say
    try:
        assert len(notices) == 1 and window.document.catalogue.get("new-two") is not None
    finally:
        close(window)


def _minutes(path, site_id):
    sites = json.loads(Path(path).read_text(encoding="utf-8"))["sites"]
    return next(s.get("visit_minutes") for s in sites if s["id"] == site_id)


def test_own_sites_stay_in_the_file_and_its_versions_after_catalogue_edits(data_dir, notices, qtbot):
    path = data_dir / "catalogue.sites.json"
    path.write_text(catalogue_with(MINE), encoding="utf-8")
    window = start()
    try:
        doc = window.document
        edited = doc.catalogue.get("my-own-farm").model_copy(update={"visit_minutes": 45})
        doc.push(EditCatalogueSite(doc, edited))
        qtbot.waitUntil(lambda: _minutes(path, "my-own-farm") == 45, timeout=500)  # written within half a second
        doc.push(AddCatalogueSite(doc, Site(id="new-one", name="新点", kind="enterprise", lat=30.0, lon=120.0)))
        qtbot.waitUntil(lambda: "new-one" in site_ids(path), timeout=500)
        doc.flush_catalogue()
        assert {"my-own-farm", "new-one"} <= site_ids(path)
        assert all("my-own-farm" in site_ids(v.path) for v in list_versions(path))
        assert len(list_versions(path)) == 2 and notices == []
    finally:
        close(window)


def test_a_catalogue_with_spreadsheet_style_times_does_not_stop_the_app(data_dir, notices, qtbot):
    odd = {**MINE, "hours": [{"start": 0.35, "end": 0.7}]}  # 08:24–16:48 as a spreadsheet stores it
    (data_dir / "catalogue.sites.json").write_text(catalogue_with(odd), encoding="utf-8")
    window = start()
    try:
        site = window.document.catalogue.get("my-own-farm")
        if site is None:  # refused: then kept aside and said
            assert notices and list(data_dir.glob("catalogue.damaged-*.sites.json"))
        else:  # taken: then as the times it means
            assert [(h.start.hour, h.start.minute) for h in site.hours] == [(8, 24)]
        assert window.board_model.rowCount() >= 1
    finally:
        close(window)


def test_stale_temp_files_are_swept_at_start_up_in_the_data_and_tour_folders(data_dir, notices, tmp_path, qtbot):
    from planner.io.fileformat import save_tour
    from ui.document import blank_tour

    tour = tmp_path / "trip.tour.json"
    save_tour(blank_tour(), tour)
    stale = [data_dir / ".catalogue.sites.json.abcd1234.tmp", tmp_path / ".trip.tour.json.wxyz5678.tmp"]
    for path in stale:
        path.write_bytes(b"half a save")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    window = start([str(tour)])
    try:
        assert window.document.path == tour
        assert not any(p.exists() for p in stale)
    finally:
        close(window)
