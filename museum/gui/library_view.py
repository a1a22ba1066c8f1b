"""The collection page: the grid or the table over one item model, with the search's messages."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.gui.grid_view import GridView
from museum.gui.item_model import IdRole, ItemModel, RecordRole
from museum.gui.table_view import TableView

SEARCH_DELAY_MS = 150
VIEWS = ("grid", "table")


class LibraryPage(QWidget):
    """Browse the collection; tells the window which item is current and what was dropped."""

    current_changed = Signal(object)  # ItemRecord or None
    open_requested = Signal(int)
    files_dropped = Signal(object, list)
    searched = Signal()
    item_menu_requested = Signal(list, QPoint)  # the selected ids, where the menu opens

    def __init__(self, catalogue: Catalogue, thumbnails, parent=None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.model = ItemModel(catalogue, parent=self)
        self.grid = GridView(thumbnails)
        self.table = TableView()
        self.grid.setModel(self.model)
        self.table.setModel(self.model)
        self.table.setSelectionModel(self.grid.selectionModel())  # one selection, two views
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)
        self.query_error = QLabel(objectName="queryError", wordWrap=True)
        self.query_error.setVisible(False)
        self.empty_note = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="hint",
                                 wordWrap=True)
        self.empty_note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.query_error)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.stack, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self._pending_query = ""
        self.model.query_failed.connect(self._on_query_failed)
        self.model.reloaded.connect(self._on_reloaded)
        self.grid.selectionModel().currentChanged.connect(self._on_current_changed)
        for view in (self.grid, self.table):
            view.activated.connect(lambda index: self.open_requested.emit(index.data(IdRole)))
            view.files_dropped.connect(self.files_dropped)
            view.item_menu_requested.connect(
                lambda pos: self.item_menu_requested.emit(self.selected_ids(), pos))
        thumbnails.loaded.connect(self._on_thumbnail_loaded)
        if load:  # else the window asks once it has painted (MainWindow's paint_first)
            self.model.refresh()

    # -- views ---------------------------------------------------------------------------------
    def view_name(self) -> str:
        return VIEWS[self.stack.currentIndex()]

    def set_view(self, name: str) -> None:
        view = self.grid if name == "grid" else self.table
        self.stack.setCurrentWidget(view)
        current = self.grid.selectionModel().currentIndex()
        if current.isValid():
            view.scrollTo(current)

    def current_view(self):
        return self.stack.currentWidget()

    # -- search --------------------------------------------------------------------------------
    def search_later(self, query: str) -> None:
        """Typing: search once the typing pauses for SEARCH_DELAY_MS."""
        self._pending_query = query
        self._search_timer.start()

    def apply_search(self, facets: dict[str, str] | None = None) -> bool:
        self._search_timer.stop()
        return self.model.set_search(self._pending_query, facets)

    def set_facets(self, facets: dict[str, str]) -> None:
        self._pending_query = (self.model.query if not self._search_timer.isActive()
                               else self._pending_query)
        self.apply_search(facets)

    def _on_query_failed(self, message: str) -> None:
        self.query_error.setText(message)
        self.query_error.setVisible(True)

    def _on_reloaded(self) -> None:
        self.query_error.setVisible(False)
        empty = self.model.rowCount() == 0
        filtered = bool(self.model.query or self.model.facets)
        self.empty_note.setText("Nothing matches this search." if filtered else
                                "Your museum is empty. Add your first item with Ctrl+N, "
                                "or drag photos here from your files.")
        self.empty_note.setVisible(empty)
        self.searched.emit()
        self._on_current_changed(self.grid.selectionModel().currentIndex(), QModelIndex())

    # -- selection -----------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        selection = self.grid.selectionModel()
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        if not rows and selection.currentIndex().isValid():
            rows = [selection.currentIndex().row()]
        return [self.model.index(row, 0).data(IdRole) for row in rows]

    def current_id(self) -> int | None:
        index = self.grid.selectionModel().currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select_id(self, item_id: int) -> None:
        index = self.model.index_of(item_id)
        if index.isValid():
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.grid.selectionModel().setCurrentIndex(index, flags)
            self.current_view().scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(current.data(RecordRole) if current.isValid() else None)

    def _on_thumbnail_loaded(self, photo_id: int, size: str) -> None:
        if size != "grid":
            return
        for row in self.model.rows_with_photo(photo_id):
            self.grid.update(self.model.index(row, 0))

    def on_changes(self, changes: Changes) -> None:
        current = self.current_id()
        self.model.on_changes(changes)
        if current is not None and self.current_id() != current:
            self.select_id(current)
        elif current is not None and current in changes.item_ids:
            self._on_current_changed(self.grid.selectionModel().currentIndex(), QModelIndex())

