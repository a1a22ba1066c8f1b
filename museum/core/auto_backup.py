"""Automatic backups: after a session that changed anything, on close, into backups/.

The newest `keep` backups are kept (default 10). Pruning never removes the only good backup: if
none of the kept ones passes verification, the newest older one that does is kept as well.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from museum.core.archive_format import BACKUP_PREFIX, BACKUP_SUFFIX, DATABASE_MEMBER
from museum.core.backup import BackupResult, create_backup
from museum.core.catalogue import Catalogue
from museum.core.errors import BackupError
from museum.core.restore import open_backup, verify_backup

DEFAULT_KEEP = 10
Progress = Callable[[int, int], None]


def list_backups(folder: Path) -> list[Path]:
    """Museum backups in folder, newest first (their names carry the time they were made)."""
    if not folder.is_dir():
        return []
    found = [path for path in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}") if path.is_file()]
    return sorted(found, key=lambda path: (path.stat().st_mtime, path.name), reverse=True)


def newest_backup(catalogue_root: Path) -> Path | None:
    """The newest backup in the catalogue's backups/ folder that passes verification, if any."""
    for candidate in list_backups(Path(catalogue_root) / "backups"):
        if is_good_backup(candidate):
            return candidate
    return None


def is_good_backup(path: Path) -> bool:
    """Whether every file in the backup matches its recorded hash and no original is missing."""
    try:
        return verify_backup(path).complete
    except BackupError:
        return False


def backup_on_close(catalogue: Catalogue, *, keep: int = DEFAULT_KEEP,
                    progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> BackupResult | None:
    """Back up into backups/ if this session changed anything, then prune; None if unchanged,
    or if the newest backup already holds every change (its database is this one, byte for
    byte, and it verifies).

    Call it just before closing the catalogue. A failed or cancelled backup raises BackupError
    and leaves the existing backups as they were.
    """
    if not catalogue.changed or catalogue.read_only:
        return None
    newest = _newest_complete_backup(catalogue.backups_dir)
    result = create_backup(catalogue, progress=progress, cancelled=cancelled,
                           unless_database_is=newest[1] if newest else None)
    if result is None:
        if is_good_backup(newest[0]):  # already holds every change (e.g. "Back up now")
            return None
        result = create_backup(catalogue, progress=progress, cancelled=cancelled)
    if not result.problems:  # an incomplete backup must not push a complete one out
        prune_backups(catalogue.backups_dir, keep=keep)
    return result


def _newest_complete_backup(folder: Path) -> tuple[Path, str] | None:
    """The newest backup and its database's SHA-256, if it claims to hold every original."""
    backups = list_backups(folder)
    if not backups:
        return None
    try:
        with open_backup(backups[0]) as (_archive, manifest):
            pass
    except BackupError:
        return None
    database = next((entry.sha256 for entry in manifest.files
                     if entry.path == DATABASE_MEMBER), None)
    return (backups[0], database) if database and manifest.complete else None


def prune_backups(folder: Path, *, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete backups beyond the newest `keep`, never the only good one; returns what went."""
    backups = list_backups(folder)
    kept, extra = backups[:max(1, keep)], backups[max(1, keep):]
    if not extra:
        return []
    if not any(is_good_backup(path) for path in kept):
        good = next((path for path in extra if is_good_backup(path)), None)
        if good is not None:
            extra.remove(good)
    removed = []
    for path in extra:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
