"""Keeps the FTS5 index in step with items and their tags, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session

FTS_COLUMNS: tuple[str, ...] = (
    "title", "description", "competition", "stage", "team", "opponent", "venue", "achievement",
    "location", "tags", "notes",
)
_CHUNK = 500

_TAGS_OF_ITEM = (
    "(SELECT group_concat(tag.name, ' ') FROM item_tag JOIN tag ON tag.id = item_tag.tag_id"
    " WHERE item_tag.item_id = item.id)"
)
_SOURCE_COLUMNS = ", ".join(
    _TAGS_OF_ITEM if column == "tags" else f"item.{column}" for column in FTS_COLUMNS
)
_INSERT = (
    f"INSERT INTO item_fts(rowid, {', '.join(FTS_COLUMNS)})"
    f" SELECT item.id, {_SOURCE_COLUMNS} FROM item"
)


def reindex_items(session: Session, item_ids: Iterable[int]) -> None:
    """Make the index rows of these items match the items as they are now in this session."""
    session.flush()
    ids = sorted(set(item_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join(str(int(item_id)) for item_id in chunk)
        session.execute(text(f"DELETE FROM item_fts WHERE rowid IN ({marks})"))
        session.execute(text(f"{_INSERT} WHERE item.id IN ({marks})"))


def rebuild_index(session: Session) -> int:
    """Rebuild the whole index from the items; returns how many items it now holds."""
    session.flush()
    session.execute(text("DELETE FROM item_fts"))
    session.execute(text(_INSERT))
    return session.execute(text("SELECT count(*) FROM item_fts")).scalar_one()
