"""Pictures of slow-to-paint things kept at a few zoom levels, so a frame draws one pixmap
instead of dozens of gradients and lines of text. A bounded LRU holds them all.

A frame never waits for a picture that some other zoom level of it can stand in for: it draws
that one (a little soft for a moment) and the right one is painted later, when the application
is idle, a few at a time (never more than WARM_BUDGET_MS per tick), by the warmer here.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from museum.gui.room import exact_cache
from museum.gui.room.idle_work import IdleWork

MIN_BUCKET = 1 / 16
MAX_BUCKET = 2.0
BUDGET_BYTES = 56 * 1024 * 1024
"""All cached pictures together. A full view (1600 × 1000) at rest takes some 25 MB of them
(walls, cabinets, items, rough stand-ins); the rest holds the views around it."""
KEPT_BUCKET = 1 / 8
"""Pictures this rough or rougher are the stand-ins every frame falls back on (1/64 of the
pixels of a 1:1 picture): they are never evicted, or a frame drew flat colours instead."""
AHEAD_SHARE = 0.6
"""Pictures painted ahead (for a zoom or pan that may come) only fill the cache up to this
share of its budget: they never push out what the frames on screen are drawing."""
WARM_BUDGET_MS = 4.0
TILE_PIXELS = 256  # a tile this many device pixels square paints in a millisecond or two
STEP = 2 ** 0.5  # fine zoom levels: a picture is never drawn at less than 71 % of its size

_cache: OrderedDict[tuple[Hashable, float], QPixmap] = OrderedDict()
_stale: set[tuple[Hashable, float]] = set()  # still shown, repainted in idle time
_levels: dict[Hashable, set[float]] = {}  # key -> the zoom levels cached for it
_bytes = 0


@dataclass
class _Job:
    rect: QRectF
    bucket: float
    paint: Callable[[QPainter], None]
    opaque: bool
    done: Callable[[], None] | None
    ahead: bool = False  # painted ahead, only into free room (see AHEAD_SHARE)


_pending: OrderedDict[tuple[Hashable, float], _Job] = OrderedDict()
_jobs: dict[tuple[Hashable, float], _Job] = {}  # how to paint each cached picture again
_first: set[tuple[Hashable, float]] = set()  # queued pictures a waiting frame needs
_idle = IdleWork(lambda: warm_some(), lambda: bool(_pending))


def bucket_for(scale: float, *, most: float = MAX_BUCKET, fine: bool = False) -> float:
    """The zoom level at or above `scale` (device pixels per scene unit), within limits: a
    power of two, or of the square root of two when `fine`."""
    step = STEP if fine else 2.0
    bucket = MIN_BUCKET
    while bucket < scale * 0.999 and bucket < most:
        bucket *= step
    return min(bucket, most) if fine else bucket


def cached_picture(key: Hashable, rect: QRectF, bucket: float,
                   paint: Callable[[QPainter], None], *, opaque: bool = False) -> QPixmap:
    """The picture `paint` draws of `rect` (scene units) at `bucket` pixels per unit, painted
    now if it is not cached yet."""
    pixmap = lookup(key, bucket)
    if pixmap is None:
        _pending.pop((key, bucket), None)
        pixmap = _render(key, rect, bucket, paint, opaque)
    return pixmap


def picture_or_stand_in(key: Hashable, rect: QRectF, bucket: float,
                        paint: Callable[[QPainter], None], *, opaque: bool = False,
                        done: Callable[[], None] | None = None,
                        must: bool = True) -> QPixmap | None:
    """The picture at `bucket` if cached; else the nearest cached zoom level of it, with the
    right one queued for idle time (`done` is called once it is ready); else, when `must`,
    the picture painted now, or None to let the caller paint live."""
    pixmap = lookup(key, bucket)
    if pixmap is not None:
        return pixmap
    levels = _levels.get(key)
    if levels:
        # The nearest level, preferring a sharper one: shrinking looks better than blowing up.
        nearest = min(levels, key=lambda level: abs(level / bucket - 1.0) *
                      (0.5 if level > bucket else 1.0))
        warm(key, rect, bucket, paint, opaque=opaque, done=done)
        return lookup(key, nearest)
    if must:
        return cached_picture(key, rect, bucket, paint, opaque=opaque)
    warm(key, rect, bucket, paint, opaque=opaque, done=done)
    return None


def draw_tiled(painter: QPainter, key: Hashable, area: QRectF, bucket: float,
               paint: Callable[[QPainter, QRectF], None], *, origin: QPointF,
               bounds: QRectF | None = None, opaque: bool = False,
               stand_in: Callable[[QPainter, QRectF], None] | None = None,
               done: Callable[[QRectF], None] | None = None) -> None:
    """Draw `area` of a picture from tiles of TILE_PIXELS square on a grid anchored at
    `origin`, each cached on its own (so no single tile takes long to paint). A missing tile
    is drawn by `stand_in` and queued for idle time, or painted now without a stand-in.
    paint(painter, tile) paints (at least) the part `tile` of the picture. done(tile) is
    called when a better picture of a tile is ready (painted, or copied at its size on screen):
    only that tile needs drawing again, not the whole picture."""
    if live:
        painter.save()
        painter.setClipRect(area if bounds is None else area & bounds,
                            Qt.ClipOperation.IntersectClip)
        paint(painter, area)
        painter.restore()
        return
    antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    # Antialiased tile edges would each cover half of a shared pixel: a faint seam between them.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    try:
        _draw_tiles(painter, key, area, bucket, paint, origin, bounds, opaque, stand_in, done)
    finally:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)


def _draw_tiles(painter: QPainter, key: Hashable, area: QRectF, bucket: float,
                paint: Callable[[QPainter, QRectF], None], origin: QPointF,
                bounds: QRectF | None, opaque: bool,
                stand_in: Callable[[QPainter, QRectF], None] | None,
                done: Callable[[QRectF], None] | None) -> None:
    for tile_key, tile, padded in tiles(key, area, bucket, origin=origin, bounds=bounds):
        pixmap = lookup(tile_key, bucket)
        tile_done = partial(done, QRectF(tile)) if done is not None else None
        if pixmap is None and stand_in is not None:
            if not _draw_coarser(painter, key, tile, bucket, origin, bounds):
                stand_in(painter, tile)
            warm(tile_key, padded, bucket, tile_painter(paint, padded), opaque=opaque,
                 done=tile_done)
            continue
        if pixmap is None:
            pixmap = cached_picture(tile_key, padded, bucket, tile_painter(paint, padded),
                                    opaque=opaque)
        # Each tile is painted a pixel wider all round and drawn without that margin, so that
        # smooth scaling blends its edge with its neighbour's pixels, not with nothing: no seams.
        scale_x, scale_y = pixmap.width() / padded.width(), pixmap.height() / padded.height()
        exact_cache.draw(painter, tile_key, tile, pixmap, QRectF(
            (tile.left() - padded.left()) * scale_x, (tile.top() - padded.top()) * scale_y,
            tile.width() * scale_x, tile.height() * scale_y))


def _draw_coarser(painter: QPainter, key: Hashable, tile: QRectF, bucket: float,
                  origin: QPointF, bounds: QRectF | None) -> bool:
    """Draw `tile` from a cached tile of a coarser zoom level that holds all of it, if any:
    blown up 1.4-4 times rather than the rough picture's 8 (while the camera moves, missing
    tiles stood in by the rough picture were the blocky walls and floor, and blowing up so
    many pixels took most of a frame)."""
    for coarser in (bucket / STEP, bucket / 2, bucket / (2 * STEP), bucket / 4):
        if coarser < MIN_BUCKET:
            break
        size = TILE_PIXELS / coarser
        x = math.floor((tile.center().x() - origin.x()) / size)
        y = math.floor((tile.center().y() - origin.y()) / size)
        pixmap = _cache.get(((key, x, y), coarser))
        if pixmap is None:
            continue
        whole = QRectF(origin.x() + x * size, origin.y() + y * size, size, size)
        if bounds is not None:
            whole = whole & bounds
        if not whole.contains(tile):
            continue
        pad = 1.0 / coarser
        padded = whole.adjusted(-pad, -pad, pad, pad)
        scale_x, scale_y = pixmap.width() / padded.width(), pixmap.height() / padded.height()
        painter.drawPixmap(tile, pixmap, QRectF(
            (tile.left() - padded.left()) * scale_x, (tile.top() - padded.top()) * scale_y,
            tile.width() * scale_x, tile.height() * scale_y))
        return True
    return False


def tiles(key: Hashable, area: QRectF, bucket: float, *, origin: QPointF,
          bounds: QRectF | None = None) -> list[tuple[Hashable, QRectF, QRectF]]:
    """(key, tile, tile with a pixel's margin) of every tile of the grid that meets `area`."""
    size = TILE_PIXELS / bucket
    pad = 1.0 / bucket
    first_x = math.floor((area.left() - origin.x()) / size)
    first_y = math.floor((area.top() - origin.y()) / size)
    last_x = math.ceil((area.right() - origin.x()) / size)
    last_y = math.ceil((area.bottom() - origin.y()) / size)
    found = []
    for x in range(first_x, last_x):
        for y in range(first_y, last_y):
            tile = QRectF(origin.x() + x * size, origin.y() + y * size, size, size)
            if bounds is not None:
                tile = tile & bounds
                if tile.isEmpty():
                    continue
            found.append(((key, x, y), tile, tile.adjusted(-pad, -pad, pad, pad)))
    return found


def warm_tiles(key: Hashable, bounds: QRectF, bucket: float,
               paint: Callable[[QPainter, QRectF], None], *,
               done: Callable[[QRectF], None] | None = None) -> None:
    """Queue every tile of a picture for idle time, after what is already queued;
    done(tile) is called as each is ready."""
    for tile_key, tile, padded in tiles(key, bounds, bucket, origin=bounds.topLeft(),
                                        bounds=bounds):
        warm(tile_key, padded, bucket, tile_painter(paint, padded),
             done=partial(done, QRectF(tile)) if done is not None else None, urgent=False)


def tile_painter(paint: Callable[[QPainter, QRectF], None],
                 tile: QRectF) -> Callable[[QPainter], None]:
    """paint(painter, tile), clipped to the tile: what painting one tile of a picture takes."""
    def paint_tile(painter: QPainter) -> None:
        painter.setClipRect(tile)
        paint(painter, tile)
    return paint_tile


def lookup(key: Hashable, bucket: float) -> QPixmap | None:
    """The cached picture (possibly stale: a fresh one is then on its way) or None."""
    pixmap = _cache.get((key, bucket))
    if pixmap is not None:
        _cache.move_to_end((key, bucket))
    return pixmap


FRAME_BUDGET_MS = 5.0
_frame_started = 0.0

live = False
"""True while a poster is drawn: every part of the room is painted now, at full quality,
without cached pictures or stand-ins (a picture drawn once, to be printed, must be exact)."""


@contextmanager
def painting_live() -> Iterator[None]:
    """Paint everything drawn inside at full quality, now, without the caches."""
    global live
    before, live = live, True
    try:
        yield
    finally:
        live = before


def start_frame() -> None:
    """A frame begins: it may spend FRAME_BUDGET_MS painting pictures it cannot do without."""
    global _frame_started
    _frame_started = time.perf_counter()


def frame_time_left() -> bool:
    """Whether the frame being drawn still has time to paint a missing picture now."""
    return _recorded is None and (time.perf_counter() - _frame_started) * 1000 < FRAME_BUDGET_MS


_recorded: set[tuple[Hashable, float]] | None = None


@contextmanager
def recording_needs() -> Iterator[set[tuple[Hashable, float]]]:
    """Within, frames have no time to paint any picture (each is stood in for and queued),
    and the set yielded collects every picture they queued: what a frame there needs."""
    global _recorded
    before, _recorded = _recorded, set()
    try:
        yield _recorded
    finally:
        _recorded = before


def all_cached(needs: set[tuple[Hashable, float]]) -> bool:
    """Whether every picture of a recorded set is cached (fresh or not)."""
    return all(need in _cache for need in needs)


def levels(key: Hashable) -> frozenset[float]:
    """The zoom levels cached for the picture `key` (empty when none is)."""
    return frozenset(_levels.get(key, ()))


def warm(key: Hashable, rect: QRectF, bucket: float, paint: Callable[[QPainter], None], *,
         opaque: bool = False, done: Callable[[], None] | None = None,
         urgent: bool = True) -> None:
    """Paint this picture when the application is idle (the newest urgent request first)."""
    full_key = (key, bucket)
    if full_key in _cache and full_key not in _stale:
        return
    if _recorded is not None:
        _recorded.add(full_key)
    job = _pending.pop(full_key, None)
    ahead = not urgent and bucket > KEPT_BUCKET and (job is None or job.ahead)
    _pending[full_key] = _Job(rect, bucket, paint, opaque, done or (job.done if job else None),
                              ahead)
    if not urgent:
        _pending.move_to_end(full_key, last=False)
    _idle.wake()


def warm_pending() -> int:
    return len(_pending)


def warm_some(budget_ms: float = WARM_BUDGET_MS) -> int:
    """Paint queued pictures for up to `budget_ms` (at least one); returns how many."""
    started = time.perf_counter()
    painted = 0
    while _pending and (not painted or (time.perf_counter() - started) * 1000 < budget_ms):
        (key, bucket), job = _next_job()
        if job.ahead and _bytes + _job_size(job) > BUDGET_BYTES * AHEAD_SHARE:
            continue  # no free room: it would push out a picture on screen, or another ahead
        try:
            _render(key, job.rect, job.bucket, job.paint, job.opaque)
            if job.done is not None:
                job.done()
        except RuntimeError:  # its item was deleted meanwhile: nothing left to paint
            continue
        painted += 1
    return painted


def _next_job() -> tuple[tuple[Hashable, float], _Job]:
    """The first of the pictures a waiting frame needs (see prioritise), else the newest
    urgent one."""
    while _first:
        full_key = _first.pop()
        job = _pending.pop(full_key, None)
        if job is not None:
            return full_key, job
    return _pending.popitem(last=True)


def prioritise(needs: set[tuple[Hashable, float]]) -> None:
    """Paint these queued pictures before any other (a frame is waiting for them)."""
    _first.update(need for need in needs if need in _pending)
    if _first:
        _idle.wake()


def _render(key: Hashable, rect: QRectF, bucket: float, paint: Callable[[QPainter], None],
            opaque: bool) -> QPixmap:
    global _bytes
    pixmap = QPixmap(max(1, round(rect.width() * bucket)), max(1, round(rect.height() * bucket)))
    # An opaque pixmap has no alpha channel, and Qt draws those several times faster.
    pixmap.fill(Qt.GlobalColor.black if opaque else Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing |
                           QPainter.RenderHint.SmoothPixmapTransform |
                           QPainter.RenderHint.TextAntialiasing)
    painter.scale(pixmap.width() / rect.width(), pixmap.height() / rect.height())
    painter.translate(-rect.topLeft())
    try:
        paint(painter)
    finally:
        painter.end()
    old = _cache.pop((key, bucket), None)
    if old is not None:
        _bytes -= _size(old)
    _cache[(key, bucket)] = pixmap
    _jobs[(key, bucket)] = _Job(rect, bucket, paint, opaque, None)
    _stale.discard((key, bucket))
    _levels.setdefault(key, set()).add(bucket)
    _bytes += _size(pixmap)
    while _bytes > BUDGET_BYTES:
        # The least recently drawn picture, but never a rough stand-in, nor this one.
        victim = next((k for k in _cache if k[1] > KEPT_BUCKET and k != (key, bucket)), None)
        if victim is None:
            break
        _bytes -= _size(_cache.pop(victim))
        _drop_level(*victim)
        _jobs.pop(victim, None)
        _stale.discard(victim)
    return pixmap


def _job_size(job: _Job) -> int:
    return max(1, round(job.rect.width() * job.bucket)) * \
        max(1, round(job.rect.height() * job.bucket)) * 4


def _drop_level(key: Hashable, bucket: float) -> None:
    levels = _levels.get(key)
    if levels is not None:
        levels.discard(bucket)
        if not levels:
            del _levels[key]


def refresh(matches: Callable[[Hashable], bool], done: Callable[[], None] | None = None) -> None:
    """The pictures whose key `matches` are out of date: keep showing them, and paint them
    afresh in idle time (`done` is called after each)."""
    for full_key in [k for k in _cache if matches(k[0])]:
        job = _jobs.get(full_key)
        if job is None:
            continue
        _stale.add(full_key)
        _requeue_last(full_key, _Job(job.rect, job.bucket, job.paint, job.opaque, done))
    if _pending:
        _idle.wake()


def refresh_key(key: Hashable, done: Callable[[], None] | None = None) -> None:
    """refresh() for every zoom level of the one picture `key`."""
    for bucket in _levels.get(key, ()):
        job = _jobs.get((key, bucket))
        if job is not None:
            _stale.add((key, bucket))
            _requeue_last((key, bucket), _Job(job.rect, job.bucket, job.paint, job.opaque, done))
    if _pending:
        _idle.wake()


def _requeue_last(full_key: tuple[Hashable, float], job: _Job) -> None:
    """Queue a stale picture behind every missing one: it is still shown meanwhile, and while
    photos stream in, one repaint after the last of them beats one after each."""
    _pending.pop(full_key, None)
    _pending[full_key] = job
    _pending.move_to_end(full_key, last=False)


def forget(key: Hashable) -> None:
    """Drop every zoom level of the picture `key` (its owner changed or went away)."""
    global _bytes
    for bucket in _levels.pop(key, set()):
        pixmap = _cache.pop((key, bucket), None)
        _jobs.pop((key, bucket), None)
        _stale.discard((key, bucket))
        if pixmap is not None:
            _bytes -= _size(pixmap)
    for full_key in [k for k in _pending if k[0] == key]:
        del _pending[full_key]


def forget_all(owner: Hashable) -> None:
    """Drop every picture whose key is (owner, anything), or a tile of one."""
    _forget(lambda k: owned_by(k, owner))


def owned_by(key: Hashable, owner: Hashable) -> bool:
    """Whether `key` is (owner, ...), or a tile ((owner, ...), x, y) of such a picture."""
    while isinstance(key, tuple) and key:
        if key[0] == owner or key == owner:
            return True
        key = key[0]
    return False


def _forget(matches: Callable[[Hashable], bool]) -> None:
    global _bytes
    for full_key in [k for k in _cache if matches(k[0])]:
        _bytes -= _size(_cache.pop(full_key))
        _jobs.pop(full_key, None)
        _stale.discard(full_key)
        _drop_level(*full_key)
    for full_key in [k for k in _pending if matches(k[0])]:
        del _pending[full_key]


def clear() -> None:
    global _bytes
    _first.clear()
    _cache.clear()
    _jobs.clear()
    _stale.clear()
    _levels.clear()
    _pending.clear()
    _bytes = 0


def held_bytes() -> int:
    """The bytes of every picture held now (never more than BUDGET_BYTES)."""
    return _bytes


def _size(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4
