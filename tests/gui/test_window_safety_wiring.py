"""The safety pieces in the main window's menus: back up, restore, check, backup on close,
read-only mode, and opening a damaged catalogue."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from museum.core import items
from museum.core.auto_backup import list_backups
from museum.core.backup import create_backup
from museum.core.catalogue import Catalogue


def _other_windows(window) -> list:
    from museum.gui.main_window import MainWindow

    return [widget for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget is not window and widget.isVisible()]


def _close(other) -> None:
    other.close()
    other.catalogue.close()
    other.deleteLater()


def test_file_back_up_now_writes_a_backup_and_says_where(window, demo_catalogue):
    window.actions_by_name["backup"].trigger()
    backups = list_backups(demo_catalogue.backups_dir)
    assert len(backups) == 1
    box = window.findChild(QMessageBox)
    assert box is not None and str(backups[0]) in box.text()
    box.close()


def test_file_restore_restores_into_a_new_folder_and_opens_it(window, dialogs, demo_catalogue):
    archive = create_backup(demo_catalogue).path
    dialogs.backup_choices.append(None)  # Cancel: nothing happens
    window.actions_by_name["restore"].trigger()
    assert window.isVisible() and not _other_windows(window)
    dialogs.backup_choices.append(archive)
    window.actions_by_name["restore"].trigger()
    [other] = _other_windows(window)
    try:
        assert other.catalogue.root != demo_catalogue.root
        assert (other.catalogue.root.parent == demo_catalogue.root.parent
                and "restored" in other.catalogue.root.name)
        assert other.library.model.rowCount() == 47 and not window.isVisible()
    finally:
        _close(other)


def test_tools_check_catalogue_runs_the_check_in_a_dialog(window, qtbot):
    window.actions_by_name["check"].trigger()
    dialog = window.check_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.ok and dialog.status.text().startswith("All is well")
    dialog.close()


def test_closing_backs_up_once_the_unsaved_questions_say_yes(
    window, qtbot, dialogs, demo_catalogue,
):
    window.auto_backup = True
    window.library.select_id(window.library.model.ids()[0])
    window.delete_selected()  # this session changed the catalogue
    window.actions_by_name["new"].trigger()
    editor = window.editors[-1]
    qtbot.keyClicks(editor.form.editors["title"], "Half typed")
    dialogs.unsaved_answers.append("cancel")
    assert not window.close()
    assert list_backups(demo_catalogue.backups_dir) == []  # not closing: no backup yet
    dialogs.unsaved_answers.append("discard")
    assert window.close()
    assert len(list_backups(demo_catalogue.backups_dir)) == 1


@pytest.fixture
def read_only_window(qtbot, demo_catalogue, dialogs):
    from museum.gui.main_window import MainWindow

    root = demo_catalogue.root
    demo_catalogue.close()
    catalogue = Catalogue.open(root, read_only=True)
    main = MainWindow(catalogue, dialogs=dialogs)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    catalogue.close()
    main.deleteLater()


def test_a_read_only_catalogue_shows_why_and_offers_no_way_to_write(read_only_window, qtbot):
    window = read_only_window
    assert window.banner is not None and window.banner.isVisible()
    assert "Read-only" in window.banner.text() and "as asked" in window.banner.text()
    window.library.select_id(window.library.model.ids()[0])
    for name in ("new", "edit", "delete", "undo"):
        assert not window.actions_by_name[name].isEnabled(), name
    assert window.actions_by_name["viewer"].isEnabled()
    window.edit_item(window.library.current_id())
    window.new_item()
    assert window.editors == [] and "read-only" in window.status.note.text()
    assert not window.library.grid.acceptDrops() and not window.library.table.acceptDrops()
    assert window.detail.edit_button.isHidden() and window.trash.empty_button.isHidden()
    window.show_page("room")
    page = window.room
    disabled = {button.text() for button in page.toolbar.findChildren(QToolButton)
                if not button.isEnabled()}
    assert {"Auto-arrange", "Cabinet"} <= disabled
    assert not page.view.viewport().acceptDrops() and not page.drawer.list.acceptDrops()
    shown = next(iter(page.scene.exhibits))
    page.item_opened.emit(shown)  # opening from the room shows it, without an editor
    assert window.library.current_id() == shown and window.editors == []


def test_opening_a_damaged_catalogue_offers_its_newest_backup(window, dialogs, tmp_path):
    root = tmp_path / "other"
    with Catalogue.open(root, create=True) as other:
        items.add_item(other, fields={"title": "Golden boot", "kind": "trophy"})
        create_backup(other)
    (root / "museum.db").write_bytes(b"\x00" * 8192)
    dialogs.folder_choices.append(root)
    dialogs.choice_answers.append("Restore backup")
    window.actions_by_name["open"].trigger()
    assert "newest good backup" in dialogs.questions[0]
    [opened] = _other_windows(window)
    try:
        assert opened.catalogue.root != root and opened.library.model.rowCount() == 1
        assert (root / "museum.db").read_bytes() == b"\x00" * 8192  # the damaged file is left alone
    finally:
        _close(opened)


def test_switching_catalogues_gives_back_the_old_catalogues_lock(window, tmp_path):
    from museum.core import lock
    from museum.gui.window_actions import switch_catalogue

    old_root = window.catalogue.root
    other = switch_catalogue(window, tmp_path / "another", create=True)
    try:
        assert other is not None and other.catalogue.root == (tmp_path / "another").resolve()
        assert not lock.holds(old_root)
    finally:
        if other is not None:
            other.auto_backup = False
            other.close()
