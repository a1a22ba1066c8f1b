"""QApplication set-up and the GUI's entry point.

Imports Qt and nothing heavy: the start window is on screen before the catalogue and the main
window's modules are imported (see start_window.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from museum.gui.memory import return_freed_pictures_to_the_system
from museum.gui.start_window import StartWindow, after_first_paint
from museum.gui.theme import follow_system_theme

if TYPE_CHECKING:
    from museum.gui.main_window import MainWindow

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so that QSettings and the desktop know who we are."""
    return_freed_pictures_to_the_system()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Museum")
    app.setOrganizationName("Museum")
    icon = ASSETS_DIR / "icon.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    if not getattr(app, "_museum_themed", False):
        follow_system_theme(app)
        app._museum_themed = True
    return app


def main(*, catalogue_path: Path, create: bool = False) -> int:
    """Open the main window on the catalogue at catalogue_path; returns the exit code.

    `create` makes the catalogue if there is none (the default catalogue, on the first run);
    otherwise a missing one is explained, with an offer to make it. The start window stands
    in for the main window until the catalogue is open.
    """
    app = create_application()
    start = StartWindow()
    opened: list[MainWindow] = []
    after_first_paint(start.centralWidget(), lambda: _open_main_window(
        start, Path(catalogue_path), create=create, opened=opened))
    start.show()
    try:
        return app.exec()
    finally:
        for window in opened:
            window.catalogue.close()


def _open_main_window(start: StartWindow, path: Path, *, create: bool,
                      opened: list[MainWindow]) -> None:
    """Open the catalogue and put the main window in the start window's place; if the user
    gives up on a catalogue that cannot be opened, end the app with exit code 2."""
    try:
        from museum.gui.main_window import MainWindow
        from museum.gui.safety_actions import open_catalogue_or_explain

        # A locked catalogue offers a read-only view; a damaged one, its newest backup.
        catalogue = open_catalogue_or_explain(start, path, create=create)
        if catalogue is None:
            QApplication.exit(2)
            return
        window = MainWindow(catalogue, paint_first=True)
        opened.append(window)
        # Exactly where the start window stands (the window manager placed it): no jump.
        window.restoreGeometry(start.saveGeometry())
        window.show()
        start.close()  # after the main window is up, so that the app does not quit between
    except BaseException:
        QApplication.exit(1)  # an error here must not leave the start window up for good
        raise
