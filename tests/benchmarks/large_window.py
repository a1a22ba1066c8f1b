"""The main window at 100,000 items, run by bench_main_window: how soon the window is on screen
against a bare PySide6 window shown in the same run, and how long End in the grid takes.

Each start is a fresh process timed from just before it is launched to its window's first paint
(the app starts as `museum` does, through app.main: its start window first), and, for the app,
to the first paint of its list (the grid); that includes Python's start and every import, as a
person waits for them. The catalogue is made once (fill_demo without photos, a few minutes) and
kept in a temporary folder, or taken from MUSEUM_BENCH_LARGE (e.g. a folder made with
`museum --catalogue DIR demo --items 100000`).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEMS = 100_000
STARTS = 5  # fresh processes per kind of window; medians are printed
END_PRESSES = 5


def large_catalogue(temporary: Path) -> Path:
    chosen = os.environ.get("MUSEUM_BENCH_LARGE")
    if chosen:
        return Path(chosen)
    from museum.core.catalogue import Catalogue
    from museum.core.demo import fill_demo

    folder = temporary / "large"
    with Catalogue.open(folder, create=True) as catalogue:
        fill_demo(catalogue, items=ITEMS - 7, photos=False)
    return folder


def child(kind: str, folder: str) -> None:
    """In a fresh process: print when the window (and the app's list) first painted, or, for
    "end", how long End took in the grid once the items were there."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Painted(QObject):
        def __init__(self, then) -> None:
            super().__init__()
            self.then = then

        def eventFilter(self, _watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and self.then is not None:
                then, self.then = self.then, None
                then(time.time())
            return False

    def done(at: float) -> None:
        print(f"painted {at:.6f}", flush=True)
        os._exit(0)

    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QListView, QMainWindow

        app = QApplication([])
        window = QMainWindow()
        view = QListView()
        window.setCentralWidget(view)
        window.resize(1440, 900)
        spy = Painted(done)
        view.viewport().installEventFilter(spy)
        window.show()
        app.exec()
        return
    if kind == "large":
        _start_the_app(folder, Painted)
        return
    from museum.core.catalogue import Catalogue
    from museum.gui.app import create_application
    from museum.gui.main_window import MainWindow

    app = create_application([])
    window = MainWindow(Catalogue.open(folder, create=True))
    window.auto_backup = False
    window.resize(1440, 900)
    window.show()
    grid = window.library.grid

    def press_end() -> None:
        if window.library.model.rowCount() < ITEMS // 2:
            return
        timer.stop()
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        times = []
        for _ in range(END_PRESSES):  # the first as soon as the items are there
            grid.setFocus()
            started = time.perf_counter()
            QTest.keyClick(grid, Qt.Key.Key_End)
            grid.viewport().repaint()
            app.processEvents()
            times.append(time.perf_counter() - started)
            if grid.currentIndex().row() != window.library.model.rowCount() - 1:
                print("End stopped at row", grid.currentIndex().row(), file=sys.stderr)
                os._exit(1)
            QTest.keyClick(grid, Qt.Key.Key_Home)
            app.processEvents()
        print("end", *times, flush=True)
        os._exit(0)

    timer = QTimer(interval=10)
    timer.timeout.connect(press_end)
    timer.start()
    app.exec()


def _start_the_app(folder: str, painted_spy) -> None:
    """As `museum` with no command starts the app; prints when its window first painted
    (anything in it) and when its list (the main window's grid) first painted."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from museum.gui import app as gui_app

    def window_painted(at: float) -> None:
        print(f"painted {at:.6f}", flush=True)
        QApplication.instance().installEventFilter(list_spy)

    def list_painted(at: float) -> None:
        print(f"listed {at:.6f}", flush=True)
        os._exit(0)

    class ListSpy(painted_spy):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() != QEvent.Type.Paint or not watched.isWidgetType():
                return False
            library = getattr(watched.window(), "library", None)
            if library is not None and watched is library.grid.viewport():
                return super().eventFilter(watched, event)
            return False

    qt_app = gui_app.create_application([])
    window_spy, list_spy = painted_spy(window_painted), ListSpy(list_painted)
    qt_app.installEventFilter(window_spy)
    gui_app.main(catalogue_path=Path(folder))


def _environment(folder: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(folder.parent / "large-config"),
            "PYTHONPATH": str(Path(__file__).resolve().parents[2])}


def _run(kind: str, folder: Path) -> str:
    return subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_main_window", kind, str(folder)],
        capture_output=True, text=True, env=_environment(folder), check=True, timeout=600,
    ).stdout


def visible_seconds(kind: str, folder: Path) -> tuple[float, float]:
    """Seconds from launch to the window's first paint and to its list's (the same for the
    bare window, whose list is all it has)."""
    started = time.time()
    output = _run(kind, folder)
    times = {line.split()[0]: float(line.split()[1]) for line in output.splitlines()
             if line.startswith(("painted", "listed"))}
    return times["painted"] - started, times.get("listed", times["painted"]) - started


def end_seconds(folder: Path) -> list[float]:
    output = _run("end", folder)  # (fails, saying where End stopped, if it fell short)
    line = next(line for line in output.splitlines() if line.startswith("end"))
    return [float(value) for value in line.split()[1:]]


def run() -> None:
    from tests.benchmarks.timing import print_table

    with tempfile.TemporaryDirectory() as temporary:
        folder = large_catalogue(Path(temporary))
        bare, app, listed = [], [], []
        for _ in range(STARTS):  # interleaved: both kinds see the same load on the machine
            bare.append(visible_seconds("bare", folder)[0])
            shown, grid = visible_seconds("large", folder)
            app.append(shown)
            listed.append(grid)
            print(f"visible: bare {bare[-1] * 1000:.0f} ms, museum {app[-1] * 1000:.0f} ms "
                  f"(its list {grid * 1000:.0f} ms)", flush=True)
        ends = end_seconds(folder)
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    list_ms, end_ms = statistics.median(listed) * 1000, statistics.median(ends) * 1000
    print(f"End presses (ms; the first right after the items arrived): "
          f"{', '.join(f'{value * 1000:.0f}' for value in ends)}")
    print(f"{ITEMS:,} items; window visible: process start to the window's first paint, median "
          f"of {STARTS} fresh processes; list painted: to its grid's first paint; End: median "
          f"of {END_PRESSES} presses in one window")
    print_table(["window", "visible ms", "app − bare ms", "app / bare", "list painted ms",
                 "End in the grid ms"],
                [["bare PySide6 window", bare_ms, 0.0, 1.0, bare_ms, float("nan")],
                 ["museum", app_ms, app_ms - bare_ms, app_ms / bare_ms, list_ms, end_ms]])
    print("targets: app − bare < 500, End < 300")
