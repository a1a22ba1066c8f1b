"""Light and dark appearance that follows the system, on the Fusion style for a consistent look."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_DARK = {
    QPalette.ColorRole.Window: "#1f2124", QPalette.ColorRole.WindowText: "#e8e6e3",
    QPalette.ColorRole.Base: "#2a2d31", QPalette.ColorRole.AlternateBase: "#33363b",
    QPalette.ColorRole.Text: "#ecebe8", QPalette.ColorRole.Button: "#2f3236",
    QPalette.ColorRole.ButtonText: "#e8e6e3", QPalette.ColorRole.Highlight: "#c8963e",
    QPalette.ColorRole.HighlightedText: "#1b1b1b", QPalette.ColorRole.ToolTipBase: "#33363b",
    QPalette.ColorRole.ToolTipText: "#ecebe8", QPalette.ColorRole.PlaceholderText: "#9a9da3",
    QPalette.ColorRole.Mid: "#4a4e54", QPalette.ColorRole.Midlight: "#3a3d42",
    QPalette.ColorRole.Dark: "#17181a", QPalette.ColorRole.Light: "#45494f",
    QPalette.ColorRole.Link: "#e0b35f",
}
# The light highlight is dark enough for white text on it (5:1, WCAG AA) and for a selected row
# to stand out from the white base (3:1) even when its view has lost focus.
_LIGHT = {
    QPalette.ColorRole.Window: "#f3f1ed", QPalette.ColorRole.WindowText: "#1f1f1f",
    QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#ece9e3",
    QPalette.ColorRole.Text: "#1c1c1c", QPalette.ColorRole.Button: "#ebe8e2",
    QPalette.ColorRole.ButtonText: "#1f1f1f", QPalette.ColorRole.Highlight: "#946616",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#fffdf6",
    QPalette.ColorRole.ToolTipText: "#1f1f1f", QPalette.ColorRole.PlaceholderText: "#6b6f76",
    QPalette.ColorRole.Mid: "#cfcac1", QPalette.ColorRole.Midlight: "#e2ded7",
    QPalette.ColorRole.Dark: "#9d978c", QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Link: "#8a5d10",
}
STYLE_SHEET = """
QLabel#fieldHint, QLabel#formError { color: #c0392b; }
QLineEdit[invalid="true"] { border: 1px solid #c0392b; border-radius: 3px; padding: 2px; }
QLabel#hint { color: palette(placeholder-text); }
QLabel#queryError { color: #c0392b; padding: 0 6px; }
QTreeWidget#sidebar { border: none; background: palette(window); }
QListView#grid { border: none; }
"""


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, *, dark: bool | None = None) -> None:
    """Fusion with our warm palette, dark or light as the system says (or as asked)."""
    app.setStyle("Fusion")
    colours = _DARK if (system_prefers_dark() if dark is None else dark) else _LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role,
                         QColor(colours[QPalette.ColorRole.PlaceholderText]))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)


def follow_system_theme(app: QApplication) -> None:
    """Apply the theme now and again whenever the system switches between light and dark."""
    apply_theme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
