"""The status bar: counts on the right, the last action's message with an Undo button on the
left."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar


class StatusBar(QStatusBar):
    """Shows `message` (with Undo when it can be undone) and permanent counts."""

    undo_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.undo_button = QPushButton("Undo", objectName="undoButton")
        self.undo_button.setFlat(True)
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_requested)
        self.counts = QLabel(objectName="counts")
        self.addWidget(self.note)
        self.addWidget(self.undo_button)
        self.addPermanentWidget(self.counts)

    def say(self, text: str, *, undoable: bool = False) -> None:
        self.note.setText(text)
        self.undo_button.setVisible(undoable)

    def set_counts(self, text: str) -> None:
        self.counts.setText(text)
