"""`museum room poster --out`: never overwrites unasked, and every bad destination (a folder, a
path under a file, a full disk) is one sentence with no file, whole or partial, left behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from museum.cli import main
from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo
from tests.tmpfs_support import fill_up, small_tmpfs


@pytest.fixture
def room(tmp_path: Path) -> Path:
    path = tmp_path / "demo"
    with Catalogue.open(path, create=True) as catalogue:
        fill_demo(catalogue, items=8, photos=False)
    return path


def _poster(room: Path, out: Path, *extra: str) -> int:
    return main(["--catalogue", str(room), "room", "poster", "--out", str(out),
                 "--width", "400", *extra])


def _one_sentence(capsys) -> str:
    error = capsys.readouterr().err
    assert error.startswith("museum: ") and "Traceback" not in error
    assert error.count("\n") == 1
    return error


def test_an_existing_file_is_not_overwritten_unless_asked(room, tmp_path, capsys, qapp):
    precious = tmp_path / "museum-backup-1.zip"
    precious.write_bytes(b"PK precious backup")
    assert _poster(room, precious) == 2
    assert "already exists" in _one_sentence(capsys)
    assert precious.read_bytes() == b"PK precious backup"
    assert _poster(room, precious, "--overwrite") == 0
    assert QImage(str(precious)).width() == 400


def test_a_folder_as_the_destination_is_one_sentence(room, tmp_path, capsys, qapp):
    folder = tmp_path / "posters"
    folder.mkdir()
    assert _poster(room, folder) == 2
    assert "is a folder" in _one_sentence(capsys)
    assert list(folder.iterdir()) == []


def test_a_destination_under_a_file_is_one_sentence(room, tmp_path, capsys, qapp):
    (tmp_path / "notes.txt").write_text("mine")
    assert _poster(room, tmp_path / "notes.txt" / "room.png") == 2
    assert "is a file" in _one_sentence(capsys)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_full_disk_is_one_sentence_and_leaves_no_partial_file(room, tmp_path, capsys, qapp):
    with small_tmpfs(tmp_path / "small", size="2m") as disk:
        fill_up(disk, leave=8192)
        before = sorted(path.name for path in disk.iterdir())
        assert _poster(room, disk / "room.png") == 2
        assert "not enough disk space" in _one_sentence(capsys)
        assert sorted(path.name for path in disk.iterdir()) == before
