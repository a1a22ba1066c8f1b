"""The trophy room's layout: cabinets along the wall and where each item stands in them.

An item with a placement row is on display; one without is in storage. Items in the trash keep
their row (so a restore puts them back where they stood) but are never shown or counted.
Every write returns Changes(room=True).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlmodel import Session

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import NotFoundError, ValidationError
from museum.core.models import Cabinet, Item, Placement

MAX_SHELVES = 8
MAX_WIDTH = 12
MAX_NAME_LENGTH = 60


@dataclass(frozen=True)
class CabinetLayout:
    """One cabinet as it stands: `shelves[0]` is the top shelf, ids in slot order (live only)."""

    id: int
    name: str
    position: int
    shelf_count: int
    width: int
    shelves: tuple[tuple[int, ...], ...]

    @property
    def item_ids(self) -> list[int]:
        return [item_id for shelf in self.shelves for item_id in shelf]

    @property
    def free_slots(self) -> int:
        return sum(max(0, self.width - len(shelf)) for shelf in self.shelves)

    def first_shelf_for(self, count: int) -> int | None:
        """The first shelf (from 1) from which `count` items fit, filling it and the shelves
        below it as place_items does; None when the cabinet has no room for them."""
        free = [max(0, self.width - len(shelf)) for shelf in self.shelves]
        for number in range(1, len(free) + 1):
            if free[number - 1] and sum(free[number - 1:]) >= count:
                return number
        return None


@dataclass(frozen=True)
class RoomLayout:
    """The whole room: cabinets in wall order, and the live items in storage."""

    cabinets: tuple[CabinetLayout, ...]
    storage: tuple[int, ...]

    @property
    def displayed_ids(self) -> list[int]:
        return [item_id for cabinet in self.cabinets for item_id in cabinet.item_ids]

    def cabinet(self, name: str) -> CabinetLayout:
        for cabinet in self.cabinets:
            if cabinet.name.casefold() == name.casefold():
                return cabinet
        raise NotFoundError(f"There is no cabinet called '{name}'.")

    def where(self, item_id: int) -> tuple[str, int, int] | None:
        """(cabinet name, shelf number from 1, index on the shelf) or None if not on display."""
        for cabinet in self.cabinets:
            for number, shelf in enumerate(cabinet.shelves, start=1):
                if item_id in shelf:
                    return cabinet.name, number, shelf.index(item_id)
        return None


def room_layout(catalogue: Catalogue) -> RoomLayout:
    """The room as it is now. Items in the trash appear neither on shelves nor in storage."""
    with catalogue.session() as session:
        cabinets = list(session.execute(
            select(Cabinet.id, Cabinet.name, Cabinet.position, Cabinet.shelf_count, Cabinet.width)
            .order_by(Cabinet.position, Cabinet.id)))
        rows = session.execute(
            select(Placement.cabinet_id, Placement.shelf, Placement.item_id)
            .join(Item, Item.id == Placement.item_id).where(Item.deleted_at.is_(None))
            .order_by(Placement.cabinet_id, Placement.shelf, Placement.slot, Placement.item_id))
        shelves: dict[tuple[int, int], list[int]] = defaultdict(list)
        for cabinet_id, shelf, item_id in rows:
            shelves[(cabinet_id, shelf)].append(item_id)
        storage = tuple(session.execute(
            select(Item.id).outerjoin(Placement, Placement.item_id == Item.id)
            .where(Item.deleted_at.is_(None), Placement.item_id.is_(None))
            .order_by(Item.date.desc(), Item.id)).scalars())
    layouts = tuple(
        CabinetLayout(id=c.id, name=c.name, position=index, shelf_count=c.shelf_count,
                      width=c.width,
                      shelves=tuple(tuple(shelves.get((c.id, n), ())) for n in
                                    range(1, c.shelf_count + 1)))
        for index, c in enumerate(cabinets))
    return RoomLayout(cabinets=layouts, storage=storage)


@dataclass(frozen=True)
class RoomCounts:
    """How many live items stand on display and how many wait in storage."""

    on_display: int
    in_storage: int


def room_counts(catalogue: Catalogue) -> RoomCounts:
    """The counts room_layout would give (len(displayed_ids), len(storage)), without reading
    the layout: items in the trash are in neither."""
    with catalogue.session() as session:
        placed, on_display = _placed_counts(session)
        total = session.execute(
            select(func.count()).select_from(Item).where(Item.deleted_at.is_(None))).scalar_one()
    return RoomCounts(on_display=on_display, in_storage=total - placed)


def displayed_count(catalogue: Catalogue) -> int:
    """How many live items stand in cabinets: len(room_layout(...).displayed_ids)."""
    with catalogue.session() as session:
        return _placed_counts(session)[1]


def _placed_counts(session: Session) -> tuple[int, int]:
    """(live items with a placement row, those of them on a shelf their cabinet has)."""
    # Driven by the few placements, not the many items: a join on Item let SQLite walk every
    # live item first (11 ms at 100,000 items against 0.2 ms this way).
    trashed = select(Item.id).where(Item.deleted_at.is_not(None))
    placed, on_display = session.execute(
        select(func.count(), func.count(Cabinet.id)).select_from(Placement)
        .outerjoin(Cabinet, (Cabinet.id == Placement.cabinet_id)
                   & (Placement.shelf >= 1) & (Placement.shelf <= Cabinet.shelf_count))
        .where(Placement.item_id.not_in(trashed))).one()
    return placed, on_display


# --- cabinets ----------------------------------------------------------------------------------

def add_cabinet(catalogue: Catalogue, *, name: str, shelf_count: int = 4, width: int = 5,
                position: int | None = None) -> Changes:
    """Stand a new, empty cabinet at `position` along the wall (default: at the end)."""
    clean = _clean_name(name)
    _check_size(shelf_count, width)
    with catalogue.session() as session:
        _refuse_taken_name(session, clean)
        ids = _cabinet_ids_in_order(session)
        cabinet = Cabinet(name=clean, shelf_count=shelf_count, width=width, position=len(ids))
        session.add(cabinet)
        session.flush()
        at = len(ids) if position is None else max(0, min(position, len(ids)))
        ids.insert(at, cabinet.id)
        _write_positions(session, ids)
    return Changes(room=True)


def rename_cabinet(catalogue: Catalogue, *, name: str, new_name: str) -> Changes:
    """Give a cabinet a new name; its items stay where they are."""
    clean = _clean_name(new_name)
    with catalogue.session() as session:
        cabinet = _get_cabinet(session, name)
        if clean.casefold() != cabinet.name.casefold():
            _refuse_taken_name(session, clean)
        cabinet.name = clean
        session.add(cabinet)
    return Changes(room=True)


def resize_cabinet(catalogue: Catalogue, *, name: str, shelf_count: int | None = None,
                   width: int | None = None) -> Changes:
    """Change a cabinet's shelves or width. Items that no longer fit move to free places in the
    same cabinet, and to storage when there are none; nothing is lost."""
    with catalogue.session() as session:
        cabinet = _get_cabinet(session, name)
        shelf_count = cabinet.shelf_count if shelf_count is None else shelf_count
        width = cabinet.width if width is None else width
        _check_size(shelf_count, width)
        shelves = _cabinet_rows(session, cabinet.id)
        live = _live_ids(session, [i for shelf in shelves.values() for i in shelf])
        kept: dict[int, list[int]] = {n: [] for n in range(1, shelf_count + 1)}
        overflow: list[int] = []
        for number in sorted(shelves):
            for item_id in shelves[number]:
                target = kept.get(number)
                fits = target is not None and sum(i in live for i in target) < width
                if fits:
                    target.append(item_id)
                elif item_id in live:
                    overflow.append(item_id)
        for item_id in overflow:  # refill free places in the cabinet, top shelf first
            free = next((n for n in kept if sum(i in live for i in kept[n]) < width), None)
            if free is not None:
                kept[free].append(item_id)
        cabinet.shelf_count, cabinet.width = shelf_count, width
        session.add(cabinet)
        session.execute(delete(Placement).where(Placement.cabinet_id == cabinet.id))
        for number, ids in kept.items():
            _write_shelf(session, cabinet.id, number, ids)
    return Changes(room=True)


def remove_cabinet(catalogue: Catalogue, *, name: str) -> Changes:
    """Take a cabinet away; every item it held goes back to storage."""
    with catalogue.session() as session:
        cabinet = _get_cabinet(session, name)
        moved = set(session.execute(
            select(Placement.item_id).where(Placement.cabinet_id == cabinet.id)).scalars())
        session.execute(delete(Placement).where(Placement.cabinet_id == cabinet.id))
        session.delete(cabinet)
        session.flush()
        _write_positions(session, _cabinet_ids_in_order(session))
    return Changes(item_ids=frozenset(moved), room=True)


def move_cabinet(catalogue: Catalogue, *, name: str, position: int) -> Changes:
    """Stand a cabinet at `position` (0 = first along the wall); the others close up around it."""
    with catalogue.session() as session:
        cabinet = _get_cabinet(session, name)
        ids = [i for i in _cabinet_ids_in_order(session) if i != cabinet.id]
        ids.insert(max(0, min(position, len(ids))), cabinet.id)
        _write_positions(session, ids)
    return Changes(room=True)


# --- items ---------------------------------------------------------------------------------

def place_items(catalogue: Catalogue, *, item_ids: list[int], cabinet: str, shelf: int,
                index: int | None = None) -> Changes:
    """Put items on a shelf at `index` among the items shown there (default: at the end).

    Items already on display move from where they were. When the shelf is full, the rest go to
    the next shelves of the cabinet with room; when the cabinet has no room for them all,
    nothing moves and a ValidationError says so.
    """
    ids = list(dict.fromkeys(int(i) for i in item_ids))
    if not ids:
        return Changes()
    with catalogue.session() as session:
        target = _get_cabinet(session, cabinet)
        _check_shelf_number(target, shelf)
        _check_live(session, ids)
        shelves = _cabinet_rows(session, target.id)
        live = _live_ids(session, [i for row in shelves.values() for i in row]) | set(ids)
        order = {n: [i for i in shelves.get(n, []) if i not in ids]
                 for n in range(1, target.shelf_count + 1)}
        position = _insert_position(shelves.get(shelf, []), live, ids, index)
        remaining = _fill(order, live, target.width, shelf, position, ids)
        if remaining:
            raise ValidationError(
                f"'{target.name}' has no room for {_count(len(remaining))} more; "
                "make it bigger or choose another cabinet.")
        session.execute(delete(Placement).where(Placement.item_id.in_(ids)))
        session.execute(delete(Placement).where(Placement.cabinet_id == target.id))
        for number, row in order.items():
            _write_shelf(session, target.id, number, row)
    return Changes(item_ids=frozenset(ids), room=True)


def place_item(catalogue: Catalogue, *, item_id: int, cabinet: str, shelf: int,
               index: int | None = None) -> Changes:
    """Put one item on a shelf (see place_items)."""
    return place_items(catalogue, item_ids=[item_id], cabinet=cabinet, shelf=shelf, index=index)


def remove_from_display(catalogue: Catalogue, *, item_ids: list[int]) -> Changes:
    """Take items off their shelves and back to storage. Items not on display are left alone."""
    ids = list(dict.fromkeys(int(i) for i in item_ids))
    with catalogue.session() as session:
        found = set(session.execute(select(Item.id).where(Item.id.in_(ids))).scalars())
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"There is no item with id {missing[0]}.")
        session.execute(delete(Placement).where(Placement.item_id.in_(ids)))
    return Changes(item_ids=frozenset(ids), room=True)


# --- helpers -------------------------------------------------------------------------------

def _clean_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean:
        raise ValidationError("A cabinet needs a name.")
    if len(clean) > MAX_NAME_LENGTH:
        raise ValidationError(f"A cabinet name can be at most {MAX_NAME_LENGTH} characters long.")
    return clean


def _check_size(shelf_count: int, width: int) -> None:
    if not 1 <= shelf_count <= MAX_SHELVES:
        raise ValidationError(f"A cabinet has between 1 and {MAX_SHELVES} shelves.")
    if not 1 <= width <= MAX_WIDTH:
        raise ValidationError(f"A shelf holds between 1 and {MAX_WIDTH} items side by side.")


def _check_shelf_number(cabinet: Cabinet, shelf: int) -> None:
    if not 1 <= shelf <= cabinet.shelf_count:
        raise ValidationError(
            f"'{cabinet.name}' has shelves 1 to {cabinet.shelf_count}; there is no shelf {shelf}.")


def _check_live(session: Session, ids: list[int]) -> None:
    rows = dict(session.execute(select(Item.id, Item.deleted_at).where(Item.id.in_(ids))).all())
    for item_id in ids:
        if item_id not in rows:
            raise NotFoundError(f"There is no item with id {item_id}.")
        if rows[item_id] is not None:
            raise ValidationError(f"Item {item_id} is in the trash; restore it first.")


def _refuse_taken_name(session: Session, name: str) -> None:
    taken = session.execute(
        select(Cabinet.id).where(func.lower(Cabinet.name) == name.lower())).first()
    if taken:
        raise ValidationError(f"There is already a cabinet called '{name}'.")


def _get_cabinet(session: Session, name: str) -> Cabinet:
    cabinet = session.execute(
        select(Cabinet).where(func.lower(Cabinet.name) == " ".join(str(name).split()).lower())
    ).scalars().first()
    if cabinet is None:
        raise NotFoundError(f"There is no cabinet called '{name}'.")
    return cabinet


def _cabinet_ids_in_order(session: Session) -> list[int]:
    return list(session.execute(
        select(Cabinet.id).order_by(Cabinet.position, Cabinet.id)).scalars())


def _write_positions(session: Session, ids: list[int]) -> None:
    for position, cabinet_id in enumerate(ids):
        session.execute(update(Cabinet).where(Cabinet.id == cabinet_id).values(position=position))


def _cabinet_rows(session: Session, cabinet_id: int) -> dict[int, list[int]]:
    """Every placed id per shelf number, trashed ones included, in slot order."""
    shelves: dict[int, list[int]] = defaultdict(list)
    for shelf, item_id in session.execute(
            select(Placement.shelf, Placement.item_id).where(Placement.cabinet_id == cabinet_id)
            .order_by(Placement.shelf, Placement.slot, Placement.item_id)):
        shelves[shelf].append(item_id)
    return shelves


def _live_ids(session: Session, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return set(session.execute(
        select(Item.id).where(Item.id.in_(ids), Item.deleted_at.is_(None))).scalars())


def _write_shelf(session: Session, cabinet_id: int, shelf: int, ids: list[int]) -> None:
    for slot, item_id in enumerate(ids):
        session.add(Placement(item_id=item_id, cabinet_id=cabinet_id, shelf=shelf, slot=slot))
    session.flush()


def _insert_position(row: list[int], live: set[int], moving: list[int],
                     index: int | None) -> int:
    """Where in the shelf's full row (moving items taken out) the visible `index` falls."""
    visible = [i for i in row if i in live]
    if index is None or index >= len(visible):
        return len([i for i in row if i not in moving])
    anchor = visible[max(0, index)]
    while anchor in moving:  # dropped onto itself or a fellow traveller: take the next one
        following = visible.index(anchor) + 1
        if following >= len(visible):
            return len([i for i in row if i not in moving])
        anchor = visible[following]
    return [i for i in row if i not in moving].index(anchor)


def _fill(order: dict[int, list[int]], live: set[int], width: int, shelf: int, position: int,
          ids: list[int]) -> list[int]:
    """Insert ids at shelf/position, spilling to later (then earlier) shelves; returns misfits."""
    pending = list(ids)
    shelves = [n for n in order if n >= shelf] + [n for n in order if n < shelf]
    for number in shelves:
        room = width - sum(i in live for i in order[number])
        taking, pending = pending[:max(0, room)], pending[max(0, room):]
        at = position if number == shelf else len(order[number])
        order[number][at:at] = taking
        if not pending:
            break
    return pending


def _count(number: int) -> str:
    return f"{number} item" if number == 1 else f"{number} items"
