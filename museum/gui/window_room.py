"""The trophy room as a page of the main window: made on its first visit, kept in step with
every write, and reachable by dragging items onto the sidebar's "Room" entry.

The room page is built lazily: it reads the whole room layout and lays out its scene, which the
window's first paint should not wait for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from museum.core import room
from museum.core.errors import MuseumError
from museum.gui.room import room_placing

if TYPE_CHECKING:
    from museum.gui.main_window import MainWindow
    from museum.gui.room.room_page import RoomPage

ROOM_WRITE_BUTTONS = ("Auto-arrange", "Add cabinet", "Cabinet")


def room_page(window: MainWindow) -> RoomPage:
    """The window's room page, built and wired on first use."""
    if window.room is None:
        from museum.gui.room.room_page import RoomPage

        page = RoomPage(window.catalogue)
        page.setObjectName("room")
        page.dialogs = window.dialogs  # its questions (where to save a poster) go through them
        page.item_opened.connect(lambda item_id: open_from_room(window, item_id))
        page.changes_made.connect(
            lambda changes: window.on_changes(changes, source=page.on_changes))
        window.change_listeners.append(page.on_changes)
        page.message_shown.connect(window.status.say)  # the room's last word replaces ours
        window.add_page("room", page)
        window.room = page
        light_search(window)
        if window.catalogue.read_only:
            make_room_read_only(page)
    return window.room


def light_search(window: MainWindow) -> None:
    """The collection's search (its words and facets) lights the items it finds in the room
    and leaves the rest in the dark; no search lights everything."""
    if window.room is None:
        return
    model = window.library.model
    searching = bool(model.query or model.facets)
    window.room.scene.light_only(frozenset(model.ids()) if searching else None)


def match_note(window: MainWindow, shown: int, total: str) -> str:
    """The status bar's count while the room shows a search: how many match, and which of
    them stand lit in the room."""
    note = f"{shown:,} of {total} match"
    if window.room is None:
        return note
    lit = sum(1 for exhibit in window.room.scene.exhibits.values() if not exhibit.dimmed)
    if lit == shown:
        return f"{note} — lit in the room"
    if lit == 0:
        return f"{note} — none of them is on display"
    return f"{note} — the {lit:,} on display are lit"


def open_from_room(window: MainWindow, item_id: int) -> None:
    """A double-click in the room: show the item in the collection and open it."""
    window.reveal_item(item_id)
    if not window.catalogue.read_only:
        window.edit_item(item_id)


def put_on_display(window: MainWindow, item_ids: list[int], cabinet: str | None = None,
                   shelf: int | None = None) -> bool:
    """Items dropped on the sidebar's Room entry, or chosen from a "Put on display" menu: onto
    `cabinet`'s `shelf`, or its first free place, or the first shelves of any cabinet with
    room for them all."""
    layout = room.room_layout(window.catalogue)
    if cabinet is None:
        target = _first_fit(layout, len(item_ids))
        if target is None:
            word = "item" if len(item_ids) == 1 else "items"
            window.dialogs.error(window, f"No cabinet has room for {len(item_ids)} more {word}. "
                                         "Add a cabinet, or make one bigger, in the room.")
            return False
        cabinet, shelf = target
    elif shelf is None:
        shelf = room_placing.first_free_shelf(layout.cabinet(cabinet), item_ids)
    try:
        changes = room.place_items(window.catalogue, item_ids=item_ids, cabinet=cabinet,
                                   shelf=shelf)
    except MuseumError as error:
        window.dialogs.error(window, str(error))
        return False
    window.on_changes(changes)
    window.status.say(f"Put {len(item_ids)} on display in “{cabinet}”.")
    return True


def _first_fit(layout: room.RoomLayout, count: int) -> tuple[str, int] | None:
    for cabinet in layout.cabinets:
        shelf = cabinet.first_shelf_for(count)
        if shelf is not None:
            return cabinet.name, shelf
    return None


def make_room_read_only(page: RoomPage) -> None:
    """A read-only catalogue: no arranging, no cabinets, no drops in the room."""
    if hasattr(page, "set_read_only"):
        page.set_read_only(True)
        return
    for action in page.toolbar.actions():
        widget = page.toolbar.widgetForAction(action)
        text = widget.text() if widget is not None and hasattr(widget, "text") else action.text()
        if text in ROOM_WRITE_BUTTONS:
            action.setEnabled(False)
            if widget is not None:
                widget.setEnabled(False)
    for widget in (page.view, page.view.viewport(), page.drawer.list):
        widget.setAcceptDrops(False)
