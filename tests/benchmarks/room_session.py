"""One scripted session of the app, run in a process of its own so that its peak memory is its
own: `python -m tests.benchmarks.room_session CATALOGUE grid|room` prints one JSON line.

grid: the main window on the collection's grid, scrolled a little — the baseline.
room: the same, then the room (Ctrl+4), Fit all, 4 s, the tour (F5), STEPS steps by hand
(→) per pass, each step's frames timed, then Escape posted as the window system would post
it, mid-move, and the time until the tour has closed.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

WIDTH, HEIGHT = 1600, 1000
STEPS = 4
PASSES = 3
STEP_SECONDS = 2.2  # a step's move takes 1.4 s; then the camera settles and exact copies come


class FrameTimer(QObject):
    """Times every paint of a view's viewport (the whole frame: scene, caches, copies)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.frames: list[float] = []
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        started = time.perf_counter()
        self.view.viewportEvent(event)
        self.frames.append((time.perf_counter() - started) * 1000)
        return True


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_for(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def main(catalogue_path: str, mode: str) -> dict:
    from museum.core.catalogue import Catalogue
    from museum.gui.app import create_application
    from museum.gui.main_window import MainWindow
    from museum.gui.memory import freeze_start_up_objects

    app = create_application([])
    result: dict = {"mode": mode}
    # Read-only: the bench never changes its catalogue, and runs beside an app that has it open.
    with Catalogue.open(Path(catalogue_path), read_only=True) as catalogue:
        window = MainWindow(catalogue)
        window.auto_backup = False
        window.resize(WIDTH, HEIGHT)
        window.show()
        run_for(app, 3.0)
        freeze_start_up_objects()
        grid = window.findChild(QWidget, "grid") or window
        QTest.keyClick(grid, Qt.Key.Key_PageDown)
        run_for(app, 1.0)
        result["rss_before_room_mb"] = peak_rss_mb()
        if mode == "room":
            result.update(_room_session(app, window))
        window.close()
        run_for(app, 0.2)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _room_session(app: QApplication, window) -> dict:
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    run_for(app, 4.0)
    page = window.room
    fit = page.toolbar.actions()[[a.text() for a in page.toolbar.actions()].index("Fit all")]
    fit.trigger()  # the toolbar button's action, as a click on it does
    run_for(app, 4.0)
    rss_fit_all = peak_rss_mb()
    QTest.keyClick(window, Qt.Key.Key_F5)
    tour = page.tour
    tour.showNormal()
    tour.resize(WIDTH, HEIGHT)
    run_for(app, 2.0)
    timer = FrameTimer(tour.view)
    passes = []
    for _ in range(PASSES):
        timer.frames = []
        for _ in range(STEPS):
            QTest.keyClick(QApplication.focusWidget() or tour, Qt.Key.Key_Right)
            run_for(app, STEP_SECONDS)
        passes.append(list(timer.frames))
    QTest.keyClick(QApplication.focusWidget() or tour, Qt.Key.Key_Right)
    run_for(app, 0.5)  # mid-move
    closed: list[float] = []
    tour.finished.connect(lambda: closed.append(time.perf_counter()))
    target = QApplication.focusWidget() or tour
    posted = time.perf_counter()
    QApplication.postEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                             Qt.KeyboardModifier.NoModifier))
    QApplication.postEvent(target, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Escape,
                                             Qt.KeyboardModifier.NoModifier))
    while not closed and time.perf_counter() - posted < 120:
        app.processEvents()
    run_for(app, 1.0)
    every = [frame for frames in passes for frame in frames]
    return {
        "caches_mb": _cache_sizes(page),
        "rss_fit_all_mb": rss_fit_all,
        "frames": len(every),
        "frame_median_ms": statistics.median(every) if every else 0.0,
        "frame_p95_ms": sorted(every)[int(0.95 * (len(every) - 1))] if every else 0.0,
        "frame_worst_median_of_passes_ms": statistics.median(max(p, default=0.0)
                                                             for p in passes),
        "frame_p95_median_of_passes_ms": statistics.median(
            sorted(p)[int(0.95 * (len(p) - 1))] if p else 0.0 for p in passes),
        "escape_ms": (closed[0] - posted) * 1000 if closed else None,
    }


def _cache_sizes(page) -> dict[str, float]:
    """MB of pictures each cache holds now (photos: every distinct one an exhibit holds)."""
    from museum.gui.room import exact_cache, level_cache

    photos = {exhibit.photo.cacheKey(): exhibit.photo for exhibit in page.scene.exhibits.values()
              if exhibit.photo is not None}
    mb = 1024 * 1024
    return {"level": level_cache.held_bytes() / mb, "exact": exact_cache.held_bytes() / mb,
            "photos": sum(p.width() * p.height() * 4 for p in photos.values()) / mb}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])), flush=True)
