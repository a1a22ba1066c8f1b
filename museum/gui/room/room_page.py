"""The trophy room page: a toolbar, the storage drawer and the room itself.

The main window shows it as a page: RoomPage(catalogue). It emits `item_opened(id)` on a
double-click (or the card's Open button) and `changes_made(Changes)` after each of its writes;
give it every other part's Changes through on_changes().
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMetaObject, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel, QMenu, QSplitter, QVBoxLayout, QWidget,
)

from museum.core import room
from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import MuseumError
from museum.core.items import get_records
from museum.core.room_arrange import arrange_room, item_of_the_day
from museum.gui.dialogs import Dialogs
from museum.gui.room import room_menus, room_toolbar
from museum.gui.room import room_questions as questions
from museum.gui.room.detail_card import DetailCard
from museum.gui.room.exhibit_item import PREVIEW_SCALE
from museum.gui.room.photo_loader import PhotoLoader
from museum.gui.room.poster import DEFAULT_WIDTH, check_width, poster_source
from museum.gui.room.poster_export import PosterExport
from museum.gui.room.room_view import RoomView
from museum.gui.room.scene import RoomScene
from museum.gui.room.storage_drawer import StorageDrawer
from museum.gui.room.tour import TourWindow
from museum.gui.workers import run_task

LOD_DELAY_MS = 120


class RoomPage(QWidget):
    """The virtual trophy room over one catalogue."""

    item_opened = Signal(int)
    changes_made = Signal(object)
    arranged = Signal(bool)  # an auto-arrange finished (True) or failed (False)
    message_shown = Signal(str)  # what show_message said (the window's status bar repeats it)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._today = today
        self.layout_now: room.RoomLayout | None = None
        self.current_cabinet: str | None = None
        self.spotlit: int | None = None
        self.last_message = ""
        self.busy = False
        self._task = None
        self.tour: TourWindow | None = None
        self.menu: QMenu | None = None  # the last right-click menu shown
        self.poster_export: PosterExport | None = None  # the latest poster being saved
        self.dialogs = Dialogs()  # its questions (where to save a poster); the window's own
        self._opened_on_item = False
        self._walk_after_opening: QMetaObject.Connection | None = None  # to today's item
        self.scene = RoomScene(self)
        self.view = RoomView(self.scene, plans_walls=True)
        self.drawer = StorageDrawer(catalogue)
        self.card = DetailCard(self.view)
        self.toast = QLabel(self.view)
        self.toast.setStyleSheet("background: rgba(20,12,6,220); color: #f3e6c8; padding: 8px"
                                 " 14px; border-radius: 8px; border: 1px solid #b08a45;")
        self.toast.hide()
        self._toast_timer = QTimer(self, singleShot=True, interval=4500)
        self._toast_timer.timeout.connect(self.toast.hide)
        self.photos = PhotoLoader(catalogue, self)
        self._lod_timer = QTimer(self, singleShot=True, interval=LOD_DELAY_MS)
        self._lod_timer.timeout.connect(self._refresh_detail)
        self.cabinet_menu: QMenu | None = None  # the toolbar's Cabinet menu
        self.tour_menu: QMenu | None = None  # the toolbar's Tour menu
        self.toolbar = room_toolbar.build_toolbar(self)
        splitter = QSplitter()
        splitter.addWidget(self.drawer)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1040])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        self._connect()
        self.reload()

    # --- building ------------------------------------------------------------------------

    def _connect(self) -> None:
        self.scene.exhibit_clicked.connect(self.focus_item)
        self.scene.exhibit_double_clicked.connect(self.item_opened)
        self.scene.cabinet_clicked.connect(self._on_cabinet_clicked)
        self.scene.cabinet_double_clicked.connect(self.go_to_cabinet)
        self.scene.items_dropped.connect(self.place_items)
        self.scene.full_cabinet_hovered.connect(self._on_full_cabinet_hovered)
        # Asked once the drop is over: no modal question inside the drag's own loop.
        self.scene.full_cabinet_dropped.connect(
            lambda ids, name: QTimer.singleShot(0, lambda: questions.ask_new_cabinet(
                self, ids, name)))  # the answer goes to room_placing.add_cabinet_beside
        self.scene.exhibit_menu_requested.connect(self._show_exhibit_menu)
        self.scene.cabinet_menu_requested.connect(self._show_cabinet_menu)
        self.drawer.items_returned.connect(self.return_to_storage)
        self.drawer.list.menu_requested.connect(self._show_storage_menu)
        self.card.opened.connect(self.item_opened)
        self.card.closed.connect(lambda: self._spotlight(None))
        self.view.view_changed.connect(self._lod_timer.start)
        self.view.view_changed.connect(self._keep_card_off_the_item)

    # --- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the layout and the items on display again and rebuild the room, keeping the
        camera where it was."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        zoom = self.view.zoom
        had_room = bool(self.scene.cabinets)
        layout = room.room_layout(self.catalogue)
        records = {r.id: r for r in get_records(self.catalogue, layout.displayed_ids)}
        self.photos.forget_waiting()
        self.layout_now = layout
        self.scene.show_room(layout, records)
        self.drawer.set_ids(layout.storage)
        self._keep_selection(layout)
        if had_room:
            self.view.resetTransform()
            self.view.scale(zoom, zoom)
            self.view.centerOn(centre)
        else:
            self.view.fit_all()
            self.scene.warm_on_open(self.view.zoom * self.view.devicePixelRatioF())
        self._request_photos()

    def _keep_selection(self, layout: room.RoomLayout) -> None:
        """Keep the chosen cabinet and the spotlit item if they are still in the room."""
        if self.current_cabinet not in self.scene.cabinets:
            self.current_cabinet = layout.cabinets[0].name if layout.cabinets else None
        self.scene.select_cabinet(self.current_cabinet)
        if self.spotlit not in self.scene.exhibits:
            self._spotlight(None)
        else:
            self.scene.spotlight(self.spotlit)

    def refresh_room(self) -> None:
        """Bring the room up to date after one of the page's own small writes: read the layout
        again and rebuild only the cabinets it changed (and the drawer, if storage changed);
        every other cabinet keeps its items, photos and cached pictures."""
        layout = room.room_layout(self.catalogue)
        wanted = [item_id for cabinet in self.scene.cabinets_to_rebuild(layout)
                  for item_id in cabinet.item_ids if item_id not in self.scene.exhibits]
        records = {r.id: r for r in get_records(self.catalogue, wanted)} if wanted else {}
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        room_before = self.scene.sceneRect()
        self.layout_now = layout
        built = self.scene.update_room(layout, records)
        if list(layout.storage) != self.drawer.all_ids():
            self.drawer.set_ids(layout.storage)
        self._keep_selection(layout)
        if self.scene.sceneRect() != room_before:
            self.view.centerOn(centre)
        for exhibit in built:
            if exhibit.photo_id is not None and exhibit.photo is None:
                self.photos.request(exhibit, "grid")
        self._lod_timer.start()

    def on_changes(self, changes: Changes) -> None:
        """Refresh after a write made elsewhere (editor, trash, import…)."""
        if changes.empty:
            return
        known = set(self.scene.exhibits) | set(self.drawer._all_ids)
        if changes.room or changes.reset or changes.created_ids or \
                changes.item_ids - known or changes.item_ids & known or changes.photo_ids:
            self.reload()

    # --- writing -------------------------------------------------------------------------

    def _write(self, action: Callable[[], Changes], done: str = "") -> bool:
        """A small write (one drop, one cabinet: a few milliseconds) done here and now
        (room_placing's writes come through here too)."""
        if self.busy:
            self.show_message("The room is being arranged; one moment.")
            return False
        try:
            changes = action()
        except MuseumError as error:
            self.show_message(str(error))
            return False
        self.refresh_room()
        if done:
            self.show_message(done)
        self.changes_made.emit(changes)
        return True

    def place_items(self, ids: list[int], cabinet: str, shelf: int, index: int) -> bool:
        # Said, like every other move: the status bar kept the last one ('Moved 1 to storage.')
        word = "item" if len(ids) == 1 else "items"
        return self._write(lambda: room.place_items(
            self.catalogue, item_ids=ids, cabinet=cabinet, shelf=shelf, index=index),
            f"Placed {len(ids)} {word} on '{cabinet}', shelf {shelf}.")

    def return_to_storage(self, ids: list[int]) -> bool:
        shown = [i for i in ids if i in self.scene.exhibits]
        if not shown:
            return False
        return self._write(lambda: room.remove_from_display(self.catalogue, item_ids=shown),
                           f"Moved {len(shown)} to storage.")

    def arrange(self, by: str) -> bool:
        """Start re-arranging the whole room (up to a thousand items) on the write thread; the
        page shows it is busy and takes no other change until `arranged` fires."""
        if self.busy:
            self.show_message("The room is being arranged; one moment.")
            return False
        self._set_busy(True, f"Arranging the room by {by}…")
        self._task = run_task(lambda: arrange_room(self.catalogue, by=by), writes=True,
                              on_done=lambda changes: self._on_arranged(by, changes),
                              on_error=self._on_arrange_failed)
        return True

    def _on_arranged(self, by: str, changes: Changes) -> None:
        self._set_busy(False)
        self.reload()
        # A whole new room: its lights go down while its pictures are painted, and come up on
        # all of it (rather than cabinets filling in, flat at first, as the camera moves).
        self.view.fit_all()
        self.view.curtain.lower()
        self.show_message(f"Arranged the room by {by}.")
        self.changes_made.emit(changes)
        self.arranged.emit(True)

    def _on_arrange_failed(self, message: str) -> None:
        self._set_busy(False)
        self.show_message(message)
        self.arranged.emit(False)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.toolbar.setEnabled(not busy)
        self.drawer.setEnabled(not busy)
        self.view.setInteractive(not busy)  # look around, but no drops while it moves things
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
            self.show_message(text, sticky=True)
        else:
            self.unsetCursor()
            self.toast.hide()

    def add_cabinet(self, name: str, *, shelves: int = 4, width: int = 5) -> bool:
        ok = self._write(lambda: room.add_cabinet(self.catalogue, name=name, shelf_count=shelves,
                                                  width=width))
        if ok:
            self.current_cabinet = " ".join(name.split())
            self.scene.select_cabinet(self.current_cabinet)
            self.fit_cabinet()
        return ok

    def rename_cabinet(self, new_name: str) -> bool:
        old = self.current_cabinet
        if old is None:
            return False
        self.current_cabinet = " ".join(new_name.split())
        if not self._write(lambda: room.rename_cabinet(self.catalogue, name=old,
                                                       new_name=new_name)):
            self.current_cabinet = old
            return False
        return True

    def resize_cabinet(self, shelves: int, width: int) -> bool:
        name = self.current_cabinet
        return name is not None and self._write(lambda: room.resize_cabinet(
            self.catalogue, name=name, shelf_count=shelves, width=width))

    def remove_cabinet(self) -> bool:
        name = self.current_cabinet
        return name is not None and self._write(
            lambda: room.remove_cabinet(self.catalogue, name=name),
            f"Removed '{name}'; its items are in storage.")

    def move_current_cabinet(self, step: int) -> bool:
        name = self.current_cabinet
        if name is None or self.layout_now is None:
            return False
        position = self.layout_now.cabinet(name).position + step
        return self._write(lambda: room.move_cabinet(self.catalogue, name=name,
                                                     position=max(0, position)))

    def _on_full_cabinet_hovered(self, name: str) -> None:
        if name:
            self.show_message(f"'{name}' is full. Drop here to put it in a new cabinet "
                              "beside it.")
        elif self.toast.isVisible() and "is full" in self.last_message:
            self.toast.hide()

    def move_to_cabinet(self, item_id: int, cabinet: str) -> bool:
        """Move an item to the first shelf of `cabinet` with room (the menu's Move to)."""
        if self.layout_now is None:
            return False
        target = self.layout_now.cabinet(cabinet)
        shelf = next((n for n, row in enumerate(target.shelves, start=1)
                      if len(row) < target.width), 1)
        return self._write(lambda: room.place_items(self.catalogue, item_ids=[item_id],
                                                    cabinet=target.name, shelf=shelf),
                           f"Moved to '{target.name}'.")

    # --- right-click menus ---------------------------------------------------------------

    def _show_exhibit_menu(self, item_id: int, screen_pos: QPoint) -> None:
        self.menu = room_menus.exhibit_menu(self, item_id)
        self.menu.popup(screen_pos)

    def _show_storage_menu(self, screen_pos: QPoint) -> None:
        ids = self.drawer.selected_ids()
        if ids:
            self.menu = room_menus.storage_menu(self, ids)
            self.menu.popup(screen_pos)

    def _show_cabinet_menu(self, name: str, screen_pos: QPoint) -> None:
        self._on_cabinet_clicked(name)  # the menu acts on the cabinet it was opened on
        self.menu = room_menus.cabinet_menu(self, name)
        self.menu.popup(screen_pos)

    def ask_rename(self) -> None:
        questions.ask_rename(self)

    def ask_resize(self) -> None:
        questions.ask_resize(self)

    def ask_remove(self) -> None:
        questions.ask_remove(self)

    # --- visiting ------------------------------------------------------------------------

    def focus_item(self, item_id: int) -> None:
        """Spotlight an item, move the camera to it and show its card."""
        if item_id not in self.scene.exhibits:
            return
        self._spotlight(item_id)
        exhibit = self.scene.exhibits[item_id]
        self.card.show_record(exhibit.record)
        self._place_overlays()
        cabinet = exhibit.parentItem()
        if cabinet is not None and hasattr(cabinet, "name"):
            self._on_cabinet_clicked(cabinet.name)

    def _spotlight(self, item_id: int | None) -> None:
        self.spotlit = item_id
        self.scene.spotlight(item_id)
        if item_id is None and self.card.isVisible():
            self.card.hide()

    def show_item_of_the_day(self) -> int | None:
        item_id = item_of_the_day(self.catalogue, day=self._today())
        if item_id is None or item_id not in self.scene.exhibits:
            return None
        self.focus_item(item_id)
        cabinet = self.scene.exhibits[item_id].parentItem()
        if cabinet is not None:
            self.view.show_rect(self.scene.cabinet_rect(cabinet.name), animated=True)
        return item_id

    def fit_all(self) -> None:
        """The toolbar's Fit all: the whole room, and no walk to today's item after it (asked
        for while the room was still opening, the walk undid it: "Fit all did nothing")."""
        if self._walk_after_opening is not None:
            QObject.disconnect(self._walk_after_opening)  # False once it has walked: harmless
        self.view.fit_all(animated=True)

    def fit_cabinet(self) -> None:
        if self.current_cabinet in self.scene.cabinets:
            self.view.show_rect(self.scene.cabinet_rect(self.current_cabinet), animated=True)

    def _on_cabinet_clicked(self, name: str) -> None:
        self.current_cabinet = name
        self.scene.select_cabinet(name)

    def go_to_cabinet(self, name: str) -> None:
        """Choose the cabinet `name` and frame it (the Cabinet menu's Go to, a double-click)."""
        if name in self.scene.cabinets:
            self._on_cabinet_clicked(name)
            self.fit_cabinet()

    def set_tour_pace(self, step_ms: int) -> None:
        """How long the tour stays on each item: kept as a setting, and used at once."""
        room_toolbar.set_tour_pace_ms(step_ms)
        if self.tour is not None:
            self.tour.timer.setInterval(step_ms)

    def start_tour(self, *, full_screen: bool = True,
                   cabinet: str | None = None) -> TourWindow | None:
        """Walk through the whole room (from the spotlit item or the item of the day), or
        through one cabinet from its first item, at the chosen pace."""
        if self.layout_now is None or not self.layout_now.displayed_ids:
            self.show_message("Put some items on display to take the tour.")
            return None
        if cabinet is not None:
            ids = self.layout_now.cabinet(cabinet).item_ids
            if not ids:
                self.show_message(f"'{cabinet}' is empty; put some items in it first.")
                return None
            start = self.spotlit if self.spotlit in ids else ids[0]
        else:
            ids = self.layout_now.displayed_ids
            start = self.spotlit or item_of_the_day(self.catalogue, day=self._today())
        self.card.hide()
        self.tour = TourWindow(self.scene, ids, start=start,
                               step_ms=room_toolbar.tour_pace_ms())
        self.tour.finished.connect(self._on_tour_finished)
        self.tour.start(full_screen=full_screen)
        return self.tour

    def _on_tour_finished(self) -> None:
        self.tour = None
        self.scene.spotlight(self.spotlit)

    def export_poster(self, path: Path, *, cabinet: str | None = None,
                      width: int = DEFAULT_WIDTH) -> PosterExport | None:
        """Start saving the room (or one cabinet) as a PNG `width` pixels wide: drawn a band
        at a time, encoded and written off the UI thread. Returns the export (its `finished`
        says how it ended), or None when it cannot start (the reason is shown)."""
        try:
            check_width(width)
            export = PosterExport(self.scene, poster_source(self.scene, cabinet), width,
                                  Path(path), self)
        except MuseumError as error:
            self.show_message(str(error))
            return None
        export.finished.connect(lambda _saved, message: self.show_message(message))
        self.poster_export = export
        export.start()
        return export

    # --- level of detail -----------------------------------------------------------------

    def _request_photos(self) -> None:
        for exhibit in self.scene.exhibits.values():
            if exhibit.photo_id is not None:
                self.photos.request(exhibit, "grid")
        self._lod_timer.start()

    def _refresh_detail(self) -> None:
        """Paint ahead (in idle time) what the next zoom or pan will need; close up, swap in
        the large photos for the items on screen."""
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        self.scene.warm_around(visible, self.view.zoom * self.view.devicePixelRatioF())
        close = self.view.zoom >= PREVIEW_SCALE / 2
        self.photos.release_previews(self.scene.exhibits.values(), lambda exhibit: close and (
            visible.intersects(exhibit.mapRectToScene(exhibit.boundingRect()))))
        if not close:
            return
        for exhibit in self.scene.exhibits.values():
            if exhibit.photo_id is not None and \
                    visible.intersects(exhibit.mapRectToScene(exhibit.boundingRect())):
                self.photos.request(exhibit, "preview")

    # --- messages and overlays -----------------------------------------------------------

    def show_message(self, text: str, *, sticky: bool = False) -> None:
        self.last_message = text
        self.message_shown.emit(text)
        self.toast.setText(text)
        self.toast.adjustSize()
        self._place_overlays()
        self.toast.show()
        self._toast_timer.stop()
        if not sticky:
            self._toast_timer.start()

    def _keep_card_off_the_item(self) -> None:
        if self.card.isVisible():
            self.card.move(self._card_corner(self.view.rect().width()), 16)

    def _place_overlays(self) -> None:
        viewport = self.view.rect()
        self.card.move(self._card_corner(viewport.width()), 16)
        self.toast.move((viewport.width() - self.toast.width()) // 2,
                        viewport.height() - self.toast.height() - 20)

    def _card_corner(self, width: int) -> int:
        """The card's left edge: at the top right, unless the spotlit item is there (the card
        hid the very item it describes); then at the top left."""
        right = width - self.card.width() - 16
        if self.spotlit not in self.scene.exhibits:
            return right
        item = self.view.mapFromScene(self.scene.exhibit_rect(self.spotlit)).boundingRect()
        card = QRect(right, 16, self.card.width(), self.card.height())
        return 16 if card.intersects(item) else right

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlays()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._opened_on_item:
            self._opened_on_item = True
            self.view.fit_all()
            # The room fades in once its first view is painted, then walks to today's item.
            self._walk_after_opening = self.view.curtain.lifted.connect(
                self.show_item_of_the_day, Qt.ConnectionType.SingleShotConnection)
            self.view.curtain.lower()

