"""Adding, editing, trashing and purging items (every write returns a Changes record), and
finding their ids; reading them as records is item_listing.py's, re-exported here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import NotFoundError, ValidationError
from museum.core.fields import normalise_fields
from museum.core.item_listing import get_item, get_records, iter_items, list_items
from museum.core.models import Item, ItemTag, Photo, Tag, utc_now
from museum.core.photo_gc import forget_unreferenced
from museum.core.records import RECORD_FIELDS
from museum.core.search import search_condition, sort_order
from museum.core.search_index import reindex_items

__all__ = ["add_item", "all_values", "count_items", "empty_trash", "find_item_ids", "get_item",
           "get_records", "iter_items", "list_items", "purge_items", "restore_items",
           "trash_items", "update_item"]


def add_item(catalogue: Catalogue, *, fields: Mapping[str, Any]) -> Changes:
    """Store a new item; Changes.created_ids holds its id. Nothing is stored if a field is wrong."""
    clean = normalise_fields(fields, complete=True)
    tags = clean.pop("tags", [])
    _check_value_has_currency(clean)
    with catalogue.session() as session:
        item = Item(**clean)
        session.add(item)
        session.flush()
        _set_tags(session, item.id, tags)
        reindex_items(session, [item.id])
    return Changes(item_ids=frozenset({item.id}), created_ids=(item.id,), tags=bool(tags))


def update_item(catalogue: Catalogue, item_id: int, *, fields: Mapping[str, Any]) -> Changes:
    """Change the given fields of an item (in the trash or not); the others stay as they are."""
    clean = normalise_fields(fields, complete=False)
    tags = clean.pop("tags", None)
    with catalogue.session() as session:
        item = _get(session, item_id)
        for name, value in clean.items():
            setattr(item, name, value)
        _check_value_has_currency({"value": item.value, "currency": item.currency})
        item.updated = utc_now()
        session.add(item)
        if tags is not None:
            _set_tags(session, item_id, tags)
        reindex_items(session, [item_id])
    return Changes(item_ids=frozenset({item_id}), tags=tags is not None)


def find_item_ids(
    catalogue: Catalogue, *, query: str = "", sort: str = "date", trash: bool = False
) -> list[int]:
    """Ids of the items matching `query` (items in the trash when `trash`), in `sort` order."""
    condition = search_condition(query)
    statement = (select(Item.id).where(_trash_condition(trash), condition)
                 .order_by(*sort_order(sort)))
    with catalogue.session() as session:
        return list(session.execute(statement).scalars())


def count_items(catalogue: Catalogue, *, trash: bool = False) -> int:
    """How many items are in the catalogue (or in its trash)."""
    with catalogue.session() as session:
        return session.execute(select(func.count()).where(_trash_condition(trash))).scalar_one()


def trash_items(catalogue: Catalogue, item_ids: Iterable[int]) -> Changes:
    """Move items to the trash; they keep every field, photo and place in the room."""
    return _set_deleted(catalogue, item_ids, utc_now())


def restore_items(catalogue: Catalogue, item_ids: Iterable[int]) -> Changes:
    """Bring items back from the trash exactly as they were."""
    return _set_deleted(catalogue, item_ids, None)


def purge_items(catalogue: Catalogue, item_ids: Iterable[int]) -> Changes:
    """Delete items for good. Only items already in the trash can be purged."""
    ids = _existing_ids(catalogue, item_ids)
    with catalogue.session() as session:
        live = session.execute(
            select(Item.id).where(Item.id.in_(ids), Item.deleted_at.is_(None))
        ).scalars().first()
        if live is not None:
            raise ValidationError(f"Item {live} is not in the trash; move it there before purging.")
        photos = session.execute(select(Photo.id, Photo.sha256).where(Photo.item_id.in_(ids))).all()
        session.execute(delete(Item).where(Item.id.in_(ids)))
        reindex_items(session, ids)
    # Only after the commit: files that no remaining photo uses go.
    forget_unreferenced(catalogue, {sha for _, sha in photos})
    photo_ids = {photo_id for photo_id, _ in photos}
    return Changes(item_ids=frozenset(ids), photo_ids=frozenset(photo_ids), room=True)


def empty_trash(catalogue: Catalogue) -> Changes:
    """Purge every item in the trash."""
    with catalogue.session() as session:
        ids = list(session.execute(select(Item.id).where(Item.deleted_at.is_not(None))).scalars())
    return purge_items(catalogue, ids) if ids else Changes()


def all_values(catalogue: Catalogue, field: str) -> list[str]:
    """Distinct values already used for a text field (or 'tags'), for completers and facets."""
    with catalogue.session() as session:
        if field == "tags":
            return list(session.execute(select(Tag.name).order_by(Tag.name)).scalars())
        if field not in RECORD_FIELDS:
            raise ValidationError(f"'{field}' is not a field of an item.")
        column = getattr(Item, field)
        statement = select(column).where(column.is_not(None)).distinct().order_by(column)
        return [str(value) for value in session.execute(statement).scalars()]


def _set_deleted(catalogue: Catalogue, item_ids: Iterable[int], when: Any) -> Changes:
    ids = _existing_ids(catalogue, item_ids)
    with catalogue.session() as session:
        session.execute(update(Item).where(Item.id.in_(ids)).values(deleted_at=when))
    return Changes(item_ids=frozenset(ids), room=True)


def _existing_ids(catalogue: Catalogue, item_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(int(item_id) for item_id in item_ids))
    with catalogue.session() as session:
        found = set(session.execute(select(Item.id).where(Item.id.in_(ids))).scalars())
    missing = [item_id for item_id in ids if item_id not in found]
    if missing:
        raise NotFoundError(f"There is no item with id {missing[0]}.")
    return ids


def _get(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise NotFoundError(f"There is no item with id {item_id}.")
    return item


def _check_value_has_currency(values: Mapping[str, Any]) -> None:
    if values.get("value") is not None and not values.get("currency"):
        raise ValidationError("An estimated value needs a currency, e.g. EUR.")


def _set_tags(session: Session, item_id: int, names: list[str]) -> None:
    session.execute(delete(ItemTag).where(ItemTag.item_id == item_id))
    for name in names:
        tag_id = session.execute(select(Tag.id).where(Tag.name == name)).scalar()
        if tag_id is None:
            tag = Tag(name=name)
            session.add(tag)
            session.flush()
            tag_id = tag.id
        session.add(ItemTag(item_id=item_id, tag_id=tag_id))
    session.flush()


def _trash_condition(trash: bool) -> ColumnElement[bool]:
    return Item.deleted_at.is_not(None) if trash else Item.deleted_at.is_(None)
