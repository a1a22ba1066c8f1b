from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from museum.core import db, items
from museum.core.catalogue import Catalogue, default_catalogue_path
from museum.core.errors import CatalogueError


def test_a_new_catalogue_is_a_folder_with_its_parts_and_durable_settings(tmp_path):
    with Catalogue.open(tmp_path / "new" / "museum", create=True) as catalogue:
        for name in ("museum.db", "photos", "cache", "backups"):
            assert (catalogue.root / name).exists()
        with catalogue.engine.connect() as connection:
            pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == db.BUSY_TIMEOUT_MS


def test_reopening_keeps_what_was_saved(tmp_path):
    with Catalogue.open(tmp_path / "c", create=True) as catalogue:
        items.add_item(catalogue, fields=dict(title="Medal", kind="medal"))
    with Catalogue.open(tmp_path / "c") as catalogue:
        assert [r.title for r in items.list_items(catalogue)] == ["Medal"]


def test_a_file_is_not_a_catalogue(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(CatalogueError, match="is a file, not a catalogue folder"):
        Catalogue.open(path)
    assert path.read_text() == "hello"


def test_a_folder_of_other_files_is_not_a_catalogue(tmp_path):
    (tmp_path / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(CatalogueError, match="not a Museum catalogue"):
        Catalogue.open(tmp_path, create=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holiday.jpg"]


def test_a_database_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    junk = b"this is not a database at all" * 100
    (folder / "museum.db").write_bytes(junk)
    with pytest.raises(CatalogueError, match="not an SQLite file"):
        Catalogue.open(folder)
    assert (folder / "museum.db").read_bytes() == junk


def test_someone_elses_sqlite_database_is_refused_and_left_untouched(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    connection = sqlite3.connect(folder / "museum.db")
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    before = (folder / "museum.db").read_bytes()
    with pytest.raises(CatalogueError, match="not made by Museum"):
        Catalogue.open(folder)
    assert (folder / "museum.db").read_bytes() == before


def test_the_default_catalogue_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MUSEUM_CATALOGUE", str(tmp_path / "mine"))
    assert default_catalogue_path() == tmp_path / "mine"
    monkeypatch.delenv("MUSEUM_CATALOGUE")
    assert default_catalogue_path().name == "Catalogue"
    assert "Museum" in default_catalogue_path().parts


def test_head_revision_constant_matches_the_migration_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == db.HEAD_REVISION


def test_a_catalogue_at_the_first_revision_upgrades_with_every_row_intact(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    engine = db.make_engine(folder / "museum.db")
    db.migrate(engine, target="0001")
    with engine.begin() as connection:
        for number in range(1, 51):
            connection.execute(text(
                "INSERT INTO item (id, kind, title, date, season, created, updated) VALUES "
                "(:id, 'medal', :title, '2022-12-18', '2022', '2024-01-01 00:00:00',"
                " '2024-01-01 00:00:00')"), {"id": number, "title": f"Medal {number}"})
        connection.execute(text("INSERT INTO tag (id, name) VALUES (1, 'gold')"))
        connection.execute(text("INSERT INTO item_tag (item_id, tag_id) VALUES (7, 1)"))
        connection.execute(text(
            "INSERT INTO item_fts(rowid, title) SELECT id, title FROM item"))
        assert connection.execute(
            text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    engine.dispose()

    with Catalogue.open(folder) as catalogue:
        with catalogue.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == db.HEAD_REVISION
        records = items.list_items(catalogue, sort="id")
        assert [r.title for r in records] == [f"Medal {n}" for n in range(1, 51)]
        assert items.get_item(catalogue, 7).tags == ["gold"]
        assert [r.id for r in items.list_items(catalogue, query="tag:gold")] == [7]
        assert len(items.list_items(catalogue, query="medal")) == 50


def test_a_catalogue_from_a_newer_version_is_refused(tmp_path):
    with Catalogue.open(tmp_path / "c", create=True) as catalogue:
        with catalogue.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(CatalogueError, match="newer version of Museum"):
        Catalogue.open(tmp_path / "c")


def test_an_empty_folder_becomes_a_catalogue(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    with Catalogue.open(tmp_path / "empty", create=True) as catalogue:
        assert items.count_items(catalogue) == 0


@pytest.mark.parametrize("stamp", ["*", "000?", "", "abc", "0003 ", "9999x"])
def test_an_unknown_schema_revision_is_one_sentence_and_the_file_is_untouched(tmp_path, stamp,
                                                                              capsys):
    from museum.cli import main

    with Catalogue.open(tmp_path / "c", create=True) as catalogue:
        items.add_item(catalogue, fields=dict(title="Medal", kind="medal"))
        with catalogue.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :stamp"),
                               {"stamp": stamp})
    before = (tmp_path / "c" / "museum.db").read_bytes()
    for read_only in (False, True):
        with pytest.raises(CatalogueError, match="schema revision .* does not know"):
            Catalogue.open(tmp_path / "c", read_only=read_only)
    for command in (["list"], ["add", "--title", "x", "--kind", "cap"], ["check"]):
        assert main(["--catalogue", str(tmp_path / "c"), *command]) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and "does not know" in error
    assert (tmp_path / "c" / "museum.db").read_bytes() == before


def test_a_catalogue_from_a_newer_version_opened_read_only_says_so(tmp_path):
    with Catalogue.open(tmp_path / "c", create=True) as catalogue:
        with catalogue.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0004'"))
    with pytest.raises(CatalogueError, match="newer version of Museum") as raised:
        Catalogue.open(tmp_path / "c", read_only=True)
    assert "needs updating" not in str(raised.value)
