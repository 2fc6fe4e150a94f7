"""Read back a PDF as a user would: its text (poppler's pdftotext), pages, images and fonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def text(pdf: Path, first: int | None = None, last: int | None = None, layout: bool = False,
         raw: bool = False) -> str:
    """`raw`: in the order it was drawn (a label over another keeps its words together)."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + (["-raw"] if raw else [])
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pages_with_images(pdf: Path) -> list[int]:
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return sorted({int(line.split()[0]) for line in out.splitlines()[2:] if line.strip()})


def fonts(pdf: Path) -> list[str]:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def map_pages(pdf: Path) -> list[int]:
    """Pages that carry a route map, told by its scale bar's label ("20 km"): the maps are vectors, not images."""
    return [p for p in range(1, pages(pdf) + 1) if re.search(r"\b\d+ km\b", text(pdf, p, p, raw=True))]


def page_pixels(pdf: Path, page: int, dpi: int = 50):
    """One page as an (h, w, 3) array of RGB, drawn by poppler as a reader's viewer would."""
    import numpy as np

    ppm = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), str(pdf)],
                         capture_output=True, check=True).stdout
    magic, width, height, depth, rest = ppm.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    return np.frombuffer(rest, dtype=np.uint8).reshape(int(height), int(width), 3)


def colour_count(pixels, colour: str, tolerance: int = 12) -> int:
    """How many pixels are `colour` ("#rrggbb"), each channel within `tolerance`."""
    import numpy as np

    rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels.astype(int) - rgb).max(axis=2) <= tolerance).sum())
