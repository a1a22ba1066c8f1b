"""room_counts and displayed_count: the room's numbers without reading its layout, always
agreeing with room_layout (the trash, cabinet removal and odd placement rows included)."""

from __future__ import annotations

from museum.core import items, room
from museum.core.catalogue import Catalogue
from museum.core.models import Placement


def _layout_counts(catalogue: Catalogue) -> room.RoomCounts:
    layout = room.room_layout(catalogue)
    return room.RoomCounts(on_display=len(layout.displayed_ids), in_storage=len(layout.storage))


def test_an_empty_catalogue_has_nothing_on_display_or_in_storage(catalogue):
    assert room.room_counts(catalogue) == room.RoomCounts(on_display=0, in_storage=0)
    assert room.displayed_count(catalogue) == 0


def test_the_arranged_demo_counts_as_its_layout_does(plain_demo_catalogue):
    counts = room.room_counts(plain_demo_catalogue)
    assert counts == _layout_counts(plain_demo_catalogue)
    assert counts.on_display + counts.in_storage == items.count_items(plain_demo_catalogue)
    assert counts.on_display > 0
    assert room.displayed_count(plain_demo_catalogue) == counts.on_display


def test_the_trash_takes_a_displayed_item_out_of_both_counts_and_a_restore_puts_it_back(
    plain_demo_catalogue,
):
    before = room.room_counts(plain_demo_catalogue)
    layout = room.room_layout(plain_demo_catalogue)
    shown, stored = layout.displayed_ids[0], layout.displayed_ids[1]
    room.remove_from_display(plain_demo_catalogue, item_ids=[stored])
    items.trash_items(plain_demo_catalogue, [shown, stored])
    trashed = room.room_counts(plain_demo_catalogue)
    assert trashed == room.RoomCounts(on_display=before.on_display - 2,
                                      in_storage=before.in_storage)
    assert trashed == _layout_counts(plain_demo_catalogue)
    items.restore_items(plain_demo_catalogue, [shown, stored])
    assert room.room_counts(plain_demo_catalogue) == room.RoomCounts(
        on_display=before.on_display - 1, in_storage=before.in_storage + 1)


def test_removing_a_cabinet_moves_its_count_to_storage(plain_demo_catalogue):
    before = room.room_counts(plain_demo_catalogue)
    cabinet = room.room_layout(plain_demo_catalogue).cabinets[0]
    room.remove_cabinet(plain_demo_catalogue, name=cabinet.name)
    after = room.room_counts(plain_demo_catalogue)
    held = len(cabinet.item_ids)
    assert held > 0
    assert after == room.RoomCounts(on_display=before.on_display - held,
                                    in_storage=before.in_storage + held)
    assert after == _layout_counts(plain_demo_catalogue)


def test_a_placement_on_a_shelf_the_cabinet_lacks_counts_nowhere_as_in_the_layout(catalogue):
    # Not made by room.py (resize moves such items), but a damaged or hand-edited file may hold
    # one: the sidebar must say what the room shows.
    first = items.add_item(catalogue, fields={"kind": "medal", "title": "Kept"}).created_ids[0]
    odd = items.add_item(catalogue, fields={"kind": "medal", "title": "Odd"}).created_ids[0]
    items.add_item(catalogue, fields={"kind": "medal", "title": "Stored"})
    room.add_cabinet(catalogue, name="Cups", shelf_count=2, width=3)
    room.place_item(catalogue, item_id=first, cabinet="Cups", shelf=1)
    cabinet_id = room.room_layout(catalogue).cabinet("Cups").id
    with catalogue.session() as session:
        session.add(Placement(item_id=odd, cabinet_id=cabinet_id, shelf=7, slot=0))
    assert room.room_counts(catalogue) == room.RoomCounts(on_display=1, in_storage=1)
    assert room.room_counts(catalogue) == _layout_counts(catalogue)
    assert room.displayed_count(catalogue) == 1
