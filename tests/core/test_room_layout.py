from __future__ import annotations

import datetime as dt

import pytest

from museum.core import items, room
from museum.core.catalogue import Catalogue
from museum.core.errors import NotFoundError, ValidationError
from museum.core.room_arrange import ARRANGE_RULES, arrange_room, item_of_the_day


def _add(catalogue: Catalogue, count: int, **fields) -> list[int]:
    ids = []
    for number in range(count):
        changes = items.add_item(catalogue, fields={"kind": "medal", "title": f"Medal {number}",
                                                    **fields})
        ids.append(changes.created_ids[0])
    return ids


def test_placing_items_orders_them_and_moves_between_shelves(catalogue):
    a, b, c = _add(catalogue, 3)
    changes = room.add_cabinet(catalogue, name="Cups", shelf_count=2, width=3)
    assert changes.room
    room.place_items(catalogue, item_ids=[a, b], cabinet="cups", shelf=1)
    room.place_item(catalogue, item_id=c, cabinet="Cups", shelf=1, index=0)
    assert room.room_layout(catalogue).cabinet("Cups").shelves == ((c, a, b), ())
    room.place_item(catalogue, item_id=c, cabinet="Cups", shelf=1, index=3)  # to the end
    assert room.room_layout(catalogue).cabinet("Cups").shelves[0] == (a, b, c)
    room.place_item(catalogue, item_id=a, cabinet="Cups", shelf=2)
    layout = room.room_layout(catalogue)
    assert layout.cabinet("Cups").shelves == ((b, c), (a,))
    assert layout.where(a) == ("Cups", 2, 0)
    assert layout.storage == ()


def test_a_full_cabinet_refuses_more_and_changes_nothing(catalogue):
    ids = _add(catalogue, 3)
    room.add_cabinet(catalogue, name="Tiny", shelf_count=1, width=2)
    room.place_items(catalogue, item_ids=ids[:2], cabinet="Tiny", shelf=1)
    with pytest.raises(ValidationError, match="no room"):
        room.place_item(catalogue, item_id=ids[2], cabinet="Tiny", shelf=1)
    assert room.room_layout(catalogue).storage == (ids[2],)


def test_dropping_on_a_full_shelf_spills_to_the_next(catalogue):
    ids = _add(catalogue, 3)
    room.add_cabinet(catalogue, name="Wall", shelf_count=2, width=2)
    room.place_items(catalogue, item_ids=ids, cabinet="Wall", shelf=1)
    assert room.room_layout(catalogue).cabinet("Wall").shelves == (tuple(ids[:2]), (ids[2],))


def test_trashed_items_keep_their_place_and_come_back_to_it(catalogue):
    a, b = _add(catalogue, 2)
    room.add_cabinet(catalogue, name="Medals")
    room.place_items(catalogue, item_ids=[a, b], cabinet="Medals", shelf=2)
    items.trash_items(catalogue, [a])
    layout = room.room_layout(catalogue)
    assert layout.cabinet("Medals").shelves[1] == (b,)
    assert a not in layout.storage
    items.restore_items(catalogue, [a])
    assert room.room_layout(catalogue).cabinet("Medals").shelves[1] == (a, b)


def test_placing_a_trashed_item_is_refused(catalogue):
    (a,) = _add(catalogue, 1)
    room.add_cabinet(catalogue, name="Medals")
    items.trash_items(catalogue, [a])
    with pytest.raises(ValidationError, match="trash"):
        room.place_item(catalogue, item_id=a, cabinet="Medals", shelf=1)


def test_removing_a_cabinet_returns_its_items_to_storage(catalogue):
    ids = _add(catalogue, 3)
    room.add_cabinet(catalogue, name="A")
    room.add_cabinet(catalogue, name="B")
    room.add_cabinet(catalogue, name="C")
    room.place_items(catalogue, item_ids=ids, cabinet="B", shelf=1)
    changes = room.remove_cabinet(catalogue, name="b")
    assert changes.item_ids == frozenset(ids)
    layout = room.room_layout(catalogue)
    assert [c.name for c in layout.cabinets] == ["A", "C"]
    assert [c.position for c in layout.cabinets] == [0, 1]
    assert sorted(layout.storage) == sorted(ids)


def test_cabinets_are_renamed_moved_and_resized_without_losing_items(catalogue):
    ids = _add(catalogue, 6)
    for name in ("A", "B", "C"):
        room.add_cabinet(catalogue, name=name, shelf_count=2, width=3)
    room.place_items(catalogue, item_ids=ids, cabinet="A", shelf=1)
    room.move_cabinet(catalogue, name="A", position=2)
    room.rename_cabinet(catalogue, name="A", new_name="  Cup   finals ")
    assert [c.name for c in room.room_layout(catalogue).cabinets] == ["B", "C", "Cup finals"]
    room.resize_cabinet(catalogue, name="Cup finals", shelf_count=1, width=4)
    layout = room.room_layout(catalogue)
    assert layout.cabinet("Cup finals").shelves == (tuple(ids[:4]),)
    assert sorted(layout.storage) == sorted(ids[4:])


def test_bad_cabinet_input_is_refused_with_a_sentence(catalogue):
    room.add_cabinet(catalogue, name="Cups")
    with pytest.raises(ValidationError, match="already a cabinet"):
        room.add_cabinet(catalogue, name="cups")
    with pytest.raises(ValidationError, match="shelves"):
        room.add_cabinet(catalogue, name="Huge", shelf_count=40)
    with pytest.raises(ValidationError, match="name"):
        room.add_cabinet(catalogue, name="   ")
    with pytest.raises(NotFoundError, match="no cabinet"):
        room.rename_cabinet(catalogue, name="Nope", new_name="X")
    with pytest.raises(ValidationError, match="no shelf 5"):
        room.place_item(catalogue, item_id=_add(catalogue, 1)[0], cabinet="Cups", shelf=5)
    assert [c.name for c in room.room_layout(catalogue).cabinets] == ["Cups"]


@pytest.mark.parametrize("rule", ARRANGE_RULES)
def test_auto_arrange_puts_every_item_in_a_cabinet_of_its_group(demo_catalogue, rule):
    arrange_room(demo_catalogue, by=rule)
    layout = room.room_layout(demo_catalogue)
    assert layout.storage == ()
    assert len(layout.displayed_ids) == items.count_items(demo_catalogue)
    records = {r.id: r for r in items.list_items(demo_catalogue)}
    for cabinet in layout.cabinets:
        if cabinet.name.startswith(("Other", "More")):
            continue
        values = {getattr(records[i], rule) for i in cabinet.item_ids}
        if rule == "kind":
            assert len(values) == 1
        else:
            assert values == {cabinet.name.split(" (")[0]}


def test_auto_arrange_rejects_an_unknown_rule(demo_catalogue):
    with pytest.raises(ValidationError, match="Arrange by"):
        arrange_room(demo_catalogue, by="colour")


def test_the_demo_opens_with_a_full_room(demo_catalogue):
    layout = room.room_layout(demo_catalogue)
    assert layout.cabinets and layout.storage == ()
    assert layout.cabinet("FIFA World Cup")


def test_item_of_the_day_is_stable_within_a_day_and_changes_the_next(demo_catalogue):
    day = dt.date(2025, 5, 17)
    first = item_of_the_day(demo_catalogue, day=day)
    assert first == item_of_the_day(demo_catalogue, day=day)
    assert first in room.room_layout(demo_catalogue).displayed_ids
    week = [item_of_the_day(demo_catalogue, day=day + dt.timedelta(days=n)) for n in range(7)]
    assert all(a != b for a, b in zip(week, week[1:], strict=False))


def test_item_of_the_day_in_an_empty_catalogue_is_none(catalogue):
    assert item_of_the_day(catalogue, day=dt.date(2025, 1, 1)) is None
