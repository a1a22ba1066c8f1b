"""Pictures of slow-to-paint things kept at a few zoom levels, so a frame draws one pixmap
instead of dozens of gradients. Zoom levels are powers of two; a bounded LRU holds them all."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

MIN_BUCKET = 1 / 16
MAX_BUCKET = 2.0
BUDGET_BYTES = 160 * 1024 * 1024

_cache: OrderedDict[Hashable, QPixmap] = OrderedDict()
_bytes = 0


def bucket_for(scale: float, *, most: float = MAX_BUCKET) -> float:
    """The power of two at or above `scale` (device pixels per scene unit), within limits."""
    bucket = MIN_BUCKET
    while bucket < scale and bucket < most:
        bucket *= 2
    return bucket


def cached_picture(key: Hashable, rect: QRectF, bucket: float,
                   paint: Callable[[QPainter], None], *, opaque: bool = False) -> QPixmap:
    """The picture `paint` draws of `rect` (scene units) at `bucket` pixels per unit."""
    global _bytes
    full_key = (key, bucket)
    pixmap = _cache.get(full_key)
    if pixmap is not None:
        _cache.move_to_end(full_key)
        return pixmap
    pixmap = QPixmap(max(1, round(rect.width() * bucket)), max(1, round(rect.height() * bucket)))
    # An opaque pixmap has no alpha channel, and Qt draws those several times faster.
    pixmap.fill(Qt.GlobalColor.black if opaque else Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing |
                           QPainter.RenderHint.SmoothPixmapTransform |
                           QPainter.RenderHint.TextAntialiasing)
    painter.scale(pixmap.width() / rect.width(), pixmap.height() / rect.height())
    painter.translate(-rect.topLeft())
    paint(painter)
    painter.end()
    _cache[full_key] = pixmap
    _bytes += _size(pixmap)
    while _bytes > BUDGET_BYTES and len(_cache) > 1:
        _, old = _cache.popitem(last=False)
        _bytes -= _size(old)
    return pixmap


def forget(key: Hashable) -> None:
    """Drop every zoom level of the picture `key` (its owner changed or went away)."""
    global _bytes
    for full_key in [k for k in _cache if k[0] == key]:
        _bytes -= _size(_cache.pop(full_key))


def forget_all(owner: Hashable) -> None:
    """Drop every picture whose key is (owner, anything)."""
    global _bytes
    for full_key in [k for k in _cache if k[0][0] == owner]:
        _bytes -= _size(_cache.pop(full_key))


def clear() -> None:
    global _bytes
    _cache.clear()
    _bytes = 0


def _size(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4
