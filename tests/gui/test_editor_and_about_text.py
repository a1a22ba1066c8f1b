"""What the item editor and About say: photos by caption or file name, one label column through
every section of the form, and the version of Museum."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from museum import __version__
from museum.core import photos
from museum.gui.photo_list import list_item_photos
from tests.gui.real_input import choose_from_menu_bar, click_card
from tests.gui.test_item_editor_gui import write_photo


def test_the_editor_names_photos_by_caption_or_file_name(window, qtbot, tmp_path) -> None:
    item_id = window.library.model.ids()[0]
    photos.import_photos(window.catalogue, item_id=item_id, paths=[
        write_photo(tmp_path / "shots", "IMG_0412.jpg", (200, 40, 40)),
        write_photo(tmp_path / "shots", "back-of-the-medal.jpg", (40, 200, 40))])
    stored = list_item_photos(window.catalogue, item_id)
    photos.set_caption(window.catalogue, photo_id=stored[-1].id, caption="Signed by the squad")
    click_card(window.library, item_id)
    QTest.keyClick(window.library.grid, Qt.Key.Key_Return)  # Edit's shortcut
    editor = window.editors[-1]
    names = [editor.photos.list.item(row).text()
             for row in range(editor.photos.list.count())]
    assert not [name for name in names if re.search(r"\bPhoto \d+", name)], names
    assert any(name.endswith("IMG_0412.jpg") for name in names), names
    assert any(name.endswith("Signed by the squad") for name in names), names


def test_the_form_has_one_label_column_through_all_its_sections(window, qtbot) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New item
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    form = editor.form
    starts = {name: field.mapTo(form, QPoint(0, 0)).x()
              for name, field in form.editors.items() if name != "currency"}
    # Every field begins at the same x, whatever section it is in ("Kind" and
    # "Estimated value" alike).
    assert len(set(starts.values())) == 1, starts


def test_about_names_the_version(window, dialogs, qtbot) -> None:
    choose_from_menu_bar(qtbot, window, "Help", "About Museum")
    assert __version__ in dialogs.infos[-1]
