"""Real faults at the machine boundary: a small or read-only file system (a tmpfs mounted for the test)."""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size_kb: int = 64, read_only: bool = False):
    """Mount a tmpfs of `size_kb` at `folder` (needs root: CI runs as root; skipped otherwise)."""
    if os.geteuid() != 0:
        pytest.skip("a full or read-only disk is simulated with a tmpfs mount, which needs root")
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size_kb}k" + (",ro" if read_only else "")
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path, leave: int = 0) -> None:
    """Use up the free space of the file system holding `folder`, then give back `leave` bytes."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        size = 0
        while True:
            try:
                size += os.write(fd, b"\0" * 4096)
            except OSError:
                break
        os.ftruncate(fd, max(0, size - leave))
    finally:
        os.close(fd)
