"""A real small filesystem for full-disk and cross-device tests: a tmpfs mounted for one test.

Mounting needs root (CI runs the suite as root); elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_tmpfs(folder: Path, *, size: str = "20m") -> Iterator[Path]:
    """Mount a tmpfs of `size` on folder (made if missing) for the block; skip if we cannot."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small real filesystem (tmpfs) needs root; CI runs as root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (a container without CAP_SYS_ADMIN?): "
                    f"{mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_up(folder: Path, *, leave: int = 4096) -> None:
    """Fill the filesystem holding folder until about `leave` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler.bin", "wb") as filler:
        try:
            filler.write(b"\0" * max(0, free - leave))
        except OSError:
            pass
