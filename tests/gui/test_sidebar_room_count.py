"""The sidebar's Room entry counts the items on display, and keeps counting after every write:
the room page's own, the collection's deletes and undo, the trash's restores and purges."""

from __future__ import annotations

from museum.core import room
from museum.gui import window_actions
from museum.gui.facet_sidebar import FacetSidebar


def _room_count(window) -> str:
    return window.sidebar._room.text(1)


def _core_count(catalogue) -> str:
    count = room.displayed_count(catalogue)
    return f"{count:,}" if count else ""


def test_the_room_entry_shows_blank_or_a_count_with_separators_and_a_tooltip(qtbot):
    sidebar = FacetSidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_room_totals(on_display=1234, in_storage=12)
    assert sidebar._room.text(1) == "1,234"
    assert sidebar._room.toolTip(0).startswith("1,234 items on display, 12 in storage")
    sidebar.set_room_totals(on_display=1, in_storage=0)
    assert sidebar._room.toolTip(1).startswith("1 item on display, 0 in storage")
    sidebar.set_room_totals(on_display=0, in_storage=5)
    assert sidebar._room.text(1) == ""
    assert sidebar._room.toolTip(0).startswith("Nothing on display yet, 5 in storage")


def test_the_count_after_opening_is_what_core_says_stands_in_the_room(window, demo_catalogue):
    layout = room.room_layout(demo_catalogue)
    assert len(layout.displayed_ids) > 0
    assert _room_count(window) == f"{len(layout.displayed_ids):,}"
    assert window.room is None  # counted without building the room page
    assert f"{len(layout.storage):,} in storage" in window.sidebar._room.toolTip(0)


def test_placing_and_removing_in_the_room_page_moves_the_count_by_one(window, demo_catalogue):
    window.show_page("room")
    page = window.room
    start = int(_room_count(window))
    shown = room.room_layout(demo_catalogue).displayed_ids[0]
    cabinet, shelf, index = room.room_layout(demo_catalogue).where(shown)
    assert page.return_to_storage([shown])
    assert _room_count(window) == str(start - 1) == _core_count(demo_catalogue)
    assert "1 in storage" in window.sidebar._room.toolTip(0)
    assert page.place_items([shown], cabinet, shelf, index)
    assert _room_count(window) == str(start) == _core_count(demo_catalogue)


def test_removing_a_cabinet_sends_its_count_to_storage(window, demo_catalogue):
    window.show_page("room")
    page = window.room
    start = int(_room_count(window))
    cabinet = room.room_layout(demo_catalogue).cabinets[0]
    page.current_cabinet = cabinet.name
    assert page.remove_cabinet()
    held = len(cabinet.item_ids)
    assert _room_count(window) == str(start - held) == _core_count(demo_catalogue)
    assert f"{held} in storage" in window.sidebar._room.toolTip(0)


def test_auto_arrange_brings_the_count_back(window, qtbot, demo_catalogue):
    window.show_page("room")
    page = window.room
    start = _room_count(window)
    assert page.return_to_storage(room.room_layout(demo_catalogue).displayed_ids[:3])
    assert _room_count(window) == str(int(start) - 3)
    with qtbot.waitSignal(page.arranged, timeout=20000) as done:
        assert page.arrange("season")
    assert done.args == [True]
    assert _room_count(window) == start == _core_count(demo_catalogue)


def test_a_displayed_item_deleted_to_the_trash_leaves_the_count_and_comes_back(
    window, dialogs, demo_catalogue,
):
    start = int(_room_count(window))
    shown = room.room_layout(demo_catalogue).displayed_ids[:2]
    window.library.select_id(shown[0])
    window.delete_selected()
    assert _room_count(window) == str(start - 1) == _core_count(demo_catalogue)
    window.undo()
    assert _room_count(window) == str(start)
    window_actions.delete_items(window, shown)
    assert _room_count(window) == str(start - 2)
    trash = window.trash
    window.sidebar.show_trash(True)
    trash.table.selectRow(trash.model.row_of(shown[0]))
    trash.restore_button.click()  # restored to the shelf it stood on
    assert _room_count(window) == str(start - 1) == _core_count(demo_catalogue)
    trash.table.selectRow(trash.model.row_of(shown[1]))
    dialogs.confirm_answers.append(True)
    trash.purge_button.click()
    assert _room_count(window) == str(start - 1) == _core_count(demo_catalogue)
    assert "0 in storage" in window.sidebar._room.toolTip(0)
