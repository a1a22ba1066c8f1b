"""Finding and replacing text values that are not valid UTF-8.

Museum only ever stores UTF-8, but another program (or a damaged sync) can put other bytes in a
text column. Reading shows them with U+FFFD in their place (see db.py); `check` lists each one
and `check --repair` stores the replacement for good, writing the original bytes to a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from museum.core.atomic import atomic_write_bytes

NOTE_NAME = "replaced-text.txt"


@dataclass(frozen=True)
class UndecodableText:
    """One text value whose stored bytes are not UTF-8."""

    table: str
    rowid: int
    column: str
    raw: bytes

    @property
    def shown(self) -> str:
        """The value as text, each byte that is not UTF-8 written as \\xNN."""
        return self.raw.decode("utf-8", "backslashreplace")

    @property
    def replacement(self) -> str:
        return self.raw.decode("utf-8", "replace")

    def problem(self) -> str:
        return (f"{self.table.capitalize()} {self.rowid}: its {self.column} holds bytes that "
                f"are not UTF-8 text ('{self.shown}'); `museum check --repair` replaces them.")


def find_undecodable_text(connection: Connection) -> list[UndecodableText]:
    """Every text value in Museum's own tables whose bytes are not valid UTF-8."""
    found: list[UndecodableText] = []
    for table in _own_tables(connection):
        columns = [row[1] for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')]
        for column in columns:
            rows = connection.exec_driver_sql(
                f'SELECT rowid, CAST("{column}" AS BLOB) FROM "{table}" '
                f"WHERE typeof(\"{column}\") = 'text'")
            for rowid, raw in rows:
                if not _is_utf8(raw):
                    found.append(UndecodableText(table, rowid, column, bytes(raw)))
    return found


def _own_tables(connection: Connection) -> list[str]:
    rows = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
    # The search index (a virtual table and its shadow tables) is rebuilt by repair anyway.
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [name for name, _sql in rows
            if not name.startswith("sqlite_") and name != "alembic_version"
            and not any(name == v or name.startswith(f"{v}_") for v in virtual)]


def _is_utf8(raw: bytes) -> bool:
    try:
        bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def replace_undecodable_text(connection: Connection, found: list[UndecodableText],
                             *, notes_folder: Path) -> str | None:
    """Store each value with U+FFFD for its bad bytes; the original bytes go to a note file
    in notes_folder first. Returns a sentence for the repair report, or None if none found."""
    if not found:
        return None
    lines = [f"{dt.datetime.now().isoformat(timespec='seconds')}: text values that were not "
             "UTF-8, with their original bytes, before `museum check --repair` replaced them."]
    lines += [f"{value.table} {value.rowid}, {value.column}: {value.raw!r}" for value in found]
    note = notes_folder / NOTE_NAME
    atomic_write_bytes(note, ("\n".join(lines) + "\n").encode("utf-8"))
    for value in found:
        _store_replacement(connection, value)
    return (f"Replaced the bytes that are not UTF-8 in {len(found)} text value(s) with U+FFFD; "
            f"the original bytes are listed in {note}.")


def _store_replacement(connection: Connection, value: UndecodableText) -> None:
    # Two names may become the same once their bad bytes are replaced (a unique tag name):
    # the second gets a number, as a file manager names a copy.
    candidate = value.replacement
    for number in range(2, 1000):
        try:
            with connection.begin_nested():
                connection.execute(
                    text(f'UPDATE "{value.table}" SET "{value.column}" = :new '
                         "WHERE rowid = :rowid"),
                    {"new": candidate, "rowid": value.rowid})
            return
        except IntegrityError:
            candidate = f"{value.replacement} ({number})"
    raise IntegrityError("replacing undecodable text", None, ValueError(value.problem()))
