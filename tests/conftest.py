"""Root test configuration: Qt runs offscreen everywhere, so no test needs a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QtWebEngine (Chromium) refuses to run as root with its sandbox, and there is no GPU here.
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
