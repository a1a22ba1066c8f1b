"""How one card of the grid looks: frame, photo (or a placeholder) and three lines of text.

These functions draw; they keep nothing. The grid's delegate draws each card once into a pixmap
and reuses it while nothing the card shows has changed (museum.gui.grid_view).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPixmap

from museum.core.dates import format_partial_date
from museum.core.records import ItemRecord

PHOTO_HEIGHT = 176
MARGIN = 8


def card_rect(rect: QRect) -> QRectF:
    """The card's rounded panel inside the cell the view gives it."""
    return QRectF(rect.adjusted(5, 5, -5, -5))


def photo_area(rect: QRect) -> QRect:
    """Where the photo goes on a card drawn in the cell rect."""
    photo = QRect(card_rect(rect).toRect().adjusted(MARGIN, MARGIN, -MARGIN, 0))
    photo.setHeight(PHOTO_HEIGHT - MARGIN)
    return photo


def paint_frame(
    painter: QPainter, palette: QPalette, card: QRectF, *, highlighted: bool, hovered: bool,
) -> None:
    """The card's panel; a thick highlight when selected (or a drop target), a tint on hover."""
    path = QPainterPath()
    path.addRoundedRect(card, 8, 8)
    painter.fillPath(path, palette.color(QPalette.ColorRole.Base))
    if highlighted:
        pen_color, width = palette.color(QPalette.ColorRole.Highlight), 3
    else:
        pen_color, width = palette.color(QPalette.ColorRole.Mid), 1
        if hovered:
            pen_color = palette.color(QPalette.ColorRole.Highlight).lighter(130)
    pen = painter.pen()
    pen.setColor(QColor(pen_color))
    pen.setWidthF(width)
    painter.setPen(pen)
    painter.drawPath(path)


def paint_photo(
    painter: QPainter, palette: QPalette, area: QRect, record: ItemRecord,
    scaled: QPixmap | None,
) -> None:
    """The photo already scaled to fit the area, centred; a placeholder when there is none."""
    clip = QPainterPath()
    clip.addRoundedRect(QRectF(area), 6, 6)
    painter.save()
    painter.setClipPath(clip)
    if scaled is None:
        paint_placeholder(painter, area, record.kind, palette,
                          loading=record.primary_photo_id is not None)
    else:
        painter.fillRect(area, palette.color(QPalette.ColorRole.AlternateBase))
        target = QRect(0, 0, scaled.width(), scaled.height())
        target.moveCenter(area.center())
        painter.drawPixmap(target.topLeft(), scaled)
    painter.restore()


def paint_text(
    painter: QPainter, palette: QPalette, font: QFont, card: QRect, record: ItemRecord,
) -> None:
    """Title on at most two lines, then the date (or season) and competition, each elided."""
    text_area = card.adjusted(MARGIN + 2, PHOTO_HEIGHT + 6, -MARGIN - 2, -MARGIN)
    title_font = QFont(font)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    metrics = painter.fontMetrics()
    title_rect = QRect(text_area.left(), text_area.top(), text_area.width(),
                       metrics.height() * 2)
    painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop),
                     two_lines(metrics, record.title, text_area.width()))
    painter.setFont(font)
    small = painter.fontMetrics()
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    lines = [format_partial_date(record.date) or record.season or "", record.competition or ""]
    top = title_rect.bottom() + 4
    for line in lines:
        if line:
            painter.drawText(QRect(text_area.left(), top, text_area.width(), small.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             small.elidedText(line, Qt.TextElideMode.ElideRight,
                                              text_area.width()))
            top += small.height()


def two_lines(metrics: QFontMetrics, text: str, width: int) -> str:
    """The title as at most two lines, the second elided, so no card's text is ever clipped."""
    words, first = text.split(), ""
    while words and metrics.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one very long word
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    rest = " ".join(words)
    if not rest:
        return first
    return f"{first}\n{metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)}"


def paint_placeholder(
    painter: QPainter, area: QRect, kind: str, palette: QPalette, *, loading: bool,
) -> None:
    """A calm stand-in for a photo: the kind's name on a soft panel (dotted while loading)."""
    base = palette.color(QPalette.ColorRole.AlternateBase)
    painter.fillRect(area, base)
    ring = QRect(0, 0, 56, 56)
    ring.moveCenter(area.center() - QRect(0, 0, 0, 24).bottomRight())
    pen = painter.pen()
    pen.setColor(palette.color(QPalette.ColorRole.Mid))
    pen.setWidthF(2.0)
    pen.setStyle(Qt.PenStyle.DotLine if loading else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawEllipse(ring)
    font = QFont(painter.font())
    font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    label = QRect(area.left(), ring.bottom() + 8, area.width(), painter.fontMetrics().height())
    painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), kind)
    painter.drawText(ring, int(Qt.AlignmentFlag.AlignCenter), kind[:1].upper())


def scaled_photo(pixmap: QPixmap, size: QSize) -> QPixmap:
    """The photo scaled smoothly to fit size, keeping its proportions."""
    return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
