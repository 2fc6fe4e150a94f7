"""`study-tour export-xlsx` and `export-ics` run in-process: files written, exit codes, one-line refusals."""

import datetime as dt
import io

import openpyxl
import pytest
from icalendar import Calendar

from planner.cli import build_parser, run_command
from planner.io.fileformat import save_tour
from planner.model.tour import Tour
from planner.render import export_commands  # noqa: F401  (registers the two commands)
from planner.render.export_commands import output_folder, pick_groups, write_output
from planner.io.errors import PlannerError
from tests.builders import site, visit
from tests.planner.render.h22_tours import joint_tour


@pytest.fixture
def tour_file(tmp_path):
    t = joint_tour(people={"staff": [{"id": "s1", "role": "leader", "name": "王领队", "phone": "13912345678",
                                      "group": "g2"}]})
    path = tmp_path / "t.tour.json"
    save_tour(t, path)
    return path


@pytest.fixture
def clash_file(tmp_path):
    d = joint_tour().model_dump(mode="json")
    d["sites"].append(site("c", "丙村", kind="village"))
    for g in d["groups"]:
        g["days"].append({"date": "2025-02-26", "start": "hotel", "end": "hotel", "activities": [visit("c")]})
    path = tmp_path / "clash.tour.json"
    save_tour(Tour.model_validate(d), path)
    return path


def run(args, capsys):
    code = run_command(args)
    return code, capsys.readouterr().err


def test_export_xlsx_writes_the_staff_workbook_and_exits_zero_without_errors(tour_file, tmp_path, capsys):
    out = tmp_path / "行程.xlsx"
    assert run(["export-xlsx", str(tour_file), "-o", str(out)], capsys) == (0, "")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["总览", "第一组", "第二组", "住宿", "工作人员", "教学点", "问题"]
    assert wb["工作人员"]["D4"].value == "13912345678"


def test_export_xlsx_for_one_group_in_the_participant_edition(tour_file, tmp_path, capsys):
    out = tmp_path / "p.xlsx"
    args = ["export-xlsx", str(tour_file), "-o", str(out), "--group", "g2", "--edition", "participant"]
    assert run(args, capsys) == (0, "")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["总览", "第二组", "住宿", "工作人员", "教学点"]
    assert wb["工作人员"]["D4"].value is None


def test_export_xlsx_exits_one_when_the_plan_has_errors(clash_file, tmp_path, capsys):
    out = tmp_path / "c.xlsx"
    assert run(["export-xlsx", str(clash_file), "-o", str(out)], capsys) == (1, "")
    assert openpyxl.load_workbook(out)["问题"]["B4"].value == "over-capacity-groups"


def test_unknown_groups_are_named_with_the_known_ones(tour_file, tmp_path, capsys):
    code, err = run(["export-xlsx", str(tour_file), "-o", str(tmp_path / "x.xlsx"), "--group", "zz", "--group", "g1",
                     "--group", "yy"], capsys)
    assert (code, err) == (2, f"study-tour export-xlsx: {tour_file}: no group zz, yy; "
                              "the tour has g1 (第一组), g2 (第二组)\n")
    assert not (tmp_path / "x.xlsx").exists()


def test_pick_groups():
    t = joint_tour()
    assert pick_groups(t, None, "f") is None and pick_groups(t, [], "f") is None
    assert pick_groups(t, ["g2", "g1"], "f") == ["g2", "g1"]
    with pytest.raises(PlannerError, match=r"^src: no group g3; the tour has g1 \(第一组\), g2 \(第二组\)$"):
        pick_groups(t, ["g3"], "src")


def test_writing_into_a_missing_folder_is_refused_and_nothing_written(tour_file, tmp_path, capsys):
    out = tmp_path / "nope" / "x.xlsx"
    code, err = run(["export-xlsx", str(tour_file), "-o", str(out)], capsys)
    assert (code, err) == (2, f"study-tour export-xlsx: {out}: cannot write (no folder {out.parent})\n")
    with pytest.raises(PlannerError, match="cannot write"):
        write_output(out, b"x")
    write_output(tmp_path / "ok.txt", "好")
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8") == "好"


def test_export_ics_writes_a_participant_calendar_per_group_into_a_new_folder(tour_file, tmp_path, capsys):
    out = tmp_path / "cal"
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    assert run(["export-ics", str(tour_file), "-o", str(out)], capsys) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["g1-第一组.ics", "g2-第二组.ics"]
    ev = Calendar.from_ical((out / "g2-第二组.ics").read_bytes()).walk("VEVENT")[0]
    assert "带队：王领队\n" in str(ev["description"])  # the leader's phone is not marked shared
    assert before <= ev.decoded("dtstamp") <= dt.datetime.now(dt.timezone.utc)
    assert ev.decoded("dtstamp").microsecond == 0
    only = tmp_path / "only"
    assert run(["export-ics", str(tour_file), "-o", str(only), "--group", "g2", "--edition", "staff"],
               capsys) == (0, "")
    assert [p.name for p in only.iterdir()] == ["g2-第二组.ics"]
    ev = Calendar.from_ical((only / "g2-第二组.ics").read_bytes()).walk("VEVENT")[0]
    assert "带队：王领队 13912345678\n" in str(ev["description"])


def test_export_ics_exits_one_on_errors_and_refuses_a_file_as_folder(clash_file, tmp_path, capsys):
    assert run(["export-ics", str(clash_file), "-o", str(tmp_path / "c")], capsys) == (1, "")
    assert len(list((tmp_path / "c").iterdir())) == 2
    code, err = run(["export-ics", str(clash_file), "-o", str(clash_file)], capsys)
    assert (code, err) == (2, f"study-tour export-ics: {clash_file}: cannot write (it is a file, not a folder)\n")
    deep = tmp_path / "a" / "b"
    code, err = run(["export-ics", str(clash_file), "-o", str(deep)], capsys)
    assert (code, err) == (2, f"study-tour export-ics: {deep}: cannot write (no folder {deep.parent})\n")
    assert output_folder(tmp_path / "c") == tmp_path / "c"  # an existing folder is fine


def test_the_commands_arguments():
    p = build_parser()
    a = p.parse_args(["export-xlsx", "t.json", "-o", "x.xlsx"])
    assert (a.file, a.output, a.group, a.edition) == ("t.json", "x.xlsx", None, "staff")
    a = p.parse_args(["export-ics", "t.json", "--output", "d", "--group", "g1", "--group", "g2"])
    assert (a.file, a.output, a.group, a.edition) == ("t.json", "d", ["g1", "g2"], "participant")
    for cmd in ("export-xlsx", "export-ics"):
        with pytest.raises(SystemExit):
            p.parse_args([cmd, "t.json"])  # -o is required
        with pytest.raises(SystemExit):
            p.parse_args([cmd, "t.json", "-o", "x", "--edition", "everyone"])
        for edition in ("staff", "participant"):
            assert p.parse_args([cmd, "t.json", "-o", "x", "--edition", edition]).edition == edition
