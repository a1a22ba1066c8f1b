"""The window the app puts up first: "Opening your museum…", on screen as soon as a bare Qt
window would be.

It imports Qt only. app.py shows it before importing the catalogue and the main window's
modules (SQLAlchemy and sqlmodel take most of a second), then opens the catalogue once it has
been painted and puts the MainWindow in its place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

OPENING_TEXT = "Opening your museum…"


class StartWindow(QMainWindow):
    """A placeholder where the main window will stand, at its remembered size and place."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Museum")
        self.setObjectName("start")
        message = QLabel(OPENING_TEXT)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(message)
        restore_window_geometry(self, QSettings())  # where the main window was left


def restore_window_geometry(window: QWidget, settings: QSettings) -> None:
    """Put a window where the main window was left, or give it the first-run size."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1440, 900)


class _AfterFirstPaint(QObject):
    """Calls `then` on the turn of the event loop after `widget` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> QObject:
    """Run `then` once `widget` has been painted (the window is on screen), not before."""
    return _AfterFirstPaint(widget, then)
