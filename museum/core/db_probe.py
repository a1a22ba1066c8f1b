"""Is museum.db a sound Museum database? Looked at before the catalogue opens it.

The probe never writes to the real file, yet it calls nothing damaged that SQLite itself would
recover: a file shorter than its header says beside a WAL (a checkpoint cut short by a full disk
or a kill), or a hot journal left by a killed writer, is recovered on a copy first, and only a
copy that SQLite cannot read is damage. A disk that is full, or a file that is busy, is no
verdict on the file.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path

from museum.core.errors import CatalogueError, DamagedDatabaseError
from museum.core.regular_files import open_regular_file

SQLITE_HEADER = b"SQLite format 3\x00"
# Files SQLite keeps beside the database; the first two carry changes it may have to recover.
RECOVERY_SUFFIXES = ("-wal", "-journal")
SIDE_SUFFIXES = (*RECOVERY_SUFFIXES, "-shm")
_NOT_A_VERDICT = ("locked", "busy", "unable to open")
_DISK_TROUBLE = ("disk is full", "disk I/O error", "database or disk is full")


def check_database_is_ours(db_path: Path) -> None:
    """Raise CatalogueError unless db_path is missing, empty, or a readable Museum database.

    Only reads the file: a damaged database is reported (DamagedDatabaseError) and never
    written to, so that it can still be rescued; one that is not ours is refused untouched.
    """
    problem = _file_problem(db_path)
    if problem == _EMPTY:
        return
    if problem == _CUT_SHORT and has_recovery_file(db_path):
        # The missing pages may be in the WAL or the journal: let SQLite recover a copy, and
        # check the copy whole (reading a few tables would not show missing pages).
        tables = recovered_table_names(db_path)
    elif problem is not None:
        raise damaged(db_path, problem)
    else:
        tables = _table_names(db_path)
    if tables is not None and "alembic_version" not in tables and tables - {"sqlite_sequence"}:
        raise CatalogueError(
            "This SQLite database was not made by Museum; it has been left untouched.")


def _file_problem(db_path: Path) -> str | None:
    """What the file itself shows to be wrong (_EMPTY: absent or empty), before SQLite looks.

    Raises CatalogueError when it, or a file SQLite keeps beside it, is not a regular file: a
    named pipe would hang every reader.
    """
    if not _require_regular_file(db_path):
        return _EMPTY
    for suffix in SIDE_SUFFIXES:
        _require_regular_file(side_file(db_path, suffix))
    try:
        with open_regular_file(db_path) as handle:
            header = handle.read(100)
        size = db_path.stat().st_size
    except OSError as error:
        raise CatalogueError(f"Cannot read {db_path}: {error.strerror}.") from None
    return _header_problem(header, size) if header else _EMPTY


def side_file(db_path: Path, suffix: str) -> Path:
    """The file SQLite keeps beside db_path with suffix (-wal, -shm, -journal)."""
    return db_path.with_name(db_path.name + suffix)


def has_recovery_file(db_path: Path) -> bool:
    """Whether a non-empty WAL or rollback journal lies beside db_path."""
    return any(_size(side_file(db_path, suffix)) for suffix in RECOVERY_SUFFIXES)


def damaged(db_path: Path, problem: str) -> DamagedDatabaseError:
    """The one sentence for a damaged database, with its folder for the backup advice."""
    return DamagedDatabaseError(
        f"The catalogue database {db_path} {problem}. It has been left untouched.",
        catalogue_root=db_path.parent)


def is_disk_trouble(reason: str) -> bool:
    """Whether an SQLite failure is the disk's (full, failing), not the file's."""
    return any(words in reason for words in _DISK_TROUBLE)


def disk_trouble_sentence(folder: Path, reason: str) -> str:
    """One sentence for SQLite running out of disk (or meeting a failing one) under folder."""
    if _free_bytes(folder) < 4 * 1024 * 1024 or "full" in reason:
        return (f"The disk holding {folder} is full, so the catalogue cannot be used; free some "
                "space and try again. Nothing was changed.")
    return (f"The disk holding {folder} could not be read or written ({reason}); check the "
            "disk and try again. Nothing was changed.")


_CUT_SHORT = "is damaged (it has been cut short)"
_EMPTY = "is empty"


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
        return _CUT_SHORT
    return None


def _require_regular_file(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    except OSError as error:
        raise CatalogueError(f"Cannot read {path}: {error.strerror}.") from None
    if stat.S_ISDIR(mode):
        raise CatalogueError(f"{path} is a folder, not a catalogue database.")
    if not stat.S_ISREG(mode):
        raise CatalogueError(f"{path} is not a regular file (it is a {_kind_of(mode)}), so the "
                             "catalogue cannot use it; it has been left untouched.")
    return True


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


def _table_names(db_path: Path) -> set[str] | None:
    """The database's tables, read without writing; None when it cannot be told just now."""
    try:
        return _read_only_table_names(db_path)
    except sqlite3.DatabaseError as error:
        if any(words in str(error) for words in _NOT_A_VERDICT):
            return None  # another program is at work in it: the real open reports if it fails
    # SQLite may need to write to read it (replay a WAL, roll back a hot journal, make its
    # shared-memory file): do that on a copy, and judge the copy.
    return recovered_table_names(db_path)


def _read_only_table_names(db_path: Path) -> set[str]:
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


def recovered_table_names(db_path: Path) -> set[str]:
    """Recover a copy of the database the way SQLite would on open, and check it whole.

    Returns the copy's tables; raises DamagedDatabaseError if SQLite cannot make a sound
    database of it, and CatalogueError if no copy can be made (a full disk is no damage).
    """
    with tempfile.TemporaryDirectory(prefix="museum-probe-") as folder:
        copy = Path(folder) / "museum.db"
        try:
            for suffix in ("", *RECOVERY_SUFFIXES):
                source = side_file(db_path, suffix)
                if source.is_file():
                    shutil.copyfile(source, side_file(copy, suffix))
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise CatalogueError(
                    f"There is no space left in {tempfile.gettempdir()} to check the catalogue "
                    f"database {db_path} on a copy; free some space and try again. Nothing "
                    "was changed.") from None
            raise CatalogueError(
                f"The catalogue database {db_path} could not be checked: no copy of it could "
                f"be made ({error.strerror}). Nothing was changed.") from None
        return _judge_copy(copy, db_path)


def _judge_copy(copy: Path, db_path: Path) -> set[str]:
    try:
        connection = sqlite3.connect(copy)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            verdict = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if is_disk_trouble(str(error)):
            raise CatalogueError(disk_trouble_sentence(copy.parent.parent, str(error))) from None
        raise damaged(db_path, f"is damaged ({error})") from None
    if verdict != ["ok"]:
        raise damaged(db_path, f"is damaged ({verdict[0]})")
    return tables


def finish_interrupted_write(db_path: Path) -> None:
    """Let SQLite roll back a hot journal (or replay a WAL) in the real file.

    Only for a caller that holds the writer lock, after the probe has judged a recovered copy
    sound: this is exactly what SQLite does on the first read-write open.
    """
    connection = sqlite3.connect(db_path.as_uri(), uri=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()
