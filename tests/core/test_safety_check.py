from __future__ import annotations

import sqlite3

import pytest

from museum.core.catalogue import Catalogue
from museum.core.check import check_catalogue
from museum.core.errors import CatalogueError
from museum.core.items import list_items
from tests.core.safety_support import add_photo


def test_a_healthy_catalogue_passes(plain_demo_catalogue):
    add_photo(plain_demo_catalogue, item_id=1, seed=1)
    report = check_catalogue(plain_demo_catalogue)
    assert report.ok and report.photos_checked == 1 and not report.notes


def test_a_missing_original_is_a_problem(plain_demo_catalogue):
    photo_id, path = add_photo(plain_demo_catalogue, item_id=1, seed=1)
    path.unlink()
    report = check_catalogue(plain_demo_catalogue)
    assert not report.ok and report.problems == [
        f"Photo {photo_id}: its original {path.relative_to(plain_demo_catalogue.root).as_posix()} "
        "is missing; restore it from a backup."]


def test_a_half_written_original_is_a_problem(plain_demo_catalogue):
    _photo_id, path = add_photo(plain_demo_catalogue, item_id=1, seed=1)
    path.write_bytes(path.read_bytes()[:40])
    report = check_catalogue(plain_demo_catalogue)
    assert len(report.problems) == 1 and "damaged" in report.problems[0]


def test_an_orphan_file_is_noted_and_repair_sets_it_aside(plain_demo_catalogue):
    stray = plain_demo_catalogue.photos_dir / "ab" / ".abcd.jpg.x1y2.tmp"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"half a photo")
    report = check_catalogue(plain_demo_catalogue)
    assert report.ok and len(report.notes) == 1 and "not used by any photo" in report.notes[0]
    repaired = check_catalogue(plain_demo_catalogue, repair=True)
    assert repaired.ok and not repaired.notes and not stray.exists()
    kept = list((plain_demo_catalogue.root / "lost-and-found").rglob("*.tmp"))
    assert [p.read_bytes() for p in kept] == [b"half a photo"]


def test_a_stale_search_index_is_a_problem_that_repair_fixes(plain_demo_catalogue):
    with plain_demo_catalogue.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM item_fts WHERE rowid <= 10")
    assert not list_items(plain_demo_catalogue, query="World Cup final match ball")
    report = check_catalogue(plain_demo_catalogue)
    assert len(report.problems) == 1 and "search index" in report.problems[0]
    repaired = check_catalogue(plain_demo_catalogue, repair=True)
    assert repaired.ok and any("search index" in line for line in repaired.repaired)
    assert list_items(plain_demo_catalogue, query="World Cup final match ball")


def test_a_dangling_foreign_key_is_a_problem(plain_demo_catalogue):
    with plain_demo_catalogue.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        connection.exec_driver_sql(
            "INSERT INTO photo (item_id, sha256, filename, format, width, height, bytes, created)"
            " VALUES (9999, 'ff', 'x.png', 'PNG', 1, 1, 1, '2024-01-01')")
    with plain_demo_catalogue.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
    report = check_catalogue(plain_demo_catalogue)
    assert any("points at a missing item" in problem for problem in report.problems)


def test_damaged_database_pages_are_a_problem(plain_demo_catalogue):
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    connection = sqlite3.connect(root / "museum.db")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root_page = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_item_team'").fetchone()[0]
    connection.close()
    with (root / "museum.db").open("r+b") as handle:  # scribble over one index page
        handle.seek((root_page - 1) * page_size + 8)
        handle.write(b"\xff" * 64)
    with Catalogue.open(root) as catalogue:
        report = check_catalogue(catalogue)
    assert not report.ok and any("Database damage" in p for p in report.problems)


def test_a_read_only_catalogue_can_be_checked_but_not_repaired(plain_demo_catalogue):
    with Catalogue.open(plain_demo_catalogue.root, read_only=True) as reader:
        assert check_catalogue(reader).ok
        with pytest.raises(CatalogueError, match="read-only"):
            check_catalogue(reader, repair=True)


def test_text_that_is_not_utf8_is_a_problem_and_repair_keeps_names_apart(plain_demo_catalogue):
    with plain_demo_catalogue.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO tag (name) VALUES (CAST(X'61ff' AS TEXT)), "
                                   "(CAST(X'61fe' AS TEXT))")
        connection.exec_driver_sql("UPDATE item SET notes = CAST(X'80' AS TEXT) WHERE id = 2")
    report = check_catalogue(plain_demo_catalogue)
    assert len(report.problems) == 3
    assert "Item 2: its notes holds bytes that are not UTF-8 text ('\\x80')" in report.problems[0]
    repaired = check_catalogue(plain_demo_catalogue, repair=True)
    assert repaired.ok and "in 3 text value(s)" in repaired.repaired[0]
    with plain_demo_catalogue.engine.connect() as connection:
        names = connection.exec_driver_sql(
            "SELECT name FROM tag WHERE name LIKE 'a%' ORDER BY id").scalars().all()
    assert names[-2:] == ["a\ufffd", "a\ufffd (2)"]
