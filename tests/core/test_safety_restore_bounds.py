"""Restores take only what the backup's database needs, check sizes before writing, refuse a
destination that is a link, and give the restored folder ordinary (umask-honouring) modes."""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from pathlib import Path

import pytest

from museum.cli import main
from museum.core.backup import create_backup
from museum.core.catalogue import Catalogue
from museum.core.errors import BackupError
from museum.core.restore import replace_catalogue, restore_backup
from tests.core.safety_support import add_photo, rewrite_archive
from tests.tmpfs_support import fill_up, small_tmpfs

UNUSED = f"photos/ee/{'e' * 64}.png"


@pytest.fixture
def good_archive(plain_demo_catalogue: Catalogue, tmp_path: Path) -> Path:
    for seed in range(3):
        add_photo(plain_demo_catalogue, item_id=1, seed=seed)
    return create_backup(plain_demo_catalogue, destination=tmp_path / "good.zip").path


def _with_unused_bomb(good: Path, out: Path, size: int) -> Path:
    """The good archive plus a large, highly compressed original that no photo uses."""
    data = b"\0" * size
    name = f"photos/{hashlib.sha256(data).hexdigest()[:2]}/{hashlib.sha256(data).hexdigest()}.png"
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    return rewrite_archive(good, out, extra=[(info, data)], manifest_extra=[
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": size}])


def _files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_a_member_no_photo_uses_is_not_restored(good_archive, tmp_path):
    bomb = _with_unused_bomb(good_archive, tmp_path / "bomb.zip", 64 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    result = restore_backup(bomb, destination=tmp_path / "restored")
    photos = [name for name in _files_under(result.root) if name.startswith("photos/")]
    assert len(photos) == 3
    total = sum(p.stat().st_size for p in result.root.rglob("*") if p.is_file())
    assert total < 8 * 1024 * 1024


def test_sizes_are_checked_against_the_manifest_before_anything_is_written(good_archive,
                                                                            tmp_path):
    with zipfile.ZipFile(good_archive) as archive:
        last_photo = [n for n in archive.namelist() if n.startswith("photos/")][-1]
    bad = rewrite_archive(good_archive, tmp_path / "bad.zip",
                          replace={last_photo: b"a different size entirely"})
    written: list[int] = []
    with pytest.raises(BackupError, match="size"):
        restore_backup(bad, destination=tmp_path / "restored",
                       progress=lambda done, _total: written.append(done))
    assert written == []
    assert not (tmp_path / "restored").exists()


def test_a_destination_that_is_a_link_is_refused(good_archive, tmp_path):
    real = tmp_path / "real-folder"
    real.mkdir()
    os.symlink(real, tmp_path / "link")
    with pytest.raises(BackupError, match="link"):
        restore_backup(good_archive, destination=tmp_path / "link")
    assert list(real.iterdir()) == []
    assert (tmp_path / "link").is_symlink()


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_restored_folder_has_ordinary_modes(good_archive, tmp_path, umask_022):
    root = restore_backup(good_archive, destination=tmp_path / "restored").root
    assert stat.S_IMODE(root.stat().st_mode) == 0o755
    assert stat.S_IMODE((root / "photos").stat().st_mode) == 0o755
    assert stat.S_IMODE((root / "museum.db").stat().st_mode) == 0o644


def test_a_replaced_catalogue_has_ordinary_modes(good_archive, tmp_path, umask_022):
    root = tmp_path / "cat"
    Catalogue.open(root, create=True).close()
    replace_catalogue(good_archive, root=root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o755


def test_the_command_line_shows_restore_progress(good_archive, tmp_path, capsys):
    assert main(["restore-backup", str(good_archive), "--to", str(tmp_path / "r")]) == 0
    error = capsys.readouterr().err
    assert "Restoring" in error and "100%" in error


def test_a_restore_that_cannot_fit_is_refused_before_writing(good_archive, tmp_path):
    with small_tmpfs(tmp_path / "small", size="2m") as disk:
        fill_up(disk, leave=16 * 1024)  # less than the database alone
        with pytest.raises(BackupError, match="not enough disk space to restore this backup"):
            restore_backup(good_archive, destination=disk / "restored")
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]


def test_a_restore_clears_the_staging_folders_killed_restores_left(good_archive, tmp_path):
    old = tmp_path / ".restored.restoring-0123456789ab"
    young = tmp_path / ".restored.restoring-ba9876543210"
    for folder in (old, young):
        (folder / "photos").mkdir(parents=True)
        (folder / "museum.db").write_bytes(b"half a database")
    long_ago = old.stat().st_mtime - 7 * 3600
    os.utime(old, (long_ago, long_ago))
    restore_backup(good_archive, destination=tmp_path / "restored")
    assert not old.exists()  # stale: nothing running can own it
    assert young.exists()  # may belong to a restore still running
    assert (tmp_path / "restored" / "museum.db").is_file()
