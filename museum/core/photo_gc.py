"""Removing originals and thumbnails that no photo record references any more.

Always called after the database commit that dropped the last reference, never before: a crash in
between leaves an unreferenced file (which the next collection removes), never a record without
its file.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from museum.core.catalogue import Catalogue
from museum.core.models import Photo
from museum.core.photo_paths import (
    FORMAT_EXTENSIONS,
    THUMBNAIL_SIZES,
    is_sha256,
    original_relpath,
    thumbnail_relpath,
)
from museum.core.photo_store import remove_files, sha_of_stored, stale_temporaries, stored_files

# Files younger than this are left alone by a full collection: an import in another process may
# have stored them a moment before committing its record.
GRACE_SECONDS = 600.0


def forget_unreferenced(catalogue: Catalogue, sha256s: Iterable[str]) -> list[Path]:
    """Remove the original and thumbnails of each of these SHA-256s that nothing references."""
    candidates = set(sha256s)
    if not candidates:
        return []
    with catalogue.pending_originals.guard():
        with catalogue.session() as session:
            still_used = set(session.execute(
                select(Photo.sha256).where(Photo.sha256.in_(candidates)).distinct()).scalars())
        doomed: list[Path] = []
        for sha in sorted(candidates - still_used):
            if sha not in catalogue.pending_originals:
                doomed.extend(_files_of(catalogue.root, sha))
        return remove_files(doomed)


def collect_garbage(catalogue: Catalogue, *, grace_seconds: float = GRACE_SECONDS) -> list[Path]:
    """Remove every stored original and thumbnail that no photo record references, and
    temporary files left by interrupted writes. Files newer than grace_seconds are kept.
    Returns the paths removed.
    """
    with catalogue.pending_originals.guard():
        with catalogue.session() as session:
            referenced = set(session.execute(select(Photo.sha256).distinct()).scalars())
        cutoff = time.time() - grace_seconds
        doomed = []
        for folder in (catalogue.photos_dir, catalogue.cache_dir):
            for path in stored_files(folder):
                sha = sha_of_stored(path)
                if (sha not in referenced and sha not in catalogue.pending_originals
                        and _older_than(path, cutoff)):
                    doomed.append(path)
            doomed.extend(stale_temporaries(folder))
        return remove_files(doomed)


def _files_of(root: Path, sha256: str) -> list[Path]:
    if not is_sha256(sha256):
        return []  # a damaged record names no file of ours; `check` reports it
    originals = [root / original_relpath(sha256, image_format)
                 for image_format in FORMAT_EXTENSIONS]
    thumbnails = [root / thumbnail_relpath(sha256, size) for size in THUMBNAIL_SIZES]
    return [path for path in originals + thumbnails if path.exists()]


def _older_than(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except OSError:
        return False
