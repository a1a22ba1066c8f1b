"""Work done a little at a time whenever the UI thread is idle, until none is left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer


class IdleWork:
    """Calls `step` on every idle turn of the event loop while `has_work()` is true.

    The timer is made on first use, so importing a module that owns one needs no QApplication.
    """

    def __init__(self, step: Callable[[], object], has_work: Callable[[], bool]) -> None:
        self._step = step
        self._has_work = has_work
        self._timer: QTimer | None = None

    def wake(self) -> None:
        """Make sure the work goes on at the next idle turns."""
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setInterval(0)
            self._timer.timeout.connect(self._tick)
        if not self._timer.isActive():
            self._timer.start()

    def _tick(self) -> None:
        self._step()
        if not self._has_work() and self._timer is not None:
            self._timer.stop()
