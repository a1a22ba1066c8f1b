"""The collection page: the grid or the table over one item model, with the search's messages."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.search_suggest import suggest_query
from museum.gui.grid_view import GridView
from museum.gui.item_model import IdRole, ItemModel, RecordRole
from museum.gui.table_view import TableView
from museum.gui.workers import run_task

SEARCH_DELAY_MS = 150
# A query half typed ('kind:', '"world') is not a mistake yet: it is flagged only once the
# typing has paused this long.
QUERY_ERROR_DELAY_MS = 900
VIEWS = ("grid", "table")


class LibraryPage(QWidget):
    """Browse the collection; tells the window which item is current and what was dropped."""

    current_changed = Signal(object)  # ItemRecord or None
    open_requested = Signal(int)
    files_dropped = Signal(object, list)
    searched = Signal()
    item_menu_requested = Signal(list, QPoint)  # the selected ids, where the menu opens
    suggestion_chosen = Signal(str)  # the query of a clicked "Did you mean …?"

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
        self.suggestion = QLabel(objectName="suggestion")
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.suggestion.setVisible(False)
        self.suggestion.linkActivated.connect(self._on_suggestion_clicked)
        self._suggested = ""
        self.empty_note = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="hint",
                                 wordWrap=True)
        self.empty_note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.query_error)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.stack, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_typed_search)
        self._error_timer = QTimer(self, singleShot=True, interval=QUERY_ERROR_DELAY_MS)
        self._error_timer.timeout.connect(self._show_query_error)
        self._pending_query = ""
        self._typed = False  # whether the search being applied came from typing
        self._query_problem = ""
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
        self._error_timer.stop()  # still typing: no verdict on the query yet

    def apply_search(self, facets: dict[str, str] | None = None) -> bool:
        """Search now (Enter, a facet): a wrong query is flagged at once."""
        self._search_timer.stop()
        return self.model.set_search(self._pending_query, facets)

    def _apply_typed_search(self) -> None:
        self._typed = True
        try:
            self.apply_search()
        finally:
            self._typed = False

    def set_facets(self, facets: dict[str, str]) -> None:
        self._pending_query = (self.model.query if not self._search_timer.isActive()
                               else self._pending_query)
        self.apply_search(facets)

    def _on_query_failed(self, message: str) -> None:
        self._query_problem = message
        if self._typed:
            self._error_timer.start()
        else:
            self._show_query_error()

    def _show_query_error(self) -> None:
        self._error_timer.stop()
        self.query_error.setText(self._query_problem)
        self.query_error.setVisible(True)
        self._offer_suggestion(self._pending_query)

    def _offer_suggestion(self, query: str) -> None:
        """Look for a "Did you mean …?" in a worker; shown if the query is still the same."""
        self.suggestion.setVisible(False)
        if not query.strip():
            return
        catalogue = self.model.catalogue
        # run_task keeps the task alive until it reports: nothing here needs to hold it.
        run_task(lambda: suggest_query(catalogue, query=query),
                 on_done=lambda found: self._show_suggestion(query, found))

    def _show_suggestion(self, query: str, suggestion: str | None) -> None:
        still_asked = query == self._pending_query and (
            self.query_error.isVisible() or self.model.rowCount() == 0)
        if not suggestion or not still_asked:
            return
        self._suggested = suggestion
        self.suggestion.setText(f'<a href="suggestion">Did you mean {html.escape(suggestion)}?</a>')
        self.suggestion.setVisible(True)

    def _on_suggestion_clicked(self, _link: str) -> None:
        self.suggestion.setVisible(False)
        self.suggestion_chosen.emit(self._suggested)

    def _on_reloaded(self) -> None:
        self._error_timer.stop()
        self.query_error.setVisible(False)
        self.suggestion.setVisible(False)
        empty = self.model.rowCount() == 0
        if empty and self.model.query:
            self._offer_suggestion(self.model.query)
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

