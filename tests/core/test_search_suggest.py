"""'Did you mean …?' from the catalogue's own words."""

from __future__ import annotations

import pytest

from museum.core import items
from museum.core.catalogue import Catalogue
from museum.core.search_suggest import closest, edit_distance, suggest_query


@pytest.fixture
def collection(catalogue):
    rows = [
        dict(kind="medal", title="World Cup winner's medal", competition="FIFA World Cup",
             venue="Lusail Stadium", tags=["favourite"]),
        dict(kind="ball", title="Match ball", competition="Primera División",
             venue="Estadio Santiago Bernabéu"),
        dict(kind="shirt", title="Shirt signed by Mac Allister", team="Liverpool"),
    ]
    for row in rows:
        items.add_item(catalogue, fields=row)
    return catalogue


@pytest.mark.parametrize(("query", "suggestion"), [
    ("wolrd cup", "world cup"),
    ("kind:medals", "kind:medal"),
    ("kinds:medal", "kind:medal"),
    ("KIND:Shirts", "kind:shirt"),
    ("lusial", "lusail"),
    ('competition:"wolrd cup"', 'competition:"world cup"'),
    ('"wolrd cup"', '"world cup"'),
    ("tag:favorite", "tag:favourite"),
    ("Bernabéo", "bernabeu"),
    ("kind:medals wolrd", "kind:medal world"),
    ("liverpol -ball", "liverpool -ball"),
])
def test_a_misspelt_word_filter_or_kind_gets_the_nearest_the_catalogue_holds(
        collection, query, suggestion):
    assert items.find_item_ids(collection, query=suggestion)
    assert suggest_query(collection, query=query) == suggestion


@pytest.mark.parametrize("query", [
    "world cup", "bernabeu", "mac all",  # already find something
    "xyzzyq", "kind:", '"world cup', "year:20x",  # nothing near, or not a slip of the fingers
    "kind:medal -wolrd",  # leaving out a word nobody used is harmless
])
def test_no_suggestion_when_the_query_is_fine_or_nothing_near_would_find_anything(
        collection, query):
    assert suggest_query(collection, query=query) is None


def test_suggestions_read_a_read_only_catalogue_without_writing_to_it(collection):
    root = collection.root
    collection.close()
    before = (root / "museum.db").read_bytes()
    with Catalogue.open(root, read_only=True) as opened:
        assert suggest_query(opened, query="wolrd cup") == "world cup"
    assert (root / "museum.db").read_bytes() == before


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edit_distance("wolrd", "world") == 1
    assert edit_distance("medals", "medal") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert closest("cup", ["cap", "cop"]) == "cap"  # ties go to the first (the commonest)
    assert closest("abcdefgh", ["zzzzzzzz"]) is None
