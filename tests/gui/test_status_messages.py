"""The status bar says what the last action did: a delete's "Undo" does not outlive it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication, QMessageBox, QToolButton,
)

from museum.core import items
from tests.gui.real_input import click_card


def _delete_first_item(window, qtbot) -> int:
    library = window.library
    victim = library.model.ids()[0]
    click_card(library, victim)  # the click also focuses the grid
    qtbot.keyClick(library.grid, Qt.Key.Key_Delete)
    assert window.status.note.text() == "Moved 1 item to the trash."
    assert window.status.undo_button.isVisibleTo(window)
    return victim


def _says_undo_of_delete(window) -> bool:
    return "to the trash" in window.status.note.text() or \
        window.status.undo_button.isVisibleTo(window)


def test_restoring_from_the_trash_replaces_the_delete_message(window, qtbot, demo_catalogue):
    victim = _delete_first_item(window, qtbot)
    qtbot.keyClick(window.library.grid, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    trash = window.trash
    assert window.current_page() == "trash"
    row = trash.table.visualRect(trash.model.index(trash.model.row_of(victim), 0)).center()
    qtbot.mouseClick(trash.table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    assert not items.get_item(demo_catalogue, victim).in_trash
    assert window.status.note.text() == "Brought back 1 item from the trash."
    assert not _says_undo_of_delete(window)
    assert not window.actions_by_name["undo"].isEnabled()  # nothing left to undo


def test_a_backup_replaces_the_delete_message(window, qtbot):
    _delete_first_item(window, qtbot)
    qtbot.keyClick(window.library.grid, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.status.note.text().startswith("Backed up to "), timeout=20000)
    assert not _says_undo_of_delete(window)
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.close()


def test_a_poster_replaces_the_delete_message(window, qtbot, tmp_path: Path):
    _delete_first_item(window, qtbot)
    qtbot.keyClick(window.library.grid, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.room
    qtbot.waitUntil(lambda: page.isVisible(), timeout=5000)
    out = tmp_path / "room.png"
    window.dialogs.save_choices.append(out)  # the save dialog's answer

    def choose_whole_room() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, choose_whole_room)
            return
        action = next(a for a in menu.actions() if a.text() == "Whole room…")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(action).center())

    poster = next(button for button in page.toolbar.findChildren(QToolButton)
                  if button.text() == "Poster")
    QTimer.singleShot(0, choose_whole_room)
    qtbot.mouseClick(poster, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.note.text() == f"Saved the poster as {out}.",
                    timeout=30000)
    assert out.exists()
    assert not _says_undo_of_delete(window)
