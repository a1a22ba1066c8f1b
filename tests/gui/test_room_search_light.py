"""In the room, the collection's search lights the items it finds and leaves the rest dark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from museum.core import items
from museum.gui.room import level_cache


def _quiet(page) -> bool:
    return not (page.view.moving or page.view.animating or page.photos.busy or
                page.view.curtain.down or page.view.curtain.opacity > 0 or
                level_cache.warm_pending())


def _brightness(page, item_id: int) -> float:
    """The mean brightness of the item's picture on screen (0–255)."""
    view = page.view
    view.viewport().repaint()
    frame = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    area = view.mapFromScene(page.scene.exhibit_rect(item_id)).boundingRect() & frame.rect()
    values = [frame.pixelColor(x, y).value() for y in range(area.top(), area.bottom(), 2)
              for x in range(area.left(), area.right(), 2)]
    return sum(values) / len(values)


def _open_room(window, qtbot):
    window.library.grid.setFocus()
    qtbot.keyClick(window.library.grid, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.room
    qtbot.waitUntil(lambda: _quiet(page), timeout=15_000)
    page.card.hide()
    page.view.fit_all()
    qtbot.waitUntil(lambda: _quiet(page), timeout=15_000)
    return page


def test_a_search_typed_in_the_room_lights_what_it_finds(window, qtbot, demo_catalogue):
    page = _open_room(window, qtbot)
    found = set(items.find_item_ids(demo_catalogue, query="lusail"))
    other = next(item_id for item_id in page.scene.exhibits if item_id not in found)
    before = _brightness(page, other)
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "lusail")
    total = items.count_items(demo_catalogue)
    qtbot.waitUntil(lambda: window.status.counts.text().startswith(
        f"{len(found)} of {total} items match — lit in the room"), timeout=3000)
    lit = {item_id for item_id, exhibit in page.scene.exhibits.items() if not exhibit.dimmed}
    assert lit == found
    qtbot.waitUntil(lambda: _quiet(page), timeout=15_000)
    assert _brightness(page, other) < before * 0.6  # in the dark, to the eye too
    window.search.selectAll()
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not any(e.dimmed for e in page.scene.exhibits.values()),
                    timeout=3000)
    assert "match" not in window.status.counts.text()


def test_a_facet_chosen_in_the_collection_lights_its_items_in_the_room(window, qtbot,
                                                                        demo_catalogue):
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: sidebar._sections["kind"].childCount() > 0, timeout=3000)
    section = sidebar._sections["kind"]
    medal = next(section.child(row) for row in range(section.childCount())
                 if section.child(row).text(0) == "Medal")
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(medal).center())
    medals = set(items.find_item_ids(demo_catalogue, query="kind:medal"))
    assert set(window.library.model.ids()) == medals
    page = _open_room(window, qtbot)
    lit = {item_id for item_id, exhibit in page.scene.exhibits.items() if not exhibit.dimmed}
    assert lit == medals & set(page.scene.exhibits)
    assert window.status.counts.text().startswith(
        f"{len(medals)} of {items.count_items(demo_catalogue)} items match")
