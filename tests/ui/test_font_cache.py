"""What the text-layer fix derives from a system font is kept on disk: read again only when the font changes."""

import pytest

from ui.exports.font_cache import remembered
from ui.exports.pdf_glyphs import _substituted_shapes, substituted_shapes
from ui.exports.pdf_print import FONT_FAMILIES
from ui.exports.pdf_text import _preferred_map, font_file, preferred_map


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDY_TOUR_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_font_is_read_once_again_when_it_changes_and_a_damaged_entry_is_read_anew(cache, tmp_path):
    font = tmp_path / "font.ttf"
    font.write_bytes(b"v1")
    calls = []

    def derive():
        calls.append(font.read_bytes())
        return {1: 2, 3: 4}

    def ask():
        return remembered("t", str(font), 0, derive, lambda d: sorted(d.items()),
                          lambda pairs: {int(a): int(b) for a, b in pairs})

    assert ask() == ask() == {1: 2, 3: 4} and calls == [b"v1"]
    font.write_bytes(b"version 2")  # an updated font: another size and time
    assert ask() == {1: 2, 3: 4} and calls == [b"v1", b"version 2"]
    for stored in (cache / "fonts").iterdir():
        stored.write_text("[[1, ", "utf-8")  # cut short
    assert ask() == {1: 2, 3: 4} and len(calls) == 3


def test_the_stored_maps_of_the_cjk_font_are_the_ones_it_gives(cache):
    found = font_file(FONT_FAMILIES[0])
    assert found is not None
    for kind, cached, direct, doctored, read in (
            ("preferred", preferred_map, _preferred_map, "[[1, 2]]", {1: 2}),
            ("shapes", substituted_shapes, _substituted_shapes, '[7, [[5, [1, 2, 3, 4], ["x"]]]]',
             (7, {(5, (1, 2, 3, 4)): {"x"}}))):
        cached.cache_clear()
        first = cached(*found)  # computed and stored
        cached.cache_clear()
        assert cached(*found) == first == direct(*found)  # read back from the disk: the same
        (stored,) = (cache / "fonts").glob(f"{kind}-*.json")
        stored.write_text(doctored, "utf-8")
        cached.cache_clear()
        assert cached(*found) == read  # it is the disk that answers
        cached.cache_clear()
