"""Main window at 10,000 items: first paint, applying a search, and the worst stall while scrolling;
at 100,000 items: the window on screen against a bare PySide6 window, and End in the grid.

Targets: first paint under 1.5 s from process start, a search applied in the model under 50 ms,
no UI-thread stall over 16 ms while scrolling the grid top to bottom with thumbnails cached.
Baselines, measured in the same run: a model that reads every record up front, and a grid
without uniform item sizes or batched layout.
At 100,000 items (large_window.py): the app's window visible within 0.5 s of a bare PySide6
window's (a QMainWindow holding a QListView, shown in a fresh process in the same run), and End
in the grid painted within 0.3 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import percentile

ITEMS = 10_000
PHOTO_ITEMS = 150  # items given a real photo, so that scrolling loads real thumbnails
SCROLL_PASSES = 5
QUERIES = ("liverpool medal", "kind:shirt", "wembley", "season:2015/16", "final -kind:ticket")


def build_catalogue(folder: Path) -> Path:
    from PIL import Image

    from museum.core import items
    from museum.core.catalogue import Catalogue
    from museum.core.demo import fill_demo

    with Catalogue.open(folder, create=True) as catalogue:
        extra = {"photos": False} if "photos" in fill_demo.__code__.co_varnames else {}
        fill_demo(catalogue, items=ITEMS - 7, **extra)
        try:
            from museum.core import photos
        except ImportError:
            return folder
        for number, item_id in enumerate(
                items.find_item_ids(catalogue, sort="-date")[:PHOTO_ITEMS]):
            path = folder.parent / f"shot{number}.jpg"
            Image.new("RGB", (1200, 900), (number % 255, 90, 160)).save(path, quality=85)
            report = photos.import_photos(catalogue, item_id=item_id, paths=[path])
            for photo_id in report.photo_ids:
                photos.thumbnail_path(catalogue, photo_id=photo_id, size="grid")
    return folder


# -- first paint, in a fresh process -------------------------------------------------------------
def child(folder: str, naive: bool) -> None:
    """Run in a subprocess: open the window and print the wall-clock time of its first grid
    paint."""
    from PySide6.QtCore import QEvent, QObject

    from museum.core.catalogue import Catalogue
    from museum.gui.app import create_application

    if naive:
        make_naive()
    from museum.gui.main_window import MainWindow

    app = create_application([])
    window = MainWindow(Catalogue.open(folder))
    if naive:
        make_grid_naive(window.library.grid)

    class FirstPaint(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(f"painted {time.time():.6f}", flush=True)
                os._exit(0)
            return False

    spy = FirstPaint()
    window.library.grid.viewport().installEventFilter(spy)
    window.show()
    app.exec()


def _environment(folder: Path) -> dict[str, str]:
    # Fresh settings (and never the user's) for every measured process.
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(folder.parent / "config"),
            "PYTHONPATH": str(Path(__file__).resolve().parents[2])}


def first_paint_seconds(folder: Path, naive: bool) -> float:
    environment = _environment(folder)
    started = time.time()
    output = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_main_window", "child", str(folder),
         "naive" if naive else "fast"], capture_output=True, text=True, env=environment, check=True,
    ).stdout
    painted = float(next(line for line in output.splitlines()
                         if line.startswith("painted")).split()[1])
    return painted - started


# -- the naive baseline --------------------------------------------------------------------------
def make_naive() -> None:
    """Swap in a model that reads every record whenever the search changes."""
    from museum.core import items
    from museum.gui import item_model

    class NaiveRows(item_model.ItemRows):
        def _reload(self, *, query, facets, changed_ids=None):
            ok = super()._reload(query=query, facets=facets, changed_ids=None)
            for record in items.get_records(self.catalogue, self._ids):
                self._records[record.id] = record
            return ok

    item_model.ItemRows = NaiveRows  # ItemModel builds its rows from this module's name


def make_grid_naive(grid) -> None:
    from PySide6.QtWidgets import QListView

    grid.setUniformItemSizes(False)
    grid.setLayoutMode(QListView.LayoutMode.SinglePass)


# -- in-process measurements ---------------------------------------------------------------------
def search_ms(window) -> float:
    model = window.library.model
    times = []
    for _ in range(3):
        for query in QUERIES:
            started = time.perf_counter()
            model.set_search(query, {})
            model.record_at(0)  # what the view asks next
            times.append(time.perf_counter() - started)
        model.set_search("", {})
    return statistics.median(times) * 1000


def scroll_stalls_ms(app, window) -> tuple[float, float, float, float]:
    """Worst and p95 UI-thread stall per scroll step: wall clock and the UI thread's own CPU.

    One pass first loads the thumbnails into the cache; then SCROLL_PASSES passes each scroll the
    grid from top to bottom. The worst step is the median over the passes of each pass's
    worst, because on a shared machine a single maximum is mostly another process's noise;
    thread CPU time cannot be inflated by other processes at all.
    """
    grid = window.library.grid
    bar = grid.verticalScrollBar()
    _scroll(app, grid, bar, settle=True, loader=window.thumbnails)
    passes = [_scroll(app, grid, bar, settle=False, loader=window.thumbnails)
              for _ in range(SCROLL_PASSES)]
    walls = [wall for steps in passes for wall, _ in steps]
    cpus = [cpu for steps in passes for _, cpu in steps]
    print("per-pass worst wall ms:", *(f"{max(w for w, _ in steps) * 1000:.1f}"
                                       for steps in passes), file=sys.stderr)
    return (statistics.median(max(wall for wall, _ in steps) for steps in passes) * 1000,
            percentile(walls, 0.95) * 1000,
            statistics.median(max(cpu for _, cpu in steps) for steps in passes) * 1000,
            percentile(cpus, 0.95) * 1000)


def _scroll(app, grid, bar, *, settle: bool, loader) -> list[tuple[float, float]]:
    """Scroll half a screen per step to the very bottom; (wall, thread CPU) seconds per step."""
    steps = []
    bar.setValue(0)
    app.processEvents()
    step = max(1, grid.viewport().height() // 2)
    value = 0
    while value <= bar.maximum() + step:  # the maximum grows while the layout runs in batches
        started, cpu = time.perf_counter(), time.thread_time()
        bar.setValue(value)
        grid.viewport().repaint()
        app.processEvents()
        steps.append((time.perf_counter() - started, time.thread_time() - cpu))
        if settle and value < 8000:
            while not loader.idle():
                app.processEvents()
                time.sleep(0.002)
        value += step
    return steps


def measure_in_process(folder: Path, naive: bool) -> tuple[float, ...]:
    from PySide6.QtCore import QThreadPool

    from museum.core.catalogue import Catalogue
    from museum.gui.app import create_application

    if naive:
        make_naive()
    import museum.gui.library_view as library_view
    from museum.gui.main_window import MainWindow

    app = create_application([])
    catalogue = Catalogue.open(folder)
    window = MainWindow(catalogue)
    if naive:
        make_grid_naive(window.library.grid)
    window.resize(1440, 900)
    started = time.perf_counter()
    window.show()
    window.library.grid.viewport().repaint()
    app.processEvents()
    shown = (time.perf_counter() - started) * 1000
    result = (shown, search_ms(window), *scroll_stalls_ms(app, window))
    window.thumbnails.shutdown()
    QThreadPool.globalInstance().waitForDone()
    window.close()
    catalogue.close()
    del library_view
    return result


def run() -> None:
    from tests.benchmarks.timing import print_table

    with tempfile.TemporaryDirectory() as temporary:
        folder = build_catalogue(Path(temporary) / "bench")
        paint = {naive: statistics.median(first_paint_seconds(folder, naive) for _ in range(3))
                 for naive in (False, True)}
        rows = []
        for naive in (False, True):
            result = subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.bench_main_window", "inprocess",
                 str(folder), "naive" if naive else "fast"], capture_output=True, text=True,
                check=True, env=_environment(folder))
            numbers = [float(value) for value in result.stdout.split()[-6:]]
            passes = [line for line in result.stderr.splitlines() if line.startswith("per-pass")]
            print(("naive baseline " if naive else "museum ") + "".join(passes))
            rows.append(["naive baseline" if naive else "museum", paint[naive] * 1000, *numbers])
    print(f"{ITEMS:,} items, {PHOTO_ITEMS} with photos; times in ms (first paint: median of 3; "
          f"scroll: {SCROLL_PASSES} passes top to bottom, worst = median of the passes' worst "
          "steps, p95 over all steps; wall clock, and the UI thread's own CPU time)")
    print_table(["window", "first paint (process)", "show+paint", "search applied",
                 "worst stall", "p95 stall", "worst CPU", "p95 CPU"], rows)
    print("targets: first paint < 1500, search < 50, worst stall < 16")
    from tests.benchmarks import large_window

    large_window.run()


if __name__ == "__main__":
    if sys.argv[1] in ("bare", "large", "end"):
        from tests.benchmarks import large_window

        large_window.child(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
    elif sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3] == "naive")
    elif sys.argv[1] == "inprocess":
        print(*measure_in_process(Path(sys.argv[2]), sys.argv[3] == "naive"))
