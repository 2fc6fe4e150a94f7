"""A daily sheet stays one page when the tour is fully staffed: the Hunan sample with 100 participants,
leaders, medics, drivers, three emergency numbers and all four day tips on every day."""

from pathlib import Path

from planner.io.fileformat import load_tour, save_tour
from planner.model.day_tips import DayTips
from planner.model.people import EmergencyContact, StaffMember, Vehicle
from planner.schedule.scheduler import schedule
from tests.people_builders import roster
from tests.ui.pdf_helpers import pages, squeeze, text
from ui.cli import main

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


def staffed_hunan():
    t = load_tour(HUNAN)
    ids = tuple(g.id for g in t.groups)
    data = t.model_dump()
    data["people"] = {"participants": roster(100, ids)}
    t = type(t).model_validate(data)
    t.people.staff.append(StaffMember(id="s0", role="medic", name="谭医生", phone="13874110002", phone_shared=True))
    for i, g in enumerate(t.groups, 1):
        t.people.staff.append(StaffMember(id=f"s{i}", role="leader", name=f"领队{i}", phone=f"1397311000{i}",
                                          group=g.id, phone_shared=True))
        t.people.vehicles.append(Vehicle(id=f"v{i}", group=g.id, plate=f"湘A·8{i}88{i}", driver=f"司机{i}",
                                         driver_phone=f"1360731000{i}"))
        for d in g.days:
            d.tips = DayTips(meet_time="07:30", meet_at="酒店大堂", dress="正装，佩戴学员证", bring="笔记本、雨伞",
                             other="午休时间短，请带好随身物品")
    t.people.emergency += [EmergencyContact(name="湖南省人民医院急诊", phone="0731-83929120"),
                           EmergencyContact(name="主办方值班电话", phone="0731-82218888"),
                           EmergencyContact(name="报警", phone="110")]
    return t


def test_every_group_day_of_a_fully_staffed_tour_is_exactly_one_page(qapp, tmp_path):
    path, out = tmp_path / "hunan.tour.json", tmp_path / "daily.pdf"
    save_tour(staffed_hunan(), path)
    assert main(["export-pdf", str(path), "-o", str(out), "--daily-only"]) == 0
    days = sorted((p.group_id, p.date) for p in schedule(load_tour(path)).plans.values() if p.entries)
    assert pages(out) == len(days) == 18  # no blank page, no day spilling onto a second
    for n in range(1, len(days) + 1):
        page = squeeze(text(out, n, n))
        assert "每日行程单" in page and "紧急：湖南省人民医院急诊0731-83929120" in page and "医护：谭医生" in page
