"""Plain sqlite3 connections to a catalogue's database, with Museum's settings, and the check of
its schema revision.

Everything here is the standard library only: a command that only reads (`museum list`) opens
and queries the catalogue without importing SQLAlchemy or sqlmodel, which alone take longer to
import than the whole command may take. db.py builds its engine on these same connections.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from museum.core.db_probe import damaged, disk_trouble_sentence, is_disk_trouble
from museum.core.errors import CatalogueError, DamagedDatabaseError, OutdatedSchemaError

# The revision this code expects; a test keeps it equal to Alembic's head, so that opening an
# up-to-date catalogue never has to import Alembic (0.3 s of start-up).
HEAD_REVISION = "0003"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# Runs one SQL statement and returns its rows: a sqlite3 connection's or SQLAlchemy's.
RunSql = Callable[[str], list[tuple]]


def database_uri(db_path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
    """The file: URI SQLite opens db_path by.

    read_only opens the file with SQLite's mode=ro: every write fails, nothing is created.
    immutable (for read-only media, where SQLite cannot make the WAL's shared-memory file)
    also tells SQLite that nobody else can change the file.
    """
    flag = "?immutable=1" if immutable else "?mode=ro" if read_only else ""
    # A file: URI percent-encodes every byte of the path that is not plain, so a folder named
    # 'q?x', 'h#x' or '%41' means itself; a sqlite:/// URL would cut or decode it.
    return Path(db_path).absolute().as_uri() + flag


def set_pragmas(dbapi_connection: sqlite3.Connection, _record: object = None) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL + FULL: an edit we report as saved survives a power cut, at ~0.3 ms a commit.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def set_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object = None) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def read_text_leniently(dbapi_connection: sqlite3.Connection, _record: object = None) -> None:
    # Another program may have stored bytes that are not UTF-8 as text. Read them with U+FFFD
    # in their place rather than failing every query that touches the row; `check` reports
    # them and `check --repair` replaces them for good.
    dbapi_connection.text_factory = _decode_leniently


def _decode_leniently(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def connect_for_reading(db_path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A query-only connection with Museum's settings, in autocommit mode: the caller begins
    the read transaction that makes its queries one snapshot."""
    connection = sqlite3.connect(database_uri(db_path, read_only=True, immutable=immutable),
                                 uri=True, check_same_thread=False, isolation_level=None)
    try:
        set_read_only_pragmas(connection)
        read_text_leniently(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def stored_revision(run: RunSql) -> str | None:
    """The schema revision recorded in the database, or None for an empty database."""
    tables = {row[0] for row in run("SELECT name FROM sqlite_master")}
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise CatalogueError(
                "This SQLite database was not made by Museum; it has been left untouched."
            )
        return None
    rows = [row[0] for row in run("SELECT version_num FROM alembic_version")]
    if not rows and not tables - {"sqlite_sequence", "alembic_version"}:
        return None  # made, then left before its first schema was written
    if len(rows) != 1 or not isinstance(rows[0], str):
        raise CatalogueError(_unknown_revision_sentence(", ".join(map(str, rows)) or "none"))
    return rows[0]


def known_revisions() -> set[str]:
    """The schema revisions this version of Museum can open (those of its migration scripts)."""
    return {script.name.split("_", 1)[0] for script in (MIGRATIONS_DIR / "versions").glob("*.py")}


def require_known(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise CatalogueError(_unknown_revision_sentence(revision))


def _unknown_revision_sentence(revision: str) -> str:
    if revision.isdigit() and len(revision) == len(HEAD_REVISION) and revision > HEAD_REVISION:
        return ("This catalogue was made by a newer version of Museum; update Museum to open "
                "it. It has been left untouched.")
    return (f"This catalogue records a schema revision ({revision!r}) that this version of "
            "Museum does not know; another program may have changed it. It has been left "
            "untouched.")


def require_current_schema(db_path: Path) -> bool:
    """Raise CatalogueError unless the database is at the schema this code expects (no writes).

    Returns whether the file can be read only as immutable: mode=ro still reads a WAL left by
    a process that did not close cleanly, but on read-only media with no -shm file it cannot
    open at all, and then immutable is the only way in.
    """
    try:
        try:
            revision, immutable = _read_revision(db_path, immutable=False), False
        except sqlite3.OperationalError as error:
            if "unable to open" not in str(error):
                raise
            revision, immutable = _read_revision(db_path, immutable=True), True
    except sqlite3.DatabaseError as error:
        raise open_failure(db_path, str(error)) from None
    require_known(revision)
    if revision != HEAD_REVISION:
        raise OutdatedSchemaError("This catalogue needs updating for this version of Museum, "
                                  "which cannot be done while it is open read-only.")
    return immutable


def _read_revision(db_path: Path, *, immutable: bool) -> str | None:
    connection = connect_for_reading(db_path, immutable=immutable)
    try:
        return stored_revision(lambda sql: connection.execute(sql).fetchall())
    finally:
        connection.close()


def open_failure(db_path: Path, reason: str) -> CatalogueError:
    """The sentence for a database that SQLite could not open or read (reason: its message)."""
    if is_disk_trouble(reason):
        return CatalogueError(disk_trouble_sentence(Path(db_path).parent, reason))
    if "malformed" in reason or "not a database" in reason:
        return damaged(Path(db_path), f"is damaged ({reason})")
    return CatalogueError(f"The catalogue database cannot be read: {reason}.")


def work_failure(reason: str) -> CatalogueError | None:
    """The sentence for SQLite's own failure during a unit of work (disk full, read-only,
    damaged file), or None when it is a programming error rather than the user's."""
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
    return None
