from __future__ import annotations

import pytest

from museum.core import items
from museum.core.errors import QueryError
from museum.core.search import parse_query


@pytest.fixture
def collection(catalogue):
    rows = [
        dict(kind="medal", title="World Cup winner's medal", date="2022-12-18", season="2022",
             competition="FIFA World Cup", team="Argentina", venue="Lusail Stadium",
             tags=["favourite"], location="Safe"),
        dict(kind="shirt", title="Shirt signed by Mac Allister", date="2023-10", season="2023-24",
             competition="Premier League", team="Liverpool", venue="Anfield", location="Safe"),
        dict(kind="ball", title="Match ball", date="2017", season="2016/17",
             competition="Primera División", team="Argentinos Juniors",
             venue="Estadio Santiago Bernabéu", notes="A gift", location="Storage box A"),
        dict(kind="medal", title="Carabao Cup winner's medal", date="2024-02-25",
             season="2023/24", competition="Carabao Cup", team="Liverpool", venue="Wembley",
             tags=["league cup", "favourite"], location="Cabinet 1 / shelf 2"),
    ]
    ids = [items.add_item(catalogue, fields=row).created_ids[0] for row in rows]
    return catalogue, dict(zip(("world", "shirt", "ball", "carabao"), ids))


def titles(catalogue, query):
    return sorted(r.title for r in items.list_items(catalogue, query=query))


@pytest.mark.parametrize(("query", "expected"), [
    ("mac allister", ["Shirt signed by Mac Allister"]),
    ("MAC ALL", ["Shirt signed by Mac Allister"]),
    ("bernabeu", ["Match ball"]),
    ("BERNABÉU", ["Match ball"]),
    ("division", ["Match ball"]),
    ("winner medal", ["Carabao Cup winner's medal", "World Cup winner's medal"]),
    ('"world cup"', ["World Cup winner's medal"]),
    ('"cup winner"', ["Carabao Cup winner's medal", "World Cup winner's medal"]),
    ("kind:medal", ["Carabao Cup winner's medal", "World Cup winner's medal"]),
    ("KIND:Ball", ["Match ball"]),
    ('competition:"world cup"', ["World Cup winner's medal"]),
    ("competition:carabao", ["Carabao Cup winner's medal"]),
    ("team:liverpool", ["Carabao Cup winner's medal", "Shirt signed by Mac Allister"]),
    ("season:2023/24", ["Carabao Cup winner's medal", "Shirt signed by Mac Allister"]),
    ("season:2023-2024", ["Carabao Cup winner's medal", "Shirt signed by Mac Allister"]),
    ("year:2022", ["World Cup winner's medal"]),
    ("year:2020..2023", ["Shirt signed by Mac Allister", "World Cup winner's medal"]),
    ("tag:favourite", ["Carabao Cup winner's medal", "World Cup winner's medal"]),
    ('tag:"league cup"', ["Carabao Cup winner's medal"]),
    ("location:safe", ["Shirt signed by Mac Allister", "World Cup winner's medal"]),
    ("favourite", ["Carabao Cup winner's medal", "World Cup winner's medal"]),
    ("gift", ["Match ball"]),
    ("-medal", ["Match ball", "Shirt signed by Mac Allister"]),
    ("medal -carabao", ["World Cup winner's medal"]),
    ("-kind:medal team:liverpool", ["Shirt signed by Mac Allister"]),
    ("kind:medal -tag:\"league cup\"", ["World Cup winner's medal"]),
    ("liverpool – medal", ["Carabao Cup winner's medal"]),
    ("", ["Carabao Cup winner's medal", "Match ball", "Shirt signed by Mac Allister",
          "World Cup winner's medal"]),
    ("nothing-like-this", []),
])
def test_queries_find_what_a_collector_means(collection, query, expected):
    catalogue, _ids = collection
    assert titles(catalogue, query) == expected


def test_search_follows_edits_and_tags_in_the_same_transaction(collection):
    catalogue, ids = collection
    items.update_item(catalogue, ids["ball"], fields={"title": "Golden boot", "tags": ["Award"]})
    assert titles(catalogue, "golden") == ["Golden boot"]
    assert titles(catalogue, "tag:award") == ["Golden boot"]
    assert titles(catalogue, "award") == ["Golden boot"]
    assert titles(catalogue, "match ball") == []


@pytest.mark.parametrize(("query", "message"), [
    ('"world cup', "without a closing one"),
    ('competition:"world cup', "without a closing one"),
    ("kind:", "needs a value"),
    ("kind:spaceship", "not a kind"),
    ("colour:gold", "'colour:' is not a filter"),
    ("season:2023/25", "season"),
    ("year:twenty", "needs a year"),
    ("year:2024..2020", "backwards"),
    ('mac"allister', "must start a phrase"),
    ("year:٢٠٢٢", "needs a year"),
    (" ".join(["-x"] * 65), "at most 64"),
])
def test_malformed_queries_raise_a_sentence_not_an_exception(collection, query, message):
    catalogue, _ids = collection
    with pytest.raises(QueryError, match=message):
        items.list_items(catalogue, query=query)


def test_a_score_with_a_colon_is_a_word_not_a_filter():
    assert [term.field for term in parse_query("3:3 final")] == [None, None]


def test_sorting_puts_empty_values_last_and_can_descend(collection):
    catalogue, ids = collection
    items.add_item(catalogue, fields=dict(kind="other", title="Undated"))
    by_date = [r.title for r in items.list_items(catalogue, sort="date")]
    assert by_date[0] == "Match ball" and by_date[-1] == "Undated"
    newest_first = [r.title for r in items.list_items(catalogue, sort="-date")]
    assert newest_first[0] == "Carabao Cup winner's medal" and newest_first[-1] == "Undated"
    with pytest.raises(QueryError, match="Cannot sort by 'colour'"):
        items.list_items(catalogue, sort="colour")


def test_control_characters_in_a_pasted_query_are_ignored(collection):
    catalogue, _ids = collection
    assert titles(catalogue, "medal\x00 carabao") == ["Carabao Cup winner's medal"]


def test_many_exclusions_are_one_condition(collection):
    catalogue, _ids = collection
    query = " ".join(f"-nothing{n}" for n in range(60)) + " -carabao"
    assert "Carabao Cup winner's medal" not in titles(catalogue, query)
    assert len(titles(catalogue, query)) == 3


def test_text_sorts_ignore_case(catalogue):
    for title in ("apple", "Zebra", "Ball"):
        items.add_item(catalogue, fields={"title": title, "kind": "other"})
    assert [r.title for r in items.list_items(catalogue, sort="title")] == ["apple", "Ball",
                                                                           "Zebra"]


NEGATED_FILTERS = [
    ("kind", "medal"), ("competition", "cup"), ("team", "reds"), ("stage", "final"),
    ("opponent", "blues"), ("venue", "wembley"), ("achievement", "winner"),
    ("location", "safe"), ("season", "2022/23"), ("year", "2022"), ("year", "2020..2023"),
    ("tag", "signed"),
]


@pytest.mark.parametrize(("field", "value"), NEGATED_FILTERS)
def test_a_negated_filter_keeps_the_items_where_that_field_is_empty(catalogue, field, value):
    items.add_item(catalogue, fields=dict(
        kind="medal", title="Full", date="2022-05-01", season="2022/23", competition="Cup",
        team="Reds", stage="Final", opponent="Blues", venue="Wembley", achievement="Winner",
        location="Safe", tags=["signed"]))
    for number in range(3):
        items.add_item(catalogue, fields=dict(kind="shirt", title=f"Empty {number}"))
    assert titles(catalogue, f"-{field}:{value}") == ["Empty 0", "Empty 1", "Empty 2"]
    assert titles(catalogue, f"{field}:{value}") == ["Full"]
