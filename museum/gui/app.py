"""QApplication set-up and the GUI's entry point."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from museum.gui.main_window import MainWindow
from museum.gui.memory import return_freed_pictures_to_the_system
from museum.gui.safety_actions import open_catalogue_or_explain
from museum.gui.theme import follow_system_theme

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
    otherwise a missing one is explained, with an offer to make it.
    """
    app = create_application()
    # A locked catalogue offers a read-only view; a damaged one, its newest backup.
    catalogue = open_catalogue_or_explain(None, Path(catalogue_path), create=create)
    if catalogue is None:
        return 2
    window = MainWindow(catalogue, paint_first=True)
    window.show()
    try:
        return app.exec()
    finally:
        catalogue.close()
