"""The shell of the app: sidebar, pages, detail pane, menus, toolbar and status bar.

Pages live in one QStackedWidget (`add_page`): the collection, the trash, and later the room.
Menus are built from `add_action(menu, text, slot, shortcut)` so another part adds an entry with
one line. Every write's Changes goes through `on_changes`, which hands it to each view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QSplitter, QStackedWidget, QToolBar, QWidget

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.gui import window_actions
from museum.gui.detail_pane import DetailPane
from museum.gui.dialogs import Dialogs
from museum.gui.facet_sidebar import FacetSidebar
from museum.gui.library_view import LibraryPage
from museum.gui.status_bar import StatusBar
from museum.gui.thumbnail_loader import ThumbnailLoader
from museum.gui.trash_view import TrashView

MENUS = ("&File", "&Edit", "&View", "&Help")


class MainWindow(QMainWindow):
    """The main window over one open catalogue."""

    def __init__(self, catalogue: Catalogue, *, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.dialogs = dialogs or Dialogs()
        self.settings = QSettings()
        self.editors: list = []
        self.change_listeners: list[Callable[[Changes], None]] = []
        self.undo_stack: list[tuple[str, list[int]]] = []
        self.menus: dict[str, QMenu] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self.setWindowTitle(f"Museum — {catalogue.root.name}")
        self.setObjectName("main")
        self.thumbnails = ThumbnailLoader(catalogue, parent=self)
        self._build_pages()
        self._build_central()
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.status.undo_requested.connect(self.undo)
        window_actions.build_menus(self)
        self._build_toolbar()
        self._connect()
        window_actions.restore_settings(self)
        self.refresh_counts()

    # -- building ------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        self.library = LibraryPage(self.catalogue, self.thumbnails)
        self.trash = TrashView(self.catalogue, self.dialogs)
        self.pages = QStackedWidget()
        self.page_names: dict[str, QWidget] = {}
        self.add_page("library", self.library)
        self.add_page("trash", self.trash)

    def add_page(self, name: str, widget: QWidget) -> None:
        """A page of the central stack (the collection, the trash, the room…)."""
        self.page_names[name] = widget
        self.pages.addWidget(widget)

    def show_page(self, name: str) -> None:
        self.pages.setCurrentWidget(self.page_names[name])
        self.detail.setVisible(name == "library" and self.actions_by_name["detail"].isChecked()
                               if "detail" in self.actions_by_name else name == "library")
        self.refresh_counts()

    def current_page(self) -> str:
        return next(name for name, widget in self.page_names.items() if widget is self.pages.currentWidget())

    def _build_central(self) -> None:
        self.sidebar = FacetSidebar()
        self.detail = DetailPane(self.catalogue, self.thumbnails)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        for widget in (self.sidebar, self.pages, self.detail):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 860, 350])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Toolbar", objectName="toolbar", movable=False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("new", "edit", "delete", None, "grid", "table"):
            self.toolbar.addSeparator() if name is None else self.toolbar.addAction(self.actions_by_name[name])
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText("Search: words, \"phrases\", kind:medal, season:2023/24, -tag:replica")
        self.search.setMinimumWidth(420)
        self.toolbar.addWidget(self.search)
        self.addToolBar(self.toolbar)

    def add_action(self, menu: str, text: str, slot: Callable[[], object], shortcut=None, *,
                   name: str | None = None, checkable: bool = False) -> QAction:
        """Add an entry to a menu ('&File', '&Edit', '&View', '&Tools'…), created if new."""
        if menu not in self.menus:
            self.menus[menu] = self.menuBar().addMenu(menu)
        action = QAction(text, self, checkable=checkable)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.triggered.connect(lambda checked=False: slot(checked) if checkable else slot())
        self.menus[menu].addAction(action)
        if name:
            self.actions_by_name[name] = action
        return action

    def _connect(self) -> None:
        self.search.textChanged.connect(self.library.search_later)
        self.search.returnPressed.connect(lambda: self.library.apply_search())
        self.library.searched.connect(self.refresh_counts)
        self.library.current_changed.connect(self.detail.show_item)
        self.library.current_changed.connect(lambda _record: window_actions.update_enabled(self))
        self.library.open_requested.connect(self.edit_item)
        self.library.files_dropped.connect(lambda item_id, paths: window_actions.drop_files(self, item_id, paths))
        self.library.table.columns_changed.connect(lambda: window_actions.save_settings(self))
        self.sidebar.facets_changed.connect(self.library.set_facets)
        self.sidebar.trash_chosen.connect(lambda trash: self.show_page("trash" if trash else "library"))
        self.trash.changed.connect(self.on_changes)
        self.detail.edit_requested.connect(self.edit_item)
        self.detail.viewer_requested.connect(lambda item_id, photo_id: window_actions.open_viewer(self, item_id, photo_id))

    # -- the one place writes are announced ----------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Hand what a write changed to every model and view; each refreshes only that."""
        if changes.empty:
            return
        self.thumbnails.forget(changes.photo_ids)
        self.library.on_changes(changes)
        self.trash.on_changes(changes)
        for listener in self.change_listeners:
            listener(changes)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        window_actions.refresh_counts(self)

    # -- commands (menus, toolbar, keys) -------------------------------------------------------
    def new_item(self, paths: list[Path] | None = None) -> None:
        window_actions.open_editor(self, None, paths or [])

    def edit_item(self, item_id: int | None = None) -> None:
        item_id = item_id if isinstance(item_id, int) else self.library.current_id()
        if item_id is not None:
            window_actions.open_editor(self, item_id, [])

    def delete_selected(self) -> None:
        window_actions.delete_items(self, self.library.selected_ids())

    def undo(self) -> None:
        window_actions.undo(self)

    def set_view(self, name: str) -> None:
        self.show_page("library")
        self.sidebar.show_trash(False)
        self.library.set_view(name)
        self.actions_by_name["grid"].setChecked(name == "grid")
        self.actions_by_name["table"].setChecked(name == "table")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in list(self.editors):
            if editor.isVisible() and not editor.close():
                event.ignore()
                return
        window_actions.save_settings(self)
        self.thumbnails.shutdown()
        super().closeEvent(event)
