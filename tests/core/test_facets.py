from __future__ import annotations

import pytest

from museum.core import items
from museum.core.errors import QueryError
from museum.core.facets import facet_counts, find_ids


def _add(catalogue, **fields):
    return items.add_item(catalogue,
                          fields={"kind": "medal", "title": "A medal", **fields}).created_ids[0]


def test_facet_counts_follow_the_search_and_the_other_chosen_facets(catalogue):
    a = _add(catalogue, competition="FA Cup", team="Liverpool", tags=["signed"])
    b = _add(catalogue, competition="FA Cup", team="Chelsea", kind="shirt")
    c = _add(catalogue, competition="Premier League", team="Liverpool", title="League shirt",
             kind="shirt", tags=["signed", "worn"])
    counts = facet_counts(catalogue)
    assert [(f.value, f.count) for f in counts["competition"]] == [("FA Cup", 2),
                                                                   ("Premier League", 1)]
    assert [(f.value, f.count) for f in counts["tag"]] == [("signed", 2), ("worn", 1)]
    chosen = facet_counts(catalogue, facets={"team": "Liverpool"})
    # The team facet itself still shows every team; the others are narrowed to Liverpool.
    assert {f.value for f in chosen["team"]} == {"Liverpool", "Chelsea"}
    assert [(f.value, f.count) for f in chosen["kind"]] == [("medal", 1), ("shirt", 1)]
    searched = facet_counts(catalogue, query="league")
    assert [(f.value, f.count) for f in searched["competition"]] == [("Premier League", 1)]
    assert find_ids(catalogue, facets={"team": "Liverpool", "tag": "signed"}, sort="id") == [a, c]
    assert find_ids(catalogue, facets={"kind": "shirt"}, query="fa", sort="id") == [b]


def test_trashed_items_are_counted_only_in_the_trash(catalogue):
    a = _add(catalogue, team="Liverpool")
    _add(catalogue, team="Chelsea")
    items.trash_items(catalogue, [a])
    assert [f.value for f in facet_counts(catalogue)["team"]] == ["Chelsea"]
    assert [f.value for f in facet_counts(catalogue, trash=True)["team"]] == ["Liverpool"]
    assert find_ids(catalogue, trash=True) == [a]


def test_any_field_sorts_both_ways_with_empty_values_last(catalogue):
    a = _add(catalogue, title="banana", venue="Wembley")
    b = _add(catalogue, title="Apple")
    c = _add(catalogue, title="cherry", venue="Anfield")
    assert find_ids(catalogue, sort="title") == [b, a, c]
    assert find_ids(catalogue, sort="-title") == [c, a, b]
    assert find_ids(catalogue, sort="venue") == [c, a, b]
    assert find_ids(catalogue, sort="-venue") == [a, c, b]


def test_bad_facets_sorts_and_queries_are_query_errors(catalogue):
    with pytest.raises(QueryError, match="not a facet"):
        find_ids(catalogue, facets={"colour": "red"})
    with pytest.raises(QueryError, match="Cannot sort"):
        find_ids(catalogue, sort="colour")
    with pytest.raises(QueryError):
        facet_counts(catalogue, query='"open')
