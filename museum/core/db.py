"""The SQLite engine, its durability settings, sessions, and schema migrations on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlmodel import Session, create_engine

from museum.core.errors import CatalogueError

# The revision this code expects; a test keeps it equal to Alembic's head, so that opening an
# up-to-date catalogue never has to import Alembic (0.3 s of start-up).
HEAD_REVISION = "0003"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL + FULL: an edit we report as saved survives a power cut, at ~0.3 ms a commit.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def check_sqlite_file(db_path: Path) -> None:
    """Raise CatalogueError unless db_path is absent, empty, or starts like an SQLite database."""
    if not db_path.exists():
        return
    if db_path.is_dir():
        raise CatalogueError(f"{db_path} is a folder, not a catalogue database.")
    try:
        with db_path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise CatalogueError(f"Cannot read {db_path}: {error.strerror}.") from None
    if header and header != SQLITE_HEADER:
        raise CatalogueError(
            f"{db_path} is not a Museum catalogue database (it is not an SQLite file). "
            "It has been left untouched."
        )


def check_database_is_ours(db_path: Path) -> None:
    """Raise CatalogueError unless db_path is missing, empty, or a Museum database.

    Looks through a read-only connection, so that a database that is not ours (or is damaged)
    is never changed — not even switched to WAL — before we refuse it.
    """
    check_sqlite_file(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CatalogueError(
            f"The catalogue database {db_path} cannot be read ({error}); it has been left untouched."
        ) from None
    if "alembic_version" not in tables and tables - {"sqlite_sequence"}:
        raise CatalogueError("This SQLite database was not made by Museum; it has been left untouched.")


def make_engine(db_path: Path) -> Engine:
    """An engine on db_path with Museum's pragmas on every connection."""
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls back if it raises."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def stored_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, or None for an empty database."""
    tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise CatalogueError(
                "This SQLite database was not made by Museum; it has been left untouched."
            )
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, *, target: str = "head") -> None:
    """Bring the schema to `target` (default: the newest), in one transaction."""
    try:
        with engine.begin() as connection:
            revision = stored_revision(connection)
            if revision == HEAD_REVISION and target == "head":
                return
            if revision is not None and not any((MIGRATIONS_DIR / "versions").glob(f"{revision}_*.py")):
                raise CatalogueError("This catalogue was made by a newer version of Museum.")
            _run_alembic(connection, target)
    except SQLAlchemyDatabaseError as error:
        raise CatalogueError(f"The catalogue database cannot be read: {error.orig}.") from None


def _run_alembic(connection: Connection, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, target)
