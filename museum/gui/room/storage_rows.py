"""How one row of the storage drawer looks: the title in bold, the kind and year below it, both
always visible, and a selection in the palette's full highlight colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

PADDING = 4  # above, below and beside the two lines


class StorageRowDelegate(QStyledItemDelegate):
    """Two lines per row ("title\\nkind · year" from the model), each elided, never clipped."""

    def sizeHint(
        self, option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        height = QFontMetrics(bold).height() + QFontMetrics(option.font).height()
        return QSize(option.rect.width() or 160, height + 3 * PADDING)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        title, _, detail = str(text).partition("\n")
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            # The active highlight even when the list has lost focus (a drag to a shelf moves
            # focus on): the inactive one is too faint to see which rows are about to move.
            painter.fillRect(option.rect, palette.color(QPalette.ColorGroup.Active,
                                                        QPalette.ColorRole.Highlight))
        area = option.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        bold = QFont(option.font)
        bold.setBold(True)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(QPalette.ColorGroup.Active, role))
        painter.setFont(bold)
        self._line(painter, QRect(area.left(), area.top(), area.width(),
                                  painter.fontMetrics().height()), title)
        top = area.top() + painter.fontMetrics().height() + PADDING // 2
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        self._line(painter, QRect(area.left(), top, area.width(),
                                  painter.fontMetrics().height()), detail)
        painter.restore()

    @staticmethod
    def _line(painter: QPainter, rect: QRect, text: str) -> None:
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         elided)
