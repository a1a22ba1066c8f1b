"""The query language: words, "phrases", field:value filters and -exclusions, turned into SQL.

Plain words must all match, prefix-matched and case- and accent-insensitive, through the FTS5
index. A query that cannot be understood raises QueryError with a sentence saying why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Integer, and_, bindparam, column, exists, func, not_, select, text, true
from sqlalchemy.sql.elements import ColumnElement

from museum.core.dates import parse_season
from museum.core.errors import QueryError, ValidationError
from museum.core.models import ITEM_TEXT_FIELDS, KINDS, Item, ItemTag, Tag
from museum.core.records import RECORD_FIELDS

TEXT_FILTERS: tuple[str, ...] = (
    "title", "description", "competition", "stage", "team", "opponent", "venue", "achievement",
    "location", "notes",
)
EXACT_FILTERS: tuple[str, ...] = ("kind", "season", "year", "tag")
FILTERS = (*EXACT_FILTERS, *TEXT_FILTERS)
SORT_FIELDS: tuple[str, ...] = tuple(name for name in RECORD_FIELDS if name != "deleted_at")
MAX_TERMS = 64
_FIELD_PREFIX = re.compile(r"([A-Za-z_]+):")
_YEAR_RANGE = re.compile(r"^([0-9]{4})(?:\.\.([0-9]{4}))?$")


@dataclass(frozen=True)
class Term:
    """One part of a query: a word or phrase (field None) or a field filter, maybe negated."""

    value: str
    field: str | None = None
    phrase: bool = False
    negated: bool = False


def parse_query(query: str) -> list[Term]:
    """Split a query into terms; raises QueryError for unbalanced quotes or unknown filters."""
    # Control characters (a NUL pasted into the search box) mean nothing in a query.
    query = "".join(" " if unicodedata.category(char) == "Cc" else char for char in query)
    terms: list[Term] = []
    position = 0
    while position < len(query):
        if query[position].isspace():
            position += 1
            continue
        term, position = _read_term(query, position)
        if term is not None:
            terms.append(term)
        if len(terms) > MAX_TERMS:
            raise QueryError(f"A query can have at most {MAX_TERMS} words and filters.")
    return terms


def _read_term(query: str, position: int) -> tuple[Term | None, int]:
    negated = query[position] == "-" and position + 1 < len(query)
    if negated:
        position += 1
    field = None
    prefix = _FIELD_PREFIX.match(query, position)
    if prefix and prefix.group(1).lower() in FILTERS:
        field = prefix.group(1).lower()
        position = prefix.end()
    elif prefix and not query[prefix.end():prefix.end() + 1].isdigit():
        raise QueryError(
            f"'{prefix.group(1)}:' is not a filter; "
            f"use one of: {', '.join(f + ':' for f in FILTERS)}."
        )
    value, phrase, position = _read_value(query, position)
    if field and not value:
        raise QueryError(f"'{field}:' needs a value, e.g. {_example(field)}.")
    if not value.strip():
        return None, position
    return Term(value=value, field=field, phrase=phrase, negated=negated), position


def _read_value(query: str, position: int) -> tuple[str, bool, int]:
    if position < len(query) and query[position] == '"':
        closing = query.find('"', position + 1)
        if closing < 0:
            raise QueryError('The query has an opening quote (") without a closing one.')
        return query[position + 1:closing], True, closing + 1
    end = position
    while end < len(query) and not query[end].isspace():
        if query[end] == '"':
            raise QueryError('A quote (") must start a phrase, as in "world cup".')
        end += 1
    return query[position:end], False, end


def _example(field: str) -> str:
    return {"kind": "kind:medal", "season": "season:2023/24", "year": "year:2022",
            "tag": "tag:signed"}.get(field, f'{field}:"world cup"' if field == "competition"
                                      else f"{field}:liverpool")


def search_condition(query: str) -> ColumnElement[bool]:
    """A SQL condition on the item table that is true for the items the query asks for."""
    conditions = []
    fts_positive: list[str] = []
    fts_negative: list[str] = []
    for term in parse_query(query):
        if term.field in EXACT_FILTERS:
            condition = _EXACT_BUILDERS[term.field](term.value)
            # On an empty field the condition is NULL, and NOT NULL is not true: without the
            # coalesce, -year:2022 would also drop every undated item.
            conditions.append(not_(func.coalesce(condition, False)) if term.negated
                              else condition)
            continue
        fts = _fts_expression(term)
        if fts is not None:
            (fts_negative if term.negated else fts_positive).append(fts)
    if fts_positive:
        conditions.append(_fts_match(" AND ".join(fts_positive)))
    if fts_negative:
        conditions.append(not_(_fts_match(" OR ".join(fts_negative))))
    return and_(true(), *conditions)


def _fts_expression(term: Term) -> str | None:
    if not any(character.isalnum() for character in term.value):
        return None  # punctuation alone indexes to nothing; ignoring it beats matching nothing
    quoted = '"' + term.value.replace('"', '""') + '"'
    expression = quoted if term.phrase and term.field is None else f"{quoted} *"
    return f"{term.field} : {expression}" if term.field else expression


def _fts_match(expression: str) -> ColumnElement[bool]:
    matching = text("SELECT rowid FROM item_fts WHERE item_fts MATCH :expression")
    # unique=True: several MATCH subqueries in one statement must not share one parameter.
    matching = matching.bindparams(bindparam("expression", expression, unique=True))
    return Item.id.in_(matching.columns(column("rowid", Integer)))


def _kind_condition(value: str) -> ColumnElement[bool]:
    kind = value.lower()
    if kind not in KINDS:
        raise QueryError(f"'{value}' is not a kind; use one of: {', '.join(KINDS)}.")
    return Item.kind == kind


def _season_condition(value: str) -> ColumnElement[bool]:
    try:
        return Item.season == parse_season(value)
    except ValidationError as error:
        raise QueryError(str(error)) from None


def _year_condition(value: str) -> ColumnElement[bool]:
    match = _YEAR_RANGE.match(value)
    if not match:
        raise QueryError(
            f"'year:{value}' needs a year or a range, e.g. year:2022 or year:2020..2024.")
    first, last = match.group(1), match.group(2) or match.group(1)
    if first > last:
        raise QueryError(f"'year:{value}' runs backwards; write the earlier year first.")
    return func.substr(Item.date, 1, 4).between(first, last)


def _tag_condition(value: str) -> ColumnElement[bool]:
    tagged = (
        select(ItemTag.item_id).join(Tag, Tag.id == ItemTag.tag_id)
        .where(ItemTag.item_id == Item.id, Tag.name == value)
    )
    return exists(tagged)


_EXACT_BUILDERS: dict[str, Callable[[str], ColumnElement[bool]]] = {
    "kind": _kind_condition,
    "season": _season_condition,
    "year": _year_condition,
    "tag": _tag_condition,
}


def sort_order(sort: str) -> list[ColumnElement]:
    """ORDER BY terms for a sort field, '-field' for descending; empty values always last.

    Text sorts ignore case, so 'apple' comes before 'Ball' in the CLI and the GUI alike.
    """
    descending = sort.startswith("-")
    name = sort.lstrip("-").lower()
    if name not in SORT_FIELDS:
        raise QueryError(f"Cannot sort by '{name}'; sort by one of: {', '.join(SORT_FIELDS)}.")
    column = getattr(Item, name)
    if name in ITEM_TEXT_FIELDS:
        column = func.lower(column)
    return [column.is_(None), column.desc() if descending else column.asc(),
            Item.id.desc() if descending else Item.id]
