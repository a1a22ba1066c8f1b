"""The table: one row per item, sortable by clicking a header, columns chosen from its menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from museum.gui.drops import drop_photos_on_item, photo_files
from museum.gui.item_model import COLUMN_FIELDS, COLUMNS

DEFAULT_COLUMNS = ("title", "kind", "date", "season", "competition", "team", "location",
                   "photo_count")


class TableView(QTableView):
    """Items as rows; fixed row heights keep scrolling 10,000 rows cheap."""

    files_dropped = Signal(object, list)  # item id or None, [Path]
    columns_changed = Signal()
    item_menu_requested = Signal(QPoint)  # a right-click on a row (the press selected it)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("table")
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAcceptDrops(True)
        self.setDragEnabled(True)  # items dragged out carry their ids (to the room)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        self.set_visible_columns(DEFAULT_COLUMNS)
        widths = {"title": 300, "competition": 190, "team": 150, "location": 170, "kind": 100,
                  "date": 150, "updated": 160, "deleted_at": 160}
        for column, field in enumerate(COLUMN_FIELDS):
            self.setColumnWidth(column, widths.get(field, 110))
        self.horizontalHeader().setSortIndicator(COLUMN_FIELDS.index("date"),
                                                 Qt.SortOrder.DescendingOrder)

    def visible_columns(self) -> list[str]:
        return [field for column, field in enumerate(COLUMN_FIELDS)
                if not self.isColumnHidden(column)]

    def set_visible_columns(self, fields) -> None:
        wanted = set(fields) | {"title"}
        for column, field in enumerate(COLUMN_FIELDS):
            self.setColumnHidden(column, field not in wanted)

    def column_menu(self) -> QMenu:
        menu = QMenu("Columns", self)
        for column, (field, label) in enumerate(COLUMNS):
            action = QAction(label, menu, checkable=True, checked=not self.isColumnHidden(column))
            action.setEnabled(field != "title")
            action.toggled.connect(lambda shown, column=column: self._show_column(column, shown))
            menu.addAction(action)
        return menu

    def _show_column(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        self.columns_changed.emit()

    def _on_header_menu_requested(self, position: QPoint) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(position))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.indexAt(self.viewport().mapFrom(self, event.pos())).isValid():
            self.item_menu_requested.emit(event.globalPos())
            event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction() if photo_files(event.mimeData()) else event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction() if photo_files(event.mimeData()) else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        drop_photos_on_item(self, event, self.files_dropped)
