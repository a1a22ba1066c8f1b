"""Browsing: item ids for a search narrowed by facet choices, and how many items each facet
value has.

A facet is an exact value of one field (kind, competition, team, season, location) or a tag. The
counts of a facet are taken over the items matching the search and every *other* chosen facet, so
that a user can see what picking another value of the same facet would give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, select
from sqlalchemy.sql.elements import ColumnElement

from museum.core.catalogue import Catalogue
from museum.core.errors import QueryError
from museum.core.models import Item, ItemTag, Tag
from museum.core.search import search_condition, sort_order

FACETS: tuple[str, ...] = ("kind", "competition", "team", "season", "tag", "location")


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet and how many of the current items have it."""

    value: str
    count: int


def find_ids(
    catalogue: Catalogue,
    *,
    query: str = "",
    facets: Mapping[str, str] | None = None,
    sort: str = "date",
    trash: bool = False,
) -> list[int]:
    """Ids of the items matching `query` and every chosen facet value, in `sort` order.

    `sort` is any item field ('-field' for descending); empty values always sort last.
    Raises QueryError for a query it cannot understand, an unknown facet or sort field.
    """
    condition = _base_condition(query, facets or {}, trash)
    statement = select(Item.id).where(condition).order_by(*sort_order(sort))
    with catalogue.session() as session:
        return list(session.execute(statement).scalars())


def facet_counts(
    catalogue: Catalogue,
    *,
    query: str = "",
    facets: Mapping[str, str] | None = None,
    trash: bool = False,
) -> dict[str, list[FacetValue]]:
    """For each facet, its values among the matching items with counts, most common first."""
    chosen = dict(facets or {})
    counts: dict[str, list[FacetValue]] = {}
    with catalogue.session() as session:
        for facet in FACETS:
            others = {name: value for name, value in chosen.items() if name != facet}
            condition = _base_condition(query, others, trash)
            counts[facet] = [FacetValue(str(value), count)
                             for value, count
                             in session.execute(_count_statement(facet, condition))]
    return counts


def _base_condition(query: str, facets: Mapping[str, str], trash: bool) -> ColumnElement[bool]:
    in_trash = Item.deleted_at.is_not(None) if trash else Item.deleted_at.is_(None)
    return and_(in_trash, search_condition(query), *(
        _facet_condition(name, value) for name, value in facets.items()))


def _facet_condition(name: str, value: str) -> ColumnElement[bool]:
    if name == "tag":
        return exists(select(ItemTag.item_id).join(Tag, Tag.id == ItemTag.tag_id)
                      .where(ItemTag.item_id == Item.id, Tag.name == value))
    if name not in FACETS:
        raise QueryError(f"'{name}' is not a facet; use one of: {', '.join(FACETS)}.")
    return getattr(Item, name) == value


def _count_statement(facet: str, condition: ColumnElement[bool]):
    count = func.count().label("count")
    if facet == "tag":
        return (select(Tag.name, count).join(ItemTag, ItemTag.tag_id == Tag.id)
                .join(Item, Item.id == ItemTag.item_id).where(condition)
                .group_by(Tag.name).order_by(count.desc(), Tag.name))
    column = getattr(Item, facet)
    return (select(column, count).where(condition, column.is_not(None))
            .group_by(column).order_by(count.desc(), column))
