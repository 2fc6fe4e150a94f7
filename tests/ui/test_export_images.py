"""WeChat images: tall PNGs 1080 px wide, read back with PIL as a phone's viewer would."""

from pathlib import Path

from PIL import Image

from planner.io.fileformat import save_tour
from planner.render.share_card import card_html, on_colour
from planner.schedule.scheduler import schedule
from tests.builders import day, site, tour, visit
from ui.cli import main

HUNAN = Path(__file__).resolve().parents[2] / "seeds" / "hunan-2025.tour.json"


def _tour():
    g1 = {"id": "g1", "name": "第一组<b>", "colour": "#2ca02c", "headcount": 30, "leader": "张带队",
          "contact": "139 1234 5678",
          "days": [day("2025-02-24", visit("mill", id="v1"), visit("lab", id="v2")),
                   day("2025-02-25", visit("lab", id="v3"))]}
    return tour(g1, sites=[site("mill", "羊毛衫厂", at=(30.3, 120.2)), site("lab", "实验室", at=(30.5, 120.4))])


def _colours(img: Image.Image) -> set:
    small = img.convert("RGB").resize((108, img.height // 10))
    return {small.getpixel((x, y)) for x in range(small.width) for y in range(small.height)}


def test_whole_route_and_per_day_images_are_1080_wide_tall_and_drawn(qapp, tmp_path):
    path = tmp_path / "t.tour.json"
    save_tour(_tour(), path)
    assert main(["export-images", str(path), "-o", str(tmp_path / "img")]) == 0
    [whole] = list((tmp_path / "img").iterdir())
    assert whole.name == "g1-第一组_b-全程.png"
    img = Image.open(whole)
    assert img.format == "PNG" and img.width == 1080 and img.height > 1400
    assert img.convert("RGB").getpixel((5, 5)) == (0x2C, 0xA0, 0x2C)  # the group colour heads the card
    assert len(_colours(img)) > 50  # text, map and lines, not a blank canvas
    assert main(["export-images", str(path), "-o", str(tmp_path / "days"), "--by-day"]) == 0
    days = sorted(p.name for p in (tmp_path / "days").iterdir())
    assert days == ["g1-第一组_b-2025-02-24.png", "g1-第一组_b-2025-02-25.png"]
    one = Image.open(tmp_path / "days" / days[1])
    assert one.width == 1080 and one.height > 1000


def test_card_text_carries_the_schedulers_times_and_hides_phones_when_shared():
    s = schedule(_tour())
    g = s.tour.group("g1")
    for plan in s.group_plans("g1"):
        day_card = card_html(s, g, plan.date)
        for e in plan.entries:
            assert f"{e.start // 60:02d}:{e.start % 60:02d}–{e.end // 60:02d}:{e.end % 60:02d}" in day_card
    html = card_html(s, g, edition="staff")  # the whole route: each day's places in order
    assert "羊毛衫厂 → 实验室" in html and "2月25日" in html
    assert "第一组&lt;b&gt;" in html and "139 1234 5678" in html
    assert "张带队" in card_html(s, g) and "139" not in card_html(s, g)  # shared images: no phones


def test_text_on_the_group_colour_stays_readable():
    assert on_colour("#1f77b4") == "#ffffff" and on_colour("#bcbd22") == "#111111"


def test_hunan_every_group(qapp, tmp_path):
    assert main(["export-images", str(HUNAN), "-o", str(tmp_path)]) == 0
    sizes = [Image.open(p).size for p in sorted(tmp_path.glob("*.png"))]
    assert len(sizes) == 3 and all(w == 1080 and h > 2000 for w, h in sizes)


def test_a_month_long_route_fits_on_one_image(qapp):
    from planner.synthetic import synthetic_tour
    from ui.exports.share_image import MAX_HEIGHT, card_image

    s = schedule(synthetic_tour(1, 30, 6))
    image = card_image(s, s.tour.groups[0])
    assert image.width() == 1080 and 5000 < image.height() < MAX_HEIGHT  # every day shown, none cut off
