"""Read back a PDF as a user would: its text (poppler's pdftotext), pages, images and fonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def text(pdf: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
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
