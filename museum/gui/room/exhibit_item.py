"""One item on display: its photo (or drawn silhouette) standing on the glass, and its plaque."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QDrag, QLinearGradient, QPainter, QPixmap, QRadialGradient,
)
from PySide6.QtWidgets import (
    QApplication, QGraphicsItem, QGraphicsSceneContextMenuEvent, QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent, QGraphicsView, QStyleOptionGraphicsItem, QWidget,
)

from museum.core.records import ItemRecord
from museum.gui.mime import item_ids_mime
from museum.gui.room import exact_cache, level_cache
from museum.gui.room.cabinet_item import FAR_SCALE
from museum.gui.room.geometry import (
    FRAMED_KINDS, PLAQUE_GAP, PLAQUE_HEIGHT, exhibit_box, fit_box,
)
from museum.gui.room.plaque import paint_plaque, plaque_text
from museum.gui.room.silhouettes import metal_brush, silhouette_pixmap
from museum.gui.room.variants import variant_for

HOVER_LIFT = 5.0
MAX_SPRITE_BUCKET = 4.0  # closer than this, the few items on screen are painted live
PREVIEW_SCALE = 1.6  # on-screen pixels per scene unit above which the large photo is worth it
DIM_VEIL = QColor(8, 5, 3, 165)  # over an item a search leaves in the dark


class ExhibitItem(QGraphicsItem):
    """An item on a shelf. Positioned at its slot's top-left inside its cabinet."""

    def __init__(self, record: ItemRecord, slot: QRectF, surface: float,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.item_id = record.id
        self._slot = QRectF(0, 0, slot.width(), slot.height())
        self.setPos(slot.topLeft())
        self._surface = surface - slot.top()
        self.box = exhibit_box(record.kind, self._slot, self._surface)
        self.variant = variant_for(record)
        plaque_width = min(self._slot.width() - 10, 136.0)
        self.plaque_rect = QRectF(self._slot.center().x() - plaque_width / 2,
                                  self._surface + PLAQUE_GAP, plaque_width, PLAQUE_HEIGHT)
        self.plaque = plaque_text(record, plaque_width - 8)
        self.photo: QPixmap | None = None
        self.photo_size = ""
        self.hovered = False
        self.spotlit = False
        self.dimmed = False  # a search is on and this item does not match it
        self.far_view = False
        self._press: QPointF | None = None
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(record.title)

    # --- what the room asks of an exhibit ---------------------------------------------------

    @property
    def photo_id(self) -> int | None:
        return self.record.primary_photo_id

    def set_photo(self, pixmap: QPixmap, size: str) -> None:
        if pixmap.isNull():
            return
        self.photo, self.photo_size = pixmap, size
        level_cache.refresh_key(self.sprite_key, done=self.update)
        level_cache.refresh_key((self.sprite_key, "lit"), done=self.update)
        self.update()
        cabinet = self.parentItem()
        if size == "grid" and hasattr(cabinet, "contents_changed"):
            cabinet.contents_changed()

    def adopt_photo(self, pixmap: QPixmap, size: str) -> None:
        """Take over the photo this item had in the cabinet it just left (a freshly built
        exhibit has no cached pictures to refresh)."""
        self.photo, self.photo_size = pixmap, size

    def set_spotlit(self, spotlit: bool) -> None:
        if spotlit != self.spotlit:
            self.spotlit = spotlit
            self._update_contents_flag()
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Leave the item in the dark (a search is on and it does not match) or light it."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self._update_contents_flag()
            self.update()

    def set_far_view(self, far: bool) -> None:
        """Seen from afar, the cabinet's picture shows this item: unless lit, it paints nothing
        and Qt need not even call paint() (500 calls a frame add up)."""
        self.far_view = far
        self._update_contents_flag()

    def _update_contents_flag(self) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents,
                     self.far_view and not (self.hovered or self.spotlit or self.dimmed))

    def picture_rect(self) -> QRectF:
        """Where the picture stands, in item coordinates (photos keep their proportions)."""
        if self.photo is None:
            return self.box
        aspect = self.photo.width() / max(1, self.photo.height())
        if self.record.kind in FRAMED_KINDS:
            return self.box
        # A photo keeps the kind's height but may be as wide as the slot: a square photo of a
        # trophy should not shrink to the trophy's narrow outline.
        width = min(self.box.height() * aspect, self._slot.width() - 16)
        room = QRectF(self._slot.center().x() - width / 2, self.box.top(), width,
                      self.box.height())
        return fit_box(room, aspect)

    def boundingRect(self) -> QRectF:
        return self._slot.adjusted(-4, -HOVER_LIFT - 4, 4, 4)

    # --- painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self._paint_item(painter, option)
        if self.dimmed and not level_cache.live:  # a veil over the picture, never in a poster
            painter.fillRect(self._slot, DIM_VEIL)

    def _paint_item(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        ratio = painter.device().devicePixelRatioF()
        if level_cache.live:  # a poster: painted now, exactly, neither lit nor lifted
            if scale >= FAR_SCALE:
                self.paint_plain(painter, scale)
            return
        if self.hovered:
            self.paint_at(painter, scale, ratio)  # lifted and glowing: drawn live
            return
        if self.spotlit:
            self._paint_lit(painter, scale * ratio)
            return
        if scale < FAR_SCALE:
            return  # the cabinet's far picture already shows this item
        picture = self.sprite(scale * ratio)
        if picture is None and getattr(self.parentItem(), "showing_far", False) and \
                not level_cache.levels(self.sprite_key):
            if not level_cache.frame_time_left():
                return  # the cabinet's far picture shows this item until its own is painted
            picture = self.sprite(scale * ratio, must=True)  # painted once, kept for good
        if picture is None:
            self.paint_at(painter, scale, ratio)
        else:
            exact_cache.draw(painter, self.sprite_key, self.boundingRect(), picture,
                             QRectF(picture.rect()))

    def sprite(self, pixels: float, *, must: bool = False) -> QPixmap | None:
        """This item (photo, shadow, plaque) as one cached picture for `pixels` device pixels
        per scene unit, or a near zoom level of it while the right one waits for idle time;
        None when there is none yet (or the zoom is beyond what is worth caching)."""
        if pixels > MAX_SPRITE_BUCKET:
            return None
        bucket = level_cache.bucket_for(pixels, most=MAX_SPRITE_BUCKET, fine=True)
        return level_cache.picture_or_stand_in(
            self.sprite_key, self.boundingRect(), bucket,
            lambda painter, b=bucket: self.paint_plain(painter, b), done=self.update,
            must=must)

    def _paint_lit(self, painter: QPainter, pixels: float) -> None:
        """The spotlit item (the tour's, the card's) from a cached picture of its own: drawn
        live, its gradients and framed photo took 10-15 ms of every frame of the tour."""
        if pixels > MAX_SPRITE_BUCKET:
            self.paint_at(painter, pixels, 1.0)
            return
        bucket = level_cache.bucket_for(pixels, most=MAX_SPRITE_BUCKET, fine=True)
        key = (self.sprite_key, "lit")
        picture = level_cache.picture_or_stand_in(
            key, self.boundingRect(), bucket,
            lambda p, b=bucket: self._paint_as(p, b, spotlit=True), done=self.update)
        assert picture is not None  # must=True: painted now when no zoom level is cached
        exact_cache.draw(painter, key, self.boundingRect(), picture, QRectF(picture.rect()))

    def warm_sprite(self, pixels: float) -> None:
        if pixels <= MAX_SPRITE_BUCKET:
            bucket = level_cache.bucket_for(pixels, most=MAX_SPRITE_BUCKET, fine=True)
            level_cache.warm(self.sprite_key, self.boundingRect(), bucket,
                             lambda painter, b=bucket: self.paint_plain(painter, b),
                             done=self.update, urgent=False)

    @property
    def sprite_key(self) -> tuple:
        cabinet = self.parentItem()
        return (getattr(cabinet, "token", 0), ("exhibit", self.item_id))

    def paint_plain(self, painter: QPainter, scale: float) -> None:
        """This item without hover or spotlight, for the cabinet's far picture."""
        self._paint_as(painter, scale, spotlit=False)

    def _paint_as(self, painter: QPainter, scale: float, *, spotlit: bool) -> None:
        hovered, was_spotlit = self.hovered, self.spotlit
        self.hovered, self.spotlit = False, spotlit
        try:
            self.paint_at(painter, scale, 1.0)
        finally:
            self.hovered, self.spotlit = hovered, was_spotlit

    def paint_at(self, painter: QPainter, scale: float, pixel_ratio: float) -> None:
        if self.spotlit:
            self._paint_spotlight(painter)
        lift = HOVER_LIFT if self.hovered else 0.0
        picture = self.picture_rect()
        self._paint_shadow(painter, picture, lift)
        target = picture.translated(0, -lift)
        if self.hovered and scale > 0.2:
            glow = QRadialGradient(target.center(), max(target.width(), target.height()) * 0.75)
            glow.setColorAt(0.0, QColor(255, 225, 150, 90))
            glow.setColorAt(1.0, QColor(255, 225, 150, 0))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(target.center(), target.width() * 0.8, target.height() * 0.65)
        if self.photo is not None:
            self._paint_photo(painter, target)
        else:
            self._paint_silhouette(painter, target, scale * pixel_ratio)
        paint_plaque(painter, self.plaque_rect, self.plaque, scale=scale,
                     highlighted=self.hovered or self.spotlit)

    def _paint_shadow(self, painter: QPainter, picture: QRectF, lift: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 70 if not lift else 45))
        width = picture.width() * (0.95 + lift * 0.02)
        painter.drawEllipse(QPointF(picture.center().x(), self._surface - 1), width / 2, 3.5)

    def _paint_silhouette(self, painter: QPainter, target: QRectF, pixels: float) -> None:
        bucket = _pixel_bucket(pixels)
        pixmap = silhouette_pixmap(self.variant, round(target.width() * bucket),
                                   round(target.height() * bucket))
        painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))

    def _paint_photo(self, painter: QPainter, target: QRectF) -> None:
        assert self.photo is not None
        if self.record.kind in FRAMED_KINDS:
            edge = min(target.width(), target.height()) * 0.07
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 80))
            painter.drawRect(target.translated(3, 3))
            painter.setBrush(QColor("#2a1a0f"))
            painter.drawRect(target)
            painter.setBrush(metal_brush(target))
            painter.drawRect(target.adjusted(edge * .6, edge * .6, -edge * .6, -edge * .6))
            inner = target.adjusted(edge, edge, -edge, -edge)
            painter.setBrush(QColor("#efe9dc"))
            painter.drawRect(inner)
            aspect = self.photo.width() / max(1, self.photo.height())
            target = fit_box(inner.adjusted(edge * .6, edge * .6, -edge * .6, -edge * .6),
                             aspect)
        painter.drawPixmap(target, self.photo, QRectF(self.photo.rect()))
        if self.record.kind not in FRAMED_KINDS:  # a glint so the photo sits in the light
            sheen = QLinearGradient(target.topLeft(), target.bottomLeft())
            sheen.setColorAt(0.0, QColor(255, 240, 200, 40))
            sheen.setColorAt(0.4, QColor(255, 240, 200, 0))
            painter.fillRect(target, sheen)

    def _paint_spotlight(self, painter: QPainter) -> None:
        cone = QLinearGradient(0, 0, 0, self._surface)
        cone.setColorAt(0.0, QColor(255, 236, 180, 30))
        cone.setColorAt(1.0, QColor(255, 236, 180, 120))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(cone)
        centre = self._slot.center().x()
        top, bottom = self.box.width() * 0.25, self._slot.width() * 0.5
        painter.drawPolygon([QPointF(centre - top, 0), QPointF(centre + top, 0),
                             QPointF(centre + bottom, self._surface),
                             QPointF(centre - bottom, self._surface)])
        pool = QRadialGradient(QPointF(centre, self._surface), bottom)
        pool.setColorAt(0.0, QColor(255, 236, 180, 150))
        pool.setColorAt(1.0, QColor(255, 236, 180, 0))
        painter.setBrush(pool)
        painter.drawEllipse(QPointF(centre, self._surface), bottom, 10)

    # --- interaction ------------------------------------------------------------------------

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self._update_contents_flag()
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self._update_contents_flag()
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.screenPos()
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None:
            return
        distance = QLineF(QPointF(self._press), QPointF(event.screenPos())).length()
        if distance >= QApplication.startDragDistance():
            self._press = None
            self.start_drag(event.widget())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is not None and self.scene() is not None:
            self.scene().exhibit_clicked.emit(self.item_id)
        self._press = None

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        if self.scene() is not None:
            self.scene().exhibit_menu_requested.emit(self.item_id, event.screenPos())
            event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.scene() is None:
            return
        cabinet = self.parentItem()
        view = event.widget().parentWidget() if event.widget() is not None else None
        zoom = view.transform().m11() if isinstance(view, QGraphicsView) else 1.0
        if zoom < FAR_SCALE and cabinet is not None and hasattr(cabinet, "name"):
            # Seen from afar (Fit all) the items are a few pixels each and cover most of the
            # cabinet: a double-click there means the cabinet (frame it), not this item (it
            # opened the item's editor and left the room).
            self.scene().cabinet_double_clicked.emit(cabinet.name)
            return
        self.scene().exhibit_double_clicked.emit(self.item_id)

    def start_drag(self, source: QWidget | None) -> None:
        """Carry this item to another shelf or to storage (the drop does the moving)."""
        drag = QDrag(source)
        drag.setMimeData(item_ids_mime([self.item_id]))
        picture = self.photo or silhouette_pixmap(self.variant, round(self.box.width()),
                                                  round(self.box.height()))
        drag.setPixmap(picture.scaledToHeight(96, Qt.TransformationMode.SmoothTransformation))
        drag.exec(Qt.DropAction.MoveAction)


def _pixel_bucket(scale: float) -> float:
    """Round the zoom up to a power of two so a few cached sizes serve every zoom level."""
    bucket = 0.125
    while bucket < scale and bucket < 4:
        bucket *= 2
    return bucket
