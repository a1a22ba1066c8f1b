"""QApplication set-up and the GUI's entry point."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from museum.core.catalogue import Catalogue
from museum.core.errors import MuseumError
from museum.gui.main_window import MainWindow
from museum.gui.theme import follow_system_theme

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so that QSettings and the desktop know who we are."""
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


def main(*, catalogue_path: Path) -> int:
    """Open the main window on the catalogue at catalogue_path; returns the exit code."""
    app = create_application()
    try:
        catalogue = Catalogue.open(catalogue_path)
    except MuseumError as error:
        QMessageBox.critical(None, "Museum", str(error))
        return 2
    window = MainWindow(catalogue)
    window.show()
    try:
        return app.exec()
    finally:
        catalogue.close()
