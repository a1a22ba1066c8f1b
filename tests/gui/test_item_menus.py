"""Right-click menus on cards, table rows and storage rows, and Edit → Put on display: items
reach a shelf without any dragging."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from museum.core import items, room
from museum.gui.item_model import IdRole
from tests.gui.real_input import choose, click, open_menu, right_click
from tests.gui.room_support import shown_room_page


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _in_storage(window) -> int:
    """Take one item off display (as another part of the app would) and return its id."""
    item_id = room.room_layout(window.catalogue).displayed_ids[0]
    window.on_changes(room.remove_from_display(window.catalogue, item_ids=[item_id]))
    return item_id


def _with_room(window):
    return next(c for c in room.room_layout(window.catalogue).cabinets if c.free_slots)


def _row_centre(view, item_id: int, column: int = 0):
    window = view.window()
    window.set_view(view.objectName())  # settings of an earlier test may have left another view
    index = view.model().index_of(item_id).siblingAtColumn(column)
    view.scrollTo(index)
    return view.visualRect(index).center()


def test_right_click_on_a_card_puts_it_on_display(qtbot, window):
    item_id = _in_storage(window)
    grid = window.library.grid
    right_click(grid.viewport(), _row_centre(grid, item_id))
    menu = open_menu(qtbot)
    assert menu is window.item_menu
    assert _texts(menu) == ["Open", "Edit…", "Add photos…", "Put on display",
                            "Show in the room", "Move to trash"]
    assert window.library.selected_ids() == [item_id]  # the right-click chose the card
    cabinet = _with_room(window)
    choose(qtbot, menu, "Put on display", cabinet.name,
           f"First free place ({cabinet.free_slots} free)")
    assert room.room_layout(window.catalogue).where(item_id)[0] == cabinet.name


def test_right_click_on_a_table_row_moves_it_to_the_trash(qtbot, window):
    window.set_view("table")
    table = window.library.table
    item_id = table.model().index(2, 0).data(IdRole)
    right_click(table.viewport(), _row_centre(table, item_id))
    menu = open_menu(qtbot)
    assert "Put on display" in _texts(menu)
    choose(qtbot, menu, "Move to trash")
    assert item_id in {r.id for r in items.list_items(window.catalogue, trash=True)}


def test_edit_menu_puts_the_selection_on_a_chosen_shelf(qtbot, window):
    item_id = _in_storage(window)
    grid = window.library.grid
    click(grid.viewport(), _row_centre(grid, item_id))
    assert window.library.selected_ids() == [item_id]
    bar = window.menuBar()
    edit = window.menus["&Edit"]
    click(bar, bar.actionGeometry(edit.menuAction()).center())
    qtbot.waitUntil(edit.isVisible)
    cabinet = _with_room(window)
    shelf = next(n for n, row in enumerate(cabinet.shelves, start=1) if len(row) < cabinet.width)
    free = cabinet.width - len(cabinet.shelves[shelf - 1])
    choose(qtbot, edit, "Put on display", cabinet.name, f"Shelf {shelf} ({free} free)")
    assert room.room_layout(window.catalogue).where(item_id)[:2] == (cabinet.name, shelf)


def test_right_click_on_a_storage_row_puts_it_on_a_chosen_shelf(qtbot, catalogue):
    ids = [items.add_item(catalogue, fields={"kind": "medal", "title": f"M{n}"}).created_ids[0]
           for n in range(2)]
    room.add_cabinet(catalogue, name="Cup run", shelf_count=3, width=4)
    room.add_cabinet(catalogue, name="Tiny", shelf_count=1, width=1)
    room.place_items(catalogue, item_ids=ids[:1], cabinet="Tiny", shelf=1)
    page = shown_room_page(qtbot, catalogue)
    rows = page.drawer.list
    right_click(rows.viewport(), rows.visualRect(page.drawer.model.index(0, 0)).center())
    menu = open_menu(qtbot)
    assert menu is page.menu and _texts(menu) == ["Open", "Put on display"]
    display = menu.actions()[1].menu()
    full = next(a for a in display.actions() if a.text() == "Tiny").menu()
    assert not any(a.isEnabled() for a in full.actions() if not a.isSeparator())
    choose(qtbot, menu, "Put on display", "Cup run", "Shelf 2 (4 free)")
    assert room.room_layout(catalogue).where(ids[1]) == ("Cup run", 2, 0)
    assert page.drawer.shown_ids() == [] and ids[1] in page.scene.exhibits
