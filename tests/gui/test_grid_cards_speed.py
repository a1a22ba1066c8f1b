"""The grid's speed measures behave: pages read ahead in idle time, cards redrawn when they
change."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRect
from PySide6.QtGui import QImage

from museum.core import items
from museum.core.demo import fill_demo
from museum.gui.item_model import PAGE_SIZE, READ_AHEAD_PAGES, IdRole, ItemModel


def test_pages_around_the_one_asked_for_are_read_when_idle(qtbot, catalogue) -> None:
    fill_demo(catalogue, items=PAGE_SIZE * 8, photos=False)
    model = ItemModel(catalogue)
    model.refresh()
    assert model.record_at(0) is not None
    assert not model.has_record(PAGE_SIZE)  # nothing ahead is read while the view waits
    last_ahead = PAGE_SIZE * READ_AHEAD_PAGES
    qtbot.waitUntil(lambda: model.has_record(last_ahead), timeout=3000)
    assert all(model.has_record(row) for row in range(last_ahead + PAGE_SIZE))
    assert not model.has_record(last_ahead + PAGE_SIZE)  # no further than asked

    middle = PAGE_SIZE * 5
    assert model.record_at(middle) is not None  # a jump: that page, then both ways around it
    end = min(model.rowCount(), middle + PAGE_SIZE * (READ_AHEAD_PAGES + 1)) - 1
    qtbot.waitUntil(lambda: model.has_record(end), timeout=3000)
    assert all(model.has_record(row) for row in range(model.rowCount()))


def _first_card(window) -> QImage:
    grid = window.library.grid
    rect: QRect = grid.visualRect(window.library.model.index(0, 0))
    return grid.viewport().grab(rect).toImage()


def test_a_card_is_drawn_again_when_its_item_or_selection_changes(qtbot, window) -> None:
    library = window.library
    library.set_view("grid")
    qtbot.waitUntil(lambda: window.thumbnails.idle(), timeout=5000)
    before = _first_card(window)
    assert _first_card(window) == before  # drawn from the cache: the very same pixels

    selection = library.grid.selectionModel()
    selection.select(library.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selected = _first_card(window)
    assert selected != before
    selection.clearSelection()
    assert _first_card(window) == before

    item_id = library.model.index(0, 0).data(IdRole)
    window.on_changes(items.update_item(window.catalogue, item_id,
                                        fields={"title": "A title nobody had before"}))
    assert library.model.index_of(item_id).row() == 0  # the sort is by date: it stays first
    assert _first_card(window) != before
