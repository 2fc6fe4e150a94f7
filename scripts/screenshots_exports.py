"""README pictures of the exports: a host notice page, a daily sheet page and a WeChat image (hunan seed).

Run: .venv/bin/python scripts/screenshots_exports.py  (headless; writes resources/screenshots/export-*.png)
The seed has no leaders yet; the script gives each group a made-up one so the pages show where they go.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from planner.io.fileformat import load_tour  # noqa: E402
from planner.schedule.scheduler import schedule  # noqa: E402

OUT = ROOT / "resources" / "screenshots"
PRINTED = dt.date(2025, 2, 20)


def page_png(pdf: Path, page: int, name: str) -> None:
    stem = OUT / name
    subprocess.run(["pdftoppm", "-r", "80", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                    str(stem)], check=True)


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(["screenshots"])
    from ui.exports.documents_pdf import export_daily, export_notices
    from ui.exports.share_image import card_image, png_bytes

    tour = load_tour(ROOT / "seeds" / "hunan-2025.tour.json")
    for i, g in enumerate(tour.groups, 1):
        g.leader, g.contact = ("王晓东", "李敏", "陈志强")[i - 1], f"139 0000 00{i:02d}"
    s = schedule(tour)
    with tempfile.TemporaryDirectory() as tmp:
        notices, daily = Path(tmp) / "n.pdf", Path(tmp) / "d.pdf"
        export_notices(s, notices, ["zju-zijingang"], PRINTED)
        page_png(notices, 1, "export-host-notice")
        export_daily(s, daily, ["g1"], "staff", PRINTED)
        page_png(daily, 2, "export-daily-sheet")
    image = card_image(s, tour.group("g1"), dt.date(2025, 2, 24), "staff")
    (OUT / "export-wechat-day.png").write_bytes(png_bytes(image.scaledToWidth(540, Qt.TransformationMode.SmoothTransformation)))
    del app


if __name__ == "__main__":
    main()
