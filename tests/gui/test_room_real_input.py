"""The room driven by a person's mouse: storage rows clicked and dragged onto shelves, a full
cabinet seen to be full while dragging, and a new cabinet offered for what does not fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from museum.core import items, room
from museum.core.catalogue import Catalogue
from tests.gui.real_input import click, run_drag
from tests.gui.room_support import shown_room_page


def _medals(catalogue: Catalogue, count: int) -> list[int]:
    return [items.add_item(catalogue, fields={"kind": "medal", "title": f"Medal {n}"}
                           ).created_ids[0] for n in range(count)]


@pytest.fixture
def closed_room(tmp_path) -> tuple[Path, list[int]]:
    """A catalogue (closed, for a child process to open) with a cabinet 'Cup run' of three
    shelves of four, holding one medal, and four more medals in storage; and 'Tiny', full."""
    root = tmp_path / "room"
    with Catalogue.open(root, create=True) as catalogue:
        ids = _medals(catalogue, 7)
        room.add_cabinet(catalogue, name="Cup run", shelf_count=3, width=4)
        room.add_cabinet(catalogue, name="Tiny", shelf_count=1, width=2)
        room.place_items(catalogue, item_ids=ids[:1], cabinet="Cup run", shelf=1)
        room.place_items(catalogue, item_ids=ids[1:3], cabinet="Tiny", shelf=1)
    return root, ids


def test_a_click_at_the_centre_of_a_storage_row_selects_it(qtbot, catalogue):
    ids = _medals(catalogue, 3)
    page = shown_room_page(qtbot, catalogue)
    rows = page.drawer.list
    for row in (0, 2):
        index = page.drawer.model.index(row, 0)
        click(rows.viewport(), rows.visualRect(index).center())
        assert rows.indexAt(rows.visualRect(index).center()) == index
        assert [i.row() for i in rows.selectionModel().selectedIndexes()] == [row]
    assert sorted(page.drawer.shown_ids()) == sorted(ids)


def test_dragging_a_storage_row_onto_a_shelf_puts_the_item_there(closed_room):
    root, ids = closed_room
    seen = run_drag("storage_to_shelf", root, str(ids[4]), "Cup run", "2")
    assert seen["selected"] and seen["in_drag_loop"]
    assert seen["marker_shown"] and not seen["full_shown"]
    assert seen["message"] == "Placed 1 item on 'Cup run', shelf 2."  # not a stale message
    with Catalogue.open(root, create=True) as catalogue:
        layout = room.room_layout(catalogue)
        assert layout.where(ids[4]) == ("Cup run", 2, 0)
        assert ids[4] not in layout.storage


def test_a_full_cabinet_shows_it_while_dragging_and_offers_a_new_cabinet(closed_room):
    root, ids = closed_room
    seen = run_drag("storage_to_shelf", root, str(ids[5]), "Tiny", "1", "Add a cabinet")
    assert seen["full_shown"] and not seen["marker_shown"]
    assert "'Tiny' is full" in seen["hover_message"]
    assert "no room for 1 more item" in seen["question"]
    with Catalogue.open(root, create=True) as catalogue:
        layout = room.room_layout(catalogue)
        assert [c.name for c in layout.cabinets] == ["Cup run", "Tiny", "Tiny (2)"]
        assert layout.where(ids[5]) == ("Tiny (2)", 1, 0)
        assert layout.cabinet("Tiny").item_ids == ids[1:3]


def test_refusing_the_new_cabinet_moves_nothing(closed_room):
    root, ids = closed_room
    seen = run_drag("storage_to_shelf", root, str(ids[5]), "Tiny", "1", "Cancel")
    assert seen["question"] and "nothing was moved" in seen["message"]
    with Catalogue.open(root, create=True) as catalogue:
        layout = room.room_layout(catalogue)
        assert [c.name for c in layout.cabinets] == ["Cup run", "Tiny"]
        assert ids[5] in layout.storage


def test_the_cabinet_added_beside_a_numbered_one_takes_the_next_number(closed_room):
    # 'Tiny (2)' full: the new cabinet beside it is 'Tiny (3)', not 'Tiny (2) (2)'.
    root, ids = closed_room
    with Catalogue.open(root) as catalogue:
        room.rename_cabinet(catalogue, name="Tiny", new_name="Tiny (2)")
    run_drag("storage_to_shelf", root, str(ids[5]), "Tiny (2)", "1", "Add a cabinet")
    with Catalogue.open(root) as catalogue:
        layout = room.room_layout(catalogue)
        assert [c.name for c in layout.cabinets] == ["Cup run", "Tiny (2)", "Tiny (3)"]
        assert layout.where(ids[5]) == ("Tiny (3)", 1, 0)
