"""The questions the room page asks before acting: which name and size for a cabinet, whether
to really remove one or re-arrange the room, and where to save a poster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from museum.gui.room import room_placing
from museum.gui.dialogs import standard_folder
from museum.gui.room.cabinet_dialogs import CabinetDialog

if TYPE_CHECKING:
    from museum.gui.room.room_page import RoomPage


def ask_arrange(page: RoomPage, rule: str) -> None:
    if page.layout_now and page.layout_now.cabinets:
        answer = QMessageBox.question(
            page, "Auto-arrange", f"Replace the room's cabinets with new ones by {rule}? "
            "Every item stays in the catalogue.")
        if answer != QMessageBox.StandardButton.Yes:
            return
    page.arrange(rule)


def ask_add_cabinet(page: RoomPage) -> None:
    count = len(page.scene.cabinets) + 1
    dialog = CabinetDialog("Add cabinet", name=f"Cabinet {count}", parent=page)
    if dialog.exec():
        page.add_cabinet(dialog.name.text(), shelves=dialog.shelves.value(),
                         width=dialog.width.value())


def ask_new_cabinet(page: RoomPage, ids: list[int], full: str) -> None:
    """A drop on a cabinet with no room: offer a new cabinet beside it for what was dropped."""
    word = "item" if len(ids) == 1 else "items"
    box = QMessageBox(QMessageBox.Icon.Question, "No room in this cabinet",
                      f"'{full}' has no room for {len(ids)} more {word}. Add a cabinet beside "
                      f"it and put {'it' if len(ids) == 1 else 'them'} there?", parent=page)
    add = box.addButton("Add a cabinet", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(add)
    box.exec()
    if box.clickedButton() is add:
        room_placing.add_cabinet_beside(page, ids, full)
    else:
        page.show_message(f"'{full}' has no room; nothing was moved.")


def ask_rename(page: RoomPage) -> None:
    if page.current_cabinet is None:
        return
    dialog = CabinetDialog("Rename cabinet", name=page.current_cabinet, shelves=None,
                           width=None, parent=page)
    if dialog.exec():
        page.rename_cabinet(dialog.name.text())


def ask_resize(page: RoomPage) -> None:
    if page.current_cabinet is None or page.layout_now is None:
        return
    cabinet = page.layout_now.cabinet(page.current_cabinet)
    dialog = CabinetDialog("Resize cabinet", name=cabinet.name, shelves=cabinet.shelf_count,
                           width=cabinet.width, parent=page)
    dialog.name.setReadOnly(True)
    if dialog.exec():
        page.resize_cabinet(dialog.shelves.value(), dialog.width.value())


def ask_remove(page: RoomPage) -> None:
    if page.current_cabinet is None:
        return
    answer = QMessageBox.question(page, "Remove cabinet", f"Remove '{page.current_cabinet}'?"
                                  " Its items go back to storage.")
    if answer == QMessageBox.StandardButton.Yes:
        page.remove_cabinet()


def ask_poster(page: RoomPage, cabinet: str | None) -> None:
    """Where to save the poster: offered in the Pictures folder, not the working directory."""
    start = (standard_folder(QStandardPaths.StandardLocation.PicturesLocation)
             / f"{cabinet or 'Trophy room'}.png")
    path = page.dialogs.save_file(page, "Save poster", start, "PNG image (*.png)")
    if path is not None:
        page.export_poster(path, cabinet=cabinet)
