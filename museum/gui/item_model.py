"""One Qt model over the items a search finds; the grid and the table both show it.

The model holds only ids. Records are read through core lazily, a small page at a time, when a
view asks for a row it has not seen; so 10,000 items cost one id query, not 10,000 records.
Whenever a view moves to another page, the few pages on either side of it are read ahead when the
event loop is idle, one page per turn, so that scrolling on finds its rows ready and a paint does
not wait on the database.

Dragged, rows carry their item ids (museum.gui.mime) so that they can be dropped in the room.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
    QTimer, Signal,
)

from museum.core import items
from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.dates import format_partial_date
from museum.core.facets import find_ids
from museum.core.records import ItemRecord
from museum.gui.mime import ITEM_IDS_MIME, item_ids_mime

PAGE_SIZE = 40  # about 1.5 ms of reading: one page per idle turn leaves a frame to spare
READ_AHEAD_PAGES = 3  # pages after (and before) the one a view asks for
RecordRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
PhotoIdRole = Qt.ItemDataRole.UserRole + 3

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Title"), ("kind", "Kind"), ("date", "Date"), ("season", "Season"),
    ("competition", "Competition"), ("stage", "Stage"), ("team", "Team"),
    ("opponent", "Opponent"), ("score", "Score"), ("venue", "Venue"),
    ("achievement", "Achievement"), ("condition", "Condition"), ("location", "Location"),
    ("value", "Value"), ("tags", "Tags"), ("photo_count", "Photos"), ("updated", "Updated"),
    ("deleted_at", "Trashed"),
)
COLUMN_FIELDS = tuple(name for name, _ in COLUMNS)
_SORT_BY_FIELD = {"tags": None, "photo_count": None}  # not sortable in the database


def display_value(record: ItemRecord, field: str) -> str:
    """How a field of a record reads in a list: dates spelled out, money with its currency."""
    value = getattr(record, field)
    if value is None or value == [] or value == "":
        return ""
    if field in ("date", "acquired_date"):
        return format_partial_date(value)
    if field == "kind":
        return str(value).capitalize()
    if field == "tags":
        return ", ".join(value)
    if field in ("value", "acquired_price"):
        return f"{value:,.0f} {record.currency or ''}".strip()
    if field in ("updated", "created", "deleted_at"):
        return local_time_text(value)
    return str(value)


def local_time_text(moment: dt.datetime) -> str:
    """A stored moment (UTC) as a person reads it here: "2 Dec 2026, 15:04", local time."""
    if moment.tzinfo is None:  # SQLite keeps no zone: the catalogue stores UTC
        moment = moment.replace(tzinfo=dt.timezone.utc)
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y, %H:%M}"


class ItemRows(QAbstractTableModel):
    """Items matching a query, facets and sort; rows are items, columns are COLUMNS.
    The views see it through ItemModel."""

    query_failed = Signal(str)
    reloaded = Signal()

    def __init__(self, catalogue: Catalogue, *, trash: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.trash = trash
        self.query = ""
        self.facets: dict[str, str] = {}
        self.sort_field = "date"
        # Newest first; the trash too (core cannot sort by deleted_at, so by date as well).
        self.descending = True
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._records: dict[int, ItemRecord] = {}
        self._by_photo: dict[int, set[int]] = {}  # primary photo id -> ids of loaded items
        self._read_ahead: list[int] = []  # first rows of pages to read when idle, next first
        self._read_pages: set[int] = set()  # first rows of pages whose records are all here
        self._last_page = -1  # the first row of the page a view asked for last
        self._read_ahead_timer = QTimer(self, singleShot=True, interval=0)
        self._read_ahead_timer.timeout.connect(self._read_ahead_one)

    # -- what the views ask -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),
    ) -> QModelIndex:
        # A list view laying out 100,000 rows asks for every row's index; Qt's own index()
        # would call back into Python twice per row (rowCount and columnCount) to check it.
        if parent.isValid() or not (0 <= row < len(self._ids) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, RecordRole,
                        PhotoIdRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        record = self.record_at(index.row())
        if record is None:
            return None
        if role == RecordRole:
            return record
        if role == PhotoIdRole:
            return record.primary_photo_id
        field = COLUMN_FIELDS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = field in ("value", "photo_count")
            return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.title if field == "title" else None
        return display_value(record, field)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # Files dropped on a card add photos to its item; dropped between cards, a new item.
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    # -- dragging items out (to the room's shelves) ----------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [ITEM_IDS_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return item_ids_mime(self._ids[row] for row in rows)

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        field = COLUMN_FIELDS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        # A view attached to the model announces the sort it shows; when that is the sort
        # already in force, asking the database again (100,000 ids: half a second) changes nothing.
        if field in _SORT_BY_FIELD or (field, descending) == (self.sort_field, self.descending):
            return
        self.set_sort(field, descending=descending)

    # -- records ------------------------------------------------------------------------------
    def record_at(self, row: int) -> ItemRecord | None:
        if not 0 <= row < len(self._ids):
            return None
        start = row - row % PAGE_SIZE
        if start != self._last_page:
            self._plan_read_ahead(start)
        item_id = self._ids[row]
        record = self._records.get(item_id)
        if record is None:
            self._read_page(start)
            record = self._records.get(item_id)
        return record

    def has_record(self, row: int) -> bool:
        """Whether the row's record is already in memory (asking does not read it)."""
        return 0 <= row < len(self._ids) and self._ids[row] in self._records

    def _read_page(self, start: int) -> None:
        self._read_pages.add(start)
        wanted = [item_id for item_id in self._ids[start:start + PAGE_SIZE]
                  if item_id not in self._records]
        if not wanted:
            return
        for record in items.get_records(self.catalogue, wanted):
            self._records[record.id] = record
            if record.primary_photo_id is not None:
                self._by_photo.setdefault(record.primary_photo_id, set()).add(record.id)

    def _plan_read_ahead(self, start: int) -> None:
        """Queue the pages around this one, the nearest first, that are not read yet."""
        # Both ways: a view paints its rows in no particular order, so the page asked for last
        # says nothing about the way it scrolls; pages behind are mostly read already anyway.
        self._last_page = start
        starts = [start + sign * n * PAGE_SIZE
                  for n in range(1, READ_AHEAD_PAGES + 1) for sign in (1, -1)]
        self._read_ahead = [s for s in starts
                            if 0 <= s < len(self._ids) and s not in self._read_pages]
        if self._read_ahead:
            self._read_ahead_timer.start()

    def _read_ahead_one(self) -> None:
        # One page per turn of the event loop: a paint or a key press never waits for more.
        while self._read_ahead:
            start = self._read_ahead.pop(0)
            if start not in self._read_pages:
                self._read_page(start)
                break
        if self._read_ahead:
            self._read_ahead_timer.start()

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, item_id: int) -> int | None:
        return self._rows.get(item_id)

    def rows_with_photo(self, photo_id: int) -> Iterable[int]:
        for item_id in self._by_photo.get(photo_id, ()):
            if item_id in self._rows:
                yield self._rows[item_id]

    # -- what the window asks -----------------------------------------------------------------
    def set_search(self, query: str, facets: Mapping[str, str] | None = None) -> bool:
        """Show what query and facets find; False (and query_failed) when the query is wrong."""
        return self._reload(query=query, facets=dict(facets if facets is not None else self.facets))

    def set_sort(self, field: str, *, descending: bool = False) -> None:
        self.sort_field, self.descending = field, descending
        self._reload(query=self.query, facets=self.facets)

    def refresh(self, changed_ids: Iterable[int] = ()) -> None:
        """Re-run the search; keep the rows (and the views' scroll) when the same ids come back."""
        self._reload(query=self.query, facets=self.facets, changed_ids=set(changed_ids))

    def _reload(
        self, *, query: str, facets: dict[str, str], changed_ids: set[int] | None = None,
    ) -> bool:
        from museum.core.errors import MuseumError

        sort = f"-{self.sort_field}" if self.descending else self.sort_field
        try:
            ids = find_ids(self.catalogue, query=query, facets=facets, sort=sort, trash=self.trash)
        except MuseumError as error:
            self.query_failed.emit(str(error))
            return False
        self.query, self.facets = query, facets
        if changed_ids is not None and ids == self._ids:
            self._refresh_rows(changed_ids)
            return True
        self.beginResetModel()
        self._ids = ids
        self._rows = {item_id: row for row, item_id in enumerate(ids)}
        self._records.clear()
        self._by_photo.clear()
        self._read_ahead.clear()
        self._read_pages.clear()
        self._last_page = -1
        self.endResetModel()
        self.reloaded.emit()
        return True

    def _refresh_rows(self, item_ids: set[int]) -> None:
        for item_id in item_ids:
            self._records.pop(item_id, None)
            row = self._rows.get(item_id)
            if row is not None:
                self._read_pages.discard(row - row % PAGE_SIZE)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def on_changes(self, changes: Changes) -> None:
        """Refresh only what changed: the rows of edited items, or the rows when membership
        moved."""
        if changes.reset:
            self._reload(query=self.query, facets=self.facets)
        elif not changes.empty:
            self.refresh(changes.item_ids)


_FORWARDED_TO_ROWS = frozenset({
    "catalogue", "trash", "query", "facets", "sort_field", "descending", "ids", "record_at",
    "has_record", "row_of", "rows_with_photo", "set_search", "set_sort", "refresh", "on_changes",
})


class ItemModel(QSortFilterProxyModel):
    """What the grid and the table show: ItemRows behind Qt's own proxy, which neither filters
    nor sorts (its rows are ItemRows' rows, same numbers) but answers index() in C++.

    A list view laying out its cards asks the model for every row's index (to see whether the
    row is hidden); through Python that is about 2 µs a row, half a second for the first End
    at 100,000 items, and longer while a worker holds the GIL. The proxy answers from its own
    row table, built in C++ in a few milliseconds after each reset."""

    def __init__(self, catalogue: Catalogue, *, trash: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.rows = ItemRows(catalogue, trash=trash, parent=self)
        self.setDynamicSortFilter(False)  # the database sorts; the proxy keeps ItemRows' order
        self.setSourceModel(self.rows)
        self.query_failed = self.rows.query_failed
        self.reloaded = self.rows.reloaded

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.rows.sort(column, order)  # by the database, never by the proxy

    def __getattr__(self, name: str) -> Any:
        # Called only for what the proxy itself lacks: ItemRows' state and plain methods read
        # the same through it (its rows are the proxy's rows), so they are passed on, not copied.
        if name in _FORWARDED_TO_ROWS:
            return getattr(self.rows, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def index_of(self, item_id: int, column: int = 0) -> QModelIndex:
        """The proxy's index of an item (a view's selection and scrolling need the proxy's)."""
        row = self.rows.row_of(item_id)
        return QModelIndex() if row is None else self.index(row, column)
