"""The room's opening curtain.

When the room opens nothing is cached yet, and a frame that painted every cabinet it shows would
take a tenth of a second. So the first frame only finds out which pictures the view needs (with
no time to paint any: the room's caches queue them for idle time) and shows a dark room with one
line of text; the idle warmer paints those pictures a few milliseconds at a time; once every one
of them is ready the room fades in. The first frame the visitor sees is whole, and no frame on
the way takes long.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QRect, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFont, QPainter

from museum.gui.room import level_cache
from museum.gui.room.backdrop import DARK

POLL_MS = 16
MAX_WAIT_MS = 2500  # never a dark room for longer, whatever keeps the warmer busy
FADE_MS = 280


class OpeningCurtain(QObject):
    """Hides a view until the pictures its first frame needs are painted. The view calls
    look() from its paint event while the curtain is down, and paint_fade() over each frame."""

    lifted = Signal()  # the room has faded in

    def __init__(self, update: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._update = update  # repaints the view
        self.down = False
        self.needs: set[Hashable] = set()
        self._looked_at: Hashable = None  # the camera the needs were learnt for
        self.opacity = 0.0  # of the dark over the room while it fades in
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.lift_if_ready)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._deadline.timeout.connect(self.lift)
        self._fade: QVariantAnimation | None = None

    def lower(self) -> None:
        """Hide the view until its next frame's pictures are ready."""
        self.down, self.needs, self._looked_at, self.opacity = True, set(), None, 1.0
        self._poll.start()
        self._deadline.start()
        self._update()

    def look(self, camera: Hashable, paint_frame: Callable[[], None]) -> None:
        """Run the view's frame with no time to paint pictures, to learn which it needs; only
        once for each position of the camera (pictures arriving repaint the view, and it
        would look again each time)."""
        if camera == self._looked_at:
            return
        with level_cache.recording_needs() as needs:
            paint_frame()
        self.needs |= needs
        self._looked_at = camera
        level_cache.prioritise(needs)

    def paint_closed(self, painter: QPainter, rect: QRect) -> None:
        """The dark room shown meanwhile."""
        painter.fillRect(rect, DARK)
        font = QFont("DejaVu Serif")
        font.setPixelSize(18)
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(QColor(214, 186, 128, 150))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "Opening the room…")

    def paint_fade(self, painter: QPainter, rect: QRect) -> None:
        """The dark lifting off the room, over a frame (in viewport pixels)."""
        if self.opacity > 0.0:
            dark = QColor(DARK)
            dark.setAlphaF(self.opacity)
            painter.fillRect(rect, dark)

    def lift_if_ready(self) -> bool:
        """Lift the curtain if every picture the view needs is painted; True if it did."""
        if self.down and self._looked_at is not None and level_cache.all_cached(self.needs):
            self.lift()
            return True
        return False

    def lift(self) -> None:
        """Show the room: fade the dark away, then say so."""
        if not self.down:
            return
        self.down = False
        self._poll.stop()
        self._deadline.stop()
        fade = QVariantAnimation(self)
        fade.setStartValue(1.0)
        fade.setEndValue(0.0)
        fade.setDuration(FADE_MS)
        fade.valueChanged.connect(self._set_opacity)
        fade.finished.connect(self._faded)
        self._fade = fade
        fade.start()
        self._update()

    def _set_opacity(self, value: float) -> None:
        self.opacity = float(value)
        self._update()

    def _faded(self) -> None:
        self.opacity = 0.0
        self._fade = None
        self._update()
        self.lifted.emit()
