"""The one way the GUI runs long work: core calls on a QThreadPool, results back as signals.

Workers call core only and never touch widgets. Writes go through a pool of one thread so that
they are serialised; reads and thumbnails use the shared pool.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from museum.core.errors import MuseumError


class TaskSignals(QObject):
    """What a task tells the UI thread; connected slots run there (queued connections)."""

    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


class Task(QRunnable):
    """Runs fn(progress=..., cancelled=...) or fn() off the UI thread.

    A MuseumError becomes its sentence; anything else becomes a short generic sentence, with the
    traceback kept for the log rather than shown.
    """

    def __init__(self, fn: Callable[..., Any], *, with_progress: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.with_progress = with_progress
        self.signals = TaskSignals()
        self.cancel_requested = False

    def cancel(self) -> None:
        self.cancel_requested = True

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(progress=self.signals.progressed.emit,
                                 cancelled=lambda: self.cancel_requested)
            else:
                result = self.fn()
        except MuseumError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a worker must never die silently
            traceback.print_exc()
            self.signals.failed.emit(f"Something went wrong: {error}.")
        else:
            self.signals.finished.emit(result)


_write_pool: QThreadPool | None = None
# Tasks on their way, by id. A caller may let go of its task (a newer search replaced it);
# without this the task's signals object would be deleted under the worker, whose report
# would end in "Signal source has been deleted". A task leaves when its report reaches the
# UI thread.
_running: dict[int, Task] = {}


def write_pool() -> QThreadPool:
    """A pool of one thread: writes to the catalogue happen one after another."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


def run_task(
    fn: Callable[..., Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    writes: bool = False,
) -> Task:
    """Start fn on a worker thread; callbacks run on the UI thread. Returns the task (to cancel).

    With on_progress, fn is called as fn(progress=callable(done, total), cancelled=callable()).
    """
    task = Task(fn, with_progress=on_progress is not None)
    if on_done:
        task.signals.finished.connect(on_done)
    if on_error:
        task.signals.failed.connect(on_error)
    if on_progress:
        task.signals.progressed.connect(on_progress)
    key = id(task)
    _running[key] = task
    # Connected last, so that on_done / on_error have run before the task is let go.
    task.signals.finished.connect(lambda _result, key=key: _running.pop(key, None))
    task.signals.failed.connect(lambda _message, key=key: _running.pop(key, None))
    (write_pool() if writes else QThreadPool.globalInstance()).start(task)
    return task
