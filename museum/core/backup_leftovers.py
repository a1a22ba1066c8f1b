"""The temporaries a backup makes, and clearing those a killed backup left behind.

A backup writes its archive as a hidden temporary beside the destination and snapshots the
database into a hidden folder there; a process killed half-way leaves both (a full database
copy, and up to the whole archive). Only names Museum itself makes are ever touched, and only
when older than any running backup could be: backups run read-only beside the writer, so a
young temporary may belong to one still running.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from pathlib import Path

from museum.core.archive_format import BACKUP_PREFIX

STALE_SECONDS = 6 * 3600
SNAPSHOT_PREFIX = ".museum-snapshot-"
TEMPORARY_SUFFIX = ".tmp"
# Archives are written through atomic_writer as ".<name>.<random>.tmp"; for a name of the user's
# choosing the prefix below makes it ours: ".museum-backup-<name>.<random>.tmp".
ARCHIVE_TEMPORARY_PREFIX = f".{BACKUP_PREFIX}"


def archive_temporary_prefix(target: Path) -> str:
    """The prefix of the temporary an archive for target is written to (ours, recognisably)."""
    if target.name.startswith(BACKUP_PREFIX):
        return f".{target.name}."
    return f"{ARCHIVE_TEMPORARY_PREFIX}{target.name}."


def remove_stale_leftovers(folder: Path, *, now: float | None = None) -> tuple[int, int]:
    """Remove stale backup temporaries from folder; returns (how many, bytes freed)."""
    cutoff = (time.time() if now is None else now) - STALE_SECONDS
    removed = freed = 0
    try:
        candidates = [entry for entry in folder.iterdir() if _is_ours(entry.name)]
    except OSError:
        return 0, 0
    for leftover in candidates:
        with contextlib.suppress(OSError):
            if leftover.is_symlink() or _newest_change(leftover) > cutoff:
                continue
            size = _size(leftover)
            if leftover.is_dir():
                shutil.rmtree(leftover)
            else:
                leftover.unlink()
            removed, freed = removed + 1, freed + size
    return removed, freed


def _is_ours(name: str) -> bool:
    return name.endswith(TEMPORARY_SUFFIX) and (
        name.startswith(SNAPSHOT_PREFIX) or name.startswith(ARCHIVE_TEMPORARY_PREFIX))


def _newest_change(path: Path) -> float:
    newest = path.lstat().st_mtime
    if path.is_dir():
        for inner in path.rglob("*"):
            newest = max(newest, inner.lstat().st_mtime)
    return newest


def _size(path: Path) -> int:
    if not path.is_dir():
        return path.lstat().st_size
    return sum(inner.lstat().st_size for inner in path.rglob("*") if inner.is_file())
