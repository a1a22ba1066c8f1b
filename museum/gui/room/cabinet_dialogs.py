"""Small dialogs for cabinets: its name and its size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget,
)

from museum.core.room import MAX_NAME_LENGTH, MAX_SHELVES, MAX_WIDTH


class CabinetDialog(QDialog):
    """Asks for a cabinet's name, shelves and width (name only when renaming)."""

    def __init__(self, title: str, *, name: str = "", shelves: int | None = 4,
                 width: int | None = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText("e.g. Cup finals")
        form.addRow("Name:", self.name)
        self.shelves = self._spin(1, MAX_SHELVES, shelves)
        self.width = self._spin(1, MAX_WIDTH, width)
        if shelves is not None:
            form.addRow("Shelves:", self.shelves)
        if width is not None:
            form.addRow("Items per shelf:", self.width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _spin(low: int, high: int, value: int | None) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value or low)
        return spin
