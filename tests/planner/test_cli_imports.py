"""`study-tour export-map` starts fast: it does not import what it does not use (Qt, pandas through folium
or cpca, geopy, spreadsheets, the solver) — each is a tenth of a second or more of the command's start."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6", "pandas", "cpca", "geopy", "openpyxl", "ortools")

PROBE = """import json, sys
from ui.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": [m for m in %r if m in sys.modules]}))
""" % (HEAVY,)


def test_export_map_imports_nothing_heavy_it_does_not_use(tmp_path):
    out = tmp_path / "map.html"
    done = subprocess.run([sys.executable, "-c", PROBE, "export-map", str(ROOT / "seeds" / "hunan-2025.tour.json"),
                           "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, 1) and out.stat().st_size > 10_000  # the map was written
    assert result["loaded"] == []


def test_the_map_page_does_not_need_pandas_and_pandas_still_works_after():
    probe = ("import sys\nimport planner.render.map_html\n"
             "assert 'folium' in sys.modules and 'pandas' not in sys.modules\n"
             "import pandas\nprint(pandas.DataFrame({'a': [1]}).shape)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(1, 1)"
