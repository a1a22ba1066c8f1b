"""The shell of the app: sidebar, pages, detail pane, menus, toolbar and status bar.

Pages live in one QStackedWidget (`add_page`): the collection, the trash and the room (built on
its first visit, see window_room.py).
Menus are built from `add_action(menu, text, slot, shortcut)` so another part adds an entry with
one line. Every write's Changes goes through `on_changes`, which hands it to each view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow, QMenu, QSplitter, QStackedWidget, QToolBar, QVBoxLayout,
    QWidget,
)

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.gui import item_menu, window_actions, window_room
from museum.gui.detail_pane import DetailPane
from museum.gui.dialogs import Dialogs
from museum.gui.facet_sidebar import FacetSidebar
from museum.gui.library_view import LibraryPage
from museum.gui.memory import SETTLE_DELAY_MS, freeze_start_up_objects
from museum.gui.safety_actions import ReadOnlyBanner, run_auto_backup_on_close
from museum.gui.search_box import SearchBox
from museum.gui.start_window import after_first_paint
from museum.gui.status_bar import StatusBar
from museum.gui.thumbnail_loader import ThumbnailLoader
from museum.gui.trash_view import TrashView
from museum.gui.workers import write_pool

MENUS = ("&File", "&Edit", "&View", "&Tools", "&Help")
WRITE_ACTIONS = ("new", "edit", "delete", "undo")


class MainWindow(QMainWindow):
    """The main window over one open catalogue."""

    def __init__(self, catalogue: Catalogue, *, dialogs: Dialogs | None = None,
                 paint_first: bool = False) -> None:
        """`paint_first`: show the window before the catalogue's first query (the app's own
        start: 100,000 items take half a second to find and sort); tests and tools that use
        the window at once leave it False and get it filled."""
        super().__init__()
        self.loaded = not paint_first  # the items are read (paint_first: after the first paint)
        self.catalogue = catalogue
        self.dialogs = dialogs or Dialogs()
        self.settings = QSettings()
        self.editors: list = []
        self.change_listeners: list[Callable[[Changes], None]] = []
        self.undo_stack: list[tuple[str, list[int]]] = []
        self.menus: dict[str, QMenu] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self.item_menu: QMenu | None = None  # the last right-click menu of a card or row
        self.room = None  # the room page, built on its first visit (window_room.room_page)
        self.auto_backup = True  # back up on close when this session changed the catalogue
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
        if catalogue.read_only:
            window_actions.make_read_only(self)
        if paint_first:
            self.status.set_counts("Opening the catalogue…")
            self._first_paint = after_first_paint(
                self.library.current_view().viewport(), self.load_items)
        else:
            self.refresh_counts()
        QTimer.singleShot(SETTLE_DELAY_MS, freeze_start_up_objects)

    def load_items(self) -> None:
        """The first query, once the window shell is on screen (paint_first)."""
        self.loaded = True
        self.library.model.refresh()
        self.trash.model.refresh()
        self.refresh_counts()

    # -- building ------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        self.library = LibraryPage(self.catalogue, self.thumbnails, load=self.loaded)
        self.trash = TrashView(self.catalogue, self.dialogs, load=self.loaded)
        self.pages = QStackedWidget()
        self.page_names: dict[str, QWidget] = {}
        self.add_page("library", self.library)
        self.add_page("trash", self.trash)

    def add_page(self, name: str, widget: QWidget) -> None:
        """A page of the central stack (the collection, the trash, the room…)."""
        self.page_names[name] = widget
        self.pages.addWidget(widget)

    def show_page(self, name: str) -> None:
        """Show the collection ("library"), the "trash" or the "room" (built on first visit)."""
        if name == "room":
            window_room.room_page(self)
        detail_wanted = ("detail" not in self.actions_by_name
                         or self.actions_by_name["detail"].isChecked())
        detail_shown = name == "library" and detail_wanted
        # The detail pane goes before the new page shows and comes after the old one is hidden,
        # the splitter giving out its width at once: the room is never shown at the
        # collection's narrower size (a change of shape re-plans its walls and frames the whole
        # room: the camera a visitor left on a cabinet, or 'Show in the room' walking to an
        # item, was lost).
        if not detail_shown:
            self.detail.setVisible(False)
            self.splitter.refresh()
        self.pages.setCurrentWidget(self.page_names[name])
        if detail_shown:
            self.detail.setVisible(True)
        self.sidebar.mark_page(name)
        if "room" in self.actions_by_name:
            self.actions_by_name["room"].setChecked(name == "room")
            view = self.library.view_name() if name == "library" else None
            self.actions_by_name["grid"].setChecked(view == "grid")
            self.actions_by_name["table"].setChecked(view == "table")
        self.refresh_counts()

    def current_page(self) -> str:
        return next(name for name, widget in self.page_names.items()
                    if widget is self.pages.currentWidget())

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
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = None
        if self.catalogue.read_only:
            self.banner = ReadOnlyBanner(self.catalogue.read_only_reason or "")
            layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Toolbar", objectName="toolbar", movable=False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("new", "edit", "delete", None, "grid", "table", "room"):
            (self.toolbar.addSeparator() if name is None
             else self.toolbar.addAction(self.actions_by_name[name]))
        pages = QActionGroup(self)
        for name in ("grid", "table", "room"):
            pages.addAction(self.actions_by_name[name])
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding,
                             spacer.sizePolicy().Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search = SearchBox()
        self.toolbar.addWidget(self.search)
        self.addToolBar(self.toolbar)

    def add_action(self, menu: str, text: str, slot: Callable[[], object], shortcut=None, *,
                   name: str | None = None, checkable: bool = False) -> QAction:
        """Add an entry to a menu ('&File', '&Edit', '&View', '&Tools'…), created if new."""
        if menu not in self.menus:
            self.menus[menu] = self.menuBar().addMenu(menu)
        action = QAction(text, self, checkable=checkable)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list)
                                else [QKeySequence(shortcut)])
        action.triggered.connect(lambda checked=False: slot(checked) if checkable else slot())
        self.menus[menu].addAction(action)
        if name:
            self.actions_by_name[name] = action
        return action

    def _connect(self) -> None:
        self.search.textChanged.connect(self.library.search_later)
        self.search.returnPressed.connect(lambda: self.library.apply_search())
        self.library.suggestion_chosen.connect(self._on_suggestion_chosen)
        self.library.searched.connect(lambda: window_room.light_search(self))
        self.library.searched.connect(self.refresh_counts)
        self.library.current_changed.connect(self.detail.show_item)
        self.library.current_changed.connect(lambda _record: window_actions.update_enabled(self))
        self.library.open_requested.connect(self.edit_item)
        self.library.files_dropped.connect(
            lambda item_id, paths: window_actions.drop_files(self, item_id, paths))
        self.library.table.columns_changed.connect(lambda: window_actions.save_settings(self))
        self.library.item_menu_requested.connect(
            lambda ids, pos: item_menu.show_item_menu(self, ids, pos))
        self.sidebar.facets_changed.connect(self.library.set_facets)
        self.sidebar.page_chosen.connect(self.show_page)
        self.sidebar.items_dropped_on_room.connect(
            lambda ids: window_room.put_on_display(self, ids))
        self.trash.changed.connect(self.on_changes)
        self.trash.changed.connect(lambda changes: window_actions.forget_undo(self, changes))
        self.trash.reported.connect(self.status.say)
        self.detail.edit_requested.connect(self.edit_item)
        self.detail.viewer_requested.connect(
            lambda item_id, photo_id: window_actions.open_viewer(self, item_id, photo_id))

    # -- the one place writes are announced ----------------------------------------------------
    def on_changes(
        self, changes: Changes, *, source: Callable[[Changes], None] | None = None,
    ) -> None:
        """Hand what a write changed to every model and view; each refreshes only that.

        `source` is the listener of the part that made the write (it has refreshed itself).
        """
        if changes.empty:
            return
        self.thumbnails.forget(changes.photo_ids)
        self.library.on_changes(changes)
        self.trash.on_changes(changes)
        for listener in self.change_listeners:
            if listener != source:
                listener(changes)
        self.refresh_counts()

    def reveal_item(self, item_id: int) -> None:
        """Show the item selected in the collection, widening the search if it hides it."""
        self.show_page("library")
        if not self.library.model.index_of(item_id).isValid():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.sidebar.chosen = {}
            self.library.search_later("")
            self.library.apply_search({})
        self.library.select_id(item_id)

    def _on_suggestion_chosen(self, query: str) -> None:
        self.search.setText(query)
        self.library.apply_search()

    def refresh_counts(self) -> None:
        if self.loaded:
            window_actions.refresh_counts(self)
        else:  # before the first query there is nothing to count yet
            window_actions.update_enabled(self)

    # -- commands (menus, toolbar, keys) -------------------------------------------------------
    def new_item(self, paths: list[Path] | None = None) -> None:
        if not window_actions.refuse_if_read_only(self):
            window_actions.open_editor(self, None, paths or [])

    def edit_item(self, item_id: int | None = None) -> None:
        item_id = item_id if isinstance(item_id, int) else self.library.current_id()
        if item_id is not None and not window_actions.refuse_if_read_only(self):
            window_actions.open_editor(self, item_id, [])

    def delete_selected(self) -> None:
        window_actions.delete_items(self, self.library.selected_ids())

    def undo(self) -> None:
        window_actions.undo(self)

    def set_view(self, name: str) -> None:
        self.library.set_view(name)
        self.show_page("library")

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
        if self.auto_backup:
            run_auto_backup_on_close(self, self.catalogue)  # says so itself if it fails
        window_actions.save_settings(self)
        self.thumbnails.shutdown()
        if self.room is not None and self.room.tour is not None:
            self.room.tour.close()
        super().closeEvent(event)
        # The window owns its catalogue: once no worker can touch it, give back the lock, so
        # that switching catalogues never leaves the old one locked by this process.
        QThreadPool.globalInstance().waitForDone(10_000)
        write_pool().waitForDone(10_000)
        self.catalogue.close()
