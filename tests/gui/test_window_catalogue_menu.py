"""File → New catalogue… makes one; File → Open catalogue… never makes one unasked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from museum.gui.safety_actions import MAKE_NEW, open_catalogue_or_explain


def _choose_from_file_menu(window, qtbot, text: str) -> None:
    bar, menu = window.menuBar(), window.menus["&File"]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    action = next(action for action in menu.actions() if action.text() == text)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def _other_window(window):
    from museum.gui.main_window import MainWindow

    others = [widget for widget in QApplication.topLevelWidgets()
              if isinstance(widget, MainWindow) and widget is not window and widget.isVisible()]
    return others[0] if others else None


def _close(other) -> None:
    other.auto_backup = False
    other.close()
    other.deleteLater()


def test_file_open_on_a_folder_without_a_catalogue_asks_before_making_one(
        window, dialogs, qtbot, tmp_path):
    typo = tmp_path / "typo"
    dialogs.folder_choices.append(typo)
    dialogs.choice_answers.append(None)  # Cancel
    _choose_from_file_menu(window, qtbot, "&Open catalogue…")
    qtbot.waitUntil(lambda: bool(dialogs.questions))
    assert f"There is no Museum catalogue at {typo}" in dialogs.questions[0]
    assert not typo.exists() and _other_window(window) is None and window.isVisible()
    dialogs.folder_choices.append(typo)
    dialogs.choice_answers.append(MAKE_NEW)
    _choose_from_file_menu(window, qtbot, "&Open catalogue…")
    qtbot.waitUntil(lambda: _other_window(window) is not None)
    other = _other_window(window)
    try:
        assert other.catalogue.root == typo.resolve() and (typo / "museum.db").is_file()
    finally:
        _close(other)


def test_file_new_catalogue_makes_one_unasked_where_open_would_ask(window, dialogs, qtbot,
                                                                  tmp_path):
    dialogs.folder_choices.append(tmp_path / "mistyped")
    dialogs.choice_answers.append(None)
    _choose_from_file_menu(window, qtbot, "&Open catalogue…")
    qtbot.waitUntil(lambda: bool(dialogs.questions))
    assert not (tmp_path / "mistyped").exists()
    dialogs.folder_choices.append(tmp_path / "new museum")
    _choose_from_file_menu(window, qtbot, "&New catalogue…")
    qtbot.waitUntil(lambda: _other_window(window) is not None)
    other = _other_window(window)
    try:
        assert other.catalogue.root == (tmp_path / "new museum").resolve()
        assert len(dialogs.questions) == 1  # New asked nothing more
    finally:
        _close(other)


def test_the_app_makes_the_default_catalogue_but_asks_about_a_chosen_one(tmp_path):
    asked: list[str] = []
    missing = tmp_path / "chosen"
    assert open_catalogue_or_explain(
        None, missing, ask=lambda title, text, choices: asked.append(text)) is None
    assert asked and not missing.exists()
    first_run = open_catalogue_or_explain(None, tmp_path / "default", create=True,
                                          ask=lambda *_args: asked.append("again"))
    try:
        assert first_run is not None and len(asked) == 1
    finally:
        first_run.close()
