"""Files Museum writes for the user follow the umask like any other program's; backups, which
hold the whole catalogue, stay owner-only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from museum.core.atomic import atomic_write_bytes
from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo

REPO = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _museum_with_umask(umask: int, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "museum", *args], capture_output=True,
                          text=True, cwd=REPO, preexec_fn=lambda: os.umask(umask))


def test_a_poster_follows_the_umask_and_a_backup_stays_private(tmp_path):
    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        fill_demo(catalogue, items=0, photos=False)
    poster = _museum_with_umask(0o022, "--catalogue", str(root), "room", "poster",
                                "--out", str(tmp_path / "room.png"), "--width", "400")
    assert poster.returncode == 0, poster.stderr
    assert _mode(tmp_path / "room.png") == 0o644
    shared = _museum_with_umask(0o002, "--catalogue", str(root), "room", "poster",
                                "--out", str(tmp_path / "shared.png"), "--width", "400")
    assert shared.returncode == 0, shared.stderr
    assert _mode(tmp_path / "shared.png") == 0o664
    backup = _museum_with_umask(0o022, "--catalogue", str(root), "backup",
                                "--to", str(tmp_path / "b.zip"))
    assert backup.returncode == 0, backup.stderr
    assert _mode(tmp_path / "b.zip") == 0o600


def test_an_atomic_write_follows_the_umask_it_runs_under(tmp_path):
    previous = os.umask(0o027)
    try:
        atomic_write_bytes(tmp_path / "out.png", b"x")
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "out.png") == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"]  # no temporary left
