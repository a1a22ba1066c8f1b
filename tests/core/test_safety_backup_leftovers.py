"""Backups killed half-way (real processes, SIGKILL) leave temporaries; the next backup into the
same folder clears the stale ones that Museum itself named, and nothing else."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from museum.cli import main
from museum.core.backup import create_backup
from museum.core.backup_leftovers import STALE_SECONDS as STALE_TEMPORARY_SECONDS
from museum.core.catalogue import Catalogue
from museum.core.restore import verify_backup
from tests.core.safety_support import add_photo
from tests.core.test_safety_crash import _run_until

KILLS = 3


@pytest.fixture
def root(plain_demo_catalogue: Catalogue) -> Path:
    for seed in range(60):
        add_photo(plain_demo_catalogue, item_id=1 + seed % 40, seed=seed)
    plain_demo_catalogue.close()
    return plain_demo_catalogue.root


def _kill_backups_into(root: Path, destination: Path | None) -> None:
    for _ in range(KILLS):
        _run_until(f"""
            import time
            from pathlib import Path
            from museum.core.backup import create_backup
            from museum.core.catalogue import Catalogue
            catalogue = Catalogue.open({str(root)!r}, read_only=True)
            def progress(done, total):
                print(done, flush=True)
                time.sleep(0.02)
            destination = {None if destination is None else str(destination)!r}
            create_backup(catalogue, destination=destination and Path(destination),
                          progress=progress)
        """, stop_at=30)


def _age(*paths: Path) -> None:
    hours_ago = time.time() - STALE_TEMPORARY_SECONDS - 60
    for path in paths:
        for inner in [path, *(path.rglob("*") if path.is_dir() else [])]:
            os.utime(inner, (hours_ago, hours_ago))


def _hidden(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir() if path.name.startswith(".")}


def test_the_next_backup_clears_stale_leftovers_of_killed_ones_elsewhere(root, tmp_path):
    out = tmp_path / "usb"
    out.mkdir()
    _kill_backups_into(root, out / "weekly.zip")
    leftovers = [out / name for name in _hidden(out)]
    assert sum(name.startswith(".museum-snapshot-") for name in _hidden(out)) == KILLS
    assert sum(name.endswith(".tmp") and "weekly.zip" in name for name in _hidden(out)) == KILLS
    _age(*leftovers)
    foreign = out / ".weekly.zip.someone-else.tmp"  # a name Museum did not make
    foreign.write_bytes(b"not ours")
    _age(foreign)
    running = out / ".museum-snapshot-still-running.tmp"  # young: a backup may be running
    running.mkdir()
    with Catalogue.open(root, read_only=True) as catalogue:
        result = create_backup(catalogue, destination=out / "monday.zip")
    assert verify_backup(result.path).photos == 60
    assert _hidden(out) == {foreign.name, running.name}


def test_the_command_line_backup_clears_stale_leftovers_in_backups(root, capsys):
    _kill_backups_into(root, None)
    backups = root / "backups"
    leftovers = [backups / name for name in _hidden(backups)]
    assert len(leftovers) == 2 * KILLS
    _age(*leftovers)
    assert main(["--catalogue", str(root), "backup"]) == 0  # opens read-only
    assert _hidden(backups) == set()
    assert len(list(backups.glob("*.zip"))) == 1

