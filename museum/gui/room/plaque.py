"""The small engraved brass plaque under each item: title, then competition and year."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from museum.core.records import ItemRecord
from museum.gui.room.materials import ENGRAVING, brass_gradient

TITLE_PIXELS = 11.0
DETAIL_PIXELS = 9.0
LEGIBLE_SCALE = 0.42  # below this zoom the text would be a smudge: draw the bare plate


def plaque_lines(record: ItemRecord) -> tuple[str, str]:
    """The two engraved lines for an item."""
    year = (record.date or record.season or "")[:4]
    detail = " · ".join(part for part in (record.competition, year) if part)
    title = record.title
    competition = record.competition or ""
    # "Premier League Winner medal" under "Premier League · 2019" says it twice: keep the rest.
    if competition and title.casefold().startswith(competition.casefold() + " "):
        rest = title[len(competition) + 1:]
        title = rest[:1].upper() + rest[1:]
    return title, detail


@cache
def plaque_fonts() -> tuple[QFont, QFont]:
    title = QFont("DejaVu Serif")
    title.setPixelSize(int(TITLE_PIXELS))
    title.setBold(True)
    detail = QFont("DejaVu Serif")
    detail.setPixelSize(int(DETAIL_PIXELS))
    detail.setItalic(True)
    return title, detail


def elided_lines(record: ItemRecord, width: float) -> tuple[str, str]:
    """The plaque's lines, shortened with an ellipsis to fit `width` scene units."""
    title_font, detail_font = plaque_fonts()
    title, detail = plaque_lines(record)
    return (QFontMetricsF(title_font).elidedText(title, Qt.TextElideMode.ElideRight, width),
            QFontMetricsF(detail_font).elidedText(detail, Qt.TextElideMode.ElideRight, width))


def paint_plaque(painter: QPainter, rect: QRectF, lines: tuple[str, str], *, scale: float,
                 highlighted: bool = False) -> None:
    """A bevelled brass plate; engraved text when the zoom makes it readable."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 90))
    painter.drawRoundedRect(rect.translated(1.2, 1.6), 2.5, 2.5)
    painter.setBrush(brass_gradient(rect))
    painter.drawRoundedRect(rect, 2.5, 2.5)
    if highlighted:
        painter.setBrush(QColor(255, 240, 190, 70))
        painter.drawRoundedRect(rect, 2.5, 2.5)
    if scale < LEGIBLE_SCALE:
        return
    painter.setPen(QPen(QColor(255, 255, 255, 60), 0.8))
    painter.drawLine(QPointF(rect.left() + 2.5, rect.top() + 0.8),
                     QPointF(rect.right() - 2.5, rect.top() + 0.8))
    title_font, detail_font = plaque_fonts()
    text = rect.adjusted(4, 2, -4, -2)
    top, bottom = QRectF(text.left(), text.top(), text.width(), text.height() * 0.56), \
        QRectF(text.left(), text.top() + text.height() * 0.52, text.width(), text.height() * 0.48)
    for font, line, box in ((title_font, lines[0], top), (detail_font, lines[1], bottom)):
        painter.setFont(font)
        painter.setPen(QColor(255, 244, 210, 110))  # the bright lip of the engraving
        painter.drawText(box.translated(0, 0.6), Qt.AlignmentFlag.AlignCenter, line)
        painter.setPen(ENGRAVING)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, line)

