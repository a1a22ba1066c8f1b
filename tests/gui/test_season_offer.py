"""The item editor offers the season the date falls in, as the competition counts seasons."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt


def _new_editor(window, qtbot):
    window.library.grid.setFocus()
    qtbot.keyClick(window.library.grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def _type_into(qtbot, editor, field: str, text: str) -> None:
    widget = editor.form.editors[field]
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _click_offer(qtbot, form) -> None:
    label = form.season_offer
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(12, label.height() // 2))


def test_a_league_date_offers_its_season_and_a_click_fills_it_in(window, qtbot):
    editor = _new_editor(window, qtbot)
    form = editor.form
    _type_into(qtbot, editor, "date", "2022-05-28")
    _type_into(qtbot, editor, "competition", "Champions League")
    qtbot.waitUntil(form.season_offer.isVisible, timeout=3000)
    assert "Season 2021/22?" in form.season_offer.text()
    _click_offer(qtbot, form)
    assert form.editors["season"].text() == "2021/22"
    assert not form.season_offer.isVisible()
    editor._saved_state = editor._state()


def test_a_calendar_year_tournament_offers_the_year(window, qtbot):
    editor = _new_editor(window, qtbot)
    form = editor.form
    _type_into(qtbot, editor, "competition", "World Cup")
    _type_into(qtbot, editor, "date", "2022-12-18")
    qtbot.waitUntil(form.season_offer.isVisible, timeout=3000)
    assert "Season 2022?" in form.season_offer.text()
    _type_into(qtbot, editor, "season", "2022")  # typed by hand: the offer goes
    qtbot.waitUntil(lambda: not form.season_offer.isVisible(), timeout=3000)
    editor._saved_state = editor._state()
