"""The grid of cards: primary photo, title, date and competition of every item."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QPainter, QPainterPath, QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
)

from museum.core.dates import format_partial_date
from museum.gui.drops import photo_files
from museum.gui.item_model import IdRole, RecordRole

CARD = QSize(212, 276)
MIN_CARD_WIDTH = 196
PHOTO_HEIGHT = 176
MARGIN = 8
SCALED_CACHE = 400  # photos scaled to the card's size: a paint then only copies pixels


class CardDelegate(QStyledItemDelegate):
    """Paints one card from the record; the photo comes from the thumbnail loader if ready."""

    def __init__(self, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.drop_row: int | None = None
        self.card = QSize(CARD)
        self._scaled: OrderedDict[tuple[int, int, int], QPixmap] = OrderedDict()

    def sizeHint(
        self, _option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        return self.card

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        record = index.data(RecordRole)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(5, 5, -5, -5))
        self._paint_frame(painter, option, card, index.row())
        if record is not None:
            photo = QRect(card.toRect().adjusted(MARGIN, MARGIN, -MARGIN, 0))
            photo.setHeight(PHOTO_HEIGHT - MARGIN)
            self._paint_photo(painter, option, photo, record)
            self._paint_text(painter, option, card.toRect(), record)
        painter.restore()

    def _paint_frame(
        self, painter: QPainter, option: QStyleOptionViewItem, card: QRectF, row: int,
    ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        path = QPainterPath()
        path.addRoundedRect(card, 8, 8)
        painter.fillPath(path, palette.color(QPalette.ColorRole.Base))
        if selected or row == self.drop_row:
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

    def _paint_photo(
        self, painter: QPainter, option: QStyleOptionViewItem, area: QRect, record,
    ) -> None:
        pixmap = (self.thumbnails.pixmap(record.primary_photo_id) if record.primary_photo_id
                  else None)
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(area), 6, 6)
        painter.save()
        painter.setClipPath(clip)
        if pixmap is None or pixmap.isNull():
            paint_placeholder(painter, area, record.kind, option.palette,
                              loading=record.primary_photo_id is not None)
        else:
            painter.fillRect(area, option.palette.color(QPalette.ColorRole.AlternateBase))
            scaled = self._scaled_to(pixmap, area.size())
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(area.center())
            painter.drawPixmap(target.topLeft(), scaled)
        painter.restore()

    def _scaled_to(self, pixmap: QPixmap, size: QSize) -> QPixmap:
        key = (pixmap.cacheKey(), size.width(), size.height())
        scaled = self._scaled.get(key)
        if scaled is None:
            scaled = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            self._scaled[key] = scaled
            while len(self._scaled) > SCALED_CACHE:
                self._scaled.popitem(last=False)
        else:
            self._scaled.move_to_end(key)
        return scaled

    def _paint_text(
        self, painter: QPainter, option: QStyleOptionViewItem, card: QRect, record,
    ) -> None:
        text_area = card.adjusted(MARGIN + 2, PHOTO_HEIGHT + 6, -MARGIN - 2, -MARGIN)
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        metrics = painter.fontMetrics()
        title_rect = QRect(text_area.left(), text_area.top(), text_area.width(),
                           metrics.height() * 2)
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop),
                         _two_lines(metrics, record.title, text_area.width()))
        painter.setFont(option.font)
        small = painter.fontMetrics()
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        lines = [format_partial_date(record.date) or record.season or "", record.competition or ""]
        top = title_rect.bottom() + 4
        for line in lines:
            if line:
                painter.drawText(QRect(text_area.left(), top, text_area.width(), small.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 small.elidedText(line, Qt.TextElideMode.ElideRight,
                                                  text_area.width()))
                top += small.height()


def _two_lines(metrics, text: str, width: int) -> str:
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


class GridView(QListView):
    """Cards in rows that reflow with the width; uniform sizes and batched layout for 10,000s."""

    files_dropped = Signal(object, list)  # item id or None, [Path]

    def __init__(self, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(500)
        self.setGridSize(CARD)
        self.setSpacing(0)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setAcceptDrops(True)
        self.setDragEnabled(True)  # items dragged out carry their ids (to the room)
        self.setDropIndicatorShown(False)
        self.delegate = CardDelegate(thumbnails, self)
        self.setItemDelegate(self.delegate)
        self.setObjectName("grid")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widen the cards so that each row fills the view: no ragged empty band on the right."""
        width = self.viewport().width() - 1
        columns = max(1, width // MIN_CARD_WIDTH)
        card = QSize(max(MIN_CARD_WIDTH, width // columns), CARD.height())
        if card != self.delegate.card:
            self.delegate.card = card
            self.setGridSize(card)

    # Files from the file manager: on a card, photos for that item; elsewhere, a new item.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if photo_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not photo_files(event.mimeData()):
            event.ignore()
            return
        index = self.indexAt(event.position().toPoint())
        row = index.row() if index.isValid() else None
        if row != self.delegate.drop_row:
            self.delegate.drop_row = row
            self.viewport().update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self.delegate.drop_row = None
        self.viewport().update()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.delegate.drop_row = None
        self.viewport().update()
        paths: list[Path] = photo_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        index = self.indexAt(event.position().toPoint())
        event.acceptProposedAction()
        self.files_dropped.emit(index.data(IdRole) if index.isValid() else None, paths)

