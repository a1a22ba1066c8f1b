"""Reading items as records: lists for a query, pages for a long walk, records by id.

Plain sqlite3 on `Catalogue.reading()`, with the query compiled by search.py: `museum list`
and `museum show` never import SQLAlchemy or sqlmodel, which alone would take longer than the
whole command may (issue 10). Reads only; every write is in items.py.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from museum.core.catalogue import Catalogue
from museum.core.errors import NotFoundError
from museum.core.records import RECORD_FIELDS, ItemRecord
from museum.core.search import SqlCondition, order_sql, query_sql

PAGE = 900  # ids per IN (...) list, well inside SQLite's limit on bound parameters
_DATETIME_FIELDS = ("created", "updated", "deleted_at")
_COLUMNS = ", ".join(f"item.{name}" for name in RECORD_FIELDS)
_DATETIME_POSITIONS = tuple(RECORD_FIELDS.index(name) for name in _DATETIME_FIELDS)


def list_items(
    catalogue: Catalogue, *, query: str = "", sort: str = "date", trash: bool = False
) -> list[ItemRecord]:
    """The matching items as records, in `sort` order (see SORT_FIELDS)."""
    condition = _matching(query, trash)
    order = order_sql(sort)
    with catalogue.reading() as connection:
        return _read_records(connection, condition, order)


def iter_items(
    catalogue: Catalogue, *, query: str = "", sort: str = "date", trash: bool = False
) -> Iterator[ItemRecord]:
    """The matching items as records, in `sort` order, read a page at a time: memory stays
    flat however many there are, and the first arrive before the last are read.

    One read transaction covers the whole walk, so the records are one consistent snapshot.
    """
    condition = _matching(query, trash)
    order = order_sql(sort)
    with catalogue.reading() as connection:
        ids = [row[0] for row in connection.execute(
            f"SELECT item.id FROM item WHERE {condition.sql} ORDER BY {order}", condition.params)]
        for start in range(0, len(ids), PAGE):
            yield from _page_in_order(connection, ids[start:start + PAGE])


def get_item(catalogue: Catalogue, item_id: int) -> ItemRecord:
    """The item with this id, whether or not it is in the trash."""
    records = get_records(catalogue, [item_id])
    if not records:
        raise NotFoundError(f"There is no item with id {item_id}.")
    return records[0]


def get_records(catalogue: Catalogue, item_ids: Iterable[int]) -> list[ItemRecord]:
    """Records for these ids in the order given; ids that do not exist are left out."""
    ids = [int(item_id) for item_id in item_ids]
    with catalogue.reading() as connection:
        return [record for start in range(0, len(ids), PAGE)
                for record in _page_in_order(connection, ids[start:start + PAGE])]


def _page_in_order(connection: sqlite3.Connection, page: list[int]) -> list[ItemRecord]:
    """The records for one page of ids (at most PAGE), in the page's order; missing ids are
    left out."""
    by_id = {record.id: record for record in _read_records(
        connection, _ids_condition(page), "item.id")}
    return [by_id[item_id] for item_id in page if item_id in by_id]


def _matching(query: str, trash: bool) -> SqlCondition:
    search = query_sql(query)
    in_trash = "item.deleted_at IS NOT NULL" if trash else "item.deleted_at IS NULL"
    return SqlCondition(f"{in_trash} AND ({search.sql})", search.params)


def _ids_condition(ids: list[int]) -> SqlCondition:
    marks = ", ".join(f":i{index}" for index in range(len(ids)))
    return SqlCondition(f"item.id IN ({marks})",
                        {f"i{index}": item_id for index, item_id in enumerate(ids)})


def _read_records(connection: sqlite3.Connection, condition: SqlCondition,
                  order: str) -> list[ItemRecord]:
    # Fetch the tags and photos of all the rows in one query each rather than one per item.
    params: Mapping[str, Any] = condition.params
    records = [ItemRecord(*_with_datetimes(row)) for row in connection.execute(
        f"SELECT {_COLUMNS} FROM item WHERE {condition.sql} ORDER BY {order}", params)]
    by_id = {record.id: record for record in records}
    matching_ids = f"SELECT item.id FROM item WHERE {condition.sql}"
    tags = connection.execute(
        "SELECT item_tag.item_id, tag.name FROM item_tag JOIN tag ON tag.id = item_tag.tag_id"
        f" WHERE item_tag.item_id IN ({matching_ids})"
        " ORDER BY item_tag.item_id, item_tag.rowid", params)
    for item_id, name in tags:
        by_id[item_id].tags.append(name)
    photos = connection.execute(
        f"SELECT photo.item_id, photo.id FROM photo WHERE photo.item_id IN ({matching_ids})"
        " ORDER BY photo.item_id, photo.is_primary DESC, photo.position, photo.id", params)
    for item_id, photo_id in photos:
        record = by_id[item_id]
        record.photo_count += 1
        if record.primary_photo_id is None:
            record.primary_photo_id = photo_id
    return records


def _with_datetimes(row: tuple) -> list:
    """The row with its timestamps as aware UTC datetimes, as the models read them (SQLite
    keeps UTC without an offset)."""
    values = list(row)
    for position in _DATETIME_POSITIONS:
        if values[position] is not None:
            moment = dt.datetime.fromisoformat(values[position])
            values[position] = (moment.replace(tzinfo=dt.timezone.utc)
                                 if moment.utcoffset() is None
                                 else moment.astimezone(dt.timezone.utc))
    return values
