"""Saving a poster from the room page without freezing it.

The scene can only be drawn on the UI thread, so the poster is drawn a band of rows per turn
of the event loop; encoding the PNG (seconds, for a large poster) and writing it happen on a
worker thread. A progress dialog shows how far it got and offers Cancel throughout; a
cancelled or failed poster leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog, QWidget

from museum.core.atomic import atomic_write_bytes
from museum.core.errors import MuseumError
from museum.gui.room.poster import blank_poster, png_bytes, poster_bands, render_band
from museum.gui.room.scene import RoomScene
from museum.gui.workers import Task, run_task


class PosterExport(QObject):
    """One poster being drawn and saved; `finished(saved, sentence)` says how it ended."""

    finished = Signal(bool, str)

    def __init__(self, scene: RoomScene, source: QRectF, width: int, path: Path,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.scene, self.source, self.path = scene, source, Path(path)
        self.image = blank_poster(source, width)
        self._bands = poster_bands(self.image)
        self._drawn = 0
        self._task: Task | None = None
        self.cancelled = False
        self.done = False
        self.dialog = QProgressDialog("Drawing the poster…", "Cancel", 0, len(self._bands) + 1,
                                      parent)
        self.dialog.setObjectName("poster-progress")
        self.dialog.setWindowTitle("Museum")
        # Modal: the room cannot be rearranged half-way through its own picture.
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)  # a small poster is done before a dialog shows
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._draw_band)

    @property
    def bands_drawn(self) -> int:
        return self._drawn

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        """Stop: nothing is written (an encoding under way is dropped when it returns)."""
        if self.done:
            return
        self.cancelled = True
        if self._task is not None:
            self._task.cancel()
        self._end(False, "The poster was not saved.")

    def _draw_band(self) -> None:
        top, bottom = self._bands[self._drawn]
        render_band(self.scene, self.source, self.image, top, bottom)
        self._drawn += 1
        self.dialog.setValue(self._drawn)
        if self._drawn < len(self._bands):
            return
        self._timer.stop()
        self.dialog.setLabelText(f"Saving {self.path.name}…")
        image, path = self.image, self.path
        self._task = run_task(lambda cancelled, progress: _save(image, path, cancelled),
                              on_progress=lambda _done, _total: None,
                              on_done=lambda _result: self._end(
                                  True, f"Saved the poster as {path}."),
                              on_error=lambda message: self._end(False, message))

    def _end(self, saved: bool, message: str) -> None:
        if self.done:
            return
        self.done = True
        self._timer.stop()
        self.dialog.reset()
        self.dialog.close()
        self.image = None  # tens of megabytes: let them go now
        self.finished.emit(saved, message)


def _save(image: QImage, path: Path, cancelled: Callable[[], bool]) -> None:
    """Encode and write the poster (on a worker thread), unless cancelled meanwhile."""
    data = png_bytes(image)
    if cancelled():
        return
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise MuseumError(f"The poster could not be saved in {path.parent}: "
                          f"{error.strerror or error}.") from error
