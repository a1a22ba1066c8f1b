"""Putting items on display from the room page without dragging, and the way on from a drop on
a full cabinet: a chosen cabinet's first free place or shelf (the storage menu), or a new
cabinet beside the full one (the question after such a drop)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from museum.core import room
from museum.core.changes import Changes

if TYPE_CHECKING:
    from museum.gui.room.room_page import RoomPage


def put_on_display(page: RoomPage, ids: list[int], cabinet: str, shelf: int | None = None) -> bool:
    """Put `ids` on `cabinet`'s `shelf`, or in its first free place (the storage menu)."""
    if shelf is None and page.layout_now is not None:
        shelf = first_free_shelf(page.layout_now.cabinet(cabinet), ids)
    word = "item" if len(ids) == 1 else "items"
    return page._write(lambda: room.place_items(page.catalogue, item_ids=ids,
                                                cabinet=cabinet, shelf=shelf or 1),
                       f"Put {len(ids)} {word} on display in '{cabinet}'.")


def arriving(cabinet: room.CabinetLayout, ids: list[int]) -> int:
    """How many of `ids` are not in `cabinet` yet (those already in it only move)."""
    present = set(cabinet.item_ids)
    return sum(1 for item_id in ids if item_id not in present)


def first_free_shelf(cabinet: room.CabinetLayout, ids: list[int]) -> int:
    """The shelf of `cabinet` from which `ids` fit, or 1 when none (place_items says why)."""
    return cabinet.first_shelf_for(arriving(cabinet, ids)) or 1


def add_cabinet_beside(page: RoomPage, ids: list[int], beside: str) -> bool:
    """Stand a new cabinet (as big as `beside`, bigger if need be) right after `beside`
    and put `ids` on it: the way on from a drop on a full cabinet."""
    if page.layout_now is None:
        return False
    full = page.layout_now.cabinet(beside)
    width, shelves = full.width, min(room.MAX_SHELVES,
                                     max(full.shelf_count, -(-len(ids) // full.width)))
    width = max(width, min(room.MAX_WIDTH, -(-len(ids) // shelves)))
    if len(ids) > width * shelves:
        page.show_message(f"{len(ids)} items are too many for one cabinet; "
                          "put them on display a cabinet at a time.")
        return False
    name = _free_name(full.name, {c.name.casefold() for c in page.layout_now.cabinets})

    def write() -> Changes:
        changes = room.add_cabinet(page.catalogue, name=name, shelf_count=shelves,
                                   width=width)
        changes |= room.move_cabinet(page.catalogue, name=name, position=full.position + 1)
        return changes | room.place_items(page.catalogue, item_ids=ids, cabinet=name,
                                          shelf=1)

    word = "item" if len(ids) == 1 else "items"
    if not page._write(write, f"Put {len(ids)} {word} in the new cabinet '{name}'."):
        return False
    page.go_to_cabinet(name)  # chosen, and in view
    return True


def _free_name(base: str, taken: set[str]) -> str:
    """`base (2)`, `base (3)`… whichever is not taken (names compare without case); a base
    that is itself numbered counts on ('Cups (3)' is followed by 'Cups (4)', not
    'Cups (3) (2)')."""
    number = 2
    numbered = re.fullmatch(r"(.*\S) \((\d+)\)", base)
    if numbered:
        base, number = numbered.group(1), int(numbered.group(2)) + 1
    while True:
        suffix = f" ({number})"
        name = base[:room.MAX_NAME_LENGTH - len(suffix)] + suffix
        if name.casefold() not in taken:
            return name
        number += 1
