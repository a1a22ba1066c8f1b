from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from museum.core import items, room
from museum.gui.room.room_page import RoomPage
from tests.gui.room_support import shown_room_page


@pytest.fixture
def two_cabinets(catalogue):
    ids = [items.add_item(catalogue, fields={"kind": "medal", "title": f"Medal {n}"}
                          ).created_ids[0] for n in range(3)]
    room.add_cabinet(catalogue, name="Left", shelf_count=2, width=3)
    room.add_cabinet(catalogue, name="Right", shelf_count=2, width=3)
    room.place_items(catalogue, item_ids=ids, cabinet="Left", shelf=1)
    return catalogue, ids


def _page(qtbot, catalogue) -> RoomPage:
    page = shown_room_page(qtbot, catalogue)
    page.card.hide()
    page.view.show_rect(page.scene.cabinet_rect("Left").united(
        page.scene.cabinet_rect("Right")))
    return page


def _right_click(page: RoomPage, scene_point) -> None:
    """A real context-menu event on the room's viewport at a scene point."""
    pos = page.view.mapFromScene(scene_point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              page.view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(page.view.viewport(), event)


def _exhibit_menu(qtbot, page: RoomPage, item_id: int):
    exhibit = page.scene.exhibits[item_id]
    _right_click(page, exhibit.mapToScene(exhibit.picture_rect().center()))
    qtbot.waitUntil(lambda: page.menu is not None and page.menu.isVisible())
    assert page.menu.objectName() == "exhibit_menu"
    return page.menu


def _action(menu, text: str):
    for action in menu.actions():
        if action.text() == text:
            return action
    raise AssertionError(f"no '{text}' in {[a.text() for a in menu.actions()]}")


def _cabinet_menu(qtbot, page: RoomPage, name: str):
    cabinet = page.scene.cabinets[name]
    _right_click(page, cabinet.mapToScene(cabinet.outer.center().x(), 8))  # the cornice
    qtbot.waitUntil(lambda: page.menu is not None and page.menu.isVisible())
    assert page.menu.objectName() == "cabinet_menu"
    return page.menu


def _answer_next_dialog(fill=None, button=None) -> None:
    """Deal with the modal dialog the next action opens, as a user would."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        if fill is not None:
            fill(dialog)
        if isinstance(dialog, QMessageBox):
            dialog.button(button or QMessageBox.StandardButton.Yes).click()
        elif isinstance(dialog, QDialog):
            dialog.accept()
    QTimer.singleShot(0, answer)


def test_exhibit_menu_opens_removes_and_moves(qtbot, two_cabinets):
    catalogue, ids = two_cabinets
    page = _page(qtbot, catalogue)
    menu = _exhibit_menu(qtbot, page, ids[0])
    with qtbot.waitSignal(page.item_opened) as opened:
        _action(menu, "Open").trigger()
    assert opened.args == [ids[0]]
    menu.close()

    menu = _exhibit_menu(qtbot, page, ids[0])
    move = _action(menu, "Move to cabinet").menu()
    assert [a.text() for a in move.actions()] == ["Right"]  # not the cabinet it stands in
    _action(move, "Right").trigger()
    assert room.room_layout(catalogue).where(ids[0]) == ("Right", 1, 0)
    assert page.scene.exhibits[ids[0]].parentItem().name == "Right"

    menu = _exhibit_menu(qtbot, page, ids[1])
    _action(menu, "Remove from display").trigger()
    assert room.room_layout(catalogue).where(ids[1]) is None
    assert ids[1] in page.drawer.shown_ids()


def test_cabinet_menu_renames_resizes_moves_and_removes(qtbot, two_cabinets):
    catalogue, ids = two_cabinets
    page = _page(qtbot, catalogue)
    menu = _cabinet_menu(qtbot, page, "Left")
    assert page.current_cabinet == "Left"
    assert not _action(menu, "Move left").isEnabled() and _action(menu, "Move right").isEnabled()
    _answer_next_dialog(fill=lambda d: d.name.setText("Medals"))
    _action(menu, "Rename…").trigger()
    assert [c.name for c in room.room_layout(catalogue).cabinets] == ["Medals", "Right"]

    menu = _cabinet_menu(qtbot, page, "Medals")
    _answer_next_dialog(fill=lambda d: (d.shelves.setValue(3), d.width.setValue(4)))
    _action(menu, "Resize…").trigger()
    medals = room.room_layout(catalogue).cabinet("Medals")
    assert (medals.shelf_count, medals.width) == (3, 4)

    menu = _cabinet_menu(qtbot, page, "Medals")
    _action(menu, "Move right").trigger()
    assert [c.name for c in room.room_layout(catalogue).cabinets] == ["Right", "Medals"]

    menu = _cabinet_menu(qtbot, page, "Medals")
    _answer_next_dialog(button=QMessageBox.StandardButton.No)
    _action(menu, "Remove…").trigger()
    assert len(room.room_layout(catalogue).cabinets) == 2  # said no: nothing removed
    menu = _cabinet_menu(qtbot, page, "Medals")
    _answer_next_dialog(button=QMessageBox.StandardButton.Yes)
    _action(menu, "Remove…").trigger()
    assert [c.name for c in room.room_layout(catalogue).cabinets] == ["Right"]
    assert sorted(page.drawer.shown_ids()) == sorted(ids)
