"""The detail pane: the selected item laid out like a museum label, with its photos."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget,
)

from museum.core.catalogue import Catalogue
from museum.core.records import ItemRecord
from museum.gui.grid_view import paint_placeholder
from museum.gui.item_model import display_value
from museum.gui.photo_list import list_item_photos

LABEL_FIELDS: tuple[tuple[str, str], ...] = (
    ("season", "Season"), ("competition", "Competition"), ("stage", "Stage"), ("team", "Team"),
    ("opponent", "Opponent"), ("score", "Score"), ("venue", "Venue"),
    ("achievement", "Achievement"), ("condition", "Condition"), ("location", "Location"),
    ("acquired_how", "Acquired"), ("acquired_date", "Acquired on"), ("acquired_from", "From"),
    ("acquired_price", "Price paid"), ("value", "Estimated value"), ("provenance", "Provenance"),
    ("tags", "Tags"), ("notes", "Notes"),
)
PHOTO_SIZE = QSize(360, 300)


class PhotoPanel(QLabel):
    """The large photo: the preview when it has loaded, a drawn placeholder until then."""

    double_clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(PHOTO_SIZE.height())
        self.kind = ""
        self.source: QPixmap | None = None
        self.waiting = False

    def show_photo(self, pixmap: QPixmap | None, *, kind: str, waiting: bool) -> None:
        self.source, self.kind, self.waiting = pixmap, kind, waiting
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = self.rect()
        if self.source is None or self.source.isNull():
            paint_placeholder(painter, area, self.kind or "item", self.palette(),
                              loading=self.waiting)
            return
        painter.fillRect(area, self.palette().color(QPalette.ColorRole.AlternateBase))
        scaled = self.source.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
        painter.drawPixmap((area.width() - scaled.width()) // 2,
                           (area.height() - scaled.height()) // 2, scaled)

    def mouseDoubleClickEvent(self, _event) -> None:
        self.double_clicked.emit()


class DetailPane(QScrollArea):
    """Shows one item; asks the window to edit it or to open the viewer on one of its photos."""

    edit_requested = Signal(int)
    viewer_requested = Signal(int, int)  # item id, photo id

    def __init__(self, catalogue: Catalogue, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self.catalogue = catalogue
        self.thumbnails = thumbnails
        self.record: ItemRecord | None = None
        self.photo_ids: list[int] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        body = QWidget()
        self.setWidget(body)
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(16, 16, 16, 16)
        self.layout_.setSpacing(10)
        self.photo = PhotoPanel()
        self.photo.double_clicked.connect(self._open_viewer_on_primary)
        self.strip = self._make_strip()
        self.title = QLabel(wordWrap=True, objectName="detailTitle")
        title_font = QFont("Georgia")
        title_font.setStyleHint(QFont.StyleHint.Serif)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.6)
        self.title.setFont(title_font)
        self.subtitle = QLabel(wordWrap=True)
        self.description = QLabel(wordWrap=True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = QLabel(wordWrap=True)
        self.fields.setTextFormat(Qt.TextFormat.RichText)
        self.fields.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(
            lambda: self.record and self.edit_requested.emit(self.record.id))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        self.empty = QLabel("Select an item to see it here.",
                            alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        for widget in (self.photo, self.strip, self.title, self.subtitle, self.description,
                       self.fields):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.empty)
        self.layout_.addStretch(1)
        thumbnails.loaded.connect(self._on_thumbnail_loaded)
        self.show_item(None)

    def _make_strip(self) -> QListWidget:
        strip = QListWidget()
        strip.setViewMode(QListView.ViewMode.IconMode)
        strip.setFlow(QListView.Flow.LeftToRight)
        strip.setWrapping(False)
        strip.setIconSize(QSize(72, 72))
        strip.setFixedHeight(92)
        strip.setMovement(QListView.Movement.Static)
        strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        strip.itemDoubleClicked.connect(
            lambda item: self.record and self.viewer_requested.emit(
                self.record.id, item.data(Qt.ItemDataRole.UserRole)))
        strip.itemClicked.connect(
            lambda item: self._show_large(item.data(Qt.ItemDataRole.UserRole)))
        return strip

    def show_item(self, record: ItemRecord | None) -> None:
        """Show this record (None: nothing selected)."""
        self.record = record
        for widget in (self.photo, self.title, self.subtitle, self.description, self.fields):
            widget.setVisible(record is not None)
        self.edit_button.setVisible(record is not None and not self.catalogue.read_only)
        self.empty.setVisible(record is None)
        self.strip.setVisible(False)
        if record is None:
            return
        self.title.setText(html.escape(record.title))
        self.subtitle.setText(_subtitle(record))
        self.description.setText(record.description or "")
        self.description.setVisible(bool(record.description))
        self.fields.setText(_label_html(record, self.palette()))
        self.photo_ids = [photo.id for photo in list_item_photos(self.catalogue, record.id)]
        self._show_large(record.primary_photo_id)
        self._fill_strip()

    def _show_large(self, photo_id: int | None) -> None:
        self.large_photo_id = photo_id
        pixmap = self.thumbnails.pixmap(photo_id, "preview") if photo_id else None
        if pixmap is None and photo_id:
            # sharp enough until the preview comes
            pixmap = self.thumbnails.pixmap(photo_id, "grid")
        self.photo.show_photo(pixmap, kind=self.record.kind if self.record else "",
                              waiting=photo_id is not None)

    def _fill_strip(self) -> None:
        self.strip.clear()
        for photo_id in self.photo_ids:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, photo_id)
            item.setSizeHint(QSize(80, 80))
            pixmap = self.thumbnails.pixmap(photo_id, "grid")
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
            self.strip.addItem(item)
        self.strip.setVisible(len(self.photo_ids) > 1)

    def _on_thumbnail_loaded(self, photo_id: int, size: str) -> None:
        if photo_id not in self.photo_ids:
            return
        if photo_id == getattr(self, "large_photo_id", None):
            self._show_large(photo_id)
        if size == "grid":
            for row in range(self.strip.count()):
                item = self.strip.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == photo_id:
                    item.setIcon(QIcon(self.thumbnails.pixmap(photo_id, "grid")))

    def _open_viewer_on_primary(self) -> None:
        if self.record and self.photo_ids:
            self.viewer_requested.emit(self.record.id, self.large_photo_id or self.photo_ids[0])


def _subtitle(record: ItemRecord) -> str:
    parts = [record.kind.capitalize(), display_value(record, "date")]
    return "  ·  ".join(part for part in parts if part)


def _label_html(record: ItemRecord, palette: QPalette) -> str:
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    rows = []
    for field, label in LABEL_FIELDS:
        text = display_value(record, field)
        if text:
            rows.append(
                f"<tr><td style='color:{muted}; padding:3px 14px 3px 0; white-space:nowrap;'>"
                f"{html.escape(label)}</td>"
                f"<td style='padding:3px 0;'>{html.escape(text)}</td></tr>")
    return f"<table cellspacing='0'>{''.join(rows)}</table>"
