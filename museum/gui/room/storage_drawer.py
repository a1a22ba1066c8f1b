"""The storage drawer: items not on display, to drag onto a shelf; drop items here to take
them off display."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget,
)

from museum.core.catalogue import Catalogue
from museum.core.errors import MuseumError
from museum.core.items import find_item_ids, get_records
from museum.core.records import ItemRecord
from museum.gui.mime import ITEM_IDS_MIME, item_ids_from_mime, item_ids_mime
from museum.gui.room.storage_rows import StorageRowDelegate

PAGE = 200


class StorageModel(QAbstractListModel):
    """Item ids in storage; titles are read a page at a time, only for rows on screen."""

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.ids: list[int] = []
        self._records: dict[int, ItemRecord] = {}

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self._records = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.ids)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item_id = self.ids[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self._record(index.row())
        if record is None:
            return f"Item {item_id}"
        year = (record.date or record.season or "")[:4]
        return f"{record.title}\n{record.kind.capitalize()} · {year}" if year else \
            f"{record.title}\n{record.kind.capitalize()}"

    def _record(self, row: int) -> ItemRecord | None:
        item_id = self.ids[row]
        if item_id not in self._records:
            start = row - row % PAGE
            for record in get_records(self.catalogue, self.ids[start:start + PAGE]):
                self._records[record.id] = record
        return self._records.get(item_id)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        return item_ids_mime(self.ids[i.row()] for i in indexes if i.isValid())

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class StorageList(QListView):
    """Accepts items dragged off the shelves; says in words why it is empty."""

    items_returned = Signal(list)
    menu_requested = Signal(QPoint)  # a right-click on a row (the press selected it)
    empty_text = ""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.indexAt(self.viewport().mapFrom(self, event.pos())).isValid():
            self.menu_requested.emit(event.globalPos())
            event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is None or self.model().rowCount() or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(12, 24, -12, -12)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self.empty_text)
        painter.end()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.setAccepted(bool(item_ids_from_mime(event.mimeData())) and event.source() is not self)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.setAccepted(bool(item_ids_from_mime(event.mimeData())) and event.source() is not self)

    def dropEvent(self, event: QDropEvent) -> None:
        ids = item_ids_from_mime(event.mimeData())
        if not ids or event.source() is self:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.items_returned.emit(ids)


class StorageDrawer(QWidget):
    """A filterable list of what is in storage, beside the room."""

    items_returned = Signal(list)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._all_ids: list[int] = []
        self.title = QLabel("Storage")
        self.title.setStyleSheet("font-weight: bold; padding: 4px 2px;")
        self.filter = QLineEdit(placeholderText="Find in storage…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.model = StorageModel(catalogue)
        self.list = StorageList()
        self.list.setModel(self.model)
        self.list.setItemDelegate(StorageRowDelegate(self.list))  # both lines, a clear selection
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(False)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.list.items_returned.connect(self.items_returned)
        self.hint = QLabel("Drag items onto a shelf.\nDrop them here to take them off display.")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(window-text); font-size: 11px; padding: 2px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)

    def set_ids(self, ids: tuple[int, ...] | list[int]) -> None:
        self._all_ids = list(ids)
        self._apply_filter()

    def all_ids(self) -> list[int]:
        """Every item in storage, filtered or not."""
        return list(self._all_ids)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.list.selectionModel().selectedIndexes()})
        return [self.model.ids[row] for row in rows]

    def shown_ids(self) -> list[int]:
        return list(self.model.ids)

    def _apply_filter(self) -> None:
        text = self.filter.text().strip()
        ids = self._all_ids
        if text:
            try:
                matching = set(find_item_ids(self.catalogue, query=text))
            except MuseumError:
                matching = set()
            ids = [i for i in ids if i in matching]
        self.model.set_ids(ids)
        self.title.setText(f"Storage — {len(self._all_ids):,}")
        self.list.empty_text = ("Nothing in storage matches." if self._all_ids else
                                "Everything is on display.")
        self.list.viewport().update()
