"""What the main window's commands do: menus, editors, delete and undo, drops, settings, counts.

Kept apart from main_window.py so that the window itself stays a short description of its parts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence

from museum.core import items, room
from museum.core.catalogue import Catalogue
from museum.core.errors import MuseumError
from museum.core.facets import facet_counts
from museum.gui import item_menu, photo_actions, safety_actions, window_room
from museum.gui.start_window import restore_window_geometry
from museum.gui.dialogs import standard_folder
from museum.gui.item_editor import ItemEditor
from museum.gui.photo_list import list_item_photos, photos_available
from museum.gui.photo_viewer import PhotoViewer
from museum.gui.progress import run_with_progress
from museum.gui.workers import run_task

if TYPE_CHECKING:
    from museum.gui.main_window import MainWindow

MAX_RECENT = 8


def build_menus(window: MainWindow) -> None:
    add = window.add_action
    add("&File", "&New catalogue…", lambda: choose_catalogue(window, new=True))
    add("&File", "&Open catalogue…", lambda: choose_catalogue(window, new=False),
        QKeySequence.StandardKey.Open, name="open")
    window.recent_menu = window.menus["&File"].addMenu("Open &recent")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    window.menus["&File"].addSeparator()
    add("&File", "&Back up now", lambda: back_up_now(window), "Ctrl+Shift+S", name="backup")
    add("&File", "Back up &to…", lambda: back_up_to(window), name="backup_to")
    add("&File", "Re&store from backup…", lambda: restore(window), name="restore")
    window.file_end = window.menus["&File"].addSeparator()
    add("&File", "&Quit", window.close, QKeySequence.StandardKey.Quit)
    add("&Edit", "&Undo", window.undo, QKeySequence.StandardKey.Undo, name="undo")
    window.menus["&Edit"].addSeparator()
    add("&Edit", "&New item…", window.new_item, QKeySequence.StandardKey.New, name="new")
    add("&Edit", "&Edit item…", window.edit_item,
        [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)], name="edit")
    add("&Edit", "&Delete", window.delete_selected, QKeySequence.StandardKey.Delete,
        name="delete")
    display = window.menus["&Edit"].addMenu("Put on &display")
    display.setObjectName("display_menu")
    display.aboutToShow.connect(lambda: item_menu.fill_edit_display_menu(window, display))
    window.actions_by_name["display"] = display.menuAction()
    add("&Edit", "&Find", window.focus_search, QKeySequence.StandardKey.Find, name="find")
    add("&View", "&Grid", lambda _on: window.set_view("grid"), "Ctrl+1", name="grid",
        checkable=True)
    add("&View", "&Table", lambda _on: window.set_view("table"), "Ctrl+2", name="table",
        checkable=True)
    add("&View", "T&rash", lambda: window.show_page("trash"), "Ctrl+3", name="trash")
    add("&View", "&Room", lambda _on: window.show_page("room"), "Ctrl+4", name="room",
        checkable=True)
    add("&View", "Room &tour", lambda: window_room.room_page(window).start_tour(), "F5",
        name="tour")
    window.menus["&View"].addSeparator()
    add("&View", "&Photos of the item",
        lambda: open_viewer(window, window.library.current_id(), None), "Space", name="viewer")
    add("&View", "&Sidebar", lambda on: window.sidebar.setVisible(on), "Ctrl+Shift+B",
        name="sidebar", checkable=True)
    add("&View", "&Details", lambda on: window.detail.setVisible(on), "Ctrl+Shift+D",
        name="detail", checkable=True)
    window.menus["&View"].addMenu(window.library.table.column_menu())
    add("&View", "&Full screen", window.toggle_full_screen, QKeySequence.StandardKey.FullScreen,
        name="fullscreen")
    window.actions_by_name["fullscreen"].setShortcuts(
        [QKeySequence(Qt.Key.Key_F11), QKeySequence.StandardKey.FullScreen])
    add("&Tools", "&Check catalogue…", lambda: open_check(window), name="check")
    add("&Help", "&Search syntax",
        lambda: window.dialogs.info(window, SEARCH_HELP, title="Searching"))
    add("&Help", "&About Museum",
        lambda: window.dialogs.info(window, about_text(), title="About Museum"))
    for name in ("edit", "delete", "viewer"):
        # Enter, Delete and Space belong to the search box and editors while they have focus.
        window.actions_by_name[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.pages.addAction(window.actions_by_name[name])


SEARCH_HELP = ("Type words to find items that contain all of them. Use \"quotes\" for a phrase, "
               "kind:medal, season:2023/24, year:2020..2024, tag:signed, competition:\"FA Cup\", "
               "team:, venue:, location:, and a minus sign to leave out: -kind:shirt.")
ABOUT = "Museum keeps your trophies, medals and memorabilia, with their photos and stories."


def about_text() -> str:
    """About's text, naming the version of the code that runs."""
    from museum import __version__

    return f"Museum {__version__}\n\n{ABOUT}"


def update_enabled(window: MainWindow) -> None:
    # Edit and Delete act on the collection's selection: not while another page hides it.
    on_library = window.pages.currentWidget() is window.library
    chosen = on_library and window.library.current_id() is not None
    writable = not window.catalogue.read_only
    for name in ("edit", "delete", "viewer", "display"):
        window.actions_by_name[name].setEnabled(chosen and (writable or name == "viewer"))
    window.actions_by_name["undo"].setEnabled(bool(window.undo_stack) and writable)
    window.actions_by_name["new"].setEnabled(writable)


# -- read-only catalogues --------------------------------------------------------------------------
def make_read_only(window: MainWindow) -> None:
    """A catalogue opened read-only: every way to write is switched off (the banner says why)."""
    for name in ("new", "edit", "delete", "undo", "display"):
        window.actions_by_name[name].setEnabled(False)
    for view in (window.library.grid, window.library.table):
        view.setAcceptDrops(False)
    for button in (window.trash.restore_button, window.trash.purge_button,
                   window.trash.empty_button):
        button.setVisible(False)  # the detail pane hides its Edit button itself
    if window.room is not None:
        window_room.make_room_read_only(window.room)


def refuse_if_read_only(window: MainWindow) -> bool:
    if window.catalogue.read_only:
        window.status.say("This catalogue is open read-only; nothing can be changed.")
    return window.catalogue.read_only


# -- safety ----------------------------------------------------------------------------------------
def back_up_now(window: MainWindow) -> None:
    """File → Back up now; the status bar then says how it went (not the last delete's Undo)."""
    window.status.say("Backing up…")
    result = safety_actions.back_up_now(window, window.catalogue)
    window.status.say(f"Backed up to {result.path.name}." if result is not None
                      else "The backup was not made.")


def back_up_to(window: MainWindow) -> None:
    """File → Back up to…: a backup in a file the person chooses (a USB stick, another disk)."""
    today = dt.date.today().isoformat()
    start = (standard_folder(QStandardPaths.StandardLocation.DocumentsLocation)
             / f"{window.catalogue.root.name} backup {today}.zip")
    path = window.dialogs.save_file(window, "Back up to", start, "Museum backups (*.zip)")
    if path is None:
        return
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    # The save dialog has asked before replacing a file; core still never writes into the
    # catalogue's own folder and says so.
    result = safety_actions.back_up_now(window, window.catalogue, destination=path,
                                        overwrite=True)
    window.status.say(f"Backed up to {result.path}." if result is not None
                      else "The backup was not made.")


def restore(window: MainWindow) -> MainWindow | None:
    """File → Restore: a backup into a new folder beside this catalogue, then open it here."""
    archive = window.dialogs.choose_backup(window, window.catalogue.backups_dir)
    if archive is None:
        return None
    window.status.say("Restoring the backup…")
    restored = safety_actions.restore_from_file(window, window.catalogue.root, archive=archive)
    if restored is None:
        window.status.say("The backup was not restored.")
        return None
    return switch_catalogue(window, restored)


def open_check(window: MainWindow) -> safety_actions.CheckDialog:
    window.check_dialog = safety_actions.CheckDialog(window.catalogue, window)
    window.check_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.check_dialog.show()
    return window.check_dialog


def open_catalogue(window: MainWindow | None, path: Path, dialogs, *,
                   create: bool = False) -> Catalogue | None:
    """Open a catalogue (`create`: make it if the folder is missing or empty), explaining a
    missing, locked or damaged one and offering the way on."""
    return safety_actions.open_catalogue_or_explain(
        window, Path(path), create=create,
        ask=lambda title, text, choices: dialogs.choose(window, title, text, choices),
        show_error=lambda text: dialogs.error(window, text))


def refresh_counts(window: MainWindow) -> None:
    """Totals in the sidebar and status bar now; facet counts from a worker when they are ready."""
    catalogue = window.catalogue
    total, in_trash = items.count_items(catalogue), items.count_items(catalogue, trash=True)
    shown = window.library.model.rowCount()
    window.sidebar.set_totals(items=total, trash=in_trash)
    counts = room.room_counts(catalogue)
    window.sidebar.set_room_totals(on_display=counts.on_display, in_storage=counts.in_storage)
    text = _items(total)
    if shown != total and window.current_page() == "room":
        text = window_room.match_note(window, shown, text)
    elif shown != total:
        text = f"{shown:,} of {text} shown"
    if in_trash:
        text += f"  ·  {in_trash:,} in the trash"
    window.status.set_counts(text)
    update_enabled(window)
    model = window.library.model
    window.facet_generation = getattr(window, "facet_generation", 0) + 1
    generation = window.facet_generation
    window._facet_task = run_task(
        lambda: facet_counts(catalogue, query=model.query, facets=model.facets),
        on_done=lambda counts: (generation == window.facet_generation
                                and window.sidebar.set_counts(counts)))


def _items(count: int) -> str:
    return f"{count:,} item" if count == 1 else f"{count:,} items"


# -- editing -------------------------------------------------------------------------------------
def open_editor(window: MainWindow, item_id: int | None, paths: list[Path]) -> ItemEditor | None:
    for editor in window.editors:
        if item_id is not None and editor.item_id == item_id and editor.isVisible():
            editor.raise_()
            editor.activateWindow()
            return editor
    try:
        editor = ItemEditor(window.catalogue, window.thumbnails, window.dialogs, item_id=item_id,
                            paths=paths, parent=window)
    except MuseumError as error:
        window.dialogs.error(window, str(error))
        return None
    editor.setWindowModality(Qt.WindowModality.NonModal)
    editor.saved.connect(lambda changes: _on_saved(window, editor, changes))
    editor.finished.connect(
        lambda _result: window.editors.remove(editor) if editor in window.editors else None)
    window.editors.append(editor)
    editor.show()
    return editor


def _on_saved(window: MainWindow, editor: ItemEditor, changes) -> None:
    window.on_changes(changes)
    if editor.item_id is not None:
        window.library.select_id(editor.item_id)
    window.status.say(f"Saved “{items.get_item(window.catalogue, editor.item_id).title}”.")


def delete_items(window: MainWindow, item_ids: list[int]) -> None:
    if not item_ids:
        return
    try:
        changes = items.trash_items(window.catalogue, item_ids)
    except MuseumError as error:
        window.dialogs.error(window, str(error))
        return
    window.undo_stack.append(("trash", item_ids))
    window.on_changes(changes)
    window.status.say(f"Moved {_items(len(item_ids))} to the trash.", undoable=True)


def forget_undo(window: MainWindow, changes) -> None:
    """Items restored or deleted for good in the trash can no longer be 'undeleted' by Undo."""
    window.undo_stack = [] if changes.reset else [
        (kind, ids) for kind, ids in window.undo_stack if not set(ids) & changes.item_ids]
    update_enabled(window)


def undo(window: MainWindow) -> None:
    if not window.undo_stack:
        return
    _kind, item_ids = window.undo_stack.pop()
    try:
        changes = items.restore_items(window.catalogue, item_ids)
    except MuseumError as error:
        window.dialogs.error(window, str(error))
        return
    window.on_changes(changes)
    window.library.select_id(item_ids[0])
    window.status.say(f"Brought back {_items(len(item_ids))}.", undoable=bool(window.undo_stack))


# -- photos --------------------------------------------------------------------------------------
def drop_files(window: MainWindow, item_id: int | None, paths: list[Path]) -> None:
    """Files dropped on a card become its photos; dropped elsewhere they start a new item."""
    if not photos_available():
        window.dialogs.error(window, "Photos cannot be added in this version of Museum.")
        return
    if item_id is None:
        window.new_item(paths)
        return
    window.drop_task = run_with_progress(
        window, f"Adding {len(paths)} photo{'s' if len(paths) != 1 else ''}…",
        photo_actions.import_files(window.catalogue, item_id, paths),
        on_done=lambda report: _on_dropped(window, report),
        on_error=lambda message: window.dialogs.error(window, message))


def _on_dropped(window: MainWindow, report) -> None:
    window.on_changes(report.changes)
    count = len(report.photo_ids)
    window.status.say(f"Added {count} photo{'s' if count != 1 else ''}.")
    problem = photo_actions.failure_text(report)
    if problem:
        window.dialogs.error(window, problem, title="Some photos were not added")


def open_viewer(
    window: MainWindow, item_id: int | None, photo_id: int | None,
) -> PhotoViewer | None:
    if item_id is None:
        return None
    photos = list_item_photos(window.catalogue, item_id)
    if not photos:
        window.status.say("This item has no photos yet; drop some on its card to add them.")
        return None
    record = items.get_item(window.catalogue, item_id)
    start = photo_id if photo_id is not None else (record.primary_photo_id or photos[0].id)
    window.viewer = PhotoViewer(window.thumbnails, photos, start, title=record.title, parent=window)
    window.viewer.show()
    return window.viewer


# -- catalogues and settings ---------------------------------------------------------------------
def choose_catalogue(window: MainWindow, *, new: bool) -> None:
    title = "Choose an empty folder for the new catalogue" if new else "Open a catalogue folder"
    folder = window.dialogs.choose_folder(window, title)
    if folder is not None:
        switch_catalogue(window, folder, create=new)


def switch_catalogue(window: MainWindow, path: Path, *, create: bool = False) -> MainWindow | None:
    """Open the catalogue at path in a new window and close this one (asking about unsaved
    edits); `create` makes it there if the folder is missing or empty."""
    from museum.gui.main_window import MainWindow as Window

    if Path(path).resolve() == window.catalogue.root:
        return window
    catalogue = open_catalogue(window, path, window.dialogs, create=create)
    if catalogue is None:
        return None
    if not window.close():
        catalogue.close()
        return None
    remember_recent(window, catalogue.root)
    other = Window(catalogue, dialogs=window.dialogs)
    other.auto_backup = window.auto_backup
    other.show()
    return other


def remember_recent(window: MainWindow, root: Path) -> None:
    recent = [str(root)] + [path for path in recent_catalogues(window) if path != str(root)]
    window.settings.setValue("recent", recent[:MAX_RECENT])


def recent_catalogues(window: MainWindow) -> list[str]:
    value = window.settings.value("recent", [])
    return [value] if isinstance(value, str) else list(value or [])


def fill_recent_menu(window: MainWindow) -> None:
    window.recent_menu.clear()
    paths = [path for path in recent_catalogues(window) if path != str(window.catalogue.root)]
    for path in paths:
        window.recent_menu.addAction(path, lambda path=path: switch_catalogue(window, Path(path)))
    if not paths:
        window.recent_menu.addAction("No other catalogues yet").setEnabled(False)


def save_settings(window: MainWindow) -> None:
    settings = window.settings
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", window.splitter.saveState())
    settings.setValue("view/mode", window.library.view_name())
    settings.setValue("view/columns", window.library.table.visible_columns())
    settings.setValue("view/header", window.library.table.horizontalHeader().saveState())
    settings.setValue("view/detail", window.actions_by_name["detail"].isChecked())
    settings.setValue("view/sidebar", window.actions_by_name["sidebar"].isChecked())
    remember_recent(window, window.catalogue.root)


def restore_settings(window: MainWindow) -> None:
    settings = window.settings
    restore_window_geometry(window, settings)
    if isinstance(settings.value("window/state"), QByteArray):
        window.restoreState(settings.value("window/state"))
    if isinstance(settings.value("window/splitter"), QByteArray):
        window.splitter.restoreState(settings.value("window/splitter"))
    if isinstance(settings.value("view/header"), QByteArray):
        window.library.table.horizontalHeader().restoreState(settings.value("view/header"))
    columns = settings.value("view/columns")
    if columns:
        window.library.table.set_visible_columns([columns] if isinstance(columns, str) else columns)
    for name in ("detail", "sidebar"):
        shown = settings.value(f"view/{name}", True) not in (False, "false")
        window.actions_by_name[name].setChecked(shown)
        (window.detail if name == "detail" else window.sidebar).setVisible(shown)
    window.set_view(str(settings.value("view/mode", "grid")))
    remember_recent(window, window.catalogue.root)
