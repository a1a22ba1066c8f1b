"""The search box as a newcomer meets it: Escape, half-typed queries, "Did you mean …?"."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from museum.core import items
from tests.gui.real_input import click_card


def _focus_search(window, qtbot) -> None:
    window.library.grid.setFocus()
    qtbot.keyClick(window.library.grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_escape_clears_the_search(window, qtbot):
    library = window.library
    _focus_search(window, qtbot)
    qtbot.keyClicks(window.search, "lusail")
    qtbot.waitUntil(lambda: library.model.rowCount() == 2, timeout=3000)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    qtbot.waitUntil(lambda: library.model.rowCount() == 47, timeout=3000)


def test_a_half_typed_query_is_flagged_only_once_typing_pauses(window, qtbot):
    library = window.library
    _focus_search(window, qtbot)
    # A steady typist: each key a little after the search's own pause has run the query.
    qtbot.keyClicks(window.search, '"world', delay=250)
    assert not library.query_error.isVisible()
    qtbot.waitUntil(library.query_error.isVisible, timeout=3000)
    assert "quote" in library.query_error.text()
    qtbot.keyClick(window.search, Qt.Key.Key_QuoteDbl)
    qtbot.waitUntil(lambda: not library.query_error.isVisible(), timeout=3000)


def _click_suggestion(library, qtbot) -> None:
    label = library.suggestion
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(20, label.height() // 2))


def test_a_misspelt_word_gets_a_did_you_mean_that_searches_when_clicked(window, qtbot,
                                                                         demo_catalogue):
    library = window.library
    _focus_search(window, qtbot)
    qtbot.keyClicks(window.search, "wolrd cup")
    qtbot.waitUntil(lambda: library.model.rowCount() == 0, timeout=3000)
    qtbot.waitUntil(library.suggestion.isVisible, timeout=5000)
    assert "Did you mean world cup?" in library.suggestion.text()
    _click_suggestion(library, qtbot)
    assert window.search.text() == "world cup"
    expected = set(items.find_item_ids(demo_catalogue, query="world cup"))
    qtbot.waitUntil(lambda: set(library.model.ids()) == expected, timeout=3000)
    assert not library.suggestion.isVisible()


def test_a_plural_kind_is_flagged_with_the_kind_it_meant(window, qtbot, demo_catalogue):
    library = window.library
    click_card(library, library.model.ids()[0])  # Enter in the box searches; it opens no item
    _focus_search(window, qtbot)
    qtbot.keyClicks(window.search, "kind:medals")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert library.query_error.isVisible() and "not a kind" in library.query_error.text()
    assert not window.editors
    qtbot.waitUntil(library.suggestion.isVisible, timeout=5000)
    assert "Did you mean kind:medal?" in library.suggestion.text()
    _click_suggestion(library, qtbot)
    assert window.search.text() == "kind:medal"
    assert set(library.model.ids()) == set(items.find_item_ids(demo_catalogue,
                                                               query="kind:medal"))
    assert not library.query_error.isVisible()
