"""The SQLite engine, its durability settings, sessions, and schema migrations on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlmodel import Session, create_engine

from museum.core.db_connect import (
    BUSY_TIMEOUT_MS, HEAD_REVISION, MIGRATIONS_DIR, database_uri, open_failure,
    RunSql, read_text_leniently, require_known, set_pragmas, set_read_only_pragmas, stored_revision,
    work_failure,
)
from museum.core.errors import CatalogueError

__all__ = ["BUSY_TIMEOUT_MS", "HEAD_REVISION", "MIGRATIONS_DIR", "make_engine", "migrate",
           "session_scope"]


def make_engine(db_path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine on db_path with Museum's pragmas on every connection (see database_uri for
    read_only and immutable)."""
    uri = database_uri(db_path, read_only=read_only, immutable=immutable)
    pragmas = set_read_only_pragmas if read_only or immutable else set_pragmas
    engine = create_engine(URL.create("sqlite", database=str(db_path)),
                           creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    event.listen(engine, "connect", pragmas)
    event.listen(engine, "connect", read_text_leniently)
    return engine


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
        translated = work_failure(str(error.orig))
        if translated is None:
            raise
        raise translated from error
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def migrate(engine: Engine, *, target: str = "head") -> None:
    """Bring the schema to `target` (default: the newest) in one transaction.

    The schema changes and their version stamps commit together or not at all: a process
    killed part-way leaves the catalogue as it was, and the next open upgrades it again.
    """
    try:
        with engine.connect() as connection:
            revision = stored_revision(_runner(connection))
        if revision == HEAD_REVISION and target == "head":
            return
        require_known(revision)
        with engine.connect() as connection:
            # SQLite's DDL is transactional, but pysqlite runs it outside any transaction
            # unless one is begun explicitly; IMMEDIATE also takes the write lock up front.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            revision = stored_revision(_runner(connection))
            require_known(revision)
            if revision != HEAD_REVISION or target != "head":
                _run_alembic(connection, target)
            connection.commit()
    except SQLAlchemyDatabaseError as error:
        raise _open_failure(engine, error) from None


def _open_failure(engine: Engine, error: SQLAlchemyDatabaseError) -> CatalogueError:
    return open_failure(Path(engine.url.database or "museum.db"), str(error.orig))


def _runner(connection: Connection) -> RunSql:
    return lambda sql: connection.exec_driver_sql(sql).fetchall()


def _run_alembic(connection: Connection, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, target)
