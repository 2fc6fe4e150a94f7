"""planner/ must never pull in Qt: the CLI and scripts use it on machines without a display."""

import subprocess
import sys


def test_importing_every_planner_module_and_checking_loads_no_qt():
    code = (
        "import pkgutil, sys, planner\n"
        "for m in pkgutil.walk_packages(planner.__path__, 'planner.'):\n"
        "    __import__(m.name)\n"
        "import ui.cli\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
