"""The itinerary handbook PDF, read back the way a participant would read it."""

import datetime as dt
import re
from pathlib import Path

import pytest

from planner.io.fileformat import load_tour
from planner.render.handbook import PHONE, HandbookOptions
from planner.schedule.scheduler import schedule
from planner.synthetic import synthetic_tour
from planner.model.tour import ActivityKind
from tests.builders import day, group, site, tour, visit
from tests.ui.pdf_helpers import colour_count, fonts, map_pages, page_pixels, pages, pages_with_images, squeeze, text
from ui.exports.handbook_pdf import export_handbook

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"
PRINTED = dt.date(2025, 2, 20)


@pytest.fixture(scope="module")
def hunan_pdf(qapp, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "hunan.pdf"
    count = export_handbook(schedule(load_tour(HUNAN)), path, HandbookOptions(print_date=PRINTED))
    return path, count


def test_page_count_is_within_bounds(hunan_pdf):
    path, count = hunan_pdf
    assert pages(path) == count and 12 <= count <= 40


def test_fonts_are_embedded_and_text_is_the_source_characters(hunan_pdf):
    path, _ = hunan_pdf
    assert all(line.split()[-5] == "yes" for line in fonts(path))  # the "emb" column
    # the maps' names are text in the same Simplified-Chinese font: no Japanese variant, no Latin fallback
    assert sorted(line.split()[0] for line in fonts(path)) == ["NotoSansCJKsc-Bold", "NotoSansCJKsc-Regular"]
    content = text(path)
    assert "行程手册" in squeeze(content) and "湖南省县（市、区）党政正职推动县域经济高质量发展专题培训班" in squeeze(content)
    assert not [c for c in content if 0x2E80 <= ord(c) < 0x2FE0]  # no look-alike radicals (⾏ for 行)


def test_page_numbers_and_contents(hunan_pdf):
    path, count = hunan_pdf
    assert f"第 1 页 / 共 {count} 页" in text(path, 1, 1)
    assert f"第 {count} 页 / 共 {count} 页" in text(path, count, count)
    contents = text(path, 2, 2, layout=True)
    page = int(re.search(r"第二组 行程\s+(\d+)", contents).group(1))
    assert "第二组 行程" in text(path, page, page)


@pytest.mark.parametrize("gid", ["g1", "g2", "g3"])
def test_each_group_section_lists_its_places_in_route_order_with_the_schedulers_times(hunan_pdf, gid):
    path, count = hunan_pdf
    result = schedule(load_tour(HUNAN))
    name = result.tour.group(gid).name
    start = next(p for p in range(3, count + 1) if squeeze(text(path, p, p)).startswith(f"{name}行程"))
    end = next((p for p in range(start + 1, count + 1)
                if re.match(r"^(第.组行程|教学点简介)", squeeze(text(path, p, p)))), count)
    lines = text(path, start, end - 1, layout=True).splitlines()
    at = 0
    for plan in sorted(result.group_plans(gid), key=lambda p: p.date):
        for e in plan.entries:
            if e.activity.kind is ActivityKind.VISIT:
                times = f"{e.start // 60:02d}:{e.start % 60:02d}–{e.end // 60:02d}:{e.end % 60:02d}"
                found = next((i for i in range(at, len(lines)) if lines[i].lstrip().startswith(times)), None)
                assert found is not None, f"{times} {e.site.name} not found after line {at}"
                # the row starts with the time and the place; a long name wraps inside its cell
                assert e.site.name[:4] in lines[found], (lines[found], e.site.name)
                at = found + 1
    assert start in map_pages(path)  # the route map is on the group's first page, in the group's colour
    assert colour_count(page_pixels(path, start), result.tour.group(gid).colour) > 200


def test_the_participant_edition_has_no_phone_numbers_and_no_problems(qapp, tmp_path):
    t = tour(group("g1", day("2025-02-24", visit("x")), name="第一组", headcount=30),
             sites=[site("x", "海宁中国皮革城", contact="王老师 13812345678", closed_weekdays=[1])])
    t.groups[0].leader, t.groups[0].contact = "李老师", "0571-86971085 / 13900001111"
    staff, participant = tmp_path / "staff.pdf", tmp_path / "participant.pdf"
    export_handbook(schedule(t), staff, HandbookOptions(edition="staff", print_date=PRINTED))
    export_handbook(schedule(t), participant, HandbookOptions(edition="participant", print_date=PRINTED))
    staff_text, participant_text = squeeze(text(staff)), squeeze(text(participant))
    assert "13812345678" in staff_text and "0571-86971085" in staff_text and "待处理问题" in staff_text
    assert not PHONE.search(participant_text)
    assert "李老师" in participant_text and "待处理问题" not in participant_text


def test_a_table_that_breaks_across_pages_repeats_its_header(qapp, tmp_path):
    many = [visit(f"s{i}", minutes=10) for i in range(40)]
    t = tour(group("g1", day("2025-02-24", *many), name="第一组"),
             sites=[site(f"s{i}", f"很长很长的教学点名称第{i}号现代服务业示范园区", at=(30.0 + i * 0.001, 120.0))
                    for i in range(40)], day_window={"start": "06:00", "end": "23:00"})
    out = tmp_path / "long.pdf"
    export_handbook(schedule(t), out, HandbookOptions(print_date=PRINTED))
    section = [p for p in range(1, pages(out) + 1) if "现场教学" in text(out, p, p) and "很长很长" in text(out, p, p)]
    assert len(section) >= 2
    for p in section:
        # the header row on every page of the table
        assert re.search(r"时间\s+内容\s+形式\s+地点", text(out, p, p, layout=True))  # (empty columns are dropped)
    assert "第39号" in squeeze(text(out))  # long names wrap, nothing lost


def test_a_200_visit_tour_exports(qapp, tmp_path):
    big = synthetic_tour(groups=4, days=10, visits=5)
    assert sum(1 for g in big.groups for d in g.days for a in d.activities if a.kind is ActivityKind.VISIT) == 200
    out = tmp_path / "big.pdf"
    count = export_handbook(schedule(big), out, HandbookOptions(print_date=PRINTED))
    assert pages(out) == count > 10
    assert "教学点3-9-4" in squeeze(text(out))


def test_reprinting_the_same_plan_gives_the_same_bytes(qapp, tmp_path, hunan_pdf):
    again = tmp_path / "again.pdf"
    export_handbook(schedule(load_tour(HUNAN)), again, HandbookOptions(print_date=PRINTED))
    assert again.read_bytes() == hunan_pdf[0].read_bytes()


def test_a_heading_at_the_foot_of_a_page_moves_to_the_next(qapp, tmp_path):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from ui.exports.handbook_pdf import keep_with_next

    doc = QTextDocument()
    doc.setPageSize(QSizeF(600, 800))
    filler = "".join(f"<p>第{i}行</p>" for i in range(200))
    doc.setHtml(filler + "<h2>教学点简介</h2><p>正文</p>")
    layout = doc.documentLayout()
    heading = doc.findBlockByNumber(200)
    room = 800 - layout.blockBoundingRect(heading).top() % 800
    filler_lines = 0
    while room > 60 and filler_lines < 100:  # push the heading down to the last few lines of a page
        filler_lines += 1
        doc.setHtml(filler + "".join("<p>补</p>" for _ in range(filler_lines)) + "<h2>教学点简介</h2><p>正文</p>")
        heading = doc.findBlockByNumber(200 + filler_lines)
        room = 800 - layout.blockBoundingRect(heading).top() % 800
    assert room <= 60 and heading.text() == "教学点简介"
    assert len(keep_with_next(doc, heading_room_mm=30, table_room_mm=40)) >= 1
    assert layout.blockBoundingRect(heading).top() % 800 <= 40  # now at the top of the next page


DAY_HEAD = re.compile(r"^\s*时间\s+内容\s+形式\s+地点")


def day_tables_without_rows(pdf: Path) -> list[int]:
    """Pages where a group-day table (its date line, then its column header) has no row under the header: a
    time, or "nothing planned". Date and header repeated at the top of a page continue a table (the rest of a
    row split by the page break may come first): not counted."""
    empty = []
    for p in range(1, pages(pdf) + 1):
        lines = [line for line in text(pdf, p, p, layout=True).splitlines() if line.strip()]
        for i, line in enumerate(lines):
            starts_a_day = DAY_HEAD.match(line) and i > 3 and re.match(r"^\s*\d+月\d+日", lines[i - 1])
            if starts_a_day and not (i + 1 < len(lines) and re.match(r"^\s*(\d\d:\d\d|当天未安排活动)", lines[i + 1])):
                empty.append(p)
    return empty


def contents_pages(pdf: Path) -> dict[str, int]:
    """The contents page as {section title: page}."""
    found = re.findall(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", text(pdf, 2, 2, layout=True), flags=re.M)
    return {squeeze(title): int(page) for title, page in found}


def assert_every_section_prints_where_the_contents_say(pdf: Path) -> dict[str, int]:
    count = pages(pdf)
    listed = contents_pages(pdf)
    for title, page in listed.items():
        assert squeeze(text(pdf, page, page)).startswith(title), (title, page)
    blank = [p for p in range(1, count + 1) if not squeeze(text(pdf, p, p)).replace(f"第{p}页/共{count}页", "")]
    assert blank == []
    assert day_tables_without_rows(pdf) == []
    return listed


@pytest.mark.parametrize("edition", ["participant", "staff"])
def test_a_small_two_group_tour_prints_every_section_on_the_page_the_contents_name(qapp, tmp_path, edition):
    # 2 groups × 3 days, one visit a day: the layout that lost 教学点简介 (a blank page) and 通讯录's heading.
    small = synthetic_tour(groups=2, days=3, visits=1, seed=1)
    out = tmp_path / f"{edition}.pdf"
    export_handbook(schedule(small), out, HandbookOptions(edition=edition, print_date=PRINTED))
    listed = assert_every_section_prints_where_the_contents_say(out)
    assert {"须知", "日程总览", "第1组行程", "第2组行程", "教学点简介", "通讯录"} <= set(listed)
    sites_page = listed["教学点简介"]
    visited = [s.name for s in small.sites if s.kind.value == "enterprise"]
    assert len(visited) == 6 and all(name in squeeze(text(out, sites_page, sites_page)) for name in visited)


def test_the_hunan_handbook_prints_every_site_introduction_and_every_section(hunan_pdf):
    # Before the fix this edition silently lost 3 pages of site introductions, 通讯录's heading and 待处理问题.
    path, _ = hunan_pdf
    listed = assert_every_section_prints_where_the_contents_say(path)
    assert {"教学点简介", "通讯录", "待处理问题"} <= set(listed)
    intros = squeeze(text(path, listed["教学点简介"], listed["通讯录"] - 1))
    result = schedule(load_tour(HUNAN))
    visited = {e.site.name for p in result.plans.values() for e in p.entries
               if e.site is not None and e.site.kind.value not in ("hotel", "station")}
    assert len(visited) > 20 and sorted(n for n in visited if squeeze(n) not in intros) == []


def test_a_day_with_nothing_planned_says_so_instead_of_an_empty_table(qapp, tmp_path):
    t = tour(group("g1", day("2025-02-24", visit("mill")), day("2025-02-25", start=None, end=None), name="第一组"),
             group("g2", day("2025-02-24", visit("farm")), day("2025-02-25"), name="第二组"),
             sites=[site("mill", "羊毛衫市场"), site("farm", "李祖村", kind="village")])
    out = tmp_path / "free-day.pdf"
    export_handbook(schedule(t), out, HandbookOptions(edition="participant", print_date=PRINTED))
    assert day_tables_without_rows(out) == []
    assert squeeze(text(out)).count("当天未安排活动") == 2  # both groups' 25 Feb: no activity, with or without hotel


def test_every_heading_and_table_near_a_page_foot_moves_when_many_do_at_once(qapp):
    """keep_with_next decides a round's breaks from one layout (shifting what follows each break): every
    heading and table must still end up either at a page top or with room under it, and no page blank."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from ui.exports.handbook_pdf import _candidates, keep_with_next
    from ui.exports.pdf_print import mm

    parts = []
    for i in range(150):  # uneven sections, so headings land all over the pages
        parts.append(f"<h2>第{i}节</h2>" + "<p>正文</p>" * ((i * 7) % 23 + 1))
        if i % 3 == 0:
            parts.append("<table><tr><td>甲</td></tr>" + "<tr><td>乙</td></tr>" * (i % 5 + 1) + "</table>")
    doc = QTextDocument()
    doc.setPageSize(QSizeF(2000, 3000))
    doc.setHtml("".join(parts))
    changes = []  # each change re-lays out the rest of the document: one per break made it pages²
    doc.contentsChange.connect(lambda *args: changes.append(args))
    breaks = keep_with_next(doc)
    assert len(breaks) >= 8 and len(changes) <= 8
    layout = doc.documentLayout()
    starts = set()
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        assert rect.height() > 0 or not block.text()  # every block was laid out again after the breaks
        starts.add(int(rect.top() // 3000))
        block = block.next()
    assert starts == set(range(doc.pageCount()))  # no blank page
    for block, table in _candidates(doc):
        offset = layout.blockBoundingRect(block).top() % 3000
        room = mm(40 if table is not None else 30)
        assert offset <= mm(5) or 3000 - offset >= room, block.text()


@pytest.mark.parametrize("edition", ["staff", "participant"])
def test_a_many_group_handbook_names_the_page_of_every_section_and_prints_each_map_on_its_groups_page(
        qapp, tmp_path, edition):
    """The cover and contents are laid out after the rest, as a document of their own: the numbers they give
    must still be the pages the sections print on, and each group's route map its group's first page."""
    big = synthetic_tour(groups=6, days=3, visits=2, seed=3)
    out = tmp_path / f"{edition}.pdf"
    count = export_handbook(schedule(big), out, HandbookOptions(edition=edition, print_date=PRINTED))
    listed = assert_every_section_prints_where_the_contents_say(out)
    groups = [listed[f"{g.name}行程"] for g in big.groups]
    assert len(groups) == 6 and groups == sorted(groups) and listed["须知"] == 3
    assert map_pages(out) == groups and pages_with_images(out) == []  # the maps, drawn as vectors
    for page, g in zip(groups, big.groups):
        assert colour_count(page_pixels(out, page), g.colour) > 50  # its markers and line, at 50 dpi
    assert f"第 {count} 页 / 共 {count} 页" in text(out, count, count)
