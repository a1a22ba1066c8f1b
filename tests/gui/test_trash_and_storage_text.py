"""Text a person reads in the trash and the room's storage drawer: readable local times, both
lines of a stored item, a grouped count, and colours that stand out from their background."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from museum.core import items
from museum.gui.item_model import COLUMN_FIELDS
from museum.gui.room.storage_drawer import StorageDrawer


@pytest.fixture
def kolkata_time(monkeypatch):
    # Half an hour off any whole-hour zone: a time shown in UTC cannot pass for local.
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_trash_shows_when_an_item_was_trashed_in_local_readable_time(
        window, qtbot, kolkata_time) -> None:
    victim = window.library.model.ids()[0]
    window.on_changes(items.trash_items(window.catalogue, [victim]))
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the trash
    assert window.current_page() == "trash"
    trash = window.trash
    column = COLUMN_FIELDS.index("deleted_at")
    index = trash.model.index(trash.model.row_of(victim), column)
    trashed = items.get_item(window.catalogue, victim).deleted_at
    utc = trashed if trashed.tzinfo else trashed.replace(tzinfo=dt.timezone.utc)
    local = utc.astimezone(dt.timezone(dt.timedelta(hours=5, minutes=30)))
    shown = index.data()
    assert shown == f"{local.day} {local:%b %Y, %H:%M}"  # e.g. "2 Dec 2026, 20:34"
    # ...and the column is wide enough to show all of it.
    metrics = trash.table.fontMetrics()
    assert trash.table.visualRect(index).width() >= metrics.horizontalAdvance(shown) + 8


def _drawer(qtbot, catalogue, ids) -> StorageDrawer:
    from museum.gui.app import create_application

    create_application([])  # the app's own theme and palette
    drawer = StorageDrawer(catalogue)
    qtbot.addWidget(drawer)
    drawer.resize(240, 500)
    drawer.set_ids(ids)
    with qtbot.waitExposed(drawer):
        drawer.show()
    return drawer


def _stored_items(catalogue, count: int) -> list[int]:
    return [items.add_item(catalogue, fields={"kind": "medal", "title": f"Cup medal {n}",
                                              "date": f"20{10 + n}"}).created_ids[0]
            for n in range(count)]


def test_storage_rows_are_tall_enough_for_both_their_lines(qtbot, catalogue) -> None:
    drawer = _drawer(qtbot, catalogue, _stored_items(catalogue, 3))
    line = drawer.list.fontMetrics().height()
    for row in range(3):
        rect = drawer.list.visualRect(drawer.model.index(row, 0))
        assert rect.height() >= 2 * line + 4, (row, rect.height(), line)
    # The second line ("Medal · 2010") is really painted inside the first row.
    image = drawer.list.viewport().grab().toImage()
    first = drawer.list.visualRect(drawer.model.index(0, 0))
    base = image.pixelColor(first.right() - 2, first.center().y())
    lower_half = [image.pixelColor(x, y) for y in range(first.top() + line + 2, first.bottom())
                  for x in range(first.left(), first.left() + 120)]
    assert any(_contrast(pixel, base) > 2 for pixel in lower_half)


def test_the_storage_count_groups_its_thousands(qtbot, catalogue) -> None:
    ids = _stored_items(catalogue, 1)
    drawer = _drawer(qtbot, catalogue, ids + list(range(10_000, 10_000 + 99_006)))
    assert drawer.title.text() == "Storage — 99,007"


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio: 1 (none) to 21 (black on white)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _strongest_contrast(image: QImage, background: QColor) -> float:
    return max(_contrast(image.pixelColor(x, y), background)
               for y in range(image.height()) for x in range(image.width()))


def test_storage_selection_and_hint_stand_out(qtbot, catalogue) -> None:
    drawer = _drawer(qtbot, catalogue, _stored_items(catalogue, 3))
    hint = drawer.hint.grab().toImage()
    background = hint.pixelColor(hint.width() - 1, hint.height() - 1)
    assert _strongest_contrast(hint, background) >= 4.5  # WCAG AA for text

    view = drawer.list
    rect = view.visualRect(drawer.model.index(1, 0))
    # By keys (clicks in the drawer are another change's business): to the second row.
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Home)
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert [i.row() for i in view.selectionModel().selectedIndexes()] == [1], (
        view.currentIndex().row(), view.hasFocus(), rect)
    rect = view.visualRect(drawer.model.index(1, 0))
    drawer.filter.setFocus()  # as when the pointer moves on to the room: the list loses focus
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    base = image.pixelColor(rect.right() - 2, view.visualRect(
        drawer.model.index(0, 0)).center().y())
    selected = image.pixelColor(rect.right() - 2, rect.center().y())
    assert _contrast(selected, base) >= 3, (selected.name(), base.name())  # WCAG non-text
    row = image.copy(rect.adjusted(0, 0, -rect.width() // 3, 0))
    assert _strongest_contrast(row, selected) >= 4.5  # the selected row's text
