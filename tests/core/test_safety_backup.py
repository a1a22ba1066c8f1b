from __future__ import annotations

import errno
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from museum.core import atomic, backup as backup_module
from museum.core.auto_backup import backup_on_close, list_backups, newest_backup, prune_backups
from museum.core.backup import create_backup
from museum.core.catalogue import Catalogue
from museum.core.db import HEAD_REVISION, make_engine, migrate
from museum.core.errors import BackupError
from museum.core.items import add_item, count_items, get_item, update_item
from museum.core.restore import replace_catalogue, restore_backup, verify_backup
from tests.core.safety_support import add_photo, file_digest, rewrite_archive


@pytest.fixture
def with_photos(plain_demo_catalogue: Catalogue) -> Catalogue:
    for seed in range(5):
        add_photo(plain_demo_catalogue, item_id=1 + seed, seed=seed)
    return plain_demo_catalogue


def test_a_backup_holds_the_database_every_original_and_a_manifest_of_hashes(with_photos):
    result = create_backup(with_photos)
    assert result.path.parent == with_photos.backups_dir and not result.problems
    with zipfile.ZipFile(result.path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("museum-backup.json"))
    photos = {str(p.relative_to(with_photos.root)) for p in with_photos.photos_dir.rglob("*.png")}
    assert len(photos) == 5 and names == photos | {"museum.db", "museum-backup.json"}
    assert manifest["schema_revision"] == HEAD_REVISION and manifest["items"] == 47
    for entry in manifest["files"]:
        if entry["path"] != "museum.db":
            assert entry["sha256"] == file_digest(with_photos.root / entry["path"])
    assert verify_backup(result.path).photos == 5


def test_restore_into_a_new_folder_gives_back_every_item_and_photo(with_photos, tmp_path):
    update_item(with_photos, 3, fields={"notes": "written just before the backup"})
    archive = create_backup(with_photos, destination=tmp_path / "out.zip").path
    result = restore_backup(archive, destination=tmp_path / "restored")
    with Catalogue.open(result.root) as restored:
        assert count_items(restored) == 47
        assert get_item(restored, 3).notes == "written just before the backup"
        assert get_item(restored, 1).photo_count == 1
    originals = sorted(p.name for p in (tmp_path / "restored" / "photos").rglob("*.png"))
    assert originals == sorted(p.name for p in with_photos.photos_dir.rglob("*.png"))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_the_snapshot_is_consistent_while_another_connection_holds_uncommitted_writes(
        plain_demo_catalogue, tmp_path):
    writer = sqlite3.connect(plain_demo_catalogue.db_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE item SET title = 'half done'")
    archive = create_backup(plain_demo_catalogue, destination=tmp_path / "b.zip").path
    writer.rollback()
    writer.close()
    with Catalogue.open(restore_backup(archive, destination=tmp_path / "r").root) as restored:
        assert get_item(restored, 1).title != "half done"


def test_a_full_disk_during_backup_leaves_no_file_and_older_backups_intact(
        with_photos, monkeypatch):
    first = create_backup(with_photos).path
    before = file_digest(first)

    def full_disk(path, **options):
        real = original_writer(path, **options)

        class Failing:
            def __enter__(self):
                stream = real.__enter__()
                self.stream = stream
                self.count = 0
                original_write = stream.write

                def write(data):
                    self.count += 1
                    if self.count > 3:
                        raise OSError(errno.ENOSPC, "No space left on device")
                    return original_write(data)
                stream.write = write
                return stream

            def __exit__(self, *exc):
                return real.__exit__(*exc)
        return Failing()

    original_writer = atomic.atomic_writer
    monkeypatch.setattr(backup_module, "atomic_writer", full_disk)
    with pytest.raises(BackupError, match="not enough disk space"):
        create_backup(with_photos)
    assert list_backups(with_photos.backups_dir) == [first] and file_digest(first) == before
    assert sorted(p.name for p in with_photos.backups_dir.iterdir()) == [first.name]
    assert count_items(with_photos) == 47


def test_a_cancelled_backup_leaves_nothing_behind(with_photos):
    with pytest.raises(BackupError, match="cancelled"):
        create_backup(with_photos, cancelled=lambda: True)
    assert list(with_photos.backups_dir.iterdir()) == []


def test_a_missing_original_is_reported_but_the_rest_is_backed_up(with_photos):
    victim = next(with_photos.photos_dir.rglob("*.png"))
    victim.unlink()
    result = create_backup(with_photos)
    assert len(result.problems) == 1 and "missing" in result.problems[0]
    assert verify_backup(result.path).photos == 5


def test_restoring_an_older_schema_migrates_it_forward(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    engine = make_engine(old / "museum.db")
    migrate(engine, target="0002")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO item (kind, title, created, updated) VALUES "
            "('medal', 'Old medal', '2020-01-01', '2020-01-01')")
    catalogue = Catalogue(old, engine)
    archive = create_backup(catalogue, destination=tmp_path / "old.zip")
    engine.dispose()
    assert archive.manifest.schema_revision == "0002"
    with Catalogue.open(restore_backup(archive.path, destination=tmp_path / "new").root) as new:
        assert get_item(new, 1).title == "Old medal"
        with new.engine.connect() as connection:
            assert connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION


def test_replacing_the_open_catalogue_keeps_the_old_one_aside(with_photos, tmp_path):
    archive = create_backup(with_photos).path
    add_item(with_photos, fields={"title": "Added after the backup", "kind": "ball"})
    root = with_photos.root
    with_photos.close()
    result = replace_catalogue(archive, root=root)
    assert result.set_aside is not None and result.set_aside.parent == root.parent
    with Catalogue.open(root) as restored:
        assert count_items(restored) == 47
    with Catalogue.open(result.set_aside) as old:
        assert count_items(old) == 48
    assert list_backups(root / "backups") == [root / "backups" / archive.name]


def test_a_restore_that_fails_leaves_the_open_catalogue_as_it_was(with_photos, tmp_path):
    archive = create_backup(with_photos).path
    broken = rewrite_archive(archive, tmp_path / "broken.zip", replace={"museum.db": b"x" * 99})
    root = with_photos.root
    with_photos.close()
    before = file_digest(root / "museum.db")
    with pytest.raises(BackupError, match="does not match"):
        replace_catalogue(broken, root=root)
    assert file_digest(root / "museum.db") == before
    assert sorted(p.name for p in root.parent.iterdir()) == ["broken.zip", root.name]


# --- automatic backups -------------------------------------------------------------------

def test_no_automatic_backup_after_a_session_that_changed_nothing(plain_demo_catalogue):
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    with Catalogue.open(root) as catalogue:
        count_items(catalogue)
        assert backup_on_close(catalogue) is None
    assert list_backups(root / "backups") == []


def test_an_automatic_backup_follows_a_session_that_changed_something(plain_demo_catalogue):
    update_item(plain_demo_catalogue, 2, fields={"notes": "changed"})
    result = backup_on_close(plain_demo_catalogue)
    assert result is not None and list_backups(plain_demo_catalogue.backups_dir) == [result.path]


def _aged_backups(catalogue: Catalogue, count: int) -> list[Path]:
    paths = []
    for age in range(count):
        path = create_backup(catalogue).path
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
        paths.append(path)
    return sorted(paths, key=lambda p: p.stat().st_mtime, reverse=True)


def test_pruning_keeps_the_newest_n(plain_demo_catalogue):
    backups = _aged_backups(plain_demo_catalogue, 5)
    removed = prune_backups(plain_demo_catalogue.backups_dir, keep=3)
    assert sorted(removed) == sorted(backups[3:])
    assert list_backups(plain_demo_catalogue.backups_dir) == backups[:3]


def test_pruning_never_deletes_the_only_good_backup(plain_demo_catalogue):
    backups = _aged_backups(plain_demo_catalogue, 4)
    for damaged in backups[:2]:  # the two newest are damaged
        damaged.write_bytes(damaged.read_bytes()[:300])
        os.utime(damaged, (2_000_000, 2_000_000))
    prune_backups(plain_demo_catalogue.backups_dir, keep=2)
    left = list_backups(plain_demo_catalogue.backups_dir)
    assert backups[2] in left and backups[3] not in left and len(left) == 3
    assert newest_backup(plain_demo_catalogue.root) == backups[2]
