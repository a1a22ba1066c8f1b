"""How one card of the grid looks: frame, photo (or a placeholder) and three lines of text.

These functions draw; they keep nothing. The grid's delegate draws each card once into a pixmap
and reuses it while nothing the card shows has changed (museum.gui.grid_view).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor, QFont, QPainter, QPainterPath, QPalette, QPixmap, QTextLayout, QTextOption,
)

from museum.core.dates import format_partial_date
from museum.core.records import ItemRecord

PHOTO_HEIGHT = 176
MARGIN = 8
TITLE_LINES = 2
BACKDROP_PIXELS = 6  # the photo shrunk this small, then stretched over its area: a soft blur
BACKDROP_VEIL = 0.45  # how much of the card's base colour lies over it, so the photo stands out


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
        paint_backdrop(painter, palette, area, scaled)
        target = QRect(0, 0, scaled.width(), scaled.height())
        target.moveCenter(area.center())
        painter.drawPixmap(target.topLeft(), scaled)
    painter.restore()


def paint_backdrop(painter: QPainter, palette: QPalette, area: QRect, photo: QPixmap) -> None:
    """The photo's own colours, blurred and muted, behind it: a landscape and a portrait photo
    sit on the same kind of ground instead of on grey bars that change sides with the shape."""
    # A few pixels stretched smoothly over the area are a blur at almost no cost.
    tiny = photo.scaled(QSize(BACKDROP_PIXELS, BACKDROP_PIXELS),
                        Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawPixmap(area, tiny)
    veil = QColor(palette.color(QPalette.ColorRole.Base))
    veil.setAlphaF(BACKDROP_VEIL)
    painter.fillRect(area, veil)
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
    height = painter.fontMetrics().height()
    single = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    top = text_area.top()
    # One line per drawText and no wrapping there: Qt cannot re-wrap a line and push its end
    # (and the ellipsis) out of sight.
    for line in title_lines(painter, record.title, text_area.width()):
        painter.drawText(QRect(text_area.left(), top, text_area.width(), height), single, line)
        top += height
    painter.setFont(font)
    small = painter.fontMetrics()
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    lines = [format_partial_date(record.date) or record.season or "", record.competition or ""]
    top = text_area.top() + height * TITLE_LINES + 4
    for line in lines:
        if line:
            painter.drawText(QRect(text_area.left(), top, text_area.width(), small.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             small.elidedText(line, Qt.TextElideMode.ElideRight,
                                              text_area.width()))
            top += small.height()


def title_lines(painter: QPainter, text: str, width: int, *, count: int = TITLE_LINES
                ) -> list[str]:
    """The title broken into at most `count` lines that fit `width` in the painter's font, the
    last elided when the title goes on; broken by the engine that draws it, so every line
    measured to fit does fit."""
    layout = QTextLayout(text, painter.font(), painter.device())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while len(starts) < count:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    lines = [text[start:end].strip() for start, end in zip(starts, [*starts[1:], len(text)])]
    if lines:
        metrics = painter.fontMetrics()
        lines[-1] = metrics.elidedText(" ".join(text[starts[-1]:].split()),
                                       Qt.TextElideMode.ElideRight, width)
    return [line for line in lines if line]


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
