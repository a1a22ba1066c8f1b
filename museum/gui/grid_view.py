"""The grid of cards: primary photo, title, date and competition of every item."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPainter, QPalette, QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
)

from museum.core.records import ItemRecord
from museum.gui.card_painting import (
    card_rect, paint_frame, paint_photo, paint_placeholder, paint_text, photo_area, scaled_photo,
)
from museum.gui.drops import drop_photos_on_item, photo_files
from museum.gui.item_model import RecordRole

__all__ = ["CARD", "CardDelegate", "GridView", "paint_placeholder"]

CARD = QSize(212, 276)
MIN_CARD_WIDTH = 196
# Cards drawn once and then only copied: a few screenfuls, so that scrolling back and repainting
# what is already on screen cost one pixmap copy per card (~230 KB each at 212x276).
CARD_CACHE = 120
PARTS_CACHE = 64  # frames in 4 states and placeholders of ~11 kinds, at one card size
SCALED_CACHE = 300  # photos scaled to fit a card (~110 KB each): smoothing one costs ~0.4 ms


class CardDelegate(QStyledItemDelegate):
    """Paints one card from the record; the photo comes from the thumbnail loader if ready.

    A card is drawn into a pixmap the first time it is seen and copied from there afterwards,
    as long as its record (the same object: the model reads a new one when the item changes),
    size, state, photo and palette are unchanged. Text layout and elision, the rounded clip and
    the placeholder cost ~0.4 ms a card; the copy costs a few microseconds.
    """

    def __init__(self, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.drop_row: int | None = None
        self.card = QSize(CARD)
        self._cards: OrderedDict[tuple, tuple[ItemRecord, QPixmap]] = OrderedDict()
        self._scaled: OrderedDict[tuple[int, int, int], QPixmap] = OrderedDict()
        self._parts: dict[tuple, QPixmap] = {}

    def sizeHint(
        self, _option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        return self.card

    def forget_cards(self) -> None:
        """Draw every card afresh (the font, style or palette changed)."""
        self._cards.clear()
        self._scaled.clear()
        self._parts.clear()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        record = index.data(RecordRole)
        highlighted = (bool(option.state & QStyle.StateFlag.State_Selected)
                       or (self.drop_row is not None and index.row() == self.drop_row))
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if record is None:  # a row whose item just went away: an empty frame until the reload
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_frame(painter, option.palette, card_rect(option.rect), highlighted=highlighted,
                        hovered=hovered)
            painter.restore()
            return
        photo = (self.thumbnails.pixmap(record.primary_photo_id)
                 if record.primary_photo_id is not None else None)
        if photo is not None and photo.isNull():
            photo = None
        size = option.rect.size()
        key = (record.id, size.width(), size.height(), highlighted, hovered,
               photo.cacheKey() if photo is not None else 0, option.palette.cacheKey(),
               painter.device().devicePixelRatio())
        cached = self._cards.get(key)
        if cached is not None and cached[0] is record:
            self._cards.move_to_end(key)
            card = cached[1]
        else:
            card = self._draw_card(option, record, photo, highlighted=highlighted,
                                   hovered=hovered, ratio=key[-1])
            self._cards[key] = (record, card)
            while len(self._cards) > CARD_CACHE:
                self._cards.popitem(last=False)
        painter.drawPixmap(option.rect.topLeft(), card)

    def _draw_card(
        self, option: QStyleOptionViewItem, record: ItemRecord, photo: QPixmap | None, *,
        highlighted: bool, hovered: bool, ratio: float,
    ) -> QPixmap:
        rect = QRect(0, 0, option.rect.width(), option.rect.height())
        palette = option.palette
        frame = card_rect(rect)
        # The empty frame and the placeholders look the same on many cards: drawn once each and
        # copied, a new card costs its text and (if any) its photo.
        card = QPixmap(self._part(
            ("frame", rect.width(), rect.height(), highlighted, hovered), rect.size(), option,
            ratio, lambda painter: paint_frame(painter, palette, frame, highlighted=highlighted,
                                               hovered=hovered)))
        area = photo_area(rect)
        painter = QPainter(card)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(option.font)
        if photo is not None:
            paint_photo(painter, palette, area, record, self._scaled_to(photo, area.size()))
        else:
            loading = record.primary_photo_id is not None
            panel = QRect(0, 0, area.width(), area.height())
            painter.drawPixmap(area.topLeft(), self._part(
                ("placeholder", area.width(), area.height(), record.kind, loading), area.size(),
                option, ratio, lambda painter: paint_photo(painter, palette, panel, record, None)))
        paint_text(painter, palette, option.font, frame.toRect(), record)
        painter.end()
        return card

    def _part(
        self, key: tuple, size: QSize, option: QStyleOptionViewItem, ratio: float, draw,
    ) -> QPixmap:
        """A piece many cards share, drawn once on the view's background (opaque: a blit)."""
        key = (*key, option.palette.cacheKey(), ratio)
        part = self._parts.get(key)
        if part is None:
            if len(self._parts) >= PARTS_CACHE:  # the cards changed size: start over
                self._parts.clear()
            part = QPixmap(size * ratio)
            part.setDevicePixelRatio(ratio)
            part.fill(option.palette.color(QPalette.ColorRole.Base))
            painter = QPainter(part)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(option.font)
            draw(painter)
            painter.end()
            self._parts[key] = part
        return part

    def _scaled_to(self, pixmap: QPixmap, size: QSize) -> QPixmap:
        key = (pixmap.cacheKey(), size.width(), size.height())
        scaled = self._scaled.get(key)
        if scaled is None:
            scaled = scaled_photo(pixmap, size)
            self._scaled[key] = scaled
            while len(self._scaled) > SCALED_CACHE:
                self._scaled.popitem(last=False)
        else:
            self._scaled.move_to_end(key)
        return scaled


class GridView(QListView):
    """Cards in rows that reflow with the width; uniform sizes and batched layout for 10,000s."""

    files_dropped = Signal(object, list)  # item id or None, [Path]
    item_menu_requested = Signal(QPoint)  # a right-click on a card (the press selected it)

    def __init__(self, thumbnails, parent=None) -> None:
        super().__init__(parent)
        # List mode flowing left to right and wrapping: cards in rows as in icon mode, but laid
        # out as a list (positions by row), not as 100,000 free-standing icons in a tree.
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
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

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.indexAt(self.viewport().mapFrom(self, event.pos())).isValid():
            self.item_menu_requested.emit(event.globalPos())
            event.accept()

    def moveCursor(  # noqa: N802 - Qt's name
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier,
    ) -> QModelIndex:
        if action == QAbstractItemView.CursorAction.MoveEnd and self.model() is not None:
            last = self.model().index(self.model().rowCount() - 1, 0)
            if last.isValid() and not self.visualRect(last).isValid():
                # The batched layout has not reached the end yet, and End would stop at the
                # last card laid out so far: lay out the rest now, in one pass.
                self.setLayoutMode(QListView.LayoutMode.SinglePass)
                self.doItemsLayout()
                self.setLayoutMode(QListView.LayoutMode.Batched)
            return last if last.isValid() else super().moveCursor(action, modifiers)
        return super().moveCursor(action, modifiers)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.StyleChange):
            self.delegate.forget_cards()
        super().changeEvent(event)

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
        drop_photos_on_item(self, event, self.files_dropped)

