"""The right-click menus of the room: on an exhibit (open it, take it off display, move it to
another cabinet) and on a cabinet (rename, resize, move along the wall, remove).

Each action calls the page's own methods, so a menu does exactly what the toolbar does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from museum.gui.display_menu import display_menu
from museum.gui.room import room_placing

if TYPE_CHECKING:
    from museum.gui.room.room_page import RoomPage


def exhibit_menu(page: RoomPage, item_id: int) -> QMenu:
    """Open · Remove from display · Move to cabinet ▸ (every other cabinet)."""
    menu = QMenu(page)
    menu.setObjectName("exhibit_menu")
    menu.addAction("Open", lambda: page.item_opened.emit(item_id))
    menu.addAction("Remove from display", lambda: page.return_to_storage([item_id]))
    move = menu.addMenu("Move to cabinet")
    layout = page.layout_now
    here = layout.where(item_id) if layout is not None else None
    for cabinet in layout.cabinets if layout is not None else ():
        if here is not None and cabinet.name == here[0]:
            continue
        action = move.addAction(cabinet.name,
                                lambda name=cabinet.name: page.move_to_cabinet(item_id, name))
        action.setEnabled(cabinet.free_slots > 0)  # full: say so by greying it out
    move.setEnabled(not move.isEmpty())
    _disable_while_busy(page, menu)
    return menu


def storage_menu(page: RoomPage, item_ids: list[int]) -> QMenu:
    """Open · Put on display ▸ (each cabinet: its first free place or a shelf)."""
    menu = QMenu(page)
    menu.setObjectName("storage_menu")
    menu.addAction("Open", lambda: page.item_opened.emit(item_ids[0])).setEnabled(
        len(item_ids) == 1)
    if page.layout_now is not None:
        display = menu.addMenu(display_menu(menu, page.layout_now, item_ids, lambda cabinet, shelf:
                               room_placing.put_on_display(page, item_ids, cabinet, shelf)))
        display.setEnabled(not page.catalogue.read_only)
    _disable_while_busy(page, menu)
    return menu


def cabinet_menu(page: RoomPage, name: str) -> QMenu:
    """Rename… · Resize… · Move left · Move right · Remove…, for the cabinet `name`."""
    menu = QMenu(page)
    menu.setObjectName("cabinet_menu")
    menu.addAction("Rename…", page.ask_rename)
    menu.addAction("Resize…", page.ask_resize)
    position = page.layout_now.cabinet(name).position if page.layout_now else 0
    count = len(page.layout_now.cabinets) if page.layout_now else 0
    left = menu.addAction("Move left", lambda: page.move_current_cabinet(-1))
    right = menu.addAction("Move right", lambda: page.move_current_cabinet(1))
    left.setEnabled(position > 0)
    right.setEnabled(position < count - 1)
    menu.addSeparator()
    menu.addAction("Remove…", page.ask_remove)
    _disable_while_busy(page, menu)
    return menu


def _disable_while_busy(page: RoomPage, menu: QMenu) -> None:
    if page.busy:
        for action in menu.actions():
            if action.text() != "Open":
                action.setEnabled(False)
