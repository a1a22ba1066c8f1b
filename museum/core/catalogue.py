"""A catalogue is a folder: museum.db, photos/, cache/ and backups/. This is its one handle."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from museum.core import db_connect, db_probe, lock
from museum.core.backup_leftovers import remove_stale_leftovers
from museum.core.errors import CatalogueError, LockedError, NoCatalogueError
from museum.core.pending_originals import PendingOriginals

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlmodel import Session

DATABASE_NAME = "museum.db"
SUBFOLDERS = ("photos", "cache", "backups")
OWN_FILES = ("museum.lock", "museum.db-wal", "museum.db-shm")
OWN_HIDDEN_PREFIX = ".museum-"  # probes and temporaries Museum itself may leave at the top
ENVIRONMENT_VARIABLE = "MUSEUM_CATALOGUE"


def default_catalogue_path() -> Path:
    """Where the user's catalogue lives unless told otherwise: $MUSEUM_CATALOGUE or the data
    folder."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Museum", appauthor=False) / "Catalogue"


class Catalogue:
    """An open catalogue folder. Use `Catalogue.open(path)`; close it (or use `with`).

    A writable catalogue holds the one-writer lock (museum.lock) until it is closed.
    `read_only_reason` is a sentence for a banner when it was opened read-only.

    A read-only catalogue makes its SQLAlchemy engine on first use: reading commands that need
    only `reading()` (`museum list`) never import SQLAlchemy, a third of a second of start-up.
    """

    def __init__(self, root: Path, engine: Engine | None, *,
                 read_only_reason: str | None = None, immutable: bool = False) -> None:
        self.root = root
        self.read_only_reason = read_only_reason
        self._immutable = immutable
        self._changed = False
        self._seen_changes: dict[int, int] = {}
        self._closed = False
        self.pending_originals = PendingOriginals()
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        if engine is not None:
            self._adopt(engine)

    def _adopt(self, engine: Engine) -> None:
        from sqlalchemy import event

        engine.dispose()  # connections used by the migration must not count as this session's
        event.listen(engine, "commit", self._on_commit)
        event.listen(engine, "rollback", self._on_rollback)
        self._engine = engine

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine on the database (made now if this is its first use)."""
        if self._engine is None:
            with self._engine_lock:  # worker threads may ask at once; one engine for all
                if self._engine is None:
                    from museum.core import db

                    self._adopt(db.make_engine(self.db_path, read_only=True,
                                               immutable=self._immutable))
        assert self._engine is not None
        return self._engine

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, create: bool = False) -> Catalogue:
        """Open the catalogue at path; with `create`, make it if the folder is missing or empty.

        Without `create`, a path holding no catalogue raises NoCatalogueError and nothing is
        made there (a mistyped path must not become a new, empty catalogue). Raises LockedError
        if another process is writing to it (unless read_only), and DamagedDatabaseError —
        leaving the file untouched — if its database is damaged. A catalogue whose folder
        cannot be written is opened read-only, with a reason given.
        """
        root = Path(path).expanduser().resolve()
        if read_only:
            return cls._open_read_only(root, "Opened read-only, as asked.")
        if root.is_dir() and not _is_writable(root):
            return cls._open_read_only(
                root, "The catalogue folder cannot be written to, so it is open read-only.")
        if not create and not (root / DATABASE_NAME).exists():
            _refuse_missing(root)
        _prepare_folder(root)
        lock.acquire(root)
        try:
            db_probe.check_database_is_ours(root / DATABASE_NAME)
            from museum.core import db

            engine = db.make_engine(root / DATABASE_NAME)
            try:
                db.migrate(engine)
            except BaseException:
                engine.dispose()
                raise
        except BaseException:
            lock.release(root)
            raise
        remove_stale_leftovers(root / "backups")  # of backups killed half-way
        return cls(root, engine)

    @classmethod
    def _open_read_only(cls, root: Path, reason: str) -> Catalogue:
        db_path = root / DATABASE_NAME
        if not db_path.exists():  # anything else there is judged by the probe
            _refuse_missing(root)  # also refuses a root that is a file
        db_probe.check_database_is_ours(db_path)
        _finish_interrupted_write(root, db_path)
        immutable = db_connect.require_current_schema(db_path)
        return cls(root, None, read_only_reason=reason, immutable=immutable)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def changed(self) -> bool:
        """Whether any transaction that changed a row has committed since the catalogue opened."""
        return self._changed

    def _on_commit(self, connection: Connection) -> None:
        raw = connection.connection.driver_connection
        total = getattr(raw, "total_changes", 0)
        if total != self._seen_changes.get(id(raw), 0):
            self._changed = True
        self._seen_changes[id(raw)] = total

    def _on_rollback(self, connection: Connection) -> None:
        raw = connection.connection.driver_connection
        self._seen_changes[id(raw)] = getattr(raw, "total_changes", 0)

    @property
    def db_path(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def photos_dir(self) -> Path:
        return self.root / "photos"

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work on this catalogue; commits at the end, rolls back on error."""
        from museum.core import db

        with db.session_scope(self.engine) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection in one read transaction (a consistent snapshot) that
        cannot write, for reads that need neither the ORM nor SQLAlchemy. SQLite's own
        failures become one CatalogueError sentence, as in `session()`."""
        try:
            connection = db_connect.connect_for_reading(self.db_path, immutable=self._immutable)
        except sqlite3.DatabaseError as error:
            raise db_connect.open_failure(self.db_path, str(error)) from None
        try:
            connection.execute("BEGIN")
            yield connection
        except sqlite3.DatabaseError as error:
            translated = db_connect.work_failure(str(error))
            if translated is None:
                raise
            raise translated from error
        finally:
            connection.close()  # ends the read transaction

    def close(self) -> None:
        """Close the database and give back the writer lock; closing twice is harmless."""
        if self._closed:
            return
        self._closed = True
        if self._engine is not None:
            self._engine.dispose()
        if not self.read_only:
            lock.release(self.root)

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _refuse_missing(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise CatalogueError(f"{root} is a file, not a catalogue folder.")
    raise NoCatalogueError(f"There is no Museum catalogue at {root}.")


def _prepare_folder(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise CatalogueError(f"{root} is a file, not a catalogue folder.")
    if root.is_dir() and not (root / DATABASE_NAME).exists() and _has_foreign_files(root):
        raise CatalogueError(
            f"{root} is not a Museum catalogue: it has other files but no {DATABASE_NAME}."
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
        for name in SUBFOLDERS:
            (root / name).mkdir(exist_ok=True)
    except OSError as error:
        raise CatalogueError(f"Cannot create the catalogue at {root}: {error.strerror}.") from None


def _finish_interrupted_write(root: Path, db_path: Path) -> None:
    # A hot journal (a writer killed mid-change) blocks every read-only connection. Rolling it
    # back is what SQLite does on any read-write open, and the probe has checked the result on
    # a copy; do it when no writer holds the catalogue and the folder can be written.
    if not db_probe.side_file(db_path, "-journal").exists() or not _is_writable(root):
        return
    try:
        lock.acquire(root)
    except LockedError:
        return  # the journal belongs to a live writer, which will finish it
    try:
        db_probe.finish_interrupted_write(db_path)
    finally:
        lock.release(root)


def _is_writable(root: Path) -> bool:
    # Try for real: permission bits lie (root, ACLs, read-only mounts).
    try:
        with tempfile.TemporaryFile(dir=root, prefix=".museum-probe-"):
            return True
    except OSError:
        return False


def _has_foreign_files(root: Path) -> bool:
    # Hidden files count: a folder holding only .git or .config is someone's, not empty.
    return any(entry.name not in SUBFOLDERS + OWN_FILES
               and not entry.name.startswith(OWN_HIDDEN_PREFIX) for entry in root.iterdir())
