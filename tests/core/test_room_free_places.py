"""An arranged room (and so the demo's) leaves free places: a newcomer's first drop fits."""

from __future__ import annotations

import pytest

from museum.core import items, room
from museum.core.demo import fill_demo
from museum.core.room_arrange import ARRANGE_RULES, FREE_PLACES, arrange_room


@pytest.fixture
def big_demo(catalogue):
    fill_demo(catalogue, items=300, photos=False)
    return catalogue


def test_the_demo_room_has_free_places_in_every_cabinet(big_demo):
    layout = room.room_layout(big_demo)
    assert layout.storage == ()
    assert all(cabinet.free_slots >= FREE_PLACES for cabinet in layout.cabinets), \
        [(c.name, c.free_slots) for c in layout.cabinets]


@pytest.mark.parametrize("rule", ARRANGE_RULES)
def test_every_arranged_cabinet_takes_one_more_item(big_demo, rule):
    arrange_room(big_demo, by=rule)
    layout = room.room_layout(big_demo)
    for cabinet in layout.cabinets:
        assert cabinet.free_slots >= FREE_PLACES, cabinet.name
    cabinet = layout.cabinets[0]
    newcomer = layout.cabinets[-1].item_ids[0]
    room.place_items(big_demo, item_ids=[newcomer], cabinet=cabinet.name, shelf=1, index=0)
    assert room.room_layout(big_demo).where(newcomer)[0] == cabinet.name


def test_the_first_shelf_for_some_items_is_where_they_all_fit(catalogue):
    room.add_cabinet(catalogue, name="Cups", shelf_count=3, width=2)
    ids = [items.add_item(catalogue, fields={"kind": "medal", "title": f"M{n}"}).created_ids[0]
           for n in range(5)]
    room.place_items(catalogue, item_ids=ids[:3], cabinet="Cups", shelf=1)  # 2 + 1
    cups = room.room_layout(catalogue).cabinet("Cups")
    assert cups.first_shelf_for(1) == 2 and cups.first_shelf_for(3) == 2
    assert cups.first_shelf_for(4) is None
