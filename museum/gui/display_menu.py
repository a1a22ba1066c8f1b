"""The "Put on display" menu: every cabinet of the room, each with its first free place and
its shelves, for the items a person chose (in the collection, the table or the storage drawer).

Items can reach a shelf without dragging: the cabinet submenus say how many places are free,
and a cabinet or shelf that cannot take the items is greyed out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from museum.core.room import CabinetLayout, RoomLayout

Place = Callable[[str, "int | None"], object]  # (cabinet name, shelf from 1 or None: first free)


def display_menu(parent: QWidget, layout: RoomLayout, item_ids: list[int],
                 place: Place) -> QMenu:
    """A "Put on display" menu filled for `item_ids` over `layout`."""
    menu = QMenu("Put on display", parent)
    menu.setObjectName("display_menu")
    fill_display_menu(menu, layout, item_ids, place)
    return menu


def fill_display_menu(menu: QMenu, layout: RoomLayout, item_ids: list[int],
                      place: Place) -> None:
    """(Re)fill `menu` with one submenu per cabinet."""
    menu.clear()
    if not layout.cabinets:
        menu.addAction("No cabinets yet: add one in the room").setEnabled(False)
        return
    for cabinet in layout.cabinets:
        _cabinet_menu(menu, cabinet, item_ids, place)


def _cabinet_menu(menu: QMenu, cabinet: CabinetLayout, item_ids: list[int],
                  place: Place) -> None:
    already_here = set(cabinet.item_ids)  # built once, not once per chosen item
    arriving = sum(1 for item_id in item_ids if item_id not in already_here)
    sub = menu.addMenu(cabinet.name)
    free = cabinet.free_slots
    first = sub.addAction(f"First free place ({free} free)" if free else "Full",
                          lambda name=cabinet.name: place(name, None))
    first.setEnabled(arriving <= free and bool(item_ids))
    sub.addSeparator()
    for number, shelf in enumerate(cabinet.shelves, start=1):
        room_here = cabinet.width - len(shelf)
        text = f"Shelf {number} ({room_here} free)" if room_here > 0 else f"Shelf {number}: full"
        action = sub.addAction(text, lambda name=cabinet.name, n=number: place(name, n))
        # A shelf with room takes the items and spills the rest onto the other shelves.
        action.setEnabled(room_here > 0 and arriving <= free and bool(item_ids))
