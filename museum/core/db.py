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

from museum.core.errors import CatalogueError, DamagedDatabaseError

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
    """Raise CatalogueError unless db_path is absent, empty, or a readable SQLite database.

    Only reads the file: a damaged database is reported (DamagedDatabaseError) and never
    written to, so that it can still be rescued.
    """
    if not db_path.exists():
        return
    if db_path.is_dir():
        raise CatalogueError(f"{db_path} is a folder, not a catalogue database.")
    try:
        with db_path.open("rb") as handle:
            header = handle.read(100)
        size = db_path.stat().st_size
    except OSError as error:
        raise CatalogueError(f"Cannot read {db_path}: {error.strerror}.") from None
    if not header:
        return
    problem = _header_problem(header, size)
    if problem is not None:
        raise DamagedDatabaseError(
            f"The catalogue database {db_path} {problem}. It has been left untouched.",
            catalogue_root=db_path.parent,
        )


def _header_problem(header: bytes, size: int) -> str | None:
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return "is not an SQLite file (it may have been overwritten)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "is damaged (its header is not valid)"
    page_count = int.from_bytes(header[28:32], "big")
    # The page count is trustworthy only when written by the same change as the counter.
    counted = header[24:28] == header[92:96] and page_count > 0
    if size % page_size or (counted and size < page_count * page_size):
        return "is damaged (it has been cut short)"
    return None


def check_database_is_ours(db_path: Path) -> None:
    """Raise CatalogueError unless db_path is missing, empty, or a readable Museum database.

    Looks through a read-only connection, so that a database that is not ours (or is damaged)
    is never changed — not even switched to WAL — before we refuse it.
    """
    check_sqlite_file(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    try:
        tables = _table_names(db_path)
    except sqlite3.DatabaseError as error:
        if "locked" in str(error) or "busy" in str(error) or "unable to open" in str(error):
            return  # not a verdict on the file; the real open reports if it fails
        raise DamagedDatabaseError(
            f"The catalogue database {db_path} is damaged ({error}). It has been left untouched.",
            catalogue_root=db_path.parent,
        ) from None
    if "alembic_version" not in tables and tables - {"sqlite_sequence"}:
        raise CatalogueError(
            "This SQLite database was not made by Museum; it has been left untouched.")


def _table_names(db_path: Path) -> set[str]:
    uri = db_path.as_uri()
    for flags in ("mode=ro", "immutable=1"):  # immutable: read-only media without a -shm file
        try:
            connection = sqlite3.connect(f"{uri}?{flags}", uri=True)
            try:
                return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            finally:
                connection.close()
        except sqlite3.OperationalError as error:
            if "unable to open" not in str(error) or flags == "immutable=1":
                raise
    return set()


def make_engine(db_path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine on db_path with Museum's pragmas on every connection.

    read_only opens the file with SQLite's mode=ro: every write fails, nothing is created.
    immutable (for read-only media, where SQLite cannot make the WAL's shared-memory file)
    also tells SQLite that nobody else can change the file.
    """
    if read_only or immutable:
        flag = "immutable=1" if immutable else "mode=ro"
        url = f"sqlite:///{db_path.as_uri()}?{flag}&uri=true"
        pragmas = _set_read_only_pragmas
    else:
        url = f"sqlite:///{db_path}"
        pragmas = _set_pragmas
    engine = create_engine(url, connect_args={"check_same_thread": False})
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
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def require_current_schema(engine: Engine) -> None:
    """Raise CatalogueError unless the database is at the schema this code expects (no writes)."""
    try:
        with engine.connect() as connection:
            revision = stored_revision(connection)
    except SQLAlchemyDatabaseError as error:
        raise CatalogueError(f"The catalogue database cannot be read: {error.orig}.") from None
    if revision != HEAD_REVISION:
        raise CatalogueError("This catalogue needs updating for this version of Museum, which "
                             "cannot be done while it is open read-only.")


def migrate(engine: Engine, *, target: str = "head") -> None:
    """Bring the schema to `target` (default: the newest), in one transaction."""
    try:
        with engine.begin() as connection:
            revision = stored_revision(connection)
            if revision == HEAD_REVISION and target == "head":
                return
            if revision is not None and not any(
                    (MIGRATIONS_DIR / "versions").glob(f"{revision}_*.py")):
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
