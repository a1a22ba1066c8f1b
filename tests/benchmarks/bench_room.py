"""Paint time of the trophy room with 500 items on display, over a scripted pan and zoom.

Compared in the same run:
- room (silhouettes): drawn pictures; each item (picture, plaque, shadow) and each cabinet is
  one cached picture per zoom level, a whole cabinet with its items from afar;
- room (grid photos): every item has a 320-px photo, the level of detail the room uses far away;
- naive baseline: every item paints its 1600-px preview and its plaque live at every zoom, and
  cabinets are never drawn as one cached picture from afar (no level of detail).
"cold" passes start with empty caches and get no idle time: a missing picture is stood in for
by another zoom level of it when there is one, else painted during the frame. "idle ticks"
passes run one tick of the idle warmer (at most 4 ms) between frames, as the event loop does
between the frames of an animation; "warmed ahead from open" also queues what the room page
queues when the room opens (scene.warm_on_open). Close up, a cabinet whose items on screen have
no picture yet draws its far (or rough) picture for them, and items are painted into the cache
during a frame for at most level_cache.FRAME_BUDGET_MS, the rest in idle time. "again" is
the steady state, after the warmer has had idle time, run PASSES times: the machine is
shared, so its worst frame is quoted as the median over the passes of each pass's worst
frame (the single-pass columns are the first pass).
The first frame of a cold pass draws flat colours for what it has no time to paint (cabinets,
walls), then rough stand-ins, then the pictures themselves. The room page never shows those:
it opens behind a curtain ("opening" rows). The curtain's frame learns which pictures the
first view needs, idle ticks of the warmer paint them (each tick: at most WARM_BUDGET_MS of
painting, plus repainting what changed), and the first frame after that blits cached pictures.
While the camera moves the view samples pictures nearest-pixel. Once it has been still for
SETTLE_MS, each picture on screen is scaled once, in idle time a few at a time, to exactly its
size on screen, and frames copy it pixel for pixel (exact_cache). The "still" rows stop the
camera at every step of the script: the first frame at rest (copies not made yet: drawn
nearest-pixel), each idle tick (SCALE_BUDGET_MS of scaling, at least one copy), the repaint
once every copy is made (the scene reports what changed and the view repaints it, as the event
loop does), and the crisp frame drawn again from the copies. Their baseline, measured
in the same run, is the smooth frame as it was: every picture scaled smoothly during the frame.
CPU is the whole process's CPU time: Qt spreads large fills over its own worker threads.
Target: worst frame under 16 ms.

A second table times the room's small writes (see room_write_timing).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from museum.core.catalogue import Catalogue  # noqa: E402
from museum.core.demo import fill_demo  # noqa: E402
from museum.core.items import get_records  # noqa: E402
from museum.core.room import room_layout  # noqa: E402
from museum.gui.room import (  # noqa: E402
    cabinet_item, exact_cache, exhibit_item, level_cache, plaque,
)
from museum.gui.memory import freeze_start_up_objects  # noqa: E402
from museum.gui.room.room_view import RoomView  # noqa: E402
from museum.gui.room.scene import RoomScene  # noqa: E402
from tests.benchmarks.room_write_timing import write_rows  # noqa: E402
from tests.benchmarks.timing import percentile, print_table  # noqa: E402

ON_DISPLAY = 500
FRAMES = 90
PASSES = 5


def _photo(size: int, hue: int) -> QPixmap:
    pixmap = QPixmap(size, round(size * 1.3))
    pixmap.fill(QColor.fromHsv(hue, 120, 200))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for ring in range(12):
        painter.setBrush(QColor.fromHsv((hue + ring * 20) % 360, 180, 120 + ring * 8))
        painter.drawEllipse(QPointF(size / 2, size * 0.65), size / 2 - ring * size / 26,
                            size / 2 - ring * size / 26)
    painter.end()
    return pixmap


def _script(view: RoomView, scene: RoomScene) -> list[tuple[QPointF, float]]:
    """Fit-all, zoom in on the first cabinet, pan along the wall close up, zoom back out."""
    room = scene.room_rect()
    fit = min(view.viewport().width() / room.width(), view.viewport().height() / room.height())
    first = next(iter(scene.cabinets))
    start = scene.cabinet_rect(first).center()
    frames: list[tuple[QPointF, float]] = []
    third = FRAMES // 3
    for i in range(third):  # zoom in from the whole room to one shelf
        t = i / (third - 1)
        frames.append((room.center() + (start - room.center()) * t, fit * (1.2 / fit) ** t))
    for i in range(third):  # walk along the wall, close up
        frames.append((start + QPointF(i * 90.0, 0), 1.2))
    last = frames[-1][0]
    for i in range(third):  # and step back out again
        t = i / (third - 1)
        frames.append((last + (room.center() - last) * t, 1.2 * (fit / 1.2) ** t))
    return frames


def _measure(view: RoomView, frames: list[tuple[QPointF, float]], *,
             idle_ticks: bool = False) -> list[tuple[float, float]]:
    """(wall ms, CPU ms of the process) per frame; CPU time is what the room costs, wall time
    also counts the other processes sharing this machine's two cores."""
    times = []
    for centre, scale in frames:
        view.resetTransform()
        view.scale(scale, scale)
        view.centerOn(centre)
        wall, cpu = time.perf_counter(), time.process_time()
        view.viewport().repaint()
        times.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
        if idle_ticks:
            level_cache.warm_some()
    return times


def _idle() -> None:
    """What the event loop does once the view stops moving: the warmer paints what is queued."""
    while level_cache.warm_pending() or exact_cache.pending():
        level_cache.warm_some()
        exact_cache.scale_some()


def _measure_still(view: RoomView, frames: list[tuple[QPointF, float]],
                   ) -> tuple[list[tuple[float, float]], ...]:
    """The camera stops at each step of the script: (the first frame at rest, each idle tick
    after it that scales pictures to their exact size, the repaint once they all are, a frame
    drawn again then) as (wall ms, CPU ms). The event loop handles input between a tick and
    the repaint it causes: each is a slice of the UI thread on its own."""
    exact_cache.clear()  # nothing at rest here before: every stop makes its exact copies
    first, ticks, repaints, crisp = [], [], [], []
    for centre, scale in frames:
        view.resetTransform()
        view.scale(scale, scale)
        view.centerOn(centre)
        first.append(_timed(view.viewport().repaint))
        QApplication.sendPostedEvents()
        while exact_cache.pending():
            ticks.append(_timed(exact_cache.scale_some))
        repaints.append(_timed(_repaint_what_changed))
        crisp.append(_timed(view.viewport().repaint))
    return first, ticks, repaints, crisp


def _repaint_what_changed() -> None:
    """What the event loop does after an idle tick: the scene reports the areas that changed,
    the view repaints them (posted events only: no timer gets a turn here)."""
    for _ in range(3):
        QApplication.sendPostedEvents()


def _open(view: RoomView, scene: RoomScene, camera: tuple[QPointF, float],
          ) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The room opening with nothing cached, as the room page opens it: the curtain's frame
    (which learns what the view needs), then idle ticks of the warmer until every picture of
    the first view is painted. Returns (the curtain's frames, the idle ticks)."""
    _cold(scene)
    centre, scale = camera
    view.resetTransform()
    view.scale(scale, scale)
    view.centerOn(centre)
    view.curtain.lower()
    curtain = [_timed(view.viewport().repaint)]
    ticks = []
    while not view.curtain.lift_if_ready():
        ticks.append(_timed(lambda: (level_cache.warm_some(), _repaint_what_changed())))
    return curtain, ticks


def _timed(work) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _cold(scene: RoomScene) -> None:
    level_cache.clear()
    exact_cache.clear()
    for exhibit in scene.exhibits.values():
        exhibit.update()


def run() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder, \
            Catalogue.open(Path(folder), create=True) as catalogue:
        fill_demo(catalogue, items=ON_DISPLAY - 7, photos=False)
        layout = room_layout(catalogue)
        records = {r.id: r for r in get_records(catalogue, layout.displayed_ids)}
        scene = RoomScene()
        scene.show_room(layout, records, aspect=1600 / 900)
        view = RoomView(scene)
        view.resize(1600, 900)
        view.show()
        app.processEvents()
        # As the app does once its window stands: what lives as long as the process is kept out
        # of the cycle collector's walks (a full walk here took 60-80 ms, inside a frame).
        freeze_start_up_objects()
        frames = _script(view, scene)
        shown = len(scene.exhibits)
        rows = []
        _cold(scene)
        rows.append(_row(f"silhouettes, cold ({shown} shown, {len(scene.wall_runs)} walls)",
                         _measure(view, frames)))
        _idle()
        rows.append(_row("silhouettes, again", *_passes(view, frames)))
        grid = [_photo(320, hue) for hue in range(0, 360, 45)]
        for index, exhibit in enumerate(scene.exhibits.values()):
            exhibit.set_photo(grid[index % len(grid)], "grid")
        _cold(scene)
        rows.append(_row("grid photos, cold", _measure(view, frames)))
        _cold(scene)
        rows.append(_row("grid photos, idle ticks",
                         _measure(view, frames, idle_ticks=True)))
        _cold(scene)
        scene.warm_on_open(frames[0][1])  # what the room page queues when the room opens
        rows.append(_row("grid photos, idle ticks, warmed ahead from open",
                         _measure(view, frames, idle_ticks=True)))
        opening = [_open(view, scene, frames[0]) for _ in range(PASSES)]
        curtain, ticks = opening[0]
        rows.append(_row("opening: the curtain's frame (learns what the view needs)",
                         curtain, statistics.median(max(t[0] for t in o[0]) for o in opening)))
        rows.append(_row(f"opening: idle ticks until the room shows ({len(ticks)} ticks, "
                         f"{sum(t[0] for t in ticks):.0f} ms in all)", ticks,
                         statistics.median(max(t[0] for t in o[1]) for o in opening)))
        scene.warm_on_open(frames[0][1])
        rows.append(_row("grid photos, from the open room (curtain lifted), idle ticks",
                         _measure(view, frames, idle_ticks=True)))
        while view.curtain.opacity > 0.0:  # the room finishes fading in
            app.processEvents()
        _idle()
        rows.append(_row("grid photos, again", *_passes(view, frames)))
        view.settle_ms = 0  # every frame is one at rest: the camera stops at each step
        stills = [_measure_still(view, frames) for _ in range(PASSES)]
        for index, name in enumerate(("still: first frame at rest",
                                      "still: idle tick (exact copies)",
                                      "still: the repaint once the copies are made",
                                      "still: crisp frame again (exact copies)")):
            rows.append(_row(f"grid photos, {name}", stills[0][index],
                             statistics.median(max((t[0] for t in s[index]), default=0.0)
                                               for s in stills)))
        view.exact_at_rest = False  # the old way: every picture scaled smoothly in the frame
        rows.append(_row("baseline: smooth frame (scaled in the frame)", *_passes(view, frames)))
        view.exact_at_rest = True
        preview = [_photo(1600, hue) for hue in range(0, 360, 45)]
        for index, exhibit in enumerate(scene.exhibits.values()):
            exhibit.set_photo(preview[index % len(preview)], "preview")
        legible = plaque.LEGIBLE_SCALE
        plaque.LEGIBLE_SCALE = 0.0
        far, cabinet_item.FAR_SCALE = cabinet_item.FAR_SCALE, 0.0
        exhibit_item.FAR_SCALE = 0.0
        sprites, exhibit_item.MAX_SPRITE_BUCKET = exhibit_item.MAX_SPRITE_BUCKET, 0.0
        try:
            _measure(view, frames[:10])
            rows.append(_row("naive: 1600-px photos, no LOD", *_passes(view, frames)))
        finally:
            plaque.LEGIBLE_SCALE = legible
            cabinet_item.FAR_SCALE = exhibit_item.FAR_SCALE = far
            exhibit_item.MAX_SPRITE_BUCKET = sprites
        print_table(("case", "median", "p95", "worst", "worst after 1st",
                     f"worst, median of {PASSES}", "CPU median", "CPU worst",
                     "CPU worst after 1st"), rows)
        print(f"ms per frame; view 1600×900, {FRAMES} frames: zoom in, pan close up, zoom out; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        view.close()
        scene.clear()
        level_cache.clear()
        print()
        print_table(("small write (UI thread, median of 10)", "write", "refresh_room",
                     "naive: reload", "reload / refresh"), write_rows(catalogue))
        print("ms; refresh_room rebuilds only the cabinets a write changed; reload rebuilds the "
              "whole room (what every small write did before)")


def _passes(view: RoomView,
            frames: list[tuple[QPointF, float]]) -> tuple[list[tuple[float, float]], float]:
    """The first of PASSES steady-state passes, and the median of their worst frames."""
    passes = [_measure(view, frames) for _ in range(PASSES)]
    return passes[0], statistics.median(max(t[0] for t in times) for times in passes)


def _row(name: str, times: list[tuple[float, float]], worst_of_passes: float | str = "") -> tuple:
    wall = [t[0] for t in times]
    cpu = [t[1] for t in times]
    return (name, statistics.median(wall), percentile(wall, 0.95), max(wall),
            max(wall[1:], default=""), worst_of_passes, statistics.median(cpu), max(cpu),
            max(cpu[1:], default=""))
