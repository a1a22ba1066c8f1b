"""Helpers shared by the room's picture tests."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QImage

from museum.core.catalogue import Catalogue
from museum.core.items import add_item, get_records
from museum.core.room import add_cabinet, place_items, room_layout
from museum.gui.room.room_page import RoomPage
from museum.gui.room.room_view import RoomView
from museum.gui.room.scene import RoomScene


def bare_room(qtbot, catalogue: Catalogue) -> tuple[RoomScene, RoomView]:
    """The catalogue's room in a bare 900×600 view, shown (no page: no curtain, card, photo
    loading or camera moves of its own)."""
    layout = room_layout(catalogue)
    records = {r.id: r for r in get_records(catalogue, layout.displayed_ids)}
    scene = RoomScene()
    scene.show_room(layout, records, aspect=1.5)
    view = RoomView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    with qtbot.waitExposed(view):
        view.show()
    return scene, view


def mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per colour channel over a grid of sample pixels (0–255)."""
    step, total, count = 7, 0, 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            total += abs(pa.red() - pb.red()) + abs(pa.green() - pb.green()) + \
                abs(pa.blue() - pb.blue())
            count += 3
    return total / count


def shown_room_page(qtbot, catalogue: Catalogue, *, width: int = 1200,
                    height: int = 800) -> RoomPage:
    """The room page over `catalogue`, shown at width × height; its day is 1 June 2025."""
    page = RoomPage(catalogue, today=lambda: dt.date(2025, 6, 1))
    qtbot.addWidget(page)
    page.resize(width, height)
    with qtbot.waitExposed(page):
        page.show()
    return page


def medal_cabinets(catalogue: Catalogue, names: tuple[str, ...], *, placed: int) -> list[int]:
    """A 2-shelf, 3-wide cabinet per name, each with three medals of its own ("Medal 0"...)
    of which the first `placed` stand on its first shelf (the rest in storage); the medals' ids."""
    ids = [add_item(catalogue, fields={"kind": "medal", "title": f"Medal {n}"}).created_ids[0]
           for n in range(3 * len(names))]
    for number, name in enumerate(names):
        add_cabinet(catalogue, name=name, shelf_count=2, width=3)
        place_items(catalogue, item_ids=ids[3 * number:3 * number + placed], cabinet=name,
                    shelf=1)
    return ids
