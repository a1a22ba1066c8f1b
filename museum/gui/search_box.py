"""The toolbar's search box: the query language, typed; Escape empties it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

# Keys the box answers itself, even though window actions use them as shortcuts (Enter opens
# the selected item: its action sits on the toolbar, the box's parent).
OWN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
PLACEHOLDER = "Search: words, \"phrases\", kind:medal, season:2023/24, -tag:replica"


class SearchBox(QLineEdit):
    """A line edit for queries: Enter searches at once, Escape clears it (and so shows
    everything again)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="search", clearButtonEnabled=True)
        self.setPlaceholderText(PLACEHOLDER)
        self.setMinimumWidth(420)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in OWN_KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()  # the key comes to keyPressEvent rather than to a shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)
