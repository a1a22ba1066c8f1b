"""The shell of the app: menus, the central view and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from museum.core import items
from museum.core.catalogue import Catalogue


class MainWindow(QMainWindow):
    """The main window over one open catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.setWindowTitle(f"Museum — {catalogue.root.name}")
        self.resize(1200, 800)
        placeholder = QLabel("Your museum is ready.")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)
        self.statusBar().showMessage(self._count_message())

    def _count_message(self) -> str:
        count = items.count_items(self.catalogue)
        return f"{count} item" if count == 1 else f"{count} items"
