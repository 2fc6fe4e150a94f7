"""What the window imports at start-up: each heavy library only when something needs it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_does_not_load_pandas_to_show_its_map():
    """The map dock imports the map page at start-up: pandas (a third of a second) must not come with it."""
    probe = "import sys\nimport ui.panels.map_dock\nprint('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
