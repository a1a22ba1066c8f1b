"""UI-thread cost of the room page's small writes with 500 items on display (part of bench_room).

Each small write (place one item from storage, take one to storage, move one to another
cabinet, rename a cabinet, move a cabinet along the wall) is done ten times, each time a real
change. Timed apart: the write itself (core, SQLite) and bringing the room up to date after it,
once by refresh_room() (only the cabinets that changed are rebuilt) and, as the naive baseline
measured in the same run, by reload() (the whole room rebuilt, as every write did before).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from museum.core import room
from museum.core.catalogue import Catalogue
from museum.gui.room.room_page import RoomPage

REPEATS = 10


def write_rows(catalogue: Catalogue) -> list[tuple]:
    """(case, write ms, refresh ms, reload ms, reload / refresh) for each kind of small write."""
    room.add_cabinet(catalogue, name="Spare", shelf_count=2, width=3)
    page = RoomPage(catalogue)
    page.resize(1600, 900)
    page.show()
    first = page.layout_now.cabinets[0]
    second = page.layout_now.cabinets[1]
    item = first.item_ids[0]
    names = [first.name, first.name + " II"]
    toggles = {
        "take one item to storage / place it back": [
            lambda: room.remove_from_display(catalogue, item_ids=[item]),
            lambda: room.place_items(catalogue, item_ids=[item], cabinet=first.name, shelf=1,
                                     index=0)],
        "move one item to another cabinet": [
            lambda: room.place_items(catalogue, item_ids=[item], cabinet="Spare", shelf=1),
            lambda: room.place_items(catalogue, item_ids=[item], cabinet=first.name, shelf=1,
                                     index=0)],
        "rename a cabinet": [
            lambda: room.rename_cabinet(catalogue, name=names[0], new_name=names[1]),
            lambda: room.rename_cabinet(catalogue, name=names[1], new_name=names[0])],
        "move a cabinet along the wall": [
            lambda: room.move_cabinet(catalogue, name=second.name, position=0),
            lambda: room.move_cabinet(catalogue, name=second.name, position=1)],
    }
    baseline = _median(page.reload, REPEATS)
    rows: list[tuple] = [("full reload of the room, no write (baseline)", "", "", baseline, "")]
    for case, writes in toggles.items():
        write_ms, refresh_ms, reload_ms = [], [], []
        for number in range(2 * REPEATS):
            write_ms.append(_ms(writes[number % 2]))
            bring_up_to_date = page.refresh_room if number % 4 < 2 else page.reload
            (refresh_ms if number % 4 < 2 else reload_ms).append(_ms(bring_up_to_date))
        refresh, reload = statistics.median(refresh_ms), statistics.median(reload_ms)
        rows.append((case, statistics.median(write_ms), refresh, reload, reload / refresh))
    page.close()
    return rows


def _ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _median(action: Callable[[], object], repeats: int) -> float:
    return statistics.median(_ms(action) for _ in range(repeats))
