"""Which map services the app's locating talks to in a test, with a geocode cache of the test's own."""

from __future__ import annotations

import ui.geo.geo_settings as geo_settings
from planner.geo.online import Services
from ui.geo.geo_settings import KEY_SETTING, ONLINE_SETTING

# nothing listens on port 9: every request fails at once, as with no network
UNREACHABLE = Services(scheme="http", nominatim_domain="127.0.0.1:9", proxies={"http": "http://127.0.0.1:9"},
                       error_wait=0, baidu_delay=0, nominatim_delay=0, timeout=2)


def use_services(monkeypatch, tmp_path, services: Services = UNREACHABLE, settings=None, key: str | None = None):
    """Given `settings`, online locating is allowed there (with `key`: the user's Baidu key)."""
    monkeypatch.setattr(geo_settings, "SERVICES", services)
    monkeypatch.setattr(geo_settings, "cache_path", lambda: tmp_path / "geocache.json")
    if settings is not None:
        settings.setValue(ONLINE_SETTING, True)
        if key is not None:
            settings.setValue(KEY_SETTING, key)
