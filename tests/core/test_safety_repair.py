"""`check --repair` where the red team broke it: photos/ on another filesystem (a real tmpfs,
so moving a file out of it is a cross-device move) and a lost-and-found that is a file."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from museum.cli import main
from museum.core.catalogue import Catalogue
from museum.core.check import check_catalogue
from museum.core.items import add_item
from tests.core.safety_support import add_photo
from tests.tmpfs_support import small_tmpfs


def _with_orphan(root: Path) -> Path:
    with Catalogue.open(root, create=True) as catalogue:
        add_item(catalogue, fields={"title": "Medal", "kind": "medal"})
        add_photo(catalogue, item_id=1, seed=5)
    orphan = root / "photos" / "ab" / "left-over.png"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"half an import")
    return orphan


def _stale_index(root: Path) -> None:
    # So that we can see whether repair got as far as rebuilding it.
    with Catalogue.open(root, create=True) as catalogue, catalogue.session() as session:
        session.execute(text("DELETE FROM item_fts"))


def test_repair_sets_orphans_aside_from_photos_on_another_filesystem(tmp_path):
    root = tmp_path / "cat"
    orphan = _with_orphan(root)
    kept = tmp_path / "photos-before"
    shutil.copytree(root / "photos", kept)
    with small_tmpfs(root / "photos"):
        shutil.copytree(kept, root / "photos", dirs_exist_ok=True)
        with Catalogue.open(root, create=True) as catalogue:
            report = check_catalogue(catalogue, repair=True)
            assert report.ok, report.problems
            assert not orphan.exists()
            moved = list((root / "lost-and-found").rglob("left-over.png"))
            assert [path.read_bytes() for path in moved] == [b"half an import"]
            assert check_catalogue(catalogue).notes == []


def test_a_lost_and_found_that_is_a_file_is_one_sentence_and_nothing_is_changed(
        tmp_path, capsys):
    root = tmp_path / "cat"
    orphan = _with_orphan(root)
    (root / "lost-and-found").write_text("my notes")
    _stale_index(root)
    assert main(["--catalogue", str(root), "check", "--repair"]) == 2
    error = capsys.readouterr().err
    assert "lost-and-found" in error and "is a file" in error and "Traceback" not in error
    assert (root / "lost-and-found").read_text() == "my notes"
    assert orphan.read_bytes() == b"half an import"
    with Catalogue.open(root, create=True) as catalogue:
        # Refused before anything was done: the index was not rebuilt either.
        assert any("search index" in problem for problem in check_catalogue(catalogue).problems)
