"""Drags begun and ended by the mouse, run in a child process on Qt's "minimal" platform (see
tests/gui/real_input.py for why): `python -m tests.gui.drag_child SCENARIO CATALOGUE ARGS...`
prints one line of JSON saying what the person would have seen.

The mouse presses on the storage row, moves past the drag distance (Qt's drag loop starts),
moves in steps onto a shelf, looks at what the room shows there, and releases. The moves and
the release are scheduled on a timer before the press, because the drag loop runs inside the
move that starts it.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from museum.core.catalogue import Catalogue
from museum.gui.room.room_page import RoomPage

LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def wait_for(condition, timeout_ms: int) -> bool:
    """Turn the event loop until `condition()` holds or `timeout_ms` pass."""
    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        if deadline.hasExpired():
            return False
        QTest.qWait(10)
    return True


def open_page(catalogue: Catalogue) -> RoomPage:
    """The room page, shown, once its opening walk to the item of the day is over."""
    page = RoomPage(catalogue, today=lambda: dt.date(2025, 6, 1))
    page.resize(1200, 800)
    lifted = []
    page.view.curtain.lifted.connect(lambda: lifted.append(True))
    page.show()
    QTest.qWaitForWindowExposed(page)
    if not wait_for(lambda: bool(lifted), 30_000):
        raise SystemExit("the room never faded in")
    wait_for(lambda: not page.view.animating, 5_000)
    page.card.hide()
    return page


def drag(page: RoomPage, start: QPoint, end: QPoint, look) -> dict:
    """Press at `start`, drag to `end` (both in the page's window) and release; `look()` is
    asked what it sees while the drag hovers over `end`."""
    window = page.window().windowHandle()
    seen: dict = {}

    def carry() -> None:
        seen["in_drag_loop"] = True
        for step in range(1, 9):
            QTest.mouseMove(window, start + (end - start) * (step / 8))
        QTest.mouseMove(window, end + QPoint(1, 0))
        QApplication.processEvents()
        seen.update(look())
        QTest.mouseRelease(window, LEFT, NO_KEYS, end + QPoint(1, 0))

    QTest.mousePress(window, LEFT, NO_KEYS, start)
    seen["selected"] = page.drawer.list.selectionModel().selectedIndexes() != []
    QTimer.singleShot(30, carry)
    distance = QApplication.startDragDistance()
    QTest.mouseMove(window, start + QPoint(distance // 2 + 1, 0))
    QTest.mouseMove(window, start + QPoint(distance * 2 + 4, 0))  # the drag loop runs here
    QTest.qWait(50)
    return seen


def answer_when_asked(button_text: str, seen: dict) -> QTimer:
    """Click `button_text` on the question the drop asks, once it is on screen (as a person
    would); the question runs its own loop, so this watches from a timer."""
    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        watcher.stop()
        seen["question"] = box.text()
        button = next(b for b in box.findChildren(QAbstractButton)
                      if b.text().replace("&", "") == button_text)
        QTest.mouseClick(button, LEFT, NO_KEYS, button.rect().center())

    watcher = QTimer(interval=20)
    watcher.timeout.connect(look)
    watcher.start()
    return watcher


def storage_to_shelf(page: RoomPage, item_id: int, cabinet: str, shelf: int,
                     answer: str = "") -> dict:
    """Drag the storage row of `item_id` onto the first place of `cabinet`'s `shelf`."""
    page.view.show_rect(page.scene.cabinet_rect(cabinet))
    rows = page.drawer.list
    row = rows.visualRect(page.drawer.model.index(page.drawer.model.ids.index(item_id), 0))
    start = rows.viewport().mapTo(page, row.center())
    item = page.scene.cabinets[cabinet]
    target = page.view.mapFromScene(item.mapToScene(item.geometry.slot_rect(shelf, 0).center()))
    end = page.view.viewport().mapTo(page, target)

    def look() -> dict:
        return {"marker_shown": page.scene.drop_marker_shown(),
                "full_shown": page.scene.full_target is not None,
                "hover_message": page.last_message}

    asked: dict = {}
    watcher = answer_when_asked(answer, asked) if answer else None
    seen = drag(page, start, end, look)
    if watcher is not None:
        wait_for(lambda: "question" in asked, 3_000)
        watcher.stop()
        seen["question"] = asked.get("question")
        QTest.qWait(50)
    seen["message"] = page.last_message
    return seen


def main(argv: list[str]) -> int:
    scenario, root, *args = argv
    app = QApplication([])
    with Catalogue.open(Path(root), create=True) as catalogue:
        page = open_page(catalogue)
        if scenario == "storage_to_shelf":
            seen = storage_to_shelf(page, int(args[0]), args[1], int(args[2]),
                                    args[3] if len(args) > 3 else "")
        else:
            raise SystemExit(f"unknown scenario {scenario}")
        page.close()
        app.processEvents()
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
