"""README pictures of the exports: a host notice page, a daily sheet page and a WeChat image (hunan seed).

Run: .venv/bin/python scripts/screenshots_exports.py  (headless; writes resources/screenshots/export-*.png)
The seed has no roster; the script gives it a made-up one so the pages show leaders, coaches and phones.
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


def staffed(tour):
    """The seed with a made-up roster (tests/people_builders.py): 100 participants, a leader and a coach per
    group, a medic, emergency numbers and one day's tips — what a tour has by the time it is printed."""
    from planner.model.day_tips import DayTips
    from planner.model.people import EmergencyContact, People, StaffMember, Vehicle
    from tests.people_builders import roster

    people = People.model_validate({"participants": roster(100, tuple(g.id for g in tour.groups))})
    people.staff.append(StaffMember(id="s0", role="medic", name="谭医生", phone="138 7411 0002", phone_shared=True))
    for i, g in enumerate(tour.groups, 1):
        people.staff.append(StaffMember(id=f"s{i}", role="leader", name=("王晓东", "李敏", "陈志强")[i - 1],
                                        phone=f"139 0000 00{i:02d}", group=g.id, phone_shared=True))
        people.vehicles.append(Vehicle(id=f"v{i}", group=g.id, plate=f"湘A·8{i}88{i}", seats=39,
                                       driver=("孙师傅", "钱师傅", "李师傅")[i - 1], driver_phone=f"136 0731 000{i}"))
    people.emergency = [EmergencyContact(name="湖南省人民医院急诊", phone="0731-83929120"),
                        EmergencyContact(name="主办方值班电话", phone="0731-82218888")]
    tour.people = people
    tour.groups[0].days[1].tips = DayTips(meet_time="07:30", meet_at="酒店大堂", dress="正装，佩戴学员证",
                                          bring="笔记本、雨伞")
    return tour


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(["screenshots"])
    from ui.exports.documents_pdf import export_daily, export_notices
    from ui.exports.share_image import card_image, png_bytes

    s = schedule(staffed(load_tour(ROOT / "seeds" / "hunan-2025.tour.json")))
    tour = s.tour
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
