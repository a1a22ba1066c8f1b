"""'Did you mean …?': a corrected query from the catalogue's own words.

A word that matches nothing in the search index is replaced by the nearest word the index holds
(by edit distance, a swap of two letters counting as one edit: 'wolrd' → 'world'); a filter name
or a kind that is not one ('kinds:', 'kind:medals') by the nearest that is; a tag by the nearest
tag. The index's vocabulary is read through SQLite's fts5vocab table, so the words offered are
the ones the catalogue really contains.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session

from museum.core.catalogue import Catalogue
from museum.core.errors import QueryError
from museum.core.models import KINDS
from museum.core.search import FILTERS, TEXT_FILTERS, Term, parse_query

_FILTER_NAME = re.compile(r"(?:(?<=\s)|^)(-?)([A-Za-z_]+):")
_WORD = re.compile(r"\w+")
# A temporary table: it lives with the connection and writes nothing to the catalogue.
_VOCABULARY = ("CREATE VIRTUAL TABLE IF NOT EXISTS temp.item_fts_words"
               " USING fts5vocab(main, item_fts, row)")


def suggest_query(catalogue: Catalogue, *, query: str) -> str | None:
    """A corrected version of `query` that finds something, or None when there is none.

    Offered when a word matches nothing in the catalogue or a filter or kind is misspelt; a
    query that already finds items, or that no small correction saves, gets None.
    """
    fixed = _fix_filter_names(query)
    try:
        terms = parse_query(fixed)
    except QueryError:
        return None
    from museum.core.items import all_values, find_item_ids

    tags = all_values(catalogue, "tags")
    with catalogue.session() as session:
        _open_vocabulary(session)
        corrected = [_fix_term(session, term, tags) for term in terms]
    suggestion = " ".join(_term_text(term) for term in corrected)
    if suggestion == " ".join(_term_text(term) for term in terms) and fixed == query:
        return None
    try:
        return suggestion if find_item_ids(catalogue, query=suggestion) else None
    except QueryError:
        return None


def edit_distance(first: str, second: str) -> int:
    """Edits (insert, delete, replace, or swap two neighbouring letters) from one to the other."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word` within a small number of edits (one for short words,
    two for longer ones), or None; ties go to the first candidate given."""
    allowed = 1 if len(word) <= 4 else 2
    best, best_distance = None, allowed + 1
    for candidate in candidates:
        if abs(len(candidate) - len(word)) > allowed:
            continue
        distance = edit_distance(word.casefold(), candidate.casefold())
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


def _open_vocabulary(session: Session) -> None:
    """Make the index's word list readable on this connection. A read-only catalogue's
    connection refuses every write (query_only), even to its own temporary tables: it is let
    through for this one statement, while the file itself stays opened read-only."""
    guarded = session.execute(text("PRAGMA query_only")).scalar()
    if guarded:
        session.execute(text("PRAGMA query_only = OFF"))
    try:
        session.execute(text(_VOCABULARY))
    finally:
        if guarded:
            session.execute(text("PRAGMA query_only = ON"))


def _fix_filter_names(query: str) -> str:
    def fix(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if name in FILTERS:
            return match.group(0)
        return f"{match.group(1)}{closest(name, FILTERS) or match.group(2)}:"
    return _FILTER_NAME.sub(fix, query)


def _fix_term(session: Session, term: Term, tags: list[str]) -> Term:
    if term.negated:
        return term  # leaving out a word nobody used is harmless
    if term.field == "kind" and term.value.lower() not in KINDS:
        return _replaced(term, closest(term.value.lower(), KINDS))
    if term.field == "tag" and term.value.casefold() not in {t.casefold() for t in tags}:
        return _replaced(term, closest(term.value, tags))
    if term.field is None or term.field in TEXT_FILTERS:
        return _replaced(term, _fix_words(session, term))
    return term


def _replaced(term: Term, value: str | None) -> Term:
    return term if value is None else Term(value=value, field=term.field, phrase=term.phrase,
                                           negated=term.negated)


def _fix_words(session: Session, term: Term) -> str | None:
    """The term's text with each word the index lacks replaced by its nearest word."""
    words = _WORD.findall(_plain(term.value))
    if not words:
        return None
    fixed, changed = [], False
    for number, word in enumerate(words):
        as_prefix = not term.phrase and number == len(words) - 1  # as the search matches it
        if _indexed(session, word, prefix=as_prefix):
            fixed.append(word)
            continue
        nearest = closest(word, _words_near_in_length(session, word))
        if nearest is None:
            return None
        fixed.append(nearest)
        changed = True
    return " ".join(fixed) if changed else None


def _indexed(session: Session, word: str, *, prefix: bool) -> bool:
    first = session.execute(
        text("SELECT term FROM temp.item_fts_words WHERE term >= :word ORDER BY term LIMIT 1"),
        {"word": word}).scalar()
    return first is not None and (first.startswith(word) if prefix else first == word)


def _words_near_in_length(session: Session, word: str) -> list[str]:
    # The most used words first, so that a tie goes to the likelier one.
    rows = session.execute(
        text("SELECT term FROM temp.item_fts_words WHERE length(term) BETWEEN :low AND :high"
             " ORDER BY doc DESC"),
        {"low": len(word) - 2, "high": len(word) + 2})
    return list(rows.scalars())


def _plain(value: str) -> str:
    """As the index sees it: lower case, without accents."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _term_text(term: Term) -> str:
    value = f'"{term.value}"' if term.phrase or (term.field and " " in term.value) \
        else term.value
    return f"{'-' if term.negated else ''}{term.field + ':' if term.field else ''}{value}"
