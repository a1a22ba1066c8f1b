"""The trophy room as a page of the main window: switching, opening, changes, dragging."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from museum.core import items, room
from museum.gui.mime import ITEM_IDS_MIME, item_ids_from_mime, item_ids_mime

_KEPT = []  # drag events do not own their mime data


def _room_entry_point(window) -> QPoint:
    sidebar = window.sidebar
    return sidebar.visualItemRect(sidebar._room).center()


def _drag_over(widget, point: QPoint, ids: list[int], *, drop: bool) -> bool:
    mime = item_ids_mime(ids)
    _KEPT.append(mime)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDragEnterEvent(point, actions, mime, buttons, keys))
    move = QDragMoveEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(widget, move)
    if not drop:
        return move.isAccepted()
    event = QDropEvent(QPointF(point), actions, mime, buttons, keys)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_room_is_built_on_its_first_visit_and_switched_to_from_menu_and_sidebar(window, qtbot):
    assert window.room is None  # the first paint does not wait for the room
    window.actions_by_name["room"].trigger()
    assert window.current_page() == "room" and window.room is not None
    assert window.room.isVisible() and not window.detail.isVisible()
    assert (window.actions_by_name["room"].isChecked()
            and not window.actions_by_name["grid"].isChecked())
    window.actions_by_name["grid"].trigger()
    assert window.current_page() == "library" and window.detail.isVisible()
    sidebar = window.sidebar
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=_room_entry_point(window))
    assert window.current_page() == "room" and sidebar.page == "room"
    # facets are the collection's
    assert all(section.isHidden() for section in sidebar._sections.values())
    window.actions_by_name["trash"].trigger()
    assert window.current_page() == "trash" and sidebar.page == "trash"


def test_opening_an_item_in_the_room_selects_it_in_the_collection_and_opens_it(window, qtbot):
    window.show_page("room")
    page = window.room
    shown = next(iter(page.scene.exhibits))
    window.search.setText("no such words anywhere")
    window.library.apply_search()
    assert window.library.model.rowCount() == 0
    page.item_opened.emit(shown)
    assert window.current_page() == "library"
    assert window.library.current_id() == shown  # the search that hid it was cleared
    assert window.detail.record.id == shown
    assert [editor.item_id for editor in window.editors] == [shown]


def test_a_delete_in_the_collection_takes_the_item_out_of_the_room(window, demo_catalogue):
    window.show_page("room")
    shown = next(iter(window.room.scene.exhibits))
    window.set_view("grid")
    window.library.select_id(shown)
    window.delete_selected()
    assert shown not in window.room.scene.exhibits
    window.undo()
    assert shown in window.room.scene.exhibits
    assert room.room_layout(demo_catalogue).where(shown) is not None


def test_a_write_in_the_room_reaches_the_collection(window, qtbot, demo_catalogue):
    window.show_page("room")
    page = window.room
    shown = next(iter(page.scene.exhibits))
    heard = []
    window.change_listeners.append(heard.append)
    assert page.return_to_storage([shown])
    assert heard and heard[-1].room and shown in heard[-1].item_ids
    assert shown in page.drawer.shown_ids()


def test_dragged_rows_carry_their_item_ids(window):
    model = window.library.model
    ids = model.ids()
    indexes = [model.index(0, 0), model.index(2, 0), model.index(0, 3), model.index(2, 1)]
    mime = model.mimeData(indexes)
    assert ITEM_IDS_MIME in model.mimeTypes() and mime.hasFormat(ITEM_IDS_MIME)
    assert item_ids_from_mime(mime) == [ids[0], ids[2]]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    # files still drop on cards
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    assert window.library.grid.dragEnabled() and window.library.table.dragEnabled()
    assert not window.trash.table.dragEnabled()


def test_items_dragged_onto_the_sidebar_room_entry_open_the_room_and_go_on_display(
    window, demo_catalogue,
):
    room.add_cabinet(demo_catalogue, name="New arrivals", shelf_count=2, width=4)
    layout = room.room_layout(demo_catalogue)
    ids = list(layout.storage[:2]) or items.find_item_ids(demo_catalogue)[:2]
    viewport = window.sidebar.viewport()
    collection = window.sidebar.visualItemRect(window.sidebar._library).center()
    assert not _drag_over(viewport, collection, ids, drop=False)  # only the Room entry takes items
    assert window.current_page() == "library"
    assert _drag_over(viewport, _room_entry_point(window), ids, drop=True)
    assert window.current_page() == "room"  # hovering opened the room for the drag to go on
    after = room.room_layout(demo_catalogue)
    assert all(after.where(item_id) is not None for item_id in ids)
    assert all(item_id in window.room.scene.exhibits for item_id in ids)
