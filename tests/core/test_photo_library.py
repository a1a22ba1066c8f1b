"""Bad input, duplicates, order, primary photo, captions, removal and garbage collection."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from museum.core import photos
from museum.core.catalogue import Catalogue
from museum.core.errors import NotFoundError, PhotoError, ValidationError
from museum.core.items import add_item, get_item, purge_items, trash_items
from museum.core.models import Photo
from tests.photo_samples import quadrants, write, write_png_claiming_size


@pytest.fixture
def item_id(catalogue: Catalogue) -> int:
    return add_item(catalogue, fields={"kind": "medal", "title": "Medal"}).created_ids[0]


def store_snapshot(catalogue: Catalogue) -> list[str]:
    """Every file in photos/ and cache/, temporary ones included."""
    return sorted(str(path.relative_to(catalogue.root))
                  for folder in (catalogue.photos_dir, catalogue.cache_dir)
                  for path in folder.rglob("*") if path.is_file())


def photo_rows(catalogue: Catalogue) -> int:
    with catalogue.session() as session:
        return session.execute(select(func.count(Photo.id))).scalar_one()


def some_photos(catalogue: Catalogue, item_id: int, tmp_path: Path, count: int) -> list[int]:
    paths = [write(tmp_path / f"p{n}.png", quadrants(40 + n, 30)) for n in range(count)]
    report = photos.import_photos(catalogue, item_id=item_id, paths=paths)
    assert report.failures == []
    return report.photo_ids


def bad_files(tmp_path: Path) -> dict[str, Path]:
    whole = write(tmp_path / "whole.jpg", quadrants(800, 600), quality=90).read_bytes()
    (tmp_path / "truncated.jpg").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "notes.jpg").write_text("This is not a photo at all.\n")
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (tmp_path / "a folder.jpg").mkdir()
    locked = write(tmp_path / "locked.jpg", quadrants(640, 480))
    locked.chmod(0)
    os.mkfifo(tmp_path / "pipe.jpg")
    return {
        "truncated": tmp_path / "truncated.jpg", "text": tmp_path / "notes.jpg",
        "empty": tmp_path / "empty.jpg", "pdf": tmp_path / "scan.pdf",
        "bomb": write_png_claiming_size(tmp_path / "bomb.png", 20_000, 20_000),
        "folder": tmp_path / "a folder.jpg", "missing": tmp_path / "missing.jpg",
        "unreadable": locked, "pipe": tmp_path / "pipe.jpg",
    }


EXPECTED_SENTENCES = {
    "truncated": "truncated.jpg is damaged or incomplete",
    "text": "notes.jpg is not a photo Museum can read",
    "empty": "empty.jpg is empty (0 bytes).",
    "pdf": "scan.pdf is not a photo Museum can read",
    "bomb": "bomb.png is too large to open safely: 20,000 × 20,000 pixels",
    "folder": "a folder.jpg is a folder, not a photo.",
    "missing": "missing.jpg does not exist.",
    "unreadable": "Cannot read",
    "pipe": "pipe.jpg is not a regular file.",
}


# Pillow warns about the bomb before Museum refuses it with its own sentence.
quiet_bombs = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")


@quiet_bombs
@pytest.mark.parametrize("kind", sorted(EXPECTED_SENTENCES))
def test_bad_file_gets_one_sentence_and_leaves_everything_untouched(
        catalogue, item_id, tmp_path, kind):
    if kind == "unreadable" and os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = bad_files(tmp_path)[kind]
    before = store_snapshot(catalogue)
    report = photos.import_photos(catalogue, item_id=item_id, paths=[path])
    assert report.photo_ids == []
    [(failed_path, sentence)] = report.failures
    assert failed_path == str(path)
    assert EXPECTED_SENTENCES[kind] in sentence
    assert sentence.endswith(".") and "\n" not in sentence and "Traceback" not in sentence
    assert store_snapshot(catalogue) == before
    assert photo_rows(catalogue) == 0


@quiet_bombs
def test_many_files_import_the_good_ones_and_report_each_bad_one(catalogue, item_id, tmp_path):
    bad = bad_files(tmp_path)
    good = [write(tmp_path / f"good{n}.jpg", quadrants(400 + n, 300)) for n in range(3)]
    if os.geteuid() == 0:
        del bad["unreadable"]  # root can read it
    mixed = [good[0], *bad.values(), good[1], good[2]]
    seen: list[tuple[int, int]] = []
    report = photos.import_photos(catalogue, item_id=item_id, paths=mixed,
                                  progress=lambda done, total: seen.append((done, total)))
    assert len(report.photo_ids) == 3
    failed = {Path(path) for path, _ in report.failures}
    assert failed == set(bad.values())
    assert seen[-1] == (len(mixed), len(mixed)) and len(seen) == len(mixed)
    assert [p.filename for p in photos.list_photos(catalogue, item_id=item_id)] == \
        ["good0.jpg", "good1.jpg", "good2.jpg"]
    assert (report.changes.item_ids == {item_id}
            and report.changes.photo_ids == set(report.photo_ids))


def test_same_file_is_stored_once(catalogue, tmp_path):
    first = add_item(catalogue, fields={"kind": "medal", "title": "A"}).created_ids[0]
    second = add_item(catalogue, fields={"kind": "shirt", "title": "B"}).created_ids[0]
    source = write(tmp_path / "same.jpg", quadrants(), quality=90)
    copy = tmp_path / "copy of same.jpg"
    copy.write_bytes(source.read_bytes())
    photos.import_photos(catalogue, item_id=first, paths=[source])
    again = photos.import_photos(catalogue, item_id=first, paths=[copy])
    other = photos.import_photos(catalogue, item_id=second, paths=[copy])
    assert again.photo_ids == [] and again.duplicates == [str(copy)] and again.failures == []
    assert len(other.photo_ids) == 1
    originals = [p for p in catalogue.photos_dir.rglob("*") if p.is_file()]
    assert len(originals) == 1
    assert photos.original_path(catalogue, photo_id=other.photo_ids[0]) == originals[0]


def test_order_primary_and_caption(catalogue, item_id, tmp_path):
    a, b, c = some_photos(catalogue, item_id, tmp_path, 3)
    assert [(p.id, p.position, p.primary) for p in photos.list_photos(catalogue, item_id=item_id)] \
        == [(a, 1, True), (b, 2, False), (c, 3, False)]
    changes = photos.move_photo(catalogue, photo_id=c, position=1)
    assert changes.item_ids == {item_id}
    assert [p.id for p in photos.list_photos(catalogue, item_id=item_id)] == [c, a, b]
    assert get_item(catalogue, item_id).primary_photo_id == c  # none chosen: the first
    photos.set_primary(catalogue, photo_id=b)
    photos.move_photo(catalogue, photo_id=a, position=3)
    listed = photos.list_photos(catalogue, item_id=item_id)
    assert [(p.id, p.primary) for p in listed] == [(c, False), (b, True), (a, False)]
    assert get_item(catalogue, item_id).primary_photo_id == b
    assert get_item(catalogue, item_id).photo_count == 3
    photos.set_caption(catalogue, photo_id=a, caption="  Back of the medal  ")
    assert photos.get_photo(catalogue, photo_id=a).caption == "Back of the medal"
    photos.set_caption(catalogue, photo_id=a, caption="   ")
    assert photos.get_photo(catalogue, photo_id=a).caption is None


def test_bad_positions_and_ids_are_refused_with_a_sentence(catalogue, item_id, tmp_path):
    a, _b = some_photos(catalogue, item_id, tmp_path, 2)
    with pytest.raises(ValidationError, match="positions 1 to 2"):
        photos.move_photo(catalogue, photo_id=a, position=3)
    with pytest.raises(ValidationError):
        photos.move_photo(catalogue, photo_id=a, position=0)
    with pytest.raises(NotFoundError, match="no photo with id 999"):
        photos.get_photo(catalogue, photo_id=999)
    with pytest.raises(NotFoundError, match="no item with id 999"):
        photos.import_photos(catalogue, item_id=999, paths=[])
    with pytest.raises(PhotoError, match="no thumbnail size"):
        photos.thumbnail_path(catalogue, photo_id=a, size="huge")


def test_removing_the_primary_photo_makes_the_first_one_primary(catalogue, item_id, tmp_path):
    a, b, c = some_photos(catalogue, item_id, tmp_path, 3)
    photos.set_primary(catalogue, photo_id=b)
    photos.remove_photo(catalogue, photo_id=b)
    listed = photos.list_photos(catalogue, item_id=item_id)
    assert [(p.id, p.position, p.primary) for p in listed] == [(a, 1, True), (c, 2, False)]


def test_removal_deletes_files_only_when_nothing_else_uses_them(catalogue, tmp_path):
    first = add_item(catalogue, fields={"kind": "medal", "title": "A"}).created_ids[0]
    second = add_item(catalogue, fields={"kind": "shirt", "title": "B"}).created_ids[0]
    source = write(tmp_path / "shared.jpg", quadrants(), quality=90)
    [kept] = photos.import_photos(catalogue, item_id=first, paths=[source]).photo_ids
    [dropped] = photos.import_photos(catalogue, item_id=second, paths=[source]).photo_ids
    original = photos.original_path(catalogue, photo_id=kept)
    grid = photos.thumbnail_path(catalogue, photo_id=kept, size="grid")
    photos.remove_photo(catalogue, photo_id=dropped)
    assert original.exists() and grid.exists()
    photos.remove_photo(catalogue, photo_id=kept)
    assert not original.exists() and not grid.exists()
    assert store_snapshot(catalogue) == []


def test_purging_an_item_removes_its_files(catalogue, item_id, tmp_path):
    some_photos(catalogue, item_id, tmp_path, 2)
    assert len(store_snapshot(catalogue)) == 6  # two originals, four thumbnails
    trash_items(catalogue, [item_id])
    assert len(store_snapshot(catalogue)) == 6  # the trash keeps photos
    changes = purge_items(catalogue, [item_id])
    assert len(changes.photo_ids) == 2
    assert store_snapshot(catalogue) == []


def test_missing_or_stale_thumbnails_are_rebuilt_on_demand(catalogue, item_id, tmp_path):
    [photo_id] = some_photos(catalogue, item_id, tmp_path, 1)
    grid = photos.thumbnail_path(catalogue, photo_id=photo_id, size="grid")
    grid.unlink()
    assert photos.thumbnail_path(catalogue, photo_id=photo_id, size="grid") == grid
    assert grid.stat().st_size > 0
    original = photos.original_path(catalogue, photo_id=photo_id)
    os.utime(grid, (time.time() - 100, time.time() - 100))  # older than its original: stale
    photos.thumbnail_path(catalogue, photo_id=photo_id, size="grid")
    assert grid.stat().st_mtime >= original.stat().st_mtime


def test_missing_original_is_one_sentence(catalogue, item_id, tmp_path):
    [photo_id] = some_photos(catalogue, item_id, tmp_path, 1)
    photos.original_path(catalogue, photo_id=photo_id).unlink()
    photos.thumbnail_path(catalogue, photo_id=photo_id, size="grid").unlink()
    with pytest.raises(PhotoError, match="original of p0.png is missing"):
        photos.thumbnail_path(catalogue, photo_id=photo_id, size="grid")


def test_collect_garbage_removes_only_unreferenced_old_files(catalogue, item_id, tmp_path):
    [photo_id] = some_photos(catalogue, item_id, tmp_path, 1)
    keep = store_snapshot(catalogue)
    stray = catalogue.photos_dir / "ff" / ("f" * 64 + ".jpg")
    stray.parent.mkdir()
    stray.write_bytes(b"left over by a crash")
    stray_thumb = catalogue.cache_dir / "grid" / "ff" / ("f" * 64 + ".jpg")
    stray_thumb.parent.mkdir(parents=True)
    stray_thumb.write_bytes(b"thumbnail")
    temporary = catalogue.photos_dir / ".incoming-abc.tmp"
    temporary.write_bytes(b"half a copy")
    assert photos.collect_garbage(catalogue) == []  # all too new: an import may be under way
    hour_ago = time.time() - 3700
    for path in (stray, stray_thumb, temporary,
                 *(catalogue.root / name for name in keep)):
        os.utime(path, (hour_ago, hour_ago))
    removed = photos.collect_garbage(catalogue)
    assert sorted(removed) == sorted([stray, stray_thumb, temporary])
    assert store_snapshot(catalogue) == keep
    assert photos.original_path(catalogue, photo_id=photo_id).exists()


def test_cancelled_import_keeps_what_was_done(catalogue, item_id, tmp_path):
    paths = [write(tmp_path / f"c{n}.png", quadrants(50 + n, 40)) for n in range(12)]
    done: list[int] = []
    report = photos.import_photos(catalogue, item_id=item_id, paths=paths,
                                  progress=lambda count, _total: done.append(count),
                                  cancelled=lambda: len(done) >= 2)
    assert report.cancelled
    assert 2 <= len(report.photo_ids) < len(paths)
    assert len(photos.list_photos(catalogue, item_id=item_id)) == len(report.photo_ids)


def test_photo_core_loads_without_qt_or_pillow_heif():
    import subprocess
    import sys

    code = ("import sys, museum.core.photos, museum.core.demo_photos, museum.commands.photos; "
            "print(sorted(m for m in sys.modules "
            "if m.startswith(('PySide6', 'shiboken6', 'pillow_heif'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
