"""Backups and locks refuse what a red team tried: a backup into the catalogue's own folders, a
museum.lock that is a link to a file elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from museum.cli import main
from tests.core.safety_support import small_catalogue_with_photo


def _zips_under(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*.zip"))


def _entries(root: Path) -> list[Path]:
    # A read-only open may leave SQLite's own -wal/-shm files; anything else would be ours.
    return sorted(path.relative_to(root) for path in root.rglob("*")
                  if not path.name.startswith("museum.db-"))


@pytest.mark.parametrize("inside", [".", "photos", "cache", "photos/00"])
def test_a_backup_into_a_folder_of_the_catalogue_is_refused(tmp_path, capsys, inside):
    root = small_catalogue_with_photo(tmp_path)
    (root / inside).mkdir(parents=True, exist_ok=True)
    before = _entries(root)
    assert main(["--catalogue", str(root), "backup", "--to", str(root / inside)]) == 2
    error = capsys.readouterr().err
    assert "inside the catalogue" in error and "Traceback" not in error
    assert _zips_under(root) == []
    assert _entries(root) == before


def test_a_backup_into_the_backups_folder_by_name_is_still_fine(tmp_path, capsys):
    root = small_catalogue_with_photo(tmp_path)
    assert main(["--catalogue", str(root), "backup", "--to", str(root / "backups")]) == 0
    assert [path.parent.name for path in _zips_under(root)] == ["backups"]


@pytest.mark.parametrize("make_link", [os.symlink, os.link], ids=["symbolic", "hard"])
def test_a_lock_file_that_is_a_link_is_refused_and_its_target_untouched(
        tmp_path, capsys, make_link):
    root = small_catalogue_with_photo(tmp_path)
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("precious\n")
    (root / "museum.lock").unlink()
    make_link(victim, root / "museum.lock")
    assert main(["--catalogue", str(root), "add", "--title", "Cap", "--kind", "shirt"]) == 2
    error = capsys.readouterr().err
    assert "museum.lock" in error and "link" in error and "Traceback" not in error
    assert victim.read_text() == "precious\n"
    if make_link is os.symlink:
        assert (root / "museum.lock").is_symlink()
