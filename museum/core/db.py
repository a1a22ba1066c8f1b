"""The SQLite engine, its durability settings, sessions, and schema migrations on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlmodel import Session, create_engine

from museum.core.db_probe import damaged, disk_trouble_sentence, is_disk_trouble
from museum.core.errors import CatalogueError, DamagedDatabaseError

# The revision this code expects; a test keeps it equal to Alembic's head, so that opening an
# up-to-date catalogue never has to import Alembic (0.3 s of start-up).
HEAD_REVISION = "0003"
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


def make_engine(db_path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine on db_path with Museum's pragmas on every connection.

    read_only opens the file with SQLite's mode=ro: every write fails, nothing is created.
    immutable (for read-only media, where SQLite cannot make the WAL's shared-memory file)
    also tells SQLite that nobody else can change the file.
    """
    flag = "?immutable=1" if immutable else "?mode=ro" if read_only else ""
    # A file: URI percent-encodes every byte of the path that is not plain, so a folder named
    # 'q?x', 'h#x' or '%41' means itself; a sqlite:/// URL would cut or decode it.
    uri = Path(db_path).absolute().as_uri() + flag
    pragmas = _set_read_only_pragmas if read_only or immutable else _set_pragmas
    engine = create_engine(URL.create("sqlite", database=str(db_path)),
                           creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    event.listen(engine, "connect", pragmas)
    event.listen(engine, "connect", _read_text_leniently)
    return engine


def _read_text_leniently(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Another program may have stored bytes that are not UTF-8 as text. Read them with U+FFFD
    # in their place rather than failing every query that touches the row; `check` reports
    # them and `check --repair` replaces them for good.
    dbapi_connection.text_factory = _decode_leniently


def _decode_leniently(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def make_read_only_engine(db_path: Path) -> Engine:
    """A read-only engine; immutable only where SQLite cannot open the file otherwise.

    mode=ro still reads a WAL left by a process that did not close cleanly; on read-only
    media with no -shm file it cannot open at all, and then immutable is the only way in.
    """
    try:
        probe = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            probe.close()
    except sqlite3.OperationalError as error:
        if "unable to open" in str(error):
            return make_engine(db_path, immutable=True)
    return make_engine(db_path, read_only=True)


def _set_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls back if it raises.

    SQLite's own failures (disk full, read-only, damaged file) become one CatalogueError
    sentence; the transaction is rolled back, so nothing half-done is kept.
    """
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except SQLAlchemyDatabaseError as error:
        session.rollback()
        translated = _as_catalogue_error(error)
        if translated is None:
            raise
        raise translated from error
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _as_catalogue_error(error: SQLAlchemyDatabaseError) -> CatalogueError | None:
    reason = str(error.orig)
    if "disk is full" in reason or "disk I/O" in reason:
        return CatalogueError("The disk is full or failing, so this change was not saved; "
                              "everything saved before is safe.")
    if "readonly" in reason or "read-only" in reason or "query_only" in reason:
        return CatalogueError("This catalogue is open read-only, so changes cannot be saved.")
    if "locked" in reason or "busy" in reason:
        return CatalogueError("The catalogue is busy in another program; try again in a moment.")
    if "malformed" in reason or "not a database" in reason:
        return DamagedDatabaseError(f"The catalogue database is damaged ({reason}); "
                                    "run `museum check`, or restore a backup.")
    return None  # anything else is a programming error, not the user's


def stored_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, or None for an empty database."""
    tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise CatalogueError(
                "This SQLite database was not made by Museum; it has been left untouched."
            )
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if not rows and not tables - {"sqlite_sequence", "alembic_version"}:
        return None  # made, then left before its first schema was written
    if len(rows) != 1 or not isinstance(rows[0], str):
        raise CatalogueError(_unknown_revision_sentence(", ".join(map(str, rows)) or "none"))
    return rows[0]


def known_revisions() -> set[str]:
    """The schema revisions this version of Museum can open (those of its migration scripts)."""
    return {script.name.split("_", 1)[0] for script in (MIGRATIONS_DIR / "versions").glob("*.py")}


def _require_known(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise CatalogueError(_unknown_revision_sentence(revision))


def _unknown_revision_sentence(revision: str) -> str:
    if revision.isdigit() and len(revision) == len(HEAD_REVISION) and revision > HEAD_REVISION:
        return ("This catalogue was made by a newer version of Museum; update Museum to open "
                "it. It has been left untouched.")
    return (f"This catalogue records a schema revision ({revision!r}) that this version of "
            "Museum does not know; another program may have changed it. It has been left "
            "untouched.")


def require_current_schema(engine: Engine) -> None:
    """Raise CatalogueError unless the database is at the schema this code expects (no writes)."""
    try:
        with engine.connect() as connection:
            revision = stored_revision(connection)
    except SQLAlchemyDatabaseError as error:
        raise _open_failure(engine, error) from None
    _require_known(revision)
    if revision != HEAD_REVISION:
        raise CatalogueError("This catalogue needs updating for this version of Museum, which "
                             "cannot be done while it is open read-only.")


def migrate(engine: Engine, *, target: str = "head") -> None:
    """Bring the schema to `target` (default: the newest) in one transaction.

    The schema changes and their version stamps commit together or not at all: a process
    killed part-way leaves the catalogue as it was, and the next open upgrades it again.
    """
    try:
        with engine.connect() as connection:
            revision = stored_revision(connection)
        if revision == HEAD_REVISION and target == "head":
            return
        _require_known(revision)
        with engine.connect() as connection:
            # SQLite's DDL is transactional, but pysqlite runs it outside any transaction
            # unless one is begun explicitly; IMMEDIATE also takes the write lock up front.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            revision = stored_revision(connection)
            _require_known(revision)
            if revision != HEAD_REVISION or target != "head":
                _run_alembic(connection, target)
            connection.commit()
    except SQLAlchemyDatabaseError as error:
        raise _open_failure(engine, error) from None


def _open_failure(engine: Engine, error: SQLAlchemyDatabaseError) -> CatalogueError:
    reason = str(error.orig)
    folder = Path(engine.url.database or ".").parent
    if is_disk_trouble(reason):
        return CatalogueError(disk_trouble_sentence(folder, reason))
    if "malformed" in reason or "not a database" in reason:
        return damaged(Path(engine.url.database or "museum.db"), f"is damaged ({reason})")
    return CatalogueError(f"The catalogue database cannot be read: {reason}.")


def _run_alembic(connection: Connection, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, target)
