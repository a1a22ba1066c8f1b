"""Thumbnails for the views, without ever waiting on disk or Pillow on the UI thread.

Workers ask core for the thumbnail file (building it if missing) and read it into a QImage; the
UI thread turns that into a QPixmap and keeps the most recently used ones in a bounded cache.
Requests are served last-in first-out, so after fast scrolling what is on screen loads first.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from museum.core.catalogue import Catalogue
from museum.gui.workers import run_task

MAX_IN_FLIGHT = 2  # Pillow releases the GIL; two workers nearly double throughput on 2 cores
MAX_PENDING = 300  # older requests are for cards long scrolled past


def read_thumbnail(catalogue: Catalogue, photo_id: int, size: str) -> QImage:
    """In a worker: the thumbnail of a photo as a QImage (core builds the file if missing)."""
    from museum.core.photos import thumbnail_path

    path = thumbnail_path(catalogue, photo_id=photo_id, size=size)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise OSError(f"Cannot read the thumbnail of photo {photo_id}.")
    return image


class ThumbnailLoader(QObject):
    """Hands out cached pixmaps and loads missing ones in the background (LIFO)."""

    loaded = Signal(int, str)  # photo_id, size

    def __init__(
        self, catalogue: Catalogue, *, capacity: int = 600, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.capacity = capacity
        self._cache: OrderedDict[tuple[int, str], QPixmap] = OrderedDict()
        self._pending: OrderedDict[tuple[int, str], None] = OrderedDict()
        self._in_flight: set[tuple[int, str]] = set()
        self._failed: set[tuple[int, str]] = set()
        self._tasks: list = []
        self._closed = False

    def pixmap(self, photo_id: int, size: str = "grid") -> QPixmap | None:
        """The pixmap if it is ready; otherwise None, and it is asked for (newest asks first)."""
        key = (photo_id, size)
        pixmap = self._cache.get(key)
        if pixmap is not None:
            self._cache.move_to_end(key)
            return pixmap
        if key not in self._in_flight and key not in self._failed:
            self._pending.pop(key, None)
            self._pending[key] = None
            while len(self._pending) > MAX_PENDING:
                self._pending.popitem(last=False)
            self._start_next()
        return None

    def forget(self, photo_ids: set[int] | frozenset[int]) -> None:
        """Drop cached pixmaps of photos that changed or went away."""
        for key in [key for key in self._cache if key[0] in photo_ids]:
            del self._cache[key]
        self._failed = {key for key in self._failed if key[0] not in photo_ids}

    def put(self, photo_id: int, size: str, image: QImage) -> None:
        """Cache an image as a pixmap (UI thread); used by workers' results and by benchmarks."""
        self._cache[(photo_id, size)] = QPixmap.fromImage(image)
        self._cache.move_to_end((photo_id, size))
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)

    def shutdown(self) -> None:
        """Stop asking for thumbnails (the window is closing); results still on their way are
        dropped."""
        self._closed = True
        self._pending.clear()

    def idle(self) -> bool:
        return not self._pending and not self._in_flight

    def _start_next(self) -> None:
        while self._pending and len(self._in_flight) < MAX_IN_FLIGHT and not self._closed:
            key, _ = self._pending.popitem(last=True)
            self._in_flight.add(key)
            photo_id, size = key
            self._tasks.append(run_task(
                lambda photo_id=photo_id, size=size: read_thumbnail(self.catalogue, photo_id, size),
                on_done=lambda image, key=key: self._on_loaded(key, image),
                on_error=lambda _message, key=key: self._on_failed(key),
            ))

    def _on_loaded(self, key: tuple[int, str], image: QImage) -> None:
        self._in_flight.discard(key)
        if self._closed:
            return
        self._prune_tasks()
        self.put(key[0], key[1], image)
        self.loaded.emit(key[0], key[1])
        self._start_next()

    def _on_failed(self, key: tuple[int, str]) -> None:
        # A missing or unreadable file keeps its placeholder; `check` reports the cause.
        self._in_flight.discard(key)
        self._failed.add(key)
        self._prune_tasks()
        self._start_next()

    def _prune_tasks(self) -> None:
        # Keep Task objects (and their signal QObjects) alive until they have reported.
        self._tasks = self._tasks[-(MAX_IN_FLIGHT * 4):]
