"""Pictures at exactly the size they take on screen, for the frames of a camera at rest.

A cached zoom level is a little larger than the screen needs (up to 1.41 times), and scaling it
smoothly during a frame costs 15-25 ms over a full view. Once the camera stops, each picture is
instead scaled down once, in idle time, a few per tick, to exactly its size on screen; a frame
then copies it pixel for pixel, with no filtering at all, and looks as crisp as a smooth frame.
Until its exact copy is ready a picture is drawn nearest-pixel, as while the camera moves; the
view is repainted once every copy it asked for is made.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from museum.gui.room.idle_work import IdleWork

BUDGET_BYTES = 24 * 1024 * 1024  # a full view at rest copies some 10-20 MB of pictures
MAX_PENDING = 512  # queued copies hold their source pictures: the oldest are dropped
RECENT_S = 1.0  # a copy drawn this recently is on screen: never evicted for another
SCALE_BUDGET_MS = 2.5

settled = False
"""Set by the view for the frame it paints: the camera is at rest, exact pictures are wanted."""


@dataclass
class _Copy:
    source: int  # cacheKey() of the picture it was scaled from
    pixmap: QPixmap
    used: float  # time.monotonic() it was last drawn


@dataclass
class _Job:
    source: QPixmap
    width: int
    height: int


_copies: OrderedDict[Hashable, _Copy] = OrderedDict()
_pending: OrderedDict[Hashable, _Job] = OrderedDict()
_ready: list[Callable[[], None]] = []  # views to repaint once the last copy is made
_bytes = 0
_made_since_repaint = False
_idle = IdleWork(lambda: scale_some(), lambda: bool(_pending))


def device_rect(painter: QPainter, rect: QRectF) -> QRectF | None:
    """`rect` (the painter's coordinates) in device pixels, or None when the painter rotates
    or shears (no picture can then be copied pixel for pixel)."""
    transform = painter.worldTransform()
    # Read from the matrix, not transform.type(): making that enum value in Python once took
    # 60 ms in the middle of a frame.
    if transform.m12() or transform.m21() or transform.m13() or transform.m23():
        return None
    ratio = painter.device().devicePixelRatioF()
    mapped = transform.mapRect(rect)
    return QRectF(mapped.left() * ratio, mapped.top() * ratio, mapped.width() * ratio,
                  mapped.height() * ratio)


def draw(painter: QPainter, key: Hashable, target: QRectF, picture: QPixmap,
         source: QRectF) -> None:
    """Draw `source` (pixels of `picture`) into `target` (the painter's coordinates): copied
    pixel for pixel from its exact-size copy when the camera is at rest and that copy is ready,
    else scaled nearest-pixel (the exact copy is then queued)."""
    device = device_rect(painter, target) if settled else None
    if device is None or device.width() < 1 or device.height() < 1:
        painter.drawPixmap(target, picture, source)
        return
    scale_x = device.width() / source.width()
    scale_y = device.height() / source.height()
    width = max(1, round(picture.width() * scale_x))
    height = max(1, round(picture.height() * scale_y))
    if width == picture.width() and height == picture.height():
        copy: QPixmap | None = picture  # already its size on screen
    else:
        copy = exact(key, picture, width, height)
    if copy is None:
        smooth = painter.testRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawPixmap(target, picture, source)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        return
    left, top = round(device.left()), round(device.top())
    right, bottom = round(device.right()), round(device.bottom())
    width, height = right - left, bottom - top
    # Below 1:1 a tile's one-pixel margin shrinks under a pixel, and the rounded rectangle can
    # reach a column or row past the copy's edge, which drawPixmap leaves unpainted: a 1-px
    # white line between two tiles. Slide it back inside the copy (a sub-pixel shift).
    from_rect = QRect(max(0, min(round(source.left() * scale_x), copy.width() - width)),
                      max(0, min(round(source.top() * scale_y), copy.height() - height)),
                      width, height)
    ratio = painter.device().devicePixelRatioF()
    painter.save()
    painter.resetTransform()
    if ratio != 1.0:
        painter.scale(1 / ratio, 1 / ratio)
    # Pixel-aligned, so nothing to smooth or antialias: the hints would only slow the copy.
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if from_rect == from_rect & copy.rect():
        painter.drawPixmap(QPoint(left, top), copy, from_rect)
    else:  # a pixel wider than the copy itself: stretch it that pixel rather than leave a gap
        painter.drawPixmap(QRect(left, top, width, height), copy, from_rect & copy.rect())
    painter.restore()


def exact(key: Hashable, picture: QPixmap, width: int, height: int) -> QPixmap | None:
    """`picture` scaled smoothly to width × height pixels if that copy is ready, else None
    (it is then made in idle time)."""
    # Keyed by size too: two views of the room at different zooms (the tour, and the page
    # behind it) each keep their own copy instead of replacing each other's, each replacement
    # repainting both views, for ever.
    sized = (key, width, height)
    copy = _copies.get(sized)
    if copy is not None and copy.source == picture.cacheKey():
        _copies.move_to_end(sized)
        copy.used = time.monotonic()
        return copy.pixmap
    if width * height * 4 > BUDGET_BYTES // 8:
        return None
    _pending.pop(sized, None)
    _pending[sized] = _Job(picture, width, height)
    while len(_pending) > MAX_PENDING:
        _pending.popitem(last=False)  # asked for by a frame long gone
    _idle.wake()
    return None


def repaint_when_made(repaint: Callable[[], None]) -> None:
    """Call `repaint` (a view's) once every exact copy queued by now or later is made."""
    if repaint not in _ready:
        _ready.append(repaint)


def pending() -> int:
    return len(_pending)


def copies() -> int:
    return len(_copies)


def scale_some(budget_ms: float = SCALE_BUDGET_MS) -> int:
    """Make queued exact copies for up to `budget_ms` (at least one try); returns how many."""
    global _bytes, _made_since_repaint
    started = time.perf_counter()
    made = tried = 0
    while _pending and (not tried or (time.perf_counter() - started) * 1000 < budget_ms):
        key, job = _pending.popitem(last=True)
        tried += 1
        old = _copies.pop(key, None)
        if old is not None:
            _bytes -= _size(old.pixmap)
        if not _make_room(job.width * job.height * 4):
            continue  # the views on screen use every copy held: this one stays nearest-pixel
        pixmap = job.source.scaled(job.width, job.height,
                                   Qt.AspectRatioMode.IgnoreAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        _copies[key] = _Copy(job.source.cacheKey(), pixmap, time.monotonic())
        _bytes += _size(pixmap)
        made += 1
        _made_since_repaint = True
    if not _pending:
        # Every copy the views asked for is made: each repaints once, whole, to show them all.
        # Repainting after each tick, or each picture's own area, redrew most of the view
        # several times over (through a clip of dozens of rectangles) for copies spread across it.
        # When none could be made (no room), a repaint would only ask for them again, for ever.
        ready = list(_ready) if _made_since_repaint else []
        _ready.clear()
        _made_since_repaint = False
        for repaint in ready:
            try:
                repaint()
            except RuntimeError:  # the view was closed meanwhile
                pass
    return made


def _make_room(size: int) -> bool:
    """Evict copies not drawn in the last RECENT_S, oldest first, until `size` bytes fit;
    False if they cannot (two views at rest that want more than the budget would otherwise
    evict each other's copies and repaint each other for ever)."""
    global _bytes
    recent = time.monotonic() - RECENT_S
    for key in [k for k, copy in _copies.items() if copy.used < recent]:
        if _bytes + size <= BUDGET_BYTES:
            break
        _bytes -= _size(_copies.pop(key).pixmap)
    return _bytes + size <= BUDGET_BYTES


def clear() -> None:
    global _bytes
    _copies.clear()
    _pending.clear()
    _ready.clear()
    _bytes = 0


def held_bytes() -> int:
    """The bytes of every picture held now (never more than BUDGET_BYTES)."""
    return _bytes


def _size(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4
