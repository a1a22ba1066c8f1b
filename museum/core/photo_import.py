"""Importing photo files: check, store and thumbnail each file, then record them in batches.

Files are prepared by two worker threads (Pillow releases the GIL while decoding), each one
completely: staged copy, header and pixel checks, both thumbnails from one reduced decode, then
the original renamed into the store. Only prepared files reach the database, in one transaction
per batch, so a bad file never leaves a record, and a crash leaves at most unreferenced files.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import NotFoundError, PhotoError
from museum.core.image_io import describe_path_problem, open_image, read_facts
from museum.core.models import Item, Photo
from museum.core.photo_gc import forget_unreferenced
from museum.core.photo_paths import THUMBNAIL_SIZES, original_relpath, readable_name
from museum.core.photo_records import ImportReport
from museum.core.photo_store import (
    StagedFile,
    discard_staged,
    keep_staged,
    stage_copy,
    store_error_sentence,
)
from museum.core.thumbnails import is_fresh, render_all, thumbnail_file, write_thumbnails

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
WORKERS = 2
BATCH_SIZE = 200


@dataclass(frozen=True)
class PreparedPhoto:
    """A file now safely in the store, with what its record needs."""

    sha256: str
    filename: str
    format: str
    width: int
    height: int
    bytes: int
    taken_at: str | None


def prepare_photo(catalogue: Catalogue, source: Path) -> PreparedPhoto:
    """Check source, store its original and thumbnails; raise PhotoError with one sentence.

    The stored file is registered in catalogue.pending_originals until the caller has
    committed its record (or given up) and called catalogue.pending_originals.discard.
    """
    problem = describe_path_problem(source)
    if problem:
        raise PhotoError(problem)
    root = catalogue.root
    staged = stage_copy(root / "photos", source)
    catalogue.pending_originals.add(staged.sha256)
    try:
        prepared = _check_and_thumbnail(root, staged, readable_name(source.name))
        keep_staged(staged, root / original_relpath(staged.sha256, prepared.format))
    except BaseException as error:
        discard_staged(staged)
        catalogue.pending_originals.discard(staged.sha256)
        if isinstance(error, OSError):  # writing thumbnails or the original: disk full, ...
            raise PhotoError(store_error_sentence(error, source)) from None
        raise
    return prepared


def _check_and_thumbnail(root: Path, staged: StagedFile, name: str) -> PreparedPhoto:
    with staged.temporary.open("rb") as stream:
        image = open_image(stream, name)
        facts = read_facts(image)
        stored = root / original_relpath(staged.sha256, facts.format)
        # An original already in the store was fully checked when it arrived.
        if not (stored.exists() and _thumbnails_fresh(root, staged.sha256, stored)):
            write_thumbnails(root, staged.sha256, render_all(image, name, facts.orientation))
    return PreparedPhoto(sha256=staged.sha256, filename=name, format=facts.format,
                         width=facts.width, height=facts.height, bytes=staged.size,
                         taken_at=facts.taken_at)


def _thumbnails_fresh(root: Path, sha256: str, original: Path) -> bool:
    return all(is_fresh(thumbnail_file(root, sha256, size), original) for size in THUMBNAIL_SIZES)


def import_into_items(
    catalogue: Catalogue, *, entries: Sequence[tuple[int, Path | str]],
    progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import (item_id, file) pairs; see photos.import_photos for the promises."""
    pairs = [(int(item_id), Path(path)) for item_id, path in entries]
    check_items_exist(catalogue, {item_id for item_id, _ in pairs})
    report = ImportReport(changes=Changes(), photo_ids=[], failures=[])
    batch: list[tuple[int, Path, PreparedPhoto]] = []
    done = 0
    for (item_id, path), outcome in _prepare_in_order(catalogue, pairs, cancelled, report):
        if isinstance(outcome, PreparedPhoto):
            batch.append((item_id, path, outcome))
        else:
            # The sentence is shown as text: a file name's undecodable bytes must not break it.
            report.failures.append((str(path), readable_name(outcome)))
        if len(batch) >= BATCH_SIZE:
            _record_batch(catalogue, batch, report)
            batch = []
        done += 1
        if progress is not None:
            progress(done, len(pairs))
    if batch:
        _record_batch(catalogue, batch, report)
    return report


def _prepare_in_order(
    catalogue: Catalogue, pairs: list[tuple[int, Path]], cancelled: Cancelled | None,
    report: ImportReport,
) -> Iterator[tuple[tuple[int, Path], PreparedPhoto | str]]:
    # A small window of work in flight keeps memory flat however many files are given.
    window: deque[tuple[tuple[int, Path], Future[PreparedPhoto]]] = deque()
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="photo-import") as pool:
        for pair in pairs:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            window.append((pair, pool.submit(prepare_photo, catalogue, pair[1])))
            if len(window) >= WORKERS * 2:
                yield _settled(*window.popleft())
        while window:
            yield _settled(*window.popleft())


def _settled(pair: tuple[int, Path], future: Future[PreparedPhoto]
             ) -> tuple[tuple[int, Path], PreparedPhoto | str]:
    try:
        return pair, future.result()
    except PhotoError as error:
        return pair, str(error)
    except MemoryError:
        return pair, f"{pair[1].name} is too large to open with the memory available."
    except Exception as error:  # noqa: BLE001 — one odd file must not stop the others
        return pair, f"{pair[1].name} could not be imported ({type(error).__name__}: {error})."


def check_items_exist(catalogue: Catalogue, item_ids: set[int]) -> None:
    """Raise NotFoundError naming the first of item_ids that is not in the catalogue."""
    with catalogue.session() as session:
        found = set(session.execute(select(Item.id).where(Item.id.in_(item_ids))).scalars())
    missing = sorted(item_ids - found)
    if missing:
        raise NotFoundError(f"There is no item with id {missing[0]}.")


def _record_batch(catalogue: Catalogue, batch: list[tuple[int, Path, PreparedPhoto]],
                  report: ImportReport) -> None:
    item_ids = {item_id for item_id, _, _ in batch}
    new_ids: list[int] = []
    try:
        with catalogue.session() as session:
            alive = set(session.execute(select(Item.id).where(Item.id.in_(item_ids))).scalars())
            known = _known_photos(session, item_ids)
            next_position = _next_positions(session, item_ids)
            for item_id, path, prepared in batch:
                if item_id not in alive:
                    report.failures.append((str(path), f"{path.name} was not added: item "
                                            f"{item_id} was deleted during the import."))
                    continue
                if (item_id, prepared.sha256) in known:
                    report.duplicates.append(str(path))
                    continue
                known.add((item_id, prepared.sha256))
                photo = Photo(item_id=item_id, position=next_position.get(item_id, 0),
                              **prepared.__dict__)
                next_position[item_id] = photo.position + 1
                session.add(photo)
                session.flush()
                new_ids.append(photo.id)
    finally:
        for _, _, prepared in batch:
            catalogue.pending_originals.discard(prepared.sha256)
    # Files of items deleted meanwhile are referenced by nothing now.
    forget_unreferenced(catalogue, {prepared.sha256 for _, _, prepared in batch})
    report.photo_ids.extend(new_ids)
    touched = {item_id for item_id, _, _ in batch}
    report.changes |= Changes(item_ids=frozenset(touched), photo_ids=frozenset(new_ids))


def _known_photos(session: Session, item_ids: set[int]) -> set[tuple[int, str]]:
    rows = session.execute(select(Photo.item_id, Photo.sha256).where(Photo.item_id.in_(item_ids)))
    return {(item_id, sha) for item_id, sha in rows}


def _next_positions(session: Session, item_ids: set[int]) -> dict[int, int]:
    rows = session.execute(select(Photo.item_id, func.max(Photo.position))
                           .where(Photo.item_id.in_(item_ids)).group_by(Photo.item_id))
    return {item_id: highest + 1 for item_id, highest in rows}
