"""The card that appears beside a spotlit item: what it is, when, where, and how it came."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from museum.core.dates import format_partial_date
from museum.core.records import ItemRecord


def card_html(record: ItemRecord) -> str:
    """The card's text as rich text: the title, then only the facts the item has."""
    def esc(value: object) -> str:
        return html.escape(str(value))

    when = format_partial_date(record.date) if record.date else (record.season or "")
    lines = [
        " · ".join(esc(p) for p in (record.kind.capitalize(), when) if p),
        " · ".join(esc(p) for p in (record.competition, record.stage) if p),
        esc(f"{record.team} v {record.opponent}") if record.team and record.opponent
        else esc(record.team or ""),
        esc(record.score or ""), esc(record.venue or ""), esc(record.achievement or ""),
    ]
    body = "<br>".join(line for line in lines if line)
    description = f"<p style='margin-top:8px'><i>{esc(record.description)}</i></p>" \
        if record.description else ""
    return (f"<div style='font-family: serif; font-size: 17px; font-weight: bold'>"
            f"{esc(record.title)}</div><div style='margin-top:6px'>{body}</div>{description}")


class DetailCard(QFrame):
    """A floating card over the room; `opened` asks the main window to show the item."""

    opened = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id: int | None = None
        self.setObjectName("detailCard")
        self.setStyleSheet(
            "#detailCard { background: rgba(28, 20, 14, 232); border: 1px solid #b08a45;"
            " border-radius: 10px; } QLabel { color: #f3e6c8; }"
            " QPushButton { color: #f3e6c8; background: #4a3320; border: 1px solid #b08a45;"
            " border-radius: 5px; padding: 4px 10px; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton("Open in catalogue")
        self.open_button.clicked.connect(self._on_open)
        close = QPushButton("Close")
        close.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setFixedWidth(320)
        self.hide()

    def show_record(self, record: ItemRecord) -> None:
        self.item_id = record.id
        self.text.setText(card_html(record))
        # adjustSize() asks for the label's one-line size hint, not its height at the card's
        # fixed width: wrapped lines were cut off at the bottom ("Anfield, Liverpool").
        self.layout().activate()
        self.setFixedHeight(self.layout().totalHeightForWidth(self.width()))
        self.show()
        self.raise_()

    def dismiss(self) -> None:
        self.hide()
        self.item_id = None
        self.closed.emit()

    def _on_open(self) -> None:
        if self.item_id is not None:
            self.opened.emit(self.item_id)
