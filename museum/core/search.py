"""The query language: words, "phrases", field:value filters and -exclusions, turned into SQL.

Plain words must all match, prefix-matched and case- and accent-insensitive, through the FTS5
index. A query that cannot be understood raises QueryError with a sentence saying why.

A query compiles to SQL text on the `item` table with named parameters (`query_sql`,
`order_sql`), which plain sqlite3 runs as it is (`museum list` never imports SQLAlchemy) and
`search_condition` / `sort_order` wrap for SQLAlchemy statements: one compiler for both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from museum.core.dates import parse_season
from museum.core.errors import QueryError, ValidationError
from museum.core.item_fields import ITEM_TEXT_FIELDS, KINDS
from museum.core.records import RECORD_FIELDS

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import ColumnElement, TextClause

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


@dataclass(frozen=True)
class SqlCondition:
    """A condition on the `item` table as SQL text, and the values of its :named parameters."""

    sql: str
    params: dict[str, object]


class _Parameters:
    """Names the values a condition binds: :q0, :q1, ..."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def __call__(self, value: object) -> str:
        name = f"q{len(self.values)}"
        self.values[name] = value
        return f":{name}"


def query_sql(query: str) -> SqlCondition:
    """The SQL condition on the `item` table that is true for the items the query asks for."""
    conditions: list[str] = []
    fts_positive: list[str] = []
    fts_negative: list[str] = []
    bind = _Parameters()
    for term in parse_query(query):
        if term.field in EXACT_FILTERS:
            condition = _EXACT_BUILDERS[term.field](term.value, bind)
            # On an empty field the condition is NULL, and NOT NULL is not true: without the
            # coalesce, -year:2022 would also drop every undated item.
            conditions.append(f"NOT coalesce({condition}, 0)" if term.negated else condition)
            continue
        fts = _fts_expression(term)
        if fts is not None:
            (fts_negative if term.negated else fts_positive).append(fts)
    if fts_positive:
        conditions.append(_fts_match(" AND ".join(fts_positive), bind))
    if fts_negative:
        conditions.append(f"NOT {_fts_match(' OR '.join(fts_negative), bind)}")
    sql = " AND ".join(f"({condition})" for condition in conditions) or "1 = 1"
    return SqlCondition(sql, bind.values)


def search_condition(query: str) -> TextClause:
    """query_sql as a condition for SQLAlchemy statements on the item table."""
    from sqlalchemy import bindparam, text

    compiled = query_sql(query)
    # unique=True: several conditions in one statement must not share one parameter.
    return text(compiled.sql).bindparams(
        *(bindparam(name, value, unique=True) for name, value in compiled.params.items()))


def _fts_expression(term: Term) -> str | None:
    if not any(character.isalnum() for character in term.value):
        return None  # punctuation alone indexes to nothing; ignoring it beats matching nothing
    quoted = '"' + term.value.replace('"', '""') + '"'
    expression = quoted if term.phrase and term.field is None else f"{quoted} *"
    return f"{term.field} : {expression}" if term.field else expression


def _fts_match(expression: str, bind: _Parameters) -> str:
    return f"item.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH {bind(expression)})"


def _kind_condition(value: str, bind: _Parameters) -> str:
    kind = value.lower()
    if kind not in KINDS:
        raise QueryError(f"'{value}' is not a kind; use one of: {', '.join(KINDS)}.")
    return f"item.kind = {bind(kind)}"


def _season_condition(value: str, bind: _Parameters) -> str:
    try:
        return f"item.season = {bind(parse_season(value))}"
    except ValidationError as error:
        raise QueryError(str(error)) from None


def _year_condition(value: str, bind: _Parameters) -> str:
    match = _YEAR_RANGE.match(value)
    if not match:
        raise QueryError(
            f"'year:{value}' needs a year or a range, e.g. year:2022 or year:2020..2024.")
    first, last = match.group(1), match.group(2) or match.group(1)
    if first > last:
        raise QueryError(f"'year:{value}' runs backwards; write the earlier year first.")
    return f"substr(item.date, 1, 4) BETWEEN {bind(first)} AND {bind(last)}"


def _tag_condition(value: str, bind: _Parameters) -> str:
    return ("EXISTS (SELECT item_tag.item_id FROM item_tag JOIN tag ON tag.id = item_tag.tag_id"
            f" WHERE item_tag.item_id = item.id AND tag.name = {bind(value)})")


_EXACT_BUILDERS: dict[str, Callable[[str, _Parameters], str]] = {
    "kind": _kind_condition,
    "season": _season_condition,
    "year": _year_condition,
    "tag": _tag_condition,
}


def order_sql(sort: str) -> str:
    """ORDER BY terms (SQL text on the item table) for a sort field, '-field' for descending;
    empty values always last.

    Text sorts ignore case, so 'apple' comes before 'Ball' in the CLI and the GUI alike.
    """
    descending = sort.startswith("-")
    name = sort.lstrip("-").lower()
    if name not in SORT_FIELDS:
        raise QueryError(f"Cannot sort by '{name}'; sort by one of: {', '.join(SORT_FIELDS)}.")
    column = f"item.{name}"
    value = f"lower({column})" if name in ITEM_TEXT_FIELDS else column
    direction = "DESC" if descending else "ASC"
    return f"{column} IS NULL, {value} {direction}, item.id {direction}"


def sort_order(sort: str) -> list[ColumnElement]:
    """order_sql for SQLAlchemy statements on the item table."""
    from sqlalchemy import text

    return [text(order_sql(sort))]
