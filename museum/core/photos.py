"""The photo library: every item's pictures — import, order, primary, captions, removal.

Positions shown to users are 1-based (1 = first); the database keeps them dense and 0-based.
An item's primary photo is the one the user chose (at most one photo per item has is_primary
set) or, when none was chosen, the first. Originals live in photos/ under their SHA-256 and are
never changed; thumbnails live in cache/ and are rebuilt whenever they are missing or stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select, update
from sqlmodel import Session

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import NotFoundError, ValidationError
from museum.core.models import Photo
from museum.core.photo_gc import collect_garbage, forget_unreferenced
from museum.core.photo_import import Cancelled, Progress, check_items_exist, import_into_items
from museum.core.photo_paths import original_relpath
from museum.core.photo_records import ImportReport, PhotoRecord
from museum.core.thumbnails import ensure_thumbnail

__all__ = [
    "ImportReport", "PhotoRecord", "collect_garbage", "get_photo", "import_photos",
    "list_photos", "move_photo", "original_path", "remove_photo", "set_caption", "set_primary",
    "thumbnail_path",
]
CAPTION_LIMIT = 2000


def import_photos(
    catalogue: Catalogue, *, item_id: int, paths: Iterable[Path | str],
    progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> ImportReport:
    """Add these files as photos of the item, after the photos it already has, in the order
    given. Each file that cannot be imported gets one sentence in report.failures and leaves
    the catalogue and the store untouched; the others are imported. A file already stored is
    stored once; a file that already is a photo of this item is listed in report.duplicates.
    progress(done, total) is called after each file; when cancelled() turns True the files not
    yet started are skipped and report.cancelled is set. Raises NotFoundError for a bad item.
    """
    entries = [(item_id, Path(path)) for path in paths]
    if not entries:
        check_items_exist(catalogue, {item_id})
    return import_into_items(catalogue, entries=entries, progress=progress, cancelled=cancelled)


def list_photos(catalogue: Catalogue, *, item_id: int) -> list[PhotoRecord]:
    """The item's photos in the order the user set (an empty list for an item without any)."""
    with catalogue.session() as session:
        return _records(_ordered(session, item_id))


def get_photo(catalogue: Catalogue, *, photo_id: int) -> PhotoRecord:
    """The photo with this id; NotFoundError if there is none."""
    with catalogue.session() as session:
        photo = _get(session, photo_id)
        for record in _records(_ordered(session, photo.item_id)):
            if record.id == photo_id:
                return record
    raise NotFoundError(f"There is no photo with id {photo_id}.")


def remove_photo(catalogue: Catalogue, *, photo_id: int) -> Changes:
    """Remove a photo from its item. Its original and thumbnails are deleted once no other
    photo uses the same file — after the database change is committed."""
    with catalogue.session() as session:
        photo = _get(session, photo_id)
        item_id, sha = photo.item_id, photo.sha256
        session.delete(photo)
        session.flush()
        _renumber(session, [other.id for other in _ordered(session, item_id)])
    forget_unreferenced(catalogue, [sha])
    return Changes(item_ids=frozenset({item_id}), photo_ids=frozenset({photo_id}))


def set_primary(catalogue: Catalogue, *, photo_id: int) -> Changes:
    """Make this photo its item's primary photo (the one shown for the item everywhere)."""
    with catalogue.session() as session:
        photo = _get(session, photo_id)
        session.execute(update(Photo).where(Photo.item_id == photo.item_id)
                        .values(is_primary=Photo.id == photo_id))
        siblings = set(session.execute(
            select(Photo.id).where(Photo.item_id == photo.item_id)).scalars())
    return Changes(item_ids=frozenset({photo.item_id}), photo_ids=frozenset(siblings))


def set_caption(catalogue: Catalogue, *, photo_id: int, caption: str | None) -> Changes:
    """Set the photo's caption; blank text removes it."""
    text = (caption or "").strip() or None
    if text is not None and len(text) > CAPTION_LIMIT:
        raise ValidationError(f"A caption can be at most {CAPTION_LIMIT} characters long.")
    with catalogue.session() as session:
        photo = _get(session, photo_id)
        photo.caption = text
        session.add(photo)
    return Changes(item_ids=frozenset({photo.item_id}), photo_ids=frozenset({photo_id}))


def move_photo(catalogue: Catalogue, *, photo_id: int, position: int) -> Changes:
    """Move a photo to a 1-based position among its item's photos; the others close up.
    Moving does not change which photo is primary unless none was chosen (then the first is)."""
    with catalogue.session() as session:
        photo = _get(session, photo_id)
        order = [other.id for other in _ordered(session, photo.item_id)]
        if not 1 <= position <= len(order):
            raise ValidationError(f"Position {position} is out of range; item {photo.item_id} "
                                  f"has photos at positions 1 to {len(order)}.")
        order.remove(photo_id)
        order.insert(position - 1, photo_id)
        _renumber(session, order)
    return Changes(item_ids=frozenset({photo.item_id}), photo_ids=frozenset(order))


def original_path(catalogue: Catalogue, *, photo_id: int) -> Path:
    """Where the photo's original file is stored (read it; never write to it)."""
    with catalogue.session() as session:
        photo = _get(session, photo_id)
    return catalogue.root / original_relpath(photo.sha256, photo.format)


def thumbnail_path(catalogue: Catalogue, *, photo_id: int, size: str) -> Path:
    """The path of a fresh thumbnail ("grid" ~320 px or "preview" ~1600 px on the long edge),
    upright and in sRGB. Builds that one thumbnail first if it is missing or stale, so a call
    takes at most one thumbnail build. Safe to call from worker threads."""
    with catalogue.session() as session:
        photo = _get(session, photo_id)
    original = catalogue.root / original_relpath(photo.sha256, photo.format)
    return ensure_thumbnail(catalogue.root, original, photo.sha256, size, name=photo.filename)


def _get(session: Session, photo_id: int) -> Photo:
    photo = session.get(Photo, photo_id)
    if photo is None:
        raise NotFoundError(f"There is no photo with id {photo_id}.")
    return photo


def _ordered(session: Session, item_id: int) -> list[Photo]:
    statement = select(Photo).where(Photo.item_id == item_id).order_by(Photo.position, Photo.id)
    return list(session.execute(statement).scalars())


def _renumber(session: Session, photo_ids: list[int]) -> None:
    for index, photo_id in enumerate(photo_ids):
        session.execute(update(Photo).where(Photo.id == photo_id).values(position=index))


def _records(photos: list[Photo]) -> list[PhotoRecord]:
    chosen = next((photo.id for photo in photos if photo.is_primary), None)
    primary_id = chosen if chosen is not None else (photos[0].id if photos else None)
    return [
        PhotoRecord(id=photo.id, item_id=photo.item_id, position=index + 1,
                    primary=photo.id == primary_id, caption=photo.caption,
                    filename=photo.filename, format=photo.format, width=photo.width,
                    height=photo.height, bytes=photo.bytes, sha256=photo.sha256,
                    taken_at=photo.taken_at)
        for index, photo in enumerate(photos)
    ]
