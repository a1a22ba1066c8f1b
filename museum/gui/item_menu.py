"""The right-click menu of a card or a table row: Open, Edit, Add photos, Put on display ▸,
Show in the room, Move to trash — for the items chosen in the collection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from museum.core import room
from museum.gui import window_actions, window_room
from museum.gui.display_menu import display_menu, fill_display_menu

if TYPE_CHECKING:
    from museum.gui.main_window import MainWindow


def show_item_menu(window: MainWindow, item_ids: list[int], screen_pos: QPoint) -> QMenu | None:
    """Pop up the menu for `item_ids` (the selection the right-click made) at `screen_pos`."""
    if not item_ids:
        return None
    window.item_menu = item_menu(window, item_ids)
    window.item_menu.popup(screen_pos)
    return window.item_menu


def item_menu(window: MainWindow, item_ids: list[int]) -> QMenu:
    menu = QMenu(window)
    menu.setObjectName("item_menu")
    one = len(item_ids) == 1
    first = item_ids[0]
    writable = not window.catalogue.read_only
    menu.addAction("Open", lambda: window_actions.open_viewer(window, first, None)
                   ).setEnabled(one)
    menu.addAction("Edit…", lambda: window.edit_item(first)).setEnabled(one and writable)
    menu.addAction("Add photos…", lambda: add_photos(window, first)).setEnabled(one and writable)
    menu.addSeparator()
    layout = room.room_layout(window.catalogue)
    display = display_menu(menu, layout, item_ids, lambda cabinet, shelf:
                           window_room.put_on_display(window, item_ids, cabinet, shelf))
    menu.addMenu(display).setEnabled(writable)
    shown = layout.where(first) is not None
    menu.addAction("Show in the room", lambda: show_in_room(window, first)).setEnabled(shown)
    menu.addSeparator()
    menu.addAction("Move to trash", lambda: window_actions.delete_items(window, item_ids)
                   ).setEnabled(writable)
    return menu


def fill_edit_display_menu(window: MainWindow, menu: QMenu) -> None:
    """Edit → Put on display ▸, for the collection's selection, filled as it opens."""
    ids = window.library.selected_ids()
    fill_display_menu(menu, room.room_layout(window.catalogue), ids, lambda cabinet, shelf:
                      window_room.put_on_display(window, ids, cabinet, shelf))


def add_photos(window: MainWindow, item_id: int) -> None:
    paths = window.dialogs.open_photos(window)
    if paths:
        window_actions.drop_files(window, item_id, paths)


def show_in_room(window: MainWindow, item_id: int) -> None:
    window.show_page("room")
    page = window_room.room_page(window)
    page.focus_item(item_id)
    item = page.scene.exhibit_rect(item_id)
    # The item with its neighbours and its plaque, as the tour frames it (the item alone
    # filled the view, its plaque cut off below).
    page.view.show_rect(item.adjusted(-item.width() * 1.5, -item.height() * 0.4,
                                      item.width() * 1.5, item.height() * 0.8), animated=True)
