"""`check`: is the catalogue whole? Database integrity, foreign keys, photo originals, index.

Problems are things that are wrong (a damaged page, a photo record without its original). Notes
are harmless leftovers (files in photos/ that no record uses, e.g. after a crash mid-import):
they are listed, and `repair` moves them to lost-and-found/ rather than deleting them.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from museum.core.atomic import atomic_writer
from museum.core.backup import sha256_of_file
from museum.core.backup_leftovers import remove_stale_leftovers
from museum.core.catalogue import Catalogue
from museum.core.db_probe import disk_trouble_sentence, is_disk_trouble
from museum.core.errors import CatalogueError
from museum.core.photo_paths import is_sha256, original_relpath
from museum.core.search_index import rebuild_index
from museum.core.text_check import find_undecodable_text, replace_undecodable_text

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
LOST_AND_FOUND = "lost-and-found"


@dataclass
class CheckReport:
    """What check found; `ok` means no problems (notes do not count)."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)
    photos_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_catalogue(catalogue: Catalogue, *, repair: bool = False,
                    progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> CheckReport:
    """Check the whole catalogue and list every problem found; with repair, fix what can be.

    Repair rebuilds the search index and thumbnails and moves orphan files to lost-and-found/;
    it never deletes a record or an original. The report after repair describes the catalogue
    as it is then.
    """
    if repair and catalogue.read_only:
        raise CatalogueError("A read-only catalogue cannot be repaired.")
    report = CheckReport()
    try:
        _check_database(catalogue, report)
        expected = _check_originals(catalogue, report, progress, cancelled)
    except SQLAlchemyDatabaseError as error:
        if is_disk_trouble(str(error.orig)):  # the disk's fault, not the file's
            raise CatalogueError(disk_trouble_sentence(catalogue.root, str(error.orig))) from None
        # Damage bad enough to stop a query: say so, and do not guess at the photo files.
        report.problems.append(f"Database damage: {error.orig}; restore a backup.")
        return report
    _find_orphans(catalogue, expected, report)
    if repair:
        _repair(catalogue, report)
        fresh = check_catalogue(catalogue, progress=progress, cancelled=cancelled)
        fresh.repaired = report.repaired
        return fresh
    return report


def _check_database(catalogue: Catalogue, report: CheckReport) -> None:
    with catalogue.engine.connect() as connection:
        rows = [row[0] for row in connection.execute(text("PRAGMA integrity_check(100)"))]
        if rows != ["ok"]:
            report.problems.extend(f"Database damage: {row}" for row in rows)
        for table, rowid, parent, _fk in connection.execute(text("PRAGMA foreign_key_check")):
            report.problems.append(f"Row {rowid} of table {table} points at a missing {parent}.")
        items = connection.execute(text("SELECT count(*) FROM item")).scalar_one()
        indexed = connection.execute(text("SELECT count(*) FROM item_fts")).scalar_one()
        if items != indexed:
            report.problems.append(f"The search index holds {indexed} items but there are "
                                   f"{items}; repair rebuilds it.")
        report.problems.extend(value.problem() for value in find_undecodable_text(connection))


def _check_originals(catalogue: Catalogue, report: CheckReport, progress: Progress | None,
                     cancelled: Cancelled | None) -> set[PurePosixPath]:
    with catalogue.engine.connect() as connection:
        photos = connection.execute(
            text("SELECT sha256, format, min(id) FROM photo GROUP BY sha256, format")).all()
    expected: set[PurePosixPath] = set()
    for done, (sha256, image_format, photo_id) in enumerate(photos, start=1):
        if cancelled and cancelled():
            raise CatalogueError("The check was cancelled.")
        if not is_sha256(sha256):
            report.problems.append(f"Photo {photo_id}: its record is damaged (the file name "
                                   f"{str(sha256)[:20]!r} is not a SHA-256).")
            continue
        relpath = original_relpath(sha256, image_format)
        expected.add(relpath)
        path = catalogue.root / relpath
        if not path.is_file():
            if _still_recorded(catalogue, sha256):
                report.problems.append(f"Photo {photo_id}: its original {relpath} is missing; "
                                       "restore it from a backup.")
        elif sha256_of_file(path) != sha256.lower():
            report.problems.append(f"Photo {photo_id}: its original {relpath} is damaged "
                                   "(the content does not match its hash); "
                                   "restore it from a backup.")
        if progress:
            progress(done, len(photos))
    report.photos_checked = len(photos)
    return expected


def _still_recorded(catalogue: Catalogue, sha256: str) -> bool:
    # check may run beside the app, which removes an original just after its last record.
    with catalogue.engine.connect() as connection:
        return connection.execute(text("SELECT 1 FROM photo WHERE sha256 = :sha LIMIT 1"),
                                  {"sha": sha256}).first() is not None


def _find_orphans(catalogue: Catalogue, expected: set[PurePosixPath], report: CheckReport) -> None:
    for folder, _dirs, files in os.walk(catalogue.photos_dir):
        for name in files:
            path = Path(folder) / name
            relpath = PurePosixPath(path.relative_to(catalogue.root).as_posix())
            if relpath not in expected:
                report.orphans.append(path)
                report.notes.append(f"{relpath} is not used by any photo record "
                                    "(left over from an interrupted import?).")


def _repair(catalogue: Catalogue, report: CheckReport) -> None:
    # Unused files first: if they cannot be set aside, nothing else has been changed either.
    if report.orphans:
        shelf = _new_shelf(catalogue.root / LOST_AND_FOUND)
        for moved, orphan in enumerate(report.orphans):
            try:
                _set_aside(orphan, shelf / orphan.relative_to(catalogue.photos_dir))
            except OSError as error:
                raise CatalogueError(
                    f"Repair could not move {orphan.name} to {shelf} ({error.strerror or error}); "
                    f"{moved} unused file(s) were moved before it and nothing else was changed."
                ) from None
        report.repaired.append(f"Moved {len(report.orphans)} unused file(s) to {shelf}.")
    with catalogue.engine.begin() as connection:  # before the index is rebuilt from the items
        replaced = replace_undecodable_text(
            connection, find_undecodable_text(connection),
            notes_folder=catalogue.root / LOST_AND_FOUND / dt.datetime.now().strftime(
                "%Y%m%d-%H%M%S"))
    if replaced:
        report.repaired.append(replaced)
    with catalogue.session() as session:
        count = rebuild_index(session)
    report.repaired.append(f"Rebuilt the search index ({count} items).")
    thumbnails = catalogue.cache_dir
    if thumbnails.is_dir():
        for child in thumbnails.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
        report.repaired.append("Cleared the thumbnails; they are rebuilt as they are shown.")
    removed, freed = remove_stale_leftovers(catalogue.backups_dir)
    if removed:
        report.repaired.append(f"Removed {removed} temporary file(s) left by interrupted backups "
                               f"({freed / 1e6:.1f} MB).")


def _new_shelf(lost_and_found: Path) -> Path:
    """A new dated folder in lost-and-found/, or CatalogueError saying why there cannot be one."""
    if lost_and_found.is_symlink() or (lost_and_found.exists() and not lost_and_found.is_dir()):
        raise CatalogueError(f"{lost_and_found} is a file, not a folder, so repair has nowhere "
                             "to set unused files aside; move or rename it, then repair again.")
    shelf = lost_and_found / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        shelf.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CatalogueError(f"Repair cannot make {shelf} to set unused files aside "
                             f"({error.strerror or error}); nothing was changed.") from None
    return shelf


def _set_aside(orphan: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(orphan, destination)
        return
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
    # photos/ is on another filesystem: copy whole (atomically), then remove the original.
    with orphan.open("rb") as reader, atomic_writer(destination) as writer:
        shutil.copyfileobj(reader, writer, 1024 * 1024)
    orphan.unlink()
