"""The tour: full screen, the camera walks from item to item and reads each plaque aloud, in
large letters. Arrow keys step, Space pauses, Escape leaves."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from museum.core.dates import format_partial_date
from museum.core.records import ItemRecord
from museum.gui.room.room_view import RoomView
from museum.gui.room.scene import RoomScene

STEP_MS = 7000
MOVE_MS = 1400


class TourWindow(QWidget):
    """Walks through `item_ids` (in order) on `scene`; `finished` fires when it is left."""

    finished = Signal()
    moved = Signal(int)  # the item the tour now shows

    def __init__(self, scene: RoomScene, item_ids: list[int], *, start: int | None = None,
                 step_ms: int = STEP_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Museum — tour")
        self.setStyleSheet("background: #0c0705;")
        self.scene = scene
        self.item_ids = [i for i in item_ids if i in scene.exhibits]
        self.index = self.item_ids.index(start) if start in self.item_ids else 0
        self.view = RoomView(scene, self)
        self.view.setDragMode(RoomView.DragMode.NoDrag)
        self.view.setInteractive(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet(
            "QLabel { color: #f6e7c1; background: rgba(20, 12, 6, 200); border-top: 2px solid"
            " #b08a45; padding: 18px 40px; font-family: serif; }")
        self.hint = QLabel("← → to step · Space to pause · Esc to leave", self)
        self.hint.setStyleSheet("color: rgba(246, 231, 193, 210); background: rgba(20, 12, 6,"
                                " 170); border-radius: 6px; padding: 6px 12px; font-size: 12px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.timer = QTimer(self)
        self.timer.setInterval(step_ms)
        self.timer.timeout.connect(self.advance)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @property
    def current_id(self) -> int | None:
        return self.item_ids[self.index] if self.item_ids else None

    @property
    def paused(self) -> bool:
        return not self.timer.isActive()

    def start(self, *, full_screen: bool = True) -> None:
        if full_screen:
            self.showFullScreen()
            self._pause_views_behind(True)
        else:
            self.show()
        self.activateWindow()
        self.setFocus()
        self.view.fit_all()
        self._go(self.index, animated=True)
        self.timer.start()

    def advance(self) -> None:
        self._step(1)

    def back(self) -> None:
        self._step(-1)

    def toggle_pause(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
        else:
            self.timer.start()
        self._place_overlays()

    def _step(self, delta: int) -> None:
        if not self.item_ids:
            return
        self.timer.start()  # a step by hand restarts the clock for the next one
        self._go((self.index + delta) % len(self.item_ids), animated=True)

    def _go(self, index: int, *, animated: bool) -> None:
        if not self.item_ids:
            self.caption.setText("Put some items on display to take the tour.")
            self._place_overlays()
            return
        self.index = index
        item_id = self.item_ids[index]
        self.scene.spotlight(item_id)
        focus = self.scene.exhibit_rect(item_id)
        # Frame the item with its neighbours on the shelf, a little above centre for the caption.
        # The caption covers the lowest fifth of the screen, so the frame reaches below the item.
        frame = QRectF(focus.center().x() - focus.width() * 3.5, focus.top() - focus.height() * .5,
                       focus.width() * 7, focus.height() * 2.4)
        self.view.show_rect(frame, animated=animated, duration=MOVE_MS)
        self.caption.setText(tour_caption(self.scene.exhibits[item_id].record, index,
                                          len(self.item_ids)))
        self._place_overlays()
        self.moved.emit(item_id)

    def _place_overlays(self) -> None:
        height = max(120, self.height() // 5)
        self.caption.setGeometry(0, self.height() - height, self.width(), height)
        self.caption.raise_()
        self.hint.setText(("Paused · " if self.paused and self.isVisible() else "") +
                          "← → to step · Space to pause · Esc to leave")
        self.hint.adjustSize()
        self.hint.move(self.width() - self.hint.width() - 10, 10)
        self.hint.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlays()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.advance()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.back()
        elif key == Qt.Key.Key_Space:
            self.toggle_pause()
        else:
            super().keyPressEvent(event)

    def _pause_views_behind(self, paused: bool) -> None:
        """The other views of the room are hidden behind a full-screen tour: they need not
        repaint each time a picture the tour's frames asked for is ready (half the work)."""
        for view in self.scene.views():
            if view is not self.view:
                view.setUpdatesEnabled(not paused)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._pause_views_behind(False)
        self.timer.stop()
        self.scene.spotlight(None)
        super().closeEvent(event)
        self.finished.emit()


def tour_caption(record: ItemRecord, index: int, total: int) -> str:
    """The plaque, large: title, then competition, stage and date, then the story."""
    when = format_partial_date(record.date) if record.date else (record.season or "")
    facts = " · ".join(p for p in (record.competition, record.stage, when) if p)
    match = f"{record.team} v {record.opponent}" if record.team and record.opponent else ""
    if match and record.score:
        match += f"  {record.score}"
    story = record.description or ""
    parts = [f"<div style='font-size: 30px; font-weight: bold'>{_esc(record.title)}</div>"]
    for line, size in ((facts, 19), (match, 17), (story, 15)):
        if line:
            parts.append(f"<div style='font-size: {size}px; margin-top: 6px'>{_esc(line)}</div>")
    parts.append(f"<div style='font-size: 12px; margin-top: 8px; color: #b08a45'>"
                 f"{index + 1} of {total}</div>")
    return "".join(parts)


def _esc(text: str) -> str:
    return html.escape(text)
