"""The content-addressed store of originals in photos/: copy in, name by SHA-256, never change.

A file is copied into a hidden temporary file inside photos/ while it is hashed, checked there,
and only then renamed to photos/ab/abcdef….ext. So what was checked is exactly what is stored,
and a file that fails its checks leaves nothing behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from museum.core.atomic import fsync_folder
from museum.core.errors import PhotoError

_CHUNK = 1 << 20
_STAGING_PREFIX = ".incoming-"
STALE_TEMPORARY_SECONDS = 3600  # temp files older than this are left-overs of a crash


_STORE_FULL = (errno.ENOSPC, errno.EDQUOT)


def store_error_sentence(error: OSError, source: Path) -> str:
    """One sentence for a failed write into the store while importing source."""
    if error.errno in _STORE_FULL:
        return (f"There is not enough disk space to import {source.name}; "
                "it was not added and nothing already saved was changed.")
    return f"{source.name} could not be stored in the catalogue: {error.strerror or error}."


@dataclass(frozen=True)
class StagedFile:
    """A private, fsynced copy of a file being imported, not yet in the store."""

    temporary: Path
    sha256: str
    size: int


def stage_copy(photos_dir: Path, source: Path) -> StagedFile:
    """Copy source into a temporary file in photos_dir, hashing it on the way."""
    photos_dir.mkdir(parents=True, exist_ok=True)
    try:
        reader = source.open("rb")
    except OSError as error:
        raise PhotoError(f"Cannot read {source}: {error.strerror or error}.") from None
    try:
        handle, name = tempfile.mkstemp(dir=photos_dir, prefix=_STAGING_PREFIX, suffix=".tmp")
    except OSError as error:
        reader.close()
        raise PhotoError(store_error_sentence(error, source)) from None
    temporary = Path(name)
    try:
        digest, size = _copy_and_hash(reader, handle)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        if error.errno in _STORE_FULL:
            raise PhotoError(store_error_sentence(error, source)) from None
        raise PhotoError(f"Cannot read {source}: {error.strerror or error}.") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        reader.close()
    return StagedFile(temporary=temporary, sha256=digest, size=size)


def _copy_and_hash(reader: object, handle: int) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with os.fdopen(handle, "wb") as writer:
        while chunk := reader.read(_CHUNK):  # type: ignore[attr-defined]
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return digest.hexdigest(), size


def keep_staged(staged: StagedFile, destination: Path) -> None:
    """Move a checked staged file to its place in the store, or drop it if an intact copy is
    already there (a damaged copy is replaced by the checked one)."""
    if destination.exists() and _is_intact(destination, staged):
        staged.temporary.unlink(missing_ok=True)
        return
    folder_is_new = not destination.parent.exists()
    destination.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged.temporary, destination)
    fsync_folder(destination.parent)
    if folder_is_new:
        fsync_folder(destination.parent.parent)  # the new ab/ folder's own entry


def _is_intact(stored: Path, staged: StagedFile) -> bool:
    try:
        if stored.stat().st_size != staged.size:
            return False
        digest = hashlib.sha256()
        with stored.open("rb") as reader:
            while chunk := reader.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == staged.sha256


def discard_staged(staged: StagedFile) -> None:
    """Forget a staged file that failed its checks."""
    staged.temporary.unlink(missing_ok=True)


def stored_files(folder: Path) -> list[Path]:
    """Every stored file under folder (originals or thumbnails), leaving temporary files out."""
    if not folder.is_dir():
        return []
    return [path for path in folder.rglob("*")
            if path.is_file() and not path.name.startswith(".")]


def stale_temporaries(folder: Path, *, now: float | None = None) -> list[Path]:
    """Temporary files under folder old enough to be left over from an interrupted write."""
    if not folder.is_dir():
        return []
    cutoff = (now if now is not None else time.time()) - STALE_TEMPORARY_SECONDS
    found = []
    for path in folder.rglob(".*.tmp"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                found.append(path)
        except OSError:
            continue
    return found


def sha_of_stored(path: Path) -> str:
    """The SHA-256 a stored original or thumbnail is named by."""
    return path.name.split(".", 1)[0]


def remove_files(paths: list[Path]) -> list[Path]:
    """Delete these files, skipping any already gone; the ones actually removed."""
    removed = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue  # still referenced on disk elsewhere or locked; the next collection retries
        removed.append(path)
    # Empty ab/ folders stay: removing one could race an import renaming a file into it.
    return removed
