"""Auto-arrange (a full room in one action) and the item of the day."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import delete, select

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import ValidationError
from museum.core.item_fields import ARRANGE_RULES
from museum.core.items import get_records
from museum.core.models import Cabinet, Item, Placement
from museum.core.records import ItemRecord
from museum.core.room import MAX_NAME_LENGTH, room_layout

MAX_ARRANGED = 1000
"""Auto-arrange puts at most this many items on display (the most recent first)."""
SHELF_WIDTH = 5
MAX_SHELVES = 4
SMALL_GROUP = 2  # groups this small share one cabinet rather than each standing half-empty
FREE_PLACES = 2
"""Places an arranged cabinet leaves free, so that the next item dropped on it fits."""

_KIND_LABELS = {
    "medal": "Medals", "trophy": "Trophies", "replica": "Replicas", "shirt": "Shirts",
    "boots": "Boots", "ball": "Balls", "cap": "Caps", "pennant": "Pennants",
    "certificate": "Certificates", "ticket": "Tickets", "programme": "Programmes",
    "photograph": "Photographs", "other": "Mementos",
}
_LEFTOVERS = {"competition": "Other competitions", "season": "Other seasons",
              "team": "Other teams", "kind": "More treasures"}
# Small pieces stand on the top shelves, big ones lower down, as in a real cabinet.
_SHELF_ORDER = ("medal", "cap", "ticket", "pennant", "programme", "photograph", "certificate",
                "other", "ball", "boots", "replica", "trophy", "shirt")


def arrange_room(catalogue: Catalogue, *, by: str, limit: int = MAX_ARRANGED) -> Changes:
    """Replace the room's cabinets with one cabinet per group of items (by competition, season,
    team or kind), filled small pieces first. Items beyond `limit` stay in storage; items in
    the trash lose their old place."""
    if by not in ARRANGE_RULES:
        raise ValidationError(f"Arrange by one of: {', '.join(ARRANGE_RULES)} (not '{by}').")
    with catalogue.session() as session:
        ids = list(session.execute(
            select(Item.id).where(Item.deleted_at.is_(None))
            .order_by(Item.date.desc(), Item.id.desc()).limit(limit)).scalars())
    groups = _groups(get_records(catalogue, ids), by)
    with catalogue.session() as session:
        session.execute(delete(Placement))
        session.execute(delete(Cabinet))
        for position, (name, records) in enumerate(groups):
            _stand_cabinet(session, name, position, records)
    return Changes(room=True)


def _groups(records: list[ItemRecord], by: str) -> list[tuple[str, list[ItemRecord]]]:
    key: Callable[[ItemRecord], str] = _GROUP_KEYS[by]
    grouped: dict[str, list[ItemRecord]] = defaultdict(list)
    for record in records:
        grouped[key(record)].append(record)
    small = [name for name, members in grouped.items() if len(members) <= SMALL_GROUP]
    if len(small) > 1:
        leftovers = [record for name in small for record in grouped.pop(name)]
        grouped[_LEFTOVERS[by]] = leftovers
    names = sorted(grouped, key=_GROUP_ORDERS[by](grouped))
    if _LEFTOVERS[by] in names:  # the mixed cabinet stands at the end of the wall
        names.remove(_LEFTOVERS[by])
        names.append(_LEFTOVERS[by])
    result: list[tuple[str, list[ItemRecord]]] = []
    capacity = SHELF_WIDTH * MAX_SHELVES - FREE_PLACES
    for name in names:
        members = sorted(grouped[name], key=_shelf_key)
        chunks = [members[start:start + capacity] for start in range(0, len(members), capacity)]
        for number, chunk in enumerate(chunks, start=1):
            label = name if number == 1 else f"{name} ({number})"
            result.append((label[:MAX_NAME_LENGTH], chunk))
    return result


def _stand_cabinet(session, name: str, position: int, records: list[ItemRecord]) -> None:
    # Tall and narrow, like a real display cabinet: at least three shelves, as wide as needed,
    # with a few places left free for the next items.
    places = len(records) + FREE_PLACES
    width = min(SHELF_WIDTH, max(2, math.ceil(places / 3)))
    shelves = min(MAX_SHELVES, max(3, math.ceil(places / width)))
    cabinet = Cabinet(name=name, position=position, shelf_count=shelves, width=width)
    session.add(cabinet)
    session.flush()
    for index, record in enumerate(records):
        session.add(Placement(item_id=record.id, cabinet_id=cabinet.id,
                              shelf=index // width + 1, slot=index % width))
    session.flush()


def _shelf_key(record: ItemRecord) -> tuple[int, str, int]:
    rank = _SHELF_ORDER.index(record.kind) if record.kind in _SHELF_ORDER else len(_SHELF_ORDER)
    return rank, record.date or "", record.id


def _season_of(record: ItemRecord) -> str:
    return record.season or (record.date[:4] if record.date else "Undated")


_GROUP_KEYS: dict[str, Callable[[ItemRecord], str]] = {
    "competition": lambda r: r.competition or "Other competitions",
    "season": _season_of,
    "team": lambda r: r.team or "Other teams",
    "kind": lambda r: _KIND_LABELS.get(r.kind, "Mementos"),
}


def _by_size(grouped: dict[str, list[ItemRecord]]) -> Callable[[str], tuple[int, str]]:
    return lambda name: (-len(grouped[name]), name.casefold())


def _newest_first(_grouped: dict[str, list[ItemRecord]]) -> Callable[[str], tuple[int, str]]:
    def key(name: str) -> tuple[int, str]:
        digits = "".join(ch for ch in name[:4] if ch.isdigit())
        return (-int(digits) if len(digits) == 4 else 1), name
    return key


def _kind_order(_grouped: dict[str, list[ItemRecord]]) -> Callable[[str], tuple[int, str]]:
    labels = list(_KIND_LABELS.values())
    return lambda name: (labels.index(name) if name in labels else len(labels), name)


_GROUP_ORDERS = {"competition": _by_size, "season": _newest_first, "team": _by_size,
                 "kind": _kind_order}


# --- item of the day -----------------------------------------------------------------------

_STRIDES = (7919, 104729, 1299709, 15485863)


def item_of_the_day(catalogue: Catalogue, *, day: dt.date) -> int | None:
    """The item the room opens on for `day`: one of the items on display (or of all live items
    when none is), the same all day, a different one the next day whenever there are two or
    more, and every item in turn over as many days as there are items."""
    layout = room_layout(catalogue)
    candidates = sorted(layout.displayed_ids) or sorted(layout.storage)
    if not candidates:
        return None
    count = len(candidates)
    stride = next((s for s in _STRIDES if math.gcd(s, count) == 1), 1)
    return candidates[(day.toordinal() * stride) % count]
