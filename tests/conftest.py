"""Root test configuration: Qt runs offscreen everywhere, so no test needs a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QtWebEngine (Chromium) refuses to run as root with its sandbox, and there is no GPU here.
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# The solver's search is bounded by work; its clock only stops a run at twice its limit. On a busy test
# machine that stop can cut a search short, and "the same seed gives the same plan" would fail by load.
os.environ.setdefault("STUDY_TOUR_SOLVER_SAFETY", "30")
