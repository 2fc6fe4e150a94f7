"""A local fake of Baidu's geocoding v3 and Nominatim's search, for geopy to talk to in tests.

Nominatim is reached through geopy's `domain=`; BaiduV3 has no such option, so it is reached the
way an office network would: geopy's `proxies=` pointing at the fake, which answers for the host.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from planner.geo.online import Services

# 天安门 in BD-09 as Baidu would answer; its WGS-84 is about 39.9087, 116.3975.
BAIDU = {"天安门": {"status": 0, "result": {"location": {"lng": 116.4102, "lat": 39.9163}, "precise": 1,
                                          "confidence": 80, "comprehension": 100, "level": "旅游景点"}},
         "浙江省嘉兴市海宁市": {"status": 0, "result": {"location": {"lng": 120.69, "lat": 30.52}, "precise": 0,
                                                   "confidence": 20, "comprehension": 100, "level": "区县"}},
         "浙江省嘉兴市海宁市远方": {"status": 0, "result": {"location": {"lng": 113.0, "lat": 28.2},
                                                       "precise": 1, "level": "门址"}},
         "浙江省海宁市海昌街道皮革城": {"status": 0, "result": {"location": {"lng": 120.6903, "lat": 30.5301},
                                                      "precise": 1, "level": "门址"}},
         "配额": {"status": 302, "message": "天配额超限，限制访问"},
         "没有": {"status": 0, "result": []}}
OSM = {"长沙市岳麓区麓山南路932号": [{"lat": "28.1750", "lon": "112.9380", "display_name": "中南大学, 岳麓区",
                                   "class": "amenity", "type": "university", "addresstype": "amenity"}]}


class FakeMaps(BaseHTTPRequestHandler):
    log: list[tuple[str, str]] = []
    params: list[dict[str, list[str]]] = []  # every request's query parameters (the AK, countrycodes …)
    delay: float = 0.0        # seconds before answering (a slow network)

    def do_GET(self):  # noqa: N802  (http.server's name)
        url = urlsplit(self.path)
        q = parse_qs(url.query)
        FakeMaps.params.append(q)
        time.sleep(FakeMaps.delay)
        if url.path.startswith("/geocoding/v3"):
            FakeMaps.log.append(("baidu", q["address"][0]))
            body = BAIDU.get(q["address"][0], {"status": 0, "result": []})
        elif url.path.startswith("/search"):
            FakeMaps.log.append(("nominatim", q["q"][0]))
            body = OSM.get(q["q"][0], [])
        else:
            self.send_error(404)
            return
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def maps():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeMaps)
    server.daemon_threads = False  # closing waits for slow answers: none lands in the next test's log
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    FakeMaps.log, FakeMaps.params, FakeMaps.delay = [], [], 0.0
    host = f"127.0.0.1:{server.server_address[1]}"
    yield Services(scheme="http", nominatim_domain=host, proxies={"http": f"http://{host}"},
                   nominatim_delay=0, baidu_delay=0, error_wait=0, timeout=5)
    server.shutdown()
    server.server_close()
