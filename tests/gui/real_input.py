"""Real mouse input for GUI tests: clicks sent to the window (as the platform sends them, so a
right-click also becomes a context-menu event), menus chosen by clicking their actions, and
drags through Qt's own drag loop.

The suite's "offscreen" platform has a drag that does nothing (QDrag.exec returns at once), so
a drag begun by the mouse never arrives anywhere. Drags therefore run in a child process on the
"minimal" platform, which has Qt's own drag loop fed by the window's mouse events: see
`run_drag` and tests/gui/drag_child.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
REPO = Path(__file__).resolve().parents[2]


def _window_point(widget: QWidget, pos: QPoint) -> tuple:
    top = widget.window()
    return top.windowHandle(), widget.mapTo(top, pos)


def click(widget: QWidget, pos: QPoint, button: Qt.MouseButton = LEFT) -> None:
    """A click at `pos` (widget coordinates) delivered through the widget's window."""
    window, point = _window_point(widget, pos)
    QTest.mouseClick(window, button, NO_KEYS, point)
    QApplication.processEvents()


def double_click(widget: QWidget, pos: QPoint) -> None:
    window, point = _window_point(widget, pos)
    QTest.mouseDClick(window, LEFT, NO_KEYS, point)
    QApplication.processEvents()


def right_click(widget: QWidget, pos: QPoint) -> None:
    """A right-click: press and release, which the platform turns into a context-menu event."""
    click(widget, pos, RIGHT)


def open_menu(qtbot) -> QMenu:
    """The popup menu a right-click just opened."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    return QApplication.activePopupWidget()


def find_action(menu: QMenu, text: str) -> QAction:
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no '{text}' in {[a.text() for a in menu.actions()]}")


def choose(qtbot, menu: QMenu, *path: str) -> None:
    """Click through `menu`: each name but the last opens a submenu (hovered, as by a person),
    the last is clicked at the centre of its place in the menu."""
    for depth, text in enumerate(path):
        action = find_action(menu, text)
        centre = menu.actionGeometry(action).center()
        if depth == len(path) - 1:
            QTest.mouseClick(menu, LEFT, NO_KEYS, centre)
            QApplication.processEvents()
            return
        QTest.mouseMove(menu, centre)
        QTest.mouseClick(menu, LEFT, NO_KEYS, centre)  # opens the submenu at once
        submenu = action.menu()
        qtbot.waitUntil(submenu.isVisible)
        menu = submenu


def run_drag(scenario: str, catalogue: Path, *args: str) -> dict:
    """Run a drag scenario of tests/gui/drag_child.py on `catalogue` (closed: the child opens
    it to write) and return what it reports."""
    env = {**os.environ, "QT_QPA_PLATFORM": "minimal", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "tests.gui.drag_child", scenario,
                           str(catalogue), *args], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def choose_from_button(qtbot, button, *path: str) -> None:
    """Click a tool button whose menu pops up at once, then click through that menu. The menu
    runs its own loop inside the click, so the choosing is scheduled before the click."""
    done: list[BaseException | None] = []

    def pick() -> None:
        menu = button.menu()
        if not menu.isVisible():
            QTimer.singleShot(10, pick)
            return
        try:
            choose(qtbot, menu, *path)
            done.append(None)
        except BaseException as error:  # noqa: BLE001 - raised again below, menus closed
            done.append(error)
            while isinstance(QApplication.activePopupWidget(), QMenu):
                QApplication.activePopupWidget().close()

    QTimer.singleShot(0, pick)
    click(button, button.rect().center())
    qtbot.waitUntil(lambda: bool(done))
    if done[0] is not None:
        raise done[0]


def card_centre(library, item_id: int) -> QPoint:
    """The centre of `item_id`'s card in the library grid (scrolled into view): where a person
    clicks it."""
    grid = library.grid
    index = grid.model().index_of(item_id)
    grid.scrollTo(index)
    return grid.visualRect(index).center()


def click_card(library, item_id: int) -> None:
    """Select `item_id` as a person does: a click at the centre of its card."""
    click(library.grid.viewport(), card_centre(library, item_id))


def choose_from_menu_bar(qtbot, window, title: str, *path: str) -> None:
    """Click `title` ("File", "Help") in the window's menu bar, then click through its menu."""
    bar = window.menuBar()
    heading = find_action(bar, title)  # a QMenuBar lists its menus as actions too
    click(bar, bar.actionGeometry(heading).center())
    menu = heading.menu()
    qtbot.waitUntil(menu.isVisible)
    choose(qtbot, menu, *path)
