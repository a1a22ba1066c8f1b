"""Verifying and restoring backups. Nothing the user has is touched until a restore is complete.

A restore unpacks into a hidden staging folder beside the destination, checking every member's
SHA-256 against the manifest as it goes, opens the result as a catalogue (which migrates an
older schema forward), and only then renames the staging folder into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import os
import secrets
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from museum.core import lock
from museum.core.archive_format import Manifest, read_manifest
from museum.core.atomic import fsync_folder
from museum.core.backup_leftovers import STALE_SECONDS
from museum.core.catalogue import Catalogue
from museum.core.errors import BackupError, CatalogueError
from museum.core.output_file import failed_write_sentence
from museum.core.photo_paths import is_sha256
from museum.core.restore_unpack import (
    check_cancel, check_sizes, copy_checked, member_reader, unpack_needed,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_ROOM_TO_OPEN = 1024 * 1024  # below this, a failed first open is the disk's fault


@dataclass(frozen=True)
class RestoreResult:
    """Where the restored catalogue is, and (when one was replaced) where the old one went."""

    root: Path
    manifest: Manifest
    set_aside: Path | None = None
    left_out: tuple[str, ...] = ()  # listed in the manifest, but no photo record uses them


@contextlib.contextmanager
def open_backup(archive_path: Path) -> Iterator[tuple[zipfile.ZipFile, Manifest]]:
    """Open an archive and check its structure (not yet its hashes), or raise BackupError."""
    path = Path(archive_path)
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise BackupError(f"{path.name} is not a Museum backup, or it is damaged or cut "
                          "short; nothing was restored.") from None
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror}.") from None
    with archive:
        yield archive, read_manifest(archive)


def verify_backup(archive_path: Path, *, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> Manifest:
    """Read every member and check its hash; returns the manifest or raises BackupError."""
    with open_backup(archive_path) as (archive, manifest):
        check_sizes(archive, manifest)
        for done, entry in enumerate(manifest.files, start=1):
            check_cancel(cancelled)
            with member_reader(archive, entry) as reader:
                copy_checked(reader, None, entry)
            if progress:
                progress(done, len(manifest.files))
    return manifest


def restore_backup(archive_path: Path, *, destination: Path,
                   progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> RestoreResult:
    """Restore a backup into destination, a new (or empty) folder, and migrate it forward.

    Every hash is verified before the folder appears; on any problem nothing is left behind.
    Only the database and the originals its photo records use are restored (`left_out` names
    anything else the backup held). A destination that is a symbolic link is refused.
    """
    given = Path(destination).expanduser()
    if given.is_symlink():
        raise BackupError(f"{given} is a link to another folder; restore into a real folder "
                          "(or give the folder the link points to).")
    target = given.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} already exists and is not empty; restore into a new folder.")
    manifest, left_out = _unpack_to_staging_then(archive_path, target, progress, cancelled,
                                                 _move_into_place)
    return RestoreResult(root=target, manifest=manifest, left_out=tuple(left_out))


def replace_catalogue(archive_path: Path, *, root: Path, progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> RestoreResult:
    """Replace the catalogue at root with a backup, keeping the old folder aside beside it.

    The catalogue must be closed first (this takes its writer lock). The old folder is renamed
    only after the backup has been fully unpacked and verified; its backups/ folder moves over.
    """
    target = Path(root).expanduser().resolve()
    if not (target / "museum.db").exists():
        raise BackupError(f"There is no catalogue at {target} to replace.")
    if lock.holds(target):
        raise BackupError("Close the catalogue before replacing it with a backup.")
    lock.acquire(target)
    try:
        aside = _aside_name(target)
        manifest, left_out = _unpack_to_staging_then(
            archive_path, target, progress, cancelled,
            lambda staging, final: _swap_in(staging, final, aside))
    finally:
        lock.release(target)
    return RestoreResult(root=target, manifest=manifest, set_aside=aside,
                         left_out=tuple(left_out))


def _unpack_to_staging_then(archive_path: Path, target: Path, progress: Progress | None,
                            cancelled: Cancelled | None,
                            finish: Callable[[Path, Path], None]) -> tuple[Manifest, list[str]]:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = _new_staging_folder(target)
    except OSError as error:
        raise BackupError(_restore_error_sentence(error, target)) from None
    try:
        with open_backup(archive_path) as (archive, manifest):
            left_out = unpack_needed(archive, manifest, staging, progress=progress,
                                     cancelled=cancelled)
        _open_and_migrate(staging)
        finish(staging, target)
    except OSError as error:
        raise BackupError(_restore_error_sentence(error, target)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest, left_out


def _new_staging_folder(target: Path) -> Path:
    _remove_stale_staging(target)
    # os.mkdir honours the umask (tempfile.mkdtemp would make it 0700, and the restored
    # catalogue would keep that mode after the rename).
    while True:
        staging = target.with_name(f".{target.name}.restoring-{secrets.token_hex(6)}")
        with contextlib.suppress(FileExistsError):
            os.mkdir(staging)
            return staging


def _remove_stale_staging(target: Path) -> None:
    # A restore killed half-way leaves its hidden staging folder beside the target; the next
    # restore there clears the ones old enough that no running restore can own them.
    cutoff = time.time() - STALE_SECONDS
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.restoring-*"):
        with contextlib.suppress(OSError):
            if not leftover.is_symlink() and leftover.is_dir() and \
                    leftover.lstat().st_mtime < cutoff:
                shutil.rmtree(leftover)


def _restore_error_sentence(error: OSError, target: Path) -> str:
    return failed_write_sentence(
        error,
        no_space=f"There is not enough disk space in {target.parent} to restore this backup; "
                 "nothing was restored.",
        not_allowed=f"Museum may not write to {target.parent}; "
                    "choose another place to restore into.",
        otherwise=f"The backup could not be restored into {target}")


def _open_and_migrate(staging: Path) -> None:
    try:
        catalogue = Catalogue.open(staging)
    except CatalogueError as error:
        if shutil.disk_usage(staging).free < _ROOM_TO_OPEN:
            raise OSError(errno.ENOSPC, "no space left to open the restored catalogue") from None
        raise BackupError(f"The backup's catalogue cannot be opened: {error}") from None
    try:
        with catalogue.engine.connect() as connection:
            names = connection.execute(text("SELECT sha256 FROM photo")).scalars().all()
    finally:
        catalogue.close()
    if not all(is_sha256(name) for name in names):
        # A record is data: a forged one must never become a path outside the catalogue.
        raise BackupError("This backup's database holds a damaged photo record; "
                          "it was not restored.")


def _move_into_place(staging: Path, target: Path) -> None:
    (staging / "museum.lock").unlink(missing_ok=True)
    if target.exists():
        target.rmdir()  # checked empty above
    os.rename(staging, target)
    fsync_folder(target.parent)


def _swap_in(staging: Path, target: Path, aside: Path) -> None:
    (staging / "museum.lock").unlink(missing_ok=True)
    os.rename(target, aside)
    os.rename(staging, target)
    old_backups = aside / "backups"
    if old_backups.is_dir():
        (target / "backups").rmdir()
        os.rename(old_backups, target / "backups")
    fsync_folder(target.parent)


def _aside_name(target: Path) -> Path:
    return unused_sibling(target, "before restore")


def unused_sibling(folder: Path, label: str) -> Path:
    """A folder name beside `folder` that does not exist yet: 'NAME (label 2026-11-25 14.03)',
    numbered if that is taken, so nothing a user has is ever overwritten."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H.%M")
    candidate = folder.with_name(f"{folder.name} ({label} {stamp})")
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder.with_name(f"{folder.name} ({label} {stamp} {number})")
    return candidate
