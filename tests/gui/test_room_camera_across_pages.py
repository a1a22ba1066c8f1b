"""The room's camera across pages: 'Show in the room' on a card walks to that item, and the
view a visitor left in the room is still there when they come back from the collection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from museum.core import room
from museum.gui import window_room
from tests.gui.real_input import choose, choose_from_button, open_menu, right_click


def _room_settled(qtbot, window):
    page = window_room.room_page(window)
    curtain = page.view.curtain
    qtbot.waitUntil(lambda: not curtain.down and curtain.opacity == 0.0 and
                    not page.view.animating, timeout=10_000)
    return page


def _card_centre(window, item_id: int):
    grid = window.library.grid
    index = grid.model().index_of(item_id)
    grid.scrollTo(index)
    return grid.visualRect(index).center()


def test_show_in_the_room_walks_to_the_item(qtbot, window):
    window.show_page("room")
    page = _room_settled(qtbot, window)
    page.fit_all()
    qtbot.waitUntil(lambda: not page.view.animating)
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the grid
    assert window.current_page() == "library"
    item_id = room.room_layout(window.catalogue).displayed_ids[-1]
    right_click(window.library.grid.viewport(), _card_centre(window, item_id))
    choose(qtbot, open_menu(qtbot), "Show in the room")
    assert window.current_page() == "room"
    qtbot.waitUntil(lambda: not page.view.animating, timeout=5_000)
    viewport = page.view.viewport().rect()
    seen = page.view.mapFromScene(page.scene.exhibit_rect(item_id)).boundingRect()
    # The walk ends on the item, framed (the window's first resize of the room used to
    # frame the whole room again and stop the walk where it was: the item a few pixels tall).
    assert viewport.contains(seen)
    assert seen.height() > viewport.height() / 5


def test_the_camera_left_on_a_cabinet_is_kept_after_a_visit_to_the_collection(qtbot, window):
    window.show_page("room")
    page = _room_settled(qtbot, window)
    name = room.room_layout(window.catalogue).cabinets[-1].name
    cabinet_button = next(b for b in page.toolbar.findChildren(QToolButton)
                          if b.text() == "Cabinet")
    choose_from_button(qtbot, cabinet_button, "Go to", name)
    qtbot.waitUntil(lambda: not page.view.animating)
    zoom, centre = page.view.zoom, page.view.mapToScene(page.view.viewport().rect().center())
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    assert window.current_page() == "room"
    assert abs(page.view.zoom - zoom) < 1e-6
    after = page.view.mapToScene(page.view.viewport().rect().center())
    assert abs(after.x() - centre.x()) < 2 and abs(after.y() - centre.y()) < 2
