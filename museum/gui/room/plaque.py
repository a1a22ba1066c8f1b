"""The small engraved brass plaque under each item: title, then competition and year."""

from __future__ import annotations

from dataclasses import dataclass
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
def plaque_fonts(title_pixels: float = TITLE_PIXELS) -> tuple[QFont, QFont]:
    title = QFont("DejaVu Serif")
    title.setPixelSize(round(title_pixels))
    title.setBold(True)
    detail = QFont("DejaVu Serif")
    detail.setPixelSize(int(DETAIL_PIXELS))
    detail.setItalic(True)
    return title, detail


@dataclass(frozen=True)
class PlaqueText:
    """What a plaque says and how: the title in one or two lines at `title_pixels`, the
    detail line under it."""

    title: tuple[str, ...]
    title_pixels: float
    detail: str


TITLE_SIZES = (TITLE_PIXELS, 10.0, 9.0)  # one line: the title's face, then a little smaller
TWO_LINE_PIXELS = 8.0  # two lines of this still leave room for the detail line


def plaque_text(record: ItemRecord, width: float) -> PlaqueText:
    """The plaque's lines for `width` scene units: the title whole on one line (in a smaller
    face if need be), else on two lines; shortened with an ellipsis only when even two lines
    cannot hold it."""
    title, detail = plaque_lines(record)
    detail_font = plaque_fonts()[1]
    detail = QFontMetricsF(detail_font).elidedText(detail, Qt.TextElideMode.ElideRight, width)
    for pixels in TITLE_SIZES:
        if QFontMetricsF(plaque_fonts(pixels)[0]).horizontalAdvance(title) <= width:
            return PlaqueText((title,), pixels, detail)
    metrics = QFontMetricsF(plaque_fonts(TWO_LINE_PIXELS)[0])
    first, rest = _first_line(metrics, title, width)
    second = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return PlaqueText((first, second) if second else (first,), TWO_LINE_PIXELS, detail)


def _first_line(metrics: QFontMetricsF, text: str, width: float) -> tuple[str, str]:
    """The most whole words of `text` that fit `width`, and the rest."""
    words = text.split()
    for count in range(len(words) - 1, 0, -1):
        line = " ".join(words[:count])
        if metrics.horizontalAdvance(line) <= width:
            return line, " ".join(words[count:])
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), ""


def paint_plaque(painter: QPainter, rect: QRectF, text: PlaqueText, *, scale: float,
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
    title_font, detail_font = plaque_fonts(text.title_pixels)
    area = rect.adjusted(4, 1, -4, -1)
    title_share = 0.56 if len(text.title) == 1 else 0.64
    title_height = area.height() * title_share / len(text.title)
    boxes = [(title_font, line, QRectF(area.left(), area.top() + index * title_height,
                                        area.width(), title_height))
             for index, line in enumerate(text.title)]
    top = area.top() + area.height() * (title_share - 0.04)
    boxes.append((detail_font, text.detail,
                  QRectF(area.left(), top, area.width(), area.bottom() - top)))
    for font, line, box in boxes:
        painter.setFont(font)
        painter.setPen(QColor(255, 244, 210, 110))  # the bright lip of the engraving
        painter.drawText(box.translated(0, 0.6), Qt.AlignmentFlag.AlignCenter, line)
        painter.setPen(ENGRAVING)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, line)
