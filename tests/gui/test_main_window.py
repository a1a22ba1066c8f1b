from __future__ import annotations

from PySide6.QtCore import Qt

from museum.core import items
from museum.gui import window_actions
from museum.gui.item_model import IdRole


def test_main_window_opens_on_a_catalogue_and_counts_its_items(window, demo_catalogue):
    assert demo_catalogue.root.name in window.windowTitle()
    assert window.status.counts.text() == "47 items"
    assert window.library.model.rowCount() == 47
    assert window.sidebar.topLevelItem(0).text(1) == "47"


def test_grid_and_table_switch_over_one_model_and_keep_the_selection(window, qtbot):
    library = window.library
    assert library.view_name() == "grid"
    first = library.model.ids()[3]
    library.select_id(first)
    window.actions_by_name["table"].trigger()
    assert library.current_view() is library.table
    assert library.table.model() is library.grid.model()
    assert library.current_id() == first
    assert window.detail.record.id == first
    window.actions_by_name["grid"].trigger()
    assert library.view_name() == "grid" and library.current_id() == first


def test_table_sorts_by_a_clicked_column(window):
    table = window.library.table
    window.set_view("table")
    title_column = 0
    table.sortByColumn(title_column, Qt.SortOrder.AscendingOrder)
    titles = [window.library.model.index(row, 0).data()
              for row in range(window.library.model.rowCount())]
    assert titles == sorted(titles, key=str.lower)
    table.sortByColumn(title_column, Qt.SortOrder.DescendingOrder)
    assert window.library.model.index(0, 0).data() == titles[-1]


def test_search_is_debounced_then_narrows_and_a_bad_query_says_why(window, qtbot, demo_catalogue):
    library = window.library
    qtbot.keyClicks(window.search, "lusail")
    assert library.model.rowCount() == 47  # not yet: the search waits for typing to pause
    qtbot.waitUntil(lambda: library.model.rowCount() == 2, timeout=2000)
    expected = set(items.find_item_ids(demo_catalogue, query="lusail"))
    assert set(library.model.ids()) == expected
    assert "2 of 47 items shown" in window.status.counts.text()
    window.search.setText('"world cup')
    qtbot.waitUntil(library.query_error.isVisible, timeout=2000)
    assert "quote" in library.query_error.text()
    assert library.model.rowCount() == 2  # the last good results stay
    window.search.clear()
    qtbot.waitUntil(lambda: library.model.rowCount() == 47, timeout=2000)
    assert not library.query_error.isVisible()


def test_facets_combine_with_the_search(window, qtbot, demo_catalogue):
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: sidebar._sections["kind"].childCount() > 0, timeout=3000)
    sidebar.choose("kind", "medal")
    medal_ids = set(items.find_item_ids(demo_catalogue, query="kind:medal"))
    assert set(window.library.model.ids()) == medal_ids
    window.search.setText("world")
    window.library.apply_search()
    assert set(window.library.model.ids()) == set(
        items.find_item_ids(demo_catalogue, query="kind:medal world"))
    # Counts follow: the team facet now counts the world medals only.
    teams = {items.get_item(demo_catalogue, item_id).team for item_id in window.library.model.ids()}
    section = sidebar._sections["team"]
    qtbot.waitUntil(lambda: {section.child(row).text(0)
                             for row in range(section.childCount())} == teams,
                    timeout=3000)
    sidebar.choose("kind", None)
    assert set(window.library.model.ids()) == set(
        items.find_item_ids(demo_catalogue, query="world"))


def test_delete_moves_to_the_trash_and_ctrl_z_brings_it_back(window, qtbot, demo_catalogue):
    library = window.library
    victim = library.model.ids()[0]
    library.select_id(victim)
    library.grid.setFocus()
    qtbot.keyClick(library.grid, Qt.Key.Key_Delete)
    assert victim not in library.model.ids()
    assert items.get_item(demo_catalogue, victim).in_trash
    assert window.status.undo_button.isVisibleTo(window)
    assert ("46 items" in window.status.counts.text()
            and "1 in the trash" in window.status.counts.text())
    qtbot.keyClick(library.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert victim in library.model.ids()
    assert not items.get_item(demo_catalogue, victim).in_trash
    assert library.current_id() == victim


def test_trash_view_restores_and_purges(window, qtbot, dialogs, demo_catalogue):
    ids = window.library.model.ids()[:2]
    window_actions.delete_items(window, ids)
    window.sidebar.show_trash(True)
    trash = window.trash
    assert window.current_page() == "trash" and trash.model.rowCount() == 2
    trash.table.selectRow(trash.model.row_of(ids[0]))
    trash.restore_button.click()
    assert not items.get_item(demo_catalogue, ids[0]).in_trash
    assert ids[0] in window.library.model.ids()
    trash.table.selectRow(0)
    dialogs.confirm_answers.append(True)
    trash.purge_button.click()
    assert trash.model.rowCount() == 0
    assert items.count_items(demo_catalogue) == 46


def test_settings_remember_the_view_and_columns(qtbot, demo_catalogue, dialogs):
    from museum.gui.main_window import MainWindow

    first = MainWindow(demo_catalogue, dialogs=dialogs)
    qtbot.addWidget(first)
    first.set_view("table")
    first.library.table.set_visible_columns(["title", "venue"])
    first.close()
    second = MainWindow(demo_catalogue, dialogs=dialogs)
    qtbot.addWidget(second)
    assert second.library.view_name() == "table"
    assert second.library.table.visible_columns() == ["title", "venue"]
    assert str(demo_catalogue.root) in second.settings.value("recent")


def test_enter_opens_the_editor_of_the_current_item(window, qtbot):
    library = window.library
    target = library.model.ids()[1]
    library.select_id(target)
    library.grid.setFocus()
    qtbot.keyClick(library.grid, Qt.Key.Key_Return)
    assert [editor.item_id for editor in window.editors] == [target]
    window.editors[0].close()


def test_ids_come_from_the_model_role(window):
    index = window.library.model.index(0, 0)
    assert index.data(IdRole) == window.library.model.ids()[0]
