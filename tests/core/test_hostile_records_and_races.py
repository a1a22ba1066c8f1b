"""Records and archives that lie, and writes that overlap: nothing outside the catalogue is
touched, no record ends up without its original, and no backup that lacks a photo passes for
a good one."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from museum.core import items, photos
from museum.core.auto_backup import backup_on_close, is_good_backup, list_backups
from museum.core.backup import create_backup
from museum.core.catalogue import Catalogue
from museum.core.check import check_catalogue
from museum.core.errors import BackupError, PhotoError
from museum.core.restore import replace_catalogue, restore_backup, verify_backup
from tests.core.safety_support import add_photo


def _jpeg(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


def _item(catalogue: Catalogue, title: str) -> int:
    return items.add_item(catalogue, fields={"title": title, "kind": "medal"}).created_ids[0]


def test_a_forged_photo_record_never_reaches_a_file_outside_the_catalogue(catalogue, tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "thesis.txt").write_text("years of work")
    item_id = _item(catalogue, "Medal")
    photo_id, _ = add_photo(catalogue, item_id, seed=1)
    with catalogue.engine.begin() as connection:
        connection.exec_driver_sql(
            f"UPDATE photo SET sha256 = '../../../victim/thesis' WHERE id = {photo_id}")
    with pytest.raises(PhotoError, match="damaged"):
        photos.thumbnail_path(catalogue, photo_id=photo_id, size="grid")
    photos.remove_photo(catalogue, photo_id=photo_id)
    assert (victim / "thesis.txt").read_text() == "years of work"


def test_a_backup_whose_database_holds_a_forged_record_is_not_restored(catalogue, tmp_path):
    item_id = _item(catalogue, "Medal")
    add_photo(catalogue, item_id, seed=2)
    archive = create_backup(catalogue, destination=tmp_path / "good.zip").path
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(archive) as source:
        database = tmp_path / "forged.db"
        database.write_bytes(source.read("museum.db"))
        connection = sqlite3.connect(database)
        connection.execute("UPDATE photo SET sha256 = '../../victim/thesis'")
        connection.commit()
        connection.close()
        data = database.read_bytes()
        manifest = source.read("museum-backup.json").decode()
        entry_hash = hashlib.sha256(source.read("museum.db")).hexdigest()
        manifest = manifest.replace(entry_hash, hashlib.sha256(data).hexdigest())
        manifest = manifest.replace(f'"bytes": {len(source.read("museum.db"))}',
                                    f'"bytes": {len(data)}')
        with zipfile.ZipFile(forged, "w") as copy:
            for info in source.infolist():
                body = {"museum.db": data, "museum-backup.json": manifest.encode()}.get(
                    info.filename, source.read(info))
                copy.writestr(info, body)
    with pytest.raises(BackupError, match="damaged photo record"):
        restore_backup(forged, destination=tmp_path / "restored")
    assert not (tmp_path / "restored").exists()


def test_a_backup_never_overwrites_a_file_or_lands_inside_the_catalogue(catalogue, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    with pytest.raises(BackupError, match="already exists"):
        create_backup(catalogue, destination=notes)
    assert notes.read_text() == "mine"
    before = catalogue.db_path.read_bytes()
    with pytest.raises(BackupError, match="inside the catalogue"):
        create_backup(catalogue, destination=catalogue.db_path, overwrite=True)
    assert catalogue.db_path.read_bytes() == before
    assert create_backup(catalogue, destination=notes, overwrite=True).path == notes


def test_a_damaged_original_is_left_out_and_the_backup_does_not_count_as_good(catalogue):
    item_id = _item(catalogue, "Medal")
    _, original = add_photo(catalogue, item_id, seed=3)
    first = create_backup(catalogue).path
    assert is_good_backup(first)
    original.write_bytes(b"bit rot" + original.read_bytes()[7:])
    items.update_item(catalogue, item_id, fields={"notes": "changed"})
    result = backup_on_close(catalogue, keep=1)
    assert result is not None and "damaged" in result.problems[0]
    manifest = verify_backup(result.path)
    assert manifest.missing and not is_good_backup(result.path)
    # keep=1 would have pruned the intact first backup; an incomplete one must not push it out.
    assert set(list_backups(catalogue.backups_dir)) == {first, result.path}


def test_replacing_a_catalogue_that_is_still_open_is_refused(catalogue, tmp_path):
    _item(catalogue, "Before")
    archive = create_backup(catalogue, destination=tmp_path / "b.zip").path
    with pytest.raises(BackupError, match="Close the catalogue"):
        replace_catalogue(archive, root=catalogue.root)
    assert [r.title for r in items.list_items(catalogue)] == ["Before"]


def test_a_young_temporary_in_backups_is_left_for_the_backup_that_is_writing_it(tmp_path):
    with Catalogue.open(tmp_path / "c", create=True):
        pass
    in_progress = tmp_path / "c" / "backups" / ".museum-backup-now.zip.abc.tmp"
    in_progress.write_bytes(b"half a zip")
    with Catalogue.open(tmp_path / "c"):
        assert in_progress.exists()


def test_a_purge_during_an_import_keeps_the_file_the_import_is_recording(catalogue, tmp_path):
    shared = _jpeg(tmp_path / "shared.jpg", (200, 30, 30))
    others = [_jpeg(tmp_path / f"other{n}.jpg", (n * 40, 90, 90)) for n in range(4)]
    old_item, new_item = _item(catalogue, "Old"), _item(catalogue, "New")
    photos.import_photos(catalogue, item_id=old_item, paths=[shared])
    items.trash_items(catalogue, [old_item])
    purged = []

    def purge_once(done: int, _total: int) -> None:
        # The shared file is in the store but its new record is not committed yet.
        if done == 1 and not purged:
            purged.append(items.purge_items(catalogue, [old_item]))

    report = photos.import_photos(catalogue, item_id=new_item, paths=[shared, *others],
                                  progress=purge_once)
    assert purged and not report.failures
    for photo in photos.list_photos(catalogue, item_id=new_item):
        assert photos.original_path(catalogue, photo_id=photo.id).is_file()
    assert check_catalogue(catalogue).ok


def test_an_item_purged_during_its_import_is_a_sentence_not_a_crash(catalogue, tmp_path):
    files = [_jpeg(tmp_path / f"p{n}.jpg", (n * 50, 10, 10)) for n in range(3)]
    item_id = _item(catalogue, "Doomed")

    def purge_first(done: int, _total: int) -> None:
        if done == 1:
            items.trash_items(catalogue, [item_id])
            items.purge_items(catalogue, [item_id])

    report = photos.import_photos(catalogue, item_id=item_id, paths=files, progress=purge_first)
    assert len(report.failures) == 3 and "was deleted during the import" in report.failures[0][1]
    assert not list(catalogue.photos_dir.rglob("*.jpg"))  # nothing left unreferenced


def test_importing_an_intact_copy_heals_a_damaged_original(catalogue, tmp_path):
    source = _jpeg(tmp_path / "medal.jpg", (10, 200, 10))
    first, second = _item(catalogue, "One"), _item(catalogue, "Two")
    report = photos.import_photos(catalogue, item_id=first, paths=[source])
    stored = photos.original_path(catalogue, photo_id=report.photo_ids[0])
    stored.write_bytes(b"\0" * stored.stat().st_size)
    assert not check_catalogue(catalogue).ok
    photos.import_photos(catalogue, item_id=second, paths=[source])
    assert stored.read_bytes() == source.read_bytes()
    assert check_catalogue(catalogue).ok


def test_a_manifest_nested_beyond_reason_is_refused_with_a_sentence(tmp_path):
    archive = tmp_path / "deep.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("museum-backup.json", "[" * 100_000 + "]" * 100_000)
        zipped.writestr("museum.db", b"")
    with pytest.raises(BackupError, match="not a Museum backup"):
        restore_backup(archive, destination=tmp_path / "restored")


def test_a_full_disk_during_an_import_is_a_sentence_and_loses_nothing(catalogue, tmp_path,
                                                                      monkeypatch):
    import errno
    import os

    item_id = _item(catalogue, "Medal")
    kept = photos.import_photos(catalogue, item_id=item_id,
                                paths=[_jpeg(tmp_path / "kept.jpg", (1, 2, 3))])
    kept_original = photos.original_path(catalogue, photo_id=kept.photo_ids[0])
    kept_bytes = kept_original.read_bytes()
    new_files = [_jpeg(tmp_path / f"new{n}.jpg", (n * 60, 5, 5)) for n in range(3)]

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)  # every write into the store now fails
    report = photos.import_photos(catalogue, item_id=item_id, paths=new_files)
    monkeypatch.undo()
    assert len(report.failures) == 3 and report.photo_ids == []
    assert all("not enough disk space" in sentence for _, sentence in report.failures)
    assert [p.id for p in photos.list_photos(catalogue, item_id=item_id)] == kept.photo_ids
    assert kept_original.read_bytes() == kept_bytes
    assert not [p for p in catalogue.photos_dir.rglob("*") if p.name.startswith(".")]
    assert check_catalogue(catalogue).ok
