"""The photo writes a window makes, as plain calls to museum.core.photos (no widgets here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes


def import_files(catalogue: Catalogue, item_id: int, paths: list[Path]) -> Callable[..., Any]:
    """A job for run_with_progress: import paths as photos of item_id; returns the ImportReport."""
    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]):
        from museum.core.photos import import_photos

        return import_photos(catalogue, item_id=item_id, paths=list(paths), progress=progress,
                             cancelled=cancelled)
    return job


def imported_ids(paths: list[Path], report: Any) -> dict[str, int]:
    """Which new photo id each successfully imported path became (failures left out)."""
    skipped = {str(path) for path, _sentence in report.failures}
    skipped |= {str(path) for path in getattr(report, "duplicates", [])}
    done = [str(path) for path in paths if str(path) not in skipped]
    return dict(zip(done, report.photo_ids))


def left_out(paths: list[Path], report: Any) -> list[Path]:
    """The paths that did not become photos: failures, and files a cancel stopped before."""
    kept = (set(imported_ids(paths, report))
            | {str(path) for path in getattr(report, "duplicates", [])})
    return [path for path in paths if str(path) not in kept]


def failure_text(report: Any) -> str | None:
    """One readable paragraph about the files that could not be imported, or None."""
    if not report.failures:
        return None
    lines = [f"• {Path(path).name}: {sentence}" for path, sentence in report.failures[:8]]
    more = len(report.failures) - 8
    if more > 0:
        lines.append(f"…and {more} more.")
    count = len(report.failures)
    return f"{count} file{'s' if count != 1 else ''} could not be added:\n" + "\n".join(lines)


def arrange(catalogue: Catalogue, *, item_id: int, order: list[tuple[int, str, bool]],
            removed: list[int]) -> Changes:
    """Make the item's photos what the editor shows: removals, order, captions and the primary.

    `order` is (photo_id, caption, primary) in the wanted order.
    """
    from museum.core import photos

    changes = Changes(item_ids=frozenset({item_id}))
    for photo_id in removed:
        changes |= photos.remove_photo(catalogue, photo_id=photo_id)
    current = {photo.id: photo for photo in photos.list_photos(catalogue, item_id=item_id)}
    if [photo_id for photo_id, _c, _p in order] != list(current):
        for position, (photo_id, _caption, _primary) in enumerate(order, start=1):
            changes |= _as_changes(photos.move_photo(catalogue, photo_id=photo_id,
                                                     position=position))
    for photo_id, caption, primary in order:
        photo = current.get(photo_id)
        if photo is not None and (photo.caption or "") != caption:
            changes |= _as_changes(photos.set_caption(catalogue, photo_id=photo_id,
                                                      caption=caption))
        if primary and (photo is None or not photo.primary):
            changes |= photos.set_primary(catalogue, photo_id=photo_id)
    return changes


def _as_changes(result: Any) -> Changes:
    return result if isinstance(result, Changes) else Changes()
