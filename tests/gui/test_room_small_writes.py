"""A small write in the room rebuilds only the cabinets it changed, and the room it leaves
looks exactly like one built from scratch."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPixmap

from museum.core import items, room
from museum.core.catalogue import Catalogue
from museum.gui.room.room_page import RoomPage
from museum.gui.room.scene import RoomScene
from tests.gui.room_support import medal_cabinets, shown_room_page


@pytest.fixture
def three_cabinets(catalogue):
    ids = medal_cabinets(catalogue, ("Left", "Middle", "Right"), placed=2)
    return catalogue, ids


def _page(qtbot, catalogue: Catalogue) -> RoomPage:
    return shown_room_page(qtbot, catalogue)


def _as_built_from_scratch(page: RoomPage) -> dict[str, tuple]:
    """Each cabinet's place and its exhibits' places, in a scene built from the database."""
    layout = room.room_layout(page.catalogue)
    records = {r.id: r for r in items.get_records(page.catalogue, layout.displayed_ids)}
    fresh = RoomScene()
    fresh.show_room(layout, records, aspect=page.scene.aspect)
    return _picture(fresh)


def _picture(scene: RoomScene) -> dict[str, tuple]:
    return {name: (cabinet.pos().toTuple(), cabinet.cabinet.shelves,
                   sorted((e.item_id, e.pos().toTuple()) for e in scene.exhibits.values()
                          if e.parentItem() is cabinet))
            for name, cabinet in scene.cabinets.items()}


def test_placing_one_item_rebuilds_only_its_cabinet(qtbot, three_cabinets):
    catalogue, ids = three_cabinets
    page = _page(qtbot, catalogue)
    before = dict(page.scene.cabinets)
    assert page.place_items([ids[2]], "Middle", 2, 0)
    assert page.scene.cabinets["Left"] is before["Left"]
    assert page.scene.cabinets["Right"] is before["Right"]
    assert page.scene.cabinets["Middle"] is not before["Middle"]
    assert ids[2] in page.scene.exhibits and ids[2] not in page.drawer.all_ids()
    assert page.scene.exhibits[ids[2]].record.title == "Medal 2"
    assert _picture(page.scene) == _as_built_from_scratch(page)


def test_a_moved_item_keeps_its_photo_and_the_drawer_follows(qtbot, three_cabinets):
    catalogue, ids = three_cabinets
    page = _page(qtbot, catalogue)
    photo = QPixmap(40, 52)
    photo.fill(QColor("red"))
    page.scene.exhibits[ids[0]].set_photo(photo, "grid")
    assert page.move_to_cabinet(ids[0], "Right")
    assert room.room_layout(catalogue).where(ids[0])[0] == "Right"
    moved = page.scene.exhibits[ids[0]]
    assert moved.parentItem() is page.scene.cabinets["Right"]
    assert moved.photo is photo and moved.photo_size == "grid"
    assert page.return_to_storage([ids[0], ids[1]])
    assert {ids[0], ids[1]} <= set(page.drawer.all_ids())
    assert ids[0] not in page.scene.exhibits and ids[1] not in page.scene.exhibits
    assert _picture(page.scene) == _as_built_from_scratch(page)


def test_cabinet_changes_leave_the_room_as_a_rebuild_would(qtbot, three_cabinets):
    catalogue, ids = three_cabinets
    page = _page(qtbot, catalogue)
    left = page.scene.cabinets["Left"]
    page.current_cabinet = "Middle"
    assert page.rename_cabinet("Centre")
    assert "Middle" not in page.scene.cabinets and page.current_cabinet == "Centre"
    assert page.scene.cabinets["Left"] is left  # a neighbour's rename does not touch it
    assert page.move_current_cabinet(-1)
    assert list(page.scene.cabinets) == ["Centre", "Left", "Right"]
    assert page.scene.cabinets["Left"] is left  # moved along the wall, not rebuilt
    assert _picture(page.scene) == _as_built_from_scratch(page)
    assert page.resize_cabinet(3, 4)
    assert page.add_cabinet("Spare", shelves=1, width=2)
    assert _picture(page.scene) == _as_built_from_scratch(page)
    page.current_cabinet = "Left"
    assert page.remove_cabinet()
    assert set(ids[:2]) <= set(page.drawer.all_ids())
    assert _picture(page.scene) == _as_built_from_scratch(page)
