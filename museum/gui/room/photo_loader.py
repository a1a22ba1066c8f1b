"""Photos for the room: read through the core thumbnail cache on worker threads, newest request
first, kept as QPixmaps in a bounded cache on the UI thread."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QPixmap

from museum.core.catalogue import Catalogue
from museum.gui.workers import run_task

if TYPE_CHECKING:
    from museum.gui.room.exhibit_item import ExhibitItem

IN_FLIGHT = 2  # two workers nearly double throughput; more would starve the rest of the app
ROOM_GRID_PIXELS = 144
"""The small photo's longest side in the room. Below the zoom where the large photo takes over
(PREVIEW_SCALE / 2) an item's picture is at most some 190 scene units tall, drawn at 0.8
device pixels per unit or less (its sharpest cached level: 150 px). The grid's 320-px
thumbnail held 0.3 MB for each of a thousand items on display; this holds a fifth of that."""
CACHE_LIMITS = {"grid": 1200, "preview": 12}
"""Photos kept per size: a grid photo is some 0.3 MB, a large one 4 MB (48 of them were 200 MB)."""


def load_photo_image(catalogue: Catalogue, photo_id: int, size: str) -> QImage | None:
    """The photo's thumbnail of this size as a QImage (safe off the UI thread), or None."""
    try:
        from museum.core.photos import thumbnail_path
    except ImportError:  # the photo store is not part of this build yet
        return None
    path = thumbnail_path(catalogue, photo_id=photo_id, size=size)
    image = QImage(str(path))
    if image.isNull():
        return None
    if size == "grid" and max(image.width(), image.height()) > ROOM_GRID_PIXELS:
        # Every item on display holds one (a thousand of them): at the size the room draws it.
        image = image.scaled(ROOM_GRID_PIXELS, ROOM_GRID_PIXELS,
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


class PhotoLoader(QObject):
    """Gives exhibits their photos. request() is cheap; the latest requests are served first."""

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._cache: dict[str, OrderedDict[int, QPixmap]] = {s: OrderedDict()
                                                              for s in CACHE_LIMITS}
        self._waiting: dict[tuple[int, str], list[ExhibitItem]] = {}
        self._stack: list[tuple[int, str]] = []
        self._in_flight = 0
        self.generation = 0

    def request(self, exhibit: ExhibitItem, size: str) -> None:
        photo_id = exhibit.photo_id
        if photo_id is None or exhibit.photo_size == size or \
                (size == "grid" and exhibit.photo_size == "preview"):
            return
        cached = self._cache[size].get(photo_id)
        if cached is not None:
            self._cache[size].move_to_end(photo_id)
            exhibit.set_photo(cached, size)
            return
        key = (photo_id, size)
        if key in self._waiting:
            self._waiting[key].append(exhibit)
            if key not in self._stack:
                return  # already being read: the exhibit gets it when it arrives
            self._stack.remove(key)
        else:
            self._waiting[key] = [exhibit]
        self._stack.append(key)
        self._pump()

    def release_previews(self, exhibits: Iterable[ExhibitItem],
                         keep: Callable[[ExhibitItem], bool]) -> int:
        """Exhibits that `keep` lets go give back their large photo for their small one (when
        it is cached): each large one is 4 MB, and a walk along the walls left one held by
        every item it passed (290 MB). Their cached pictures stay as they are. Returns how
        many were released."""
        released = 0
        for exhibit in exhibits:
            if exhibit.photo_size != "preview" or exhibit.photo_id is None or keep(exhibit):
                continue
            small = self._cache["grid"].get(exhibit.photo_id)
            if small is not None:
                exhibit.adopt_photo(small, "grid")
                released += 1
        return released

    def forget_waiting(self) -> None:
        """Drop queued requests (the scene was rebuilt); photos already loaded stay cached."""
        self._waiting.clear()
        self._stack.clear()

    @property
    def busy(self) -> bool:
        return bool(self._stack) or self._in_flight > 0

    def _pump(self) -> None:
        while self._stack and self._in_flight < IN_FLIGHT:
            photo_id, size = self._stack.pop()
            self._in_flight += 1
            run_task(lambda p=photo_id, s=size, c=self.catalogue: (p, s, load_photo_image(c, p, s)),
                     on_done=self._on_loaded, on_error=self._on_failed)

    def _on_loaded(self, result: tuple[int, str, QImage | None]) -> None:
        self._in_flight -= 1
        photo_id, size, image = result
        exhibits = self._waiting.pop((photo_id, size), [])
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            cache = self._cache[size]
            cache[photo_id] = pixmap
            while len(cache) > CACHE_LIMITS[size]:
                cache.popitem(last=False)
            for exhibit in exhibits:
                # A small write rebuilds a cabinet without forgetting what its items asked for.
                if shiboken6.isValid(exhibit) and exhibit.scene() is not None:
                    exhibit.set_photo(pixmap, size)
        self._pump()

    def _on_failed(self, _message: str) -> None:
        # A photo that cannot be read leaves the drawn silhouette in its place.
        self._in_flight -= 1
        self._pump()
