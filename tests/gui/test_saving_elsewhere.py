"""Saving where a person chooses: File → Back up to… asks for the file, and a poster is offered
in the Pictures folder and confirmed with its full path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from museum.core.restore import restore_backup
from museum.gui import window_room
from tests.gui.real_input import choose_from_button, choose_from_menu_bar


def test_back_up_to_writes_the_backup_where_the_person_chose(window, dialogs, qtbot, tmp_path):
    usb = tmp_path / "usb stick"
    usb.mkdir()
    dialogs.save_choices.append(None)  # Cancel: nothing is written
    choose_from_menu_bar(qtbot, window, "File", "Back up to…")
    assert list(usb.iterdir()) == []
    chosen = usb / "museum.zip"
    dialogs.save_choices.append(chosen)
    choose_from_menu_bar(qtbot, window, "File", "Back up to…")
    assert dialogs.save_starts[-1].suffix == ".zip"
    assert not dialogs.save_starts[-1].is_relative_to(window.catalogue.root)
    box = window.findChild(QMessageBox)
    assert box is not None and str(chosen) in box.text()
    box.close()
    restored = restore_backup(chosen, destination=tmp_path / "restored")
    assert restored.manifest.items == 47


def test_a_poster_is_offered_in_pictures_and_confirmed_with_its_path(
        window, dialogs, qtbot, tmp_path):
    pictures = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.PicturesLocation))
    pictures.mkdir(parents=True, exist_ok=True)
    window.show_page("room")
    page = window_room.room_page(window)
    out = tmp_path / "posters" / "Trophy room.png"
    out.parent.mkdir()
    dialogs.save_choices.append(out)
    poster_button = next(button for button in page.toolbar.findChildren(type(
        page.toolbar.widgetForAction(page.toolbar.actions()[0]))) if button.text() == "Poster")
    choose_from_button(qtbot, poster_button, "Whole room…")
    assert dialogs.save_starts[-1] == pictures / "Trophy room.png"
    qtbot.waitUntil(lambda: page.poster_export is not None and page.poster_export.done,
                    timeout=60_000)
    assert out.read_bytes().startswith(b"\x89PNG")
    assert str(out) in page.last_message
