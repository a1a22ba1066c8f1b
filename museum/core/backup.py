"""Writing a backup: a consistent snapshot of the database plus every photo original, in one zip.

The database is snapshotted with SQLite's `VACUUM INTO` (a read transaction, so it is consistent
even while another connection writes), and the list of photos comes from that snapshot, so the
archive always agrees with itself. The archive is written through the atomic writer: a backup
that fails or is cancelled leaves no file behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from museum import __version__
from museum.core.archive_format import (
    BACKUP_PREFIX, BACKUP_SUFFIX, DATABASE_MEMBER, MANIFEST_NAME, Manifest, ManifestEntry,
)
from museum.core.atomic import atomic_writer
from museum.core.backup_leftovers import (
    SNAPSHOT_PREFIX, TEMPORARY_SUFFIX, archive_temporary_prefix, remove_stale_leftovers,
)
from museum.core.catalogue import Catalogue
from museum.core.errors import BackupError
from museum.core.photo_paths import is_sha256, original_relpath
from museum.core.regular_files import open_regular_file

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_CHUNK = 1024 * 1024


@dataclass
class BackupResult:
    """A finished backup. `problems` are photos that could not be backed up as recorded."""

    path: Path
    manifest: Manifest
    bytes: int
    problems: list[str] = field(default_factory=list)


def default_backup_path(folder: Path, *, now: dt.datetime | None = None) -> Path:
    """A new, unused backup file name in folder, named by the time so names sort by age."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{BACKUP_PREFIX}{stamp}-{number}{BACKUP_SUFFIX}"
    return candidate


def create_backup(
    catalogue: Catalogue,
    *,
    destination: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    overwrite: bool = False,
    unless_database_is: str | None = None,
) -> BackupResult | None:
    """Write one archive holding the database, every photo original and a manifest of hashes.

    With `unless_database_is` (the SHA-256 of an earlier backup's database), nothing is written
    and None returned when the database snapshot is byte for byte that one.

    The archive appears at `destination` (default: a new file in the catalogue's backups/) only
    when complete; on any failure or cancel nothing is left behind and BackupError says why.
    An existing file is replaced only with `overwrite`; nothing inside the catalogue folder but
    its backups/ is ever a destination. Originals that are missing or damaged are left out,
    named in `problems` and in the manifest's `missing`, so such a backup never counts as good.
    """
    target = _checked_target(catalogue, destination, overwrite=overwrite)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_leftovers(target.parent)
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=SNAPSHOT_PREFIX,
                                         suffix=TEMPORARY_SUFFIX) as tmp:
            snapshot = Path(tmp) / DATABASE_MEMBER
            _snapshot_database(catalogue.db_path, snapshot)
            if unless_database_is and sha256_of_file(snapshot) == unless_database_is:
                return None
            photos, items = _photos_in(snapshot)
            manifest = Manifest(schema_revision=_revision_of(snapshot), created=_now_text(),
                                museum_version=__version__, items=items, photos=len(photos))
            problems: list[str] = []
            # A backup holds the whole catalogue: readable by its owner only.
            with atomic_writer(target, private=True,
                               temporary_prefix=archive_temporary_prefix(target)) as stream:
                _write_archive(stream, catalogue.root, snapshot, photos, manifest, problems,
                               progress or _ignore, cancelled or _never)
    except OSError as error:
        raise BackupError(_os_error_sentence(error, target)) from None
    except sqlite3.Error as error:
        raise BackupError(
            f"The catalogue database could not be read for the backup: {error}.") from None
    return BackupResult(path=target, manifest=manifest, bytes=target.stat().st_size,
                        problems=problems)


def _checked_target(catalogue: Catalogue, destination: Path | None, *, overwrite: bool) -> Path:
    target = Path(destination).expanduser() if destination else None
    if target is None:
        return default_backup_path(catalogue.backups_dir)
    # A folder is where the new file goes: checked like a file name in it would be.
    named = default_backup_path(target) if target.is_dir() else target
    resolved = named.resolve()
    inside = resolved.is_relative_to(catalogue.root.resolve())
    if inside and not resolved.is_relative_to(catalogue.backups_dir.resolve()):
        raise BackupError(f"A backup cannot be written inside the catalogue itself ({target}); "
                          "choose a place outside it, or its backups folder.")
    if target.is_dir():
        return named
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; choose a new file name for the backup.")
    return target


def _snapshot_database(db_path: Path, snapshot: Path) -> None:
    source = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        source.execute("PRAGMA busy_timeout = 5000")
        source.execute("VACUUM INTO ?", (str(snapshot),))
    finally:
        source.close()


def _photos_in(snapshot: Path) -> tuple[list[tuple[str, str]], int]:
    connection = sqlite3.connect(snapshot)
    try:
        photos = connection.execute(
            "SELECT sha256, min(format) FROM photo GROUP BY sha256 ORDER BY sha256").fetchall()
        items = connection.execute("SELECT count(*) FROM item").fetchone()[0]
    finally:
        connection.close()
    return [(str(sha), str(fmt)) for sha, fmt in photos], int(items)


def _revision_of(snapshot: Path) -> str:
    connection = sqlite3.connect(snapshot)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return str(row[0]) if row else ""


def _write_archive(stream: BinaryIO, root: Path, snapshot: Path, photos: list[tuple[str, str]],
                   manifest: Manifest, problems: list[str], progress: Progress,
                   cancelled: Cancelled) -> None:
    total = len(photos) + 1
    with zipfile.ZipFile(stream, "w", allowZip64=True) as archive:
        manifest.files.append(_add_file(archive, snapshot, DATABASE_MEMBER, zipfile.ZIP_DEFLATED))
        progress(1, total)
        for done, (sha256, image_format) in enumerate(photos, start=2):
            if cancelled():
                raise BackupError("The backup was cancelled; no file was written.")
            problem = _add_original(archive, root, sha256, image_format, manifest)
            if problem:
                problems.append(problem)
            progress(done, total)
        archive.writestr(MANIFEST_NAME, manifest.to_json(), zipfile.ZIP_DEFLATED)


def _add_original(archive: zipfile.ZipFile, root: Path, sha256: str, image_format: str,
                  manifest: Manifest) -> str | None:
    """Add one original; a sentence (and an entry in manifest.missing) when it cannot be."""
    if not is_sha256(sha256):
        manifest.missing.append(sha256)
        return f"A photo record is damaged (its file name {sha256[:20]!r} is not a SHA-256)."
    relpath = original_relpath(sha256, image_format)
    source = root / relpath
    if not source.is_file():
        manifest.missing.append(str(relpath))
        return f"The original {relpath} is missing; it is not in this backup."
    if sha256_of_file(source) != sha256:
        # A damaged copy is worth nothing as a backup and must not pass for a good one.
        manifest.missing.append(str(relpath))
        return f"The original {relpath} is damaged (its content does not match its hash)."
    entry = _add_file(archive, source, str(relpath), zipfile.ZIP_STORED)
    if entry.sha256 != sha256:  # changed while we read it
        manifest.missing.append(str(relpath))
        return f"The original {relpath} changed while it was being backed up."
    manifest.files.append(entry)
    return None


def _add_file(archive: zipfile.ZipFile, source: Path, name: str, method: int) -> ManifestEntry:
    digest = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo(name, date_time=_zip_time(source))
    info.compress_type = method
    info.external_attr = 0o644 << 16
    with open_regular_file(source) as reader, archive.open(info, "w", force_zip64=True) as writer:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
    return ManifestEntry(path=name, sha256=digest.hexdigest(), bytes=size)


def _zip_time(source: Path) -> tuple[int, int, int, int, int, int]:
    moment = dt.datetime.fromtimestamp(max(source.stat().st_mtime, 315532800))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _os_error_sentence(error: OSError, target: Path) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"There is not enough disk space for the backup in {target.parent}; "
                "no backup file was written and the catalogue is unchanged.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Museum may not write to {target.parent}; choose another place for the backup."
    return f"The backup could not be written to {target}: {error.strerror or error}."


def _now_text() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _ignore(_done: int, _total: int) -> None:
    pass


def _never() -> bool:
    return False


def sha256_of_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open_regular_file(path) as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()

