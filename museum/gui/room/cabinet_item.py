"""A display cabinet: walnut body, velvet back, lit glass shelves, a brass name plate, and a
glass front drawn over its exhibits."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen, QRadialGradient,
)
from PySide6.QtWidgets import (
    QGraphicsItem, QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem, QWidget,
)

from museum.core.room import CabinetLayout
from museum.gui.room.geometry import BASE, FRAME, CabinetGeometry
from museum.gui.room import level_cache
from museum.gui.room.materials import ENGRAVING, average_colour, brass_gradient, brush

CORNICE_OVERHANG = 12.0
FAR_SCALE = 0.6
"""Zoomed out below this, a cabinet is one cached picture with its items in it."""
FAR_BUCKET = 2 ** -0.5  # the sharpest far picture
THUMB_BUCKET = 1 / 8  # the rough picture that stands in for tiles not painted yet
MAX_BODY_BUCKET = 2 * 2 ** 0.5  # device pixels per unit of the sharpest cabinet picture
_tokens = itertools.count(1)


class CabinetItem(QGraphicsItem):
    """One cabinet; its exhibits are child items. Its origin is its top-left corner."""

    def __init__(self, cabinet: CabinetLayout) -> None:
        super().__init__()
        self.cabinet = cabinet
        self.name = cabinet.name
        self.geometry = CabinetGeometry(cabinet.shelf_count, cabinet.width)
        self.outer = QRectF(0, 0, self.geometry.outer_width, self.geometry.outer_height)
        self.selected_cabinet = False
        self.showing_far = False  # close up, the far picture stands in for unpainted items
        self.token = next(_tokens)
        self.glass = GlassFront(self)
        self.glass.setZValue(10)
        self.setToolTip(cabinet.name)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect

    def boundingRect(self) -> QRectF:
        return self.outer.adjusted(-CORNICE_OVERHANG - 40, -4, CORNICE_OVERHANG + 40, 40)

    def set_selected_cabinet(self, selected: bool) -> None:
        if selected != self.selected_cabinet:
            self.selected_cabinet = selected
            self.update()

    def contents_changed(self) -> None:
        """An item in the cabinet looks different now (a photo arrived): keep showing the far
        view as it was and paint it afresh in idle time."""
        full, thumb = (self.token, "full"), (self.token, "thumb")
        level_cache.refresh(lambda key: level_cache.owned_by(key, full) or key == thumb,
                            done=self.update)

    def release_pictures(self) -> None:
        """Forget every cached picture of this cabinet and its items (it is going away)."""
        level_cache.forget_all(self.token)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        pixels = lod * painter.device().devicePixelRatioF()
        if level_cache.live:  # a poster: painted now, exactly, with no selection glow
            (self._paint_everything if lod < FAR_SCALE else self._paint_body_all)(painter)
            return
        rect = self.boundingRect()
        area = option.exposedRect & rect
        if lod < FAR_SCALE:  # the cabinet with its items, as one picture
            bucket = level_cache.bucket_for(pixels, most=FAR_BUCKET, fine=True)
            part, paint = "full", self._paint_everything
        else:  # the empty cabinet; its items paint themselves
            bucket = level_cache.bucket_for(pixels, most=MAX_BODY_BUCKET, fine=True)
            part, paint = "body", self._paint_body_all
            stand_in = self._far_stand_in(area)
            if stand_in is not None:  # the far picture, until every item has its own
                bucket, part, paint = stand_in, "full", self._paint_everything
            if (stand_in is not None) != self.showing_far:
                self.showing_far = stand_in is not None
                self.update()  # the whole cabinet switches, not just the part exposed now
        if part == "full" and bucket == THUMB_BUCKET and lod >= FAR_SCALE:
            # No far picture yet either: only the rough one, blurred rather than blocky.
            smooth = painter.testRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            self._paint_thumb(painter, area)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        else:
            level_cache.draw_tiled(painter, (self.token, part), area, bucket,
                                   lambda p, _tile: paint(p), origin=rect.topLeft(),
                                   bounds=rect, stand_in=self._paint_thumb, done=self.update)
        if self.selected_cabinet:
            self._paint_selection(painter)

    def _far_stand_in(self, area: QRectF) -> float | None:
        """Just past the zoom where the cabinet opens up into single items, while some item
        in `area` has no picture cached at any zoom level yet: the sharpest zoom level of the far
        picture (cabinet and items) cached, else the rough one, which the frame draws instead of
        painting those items live (dozens of them a frame); None once every item has one."""
        # A spotlit or hovered item draws itself (from a picture of its own): it never has a
        # plain one, and waiting for it kept the whole cabinet blurred for the whole tour step.
        if not any(not level_cache.levels(child.sprite_key) for child in self.childItems()
                   if hasattr(child, "sprite_key") and not (child.spotlit or child.hovered) and
                   child.mapRectToParent(child.boundingRect()).intersects(area)):
            return None
        cached = level_cache.levels(((self.token, "full"), 0, 0))
        return max(cached) if cached else THUMB_BUCKET  # all tiles then stand in: the thumb

    def _paint_thumb(self, painter: QPainter, tile: QRectF) -> None:
        """A rough stand-in for a tile not painted yet: the same part of a small picture; or,
        when the frame has no time left to paint that, the cabinet's plain colours."""
        rect = self.boundingRect()
        key = (self.token, "thumb")
        thumb = level_cache.lookup(key, THUMB_BUCKET)
        if thumb is None and level_cache.frame_time_left():
            thumb = level_cache.cached_picture(key, rect, THUMB_BUCKET, self._paint_everything)
        if thumb is None:
            level_cache.warm(key, rect, THUMB_BUCKET, self._paint_everything, done=self.update)
            self._paint_plain_colours(painter, tile)
            return
        source = QRectF((tile.left() - rect.left()) * THUMB_BUCKET,
                        (tile.top() - rect.top()) * THUMB_BUCKET,
                        tile.width() * THUMB_BUCKET, tile.height() * THUMB_BUCKET)
        # Blurred rather than blocky (blown up nearest-pixel it showed as coarse squares).
        smooth = painter.testRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawPixmap(tile, thumb, source)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)

    def _paint_plain_colours(self, painter: QPainter, tile: QRectF) -> None:
        """The wood and the velvet, flat: for the first frames of a room nothing is cached for
        yet, a few milliseconds until its pictures are painted in idle time."""
        painter.fillRect(tile & self.outer, average_colour("cabinet_wood"))
        painter.fillRect(tile & self.geometry.interior(), average_colour("velvet").darker(130))

    def warm_far(self, pixels: float) -> None:
        """Queue the small stand-in and the far picture at this zoom for idle time."""
        rect = self.boundingRect()
        level_cache.warm((self.token, "thumb"), rect, THUMB_BUCKET, self._paint_everything,
                         urgent=False)
        self._warm_tiles("full", level_cache.bucket_for(pixels, most=FAR_BUCKET, fine=True),
                         self._paint_everything)

    def warm_close(self, pixels: float) -> None:
        """Queue the body and every item's picture at this zoom for idle time."""
        self._warm_tiles("body", level_cache.bucket_for(pixels, most=MAX_BODY_BUCKET, fine=True),
                         self._paint_body_all)
        for child in self.childItems():
            warm = getattr(child, "warm_sprite", None)
            if warm is not None:
                warm(pixels)

    def _warm_tiles(self, part: str, bucket: float, paint) -> None:
        level_cache.warm_tiles((self.token, part), self.boundingRect(), bucket,
                               lambda p, _tile: paint(p), done=self.update)

    def _paint_selection(self, painter: QPainter) -> None:
        """A warm glow around the name plate of the cabinet the toolbar's Cabinet menu acts on
        (drawn over the cached picture, so choosing a cabinet repaints nothing else)."""
        plate = self._plate_rect().adjusted(-6, -5, 6, 5)
        # Four bars, not a stroked rounded outline: that one cost 2 ms of every frame.
        glow = QColor(255, 220, 140, 170)
        for bar in (QRectF(plate.left(), plate.top() - 1.5, plate.width(), 3),
                    QRectF(plate.left(), plate.bottom() - 1.5, plate.width(), 3),
                    QRectF(plate.left() - 1.5, plate.top() + 1.5, 3, plate.height() - 3),
                    QRectF(plate.right() - 1.5, plate.top() + 1.5, 3, plate.height() - 3)):
            painter.fillRect(bar, glow)

    def _plate_rect(self) -> QRectF:
        plate_width = min(self.outer.width() - 2 * FRAME - 20, 300.0)
        return QRectF(self.outer.center().x() - plate_width / 2, 34, plate_width, 32)

    def _paint_body_all(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        self._paint_floor_shadow(painter)
        self._paint_body(painter)
        self._paint_interior(painter)
        self._paint_shelves(painter)
        self._paint_crown(painter, 1.0)
        self.glass.paint_reflections(painter)
        self.glass.paint_glass(painter)

    def _paint_everything(self, painter: QPainter) -> None:
        """The cabinet as seen from afar: body and glass, every item (without hover or
        spotlight)."""
        scale = painter.worldTransform().m11()
        self._paint_body_all(painter)
        for child in self.childItems():
            paint_plain = getattr(child, "paint_plain", None)
            if paint_plain is not None and child is not self.glass:
                painter.save()
                painter.translate(child.pos())
                paint_plain(painter, scale)
                painter.restore()

    def _paint_floor_shadow(self, painter: QPainter) -> None:
        base = QPointF(self.outer.center().x(), self.outer.bottom())
        shadow = QRadialGradient(base, self.outer.width() * 0.7)
        shadow.setColorAt(0.0, QColor(0, 0, 0, 150))
        shadow.setColorAt(1.0, QColor(0, 0, 0, 0))
        painter.setBrush(shadow)
        painter.drawEllipse(base + QPointF(0, 6), self.outer.width() * 0.68, 30)

    def _paint_body(self, painter: QPainter) -> None:
        painter.setBrush(brush("cabinet_wood"))
        painter.drawRect(self.outer)
        shade = QLinearGradient(self.outer.topLeft(), self.outer.topRight())
        shade.setColorAt(0.0, QColor(255, 220, 170, 40))
        shade.setColorAt(0.06, QColor(0, 0, 0, 0))
        shade.setColorAt(0.94, QColor(0, 0, 0, 0))
        shade.setColorAt(1.0, QColor(0, 0, 0, 110))
        painter.fillRect(self.outer, shade)
        plinth = QRectF(0, self.outer.bottom() - BASE, self.outer.width(), BASE)
        painter.setPen(QPen(QColor(255, 210, 150, 50), 1.5))
        painter.drawLine(plinth.topLeft() + QPointF(0, 14), plinth.topRight() + QPointF(0, 14))
        painter.setPen(QPen(QColor(0, 0, 0, 110), 2))
        painter.drawLine(plinth.topLeft() + QPointF(0, 17), plinth.topRight() + QPointF(0, 17))
        panel = plinth.adjusted(FRAME + 10, 30, -FRAME - 10, -18)
        painter.setPen(QPen(QColor(0, 0, 0, 90), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(panel)
        painter.setPen(QPen(QColor(255, 210, 150, 40), 1))
        painter.drawRect(panel.adjusted(2, 2, -2, -2))
        painter.setPen(Qt.PenStyle.NoPen)
        foot = QColor(20, 12, 6)
        for x in (4.0, self.outer.width() - 34.0):
            painter.fillRect(QRectF(x, self.outer.bottom(), 30, 8), foot)

    def _paint_interior(self, painter: QPainter) -> None:
        inside = self.geometry.interior()
        painter.setBrush(brush("velvet"))
        painter.drawRect(inside)
        light = QLinearGradient(inside.topLeft(), inside.bottomLeft())
        light.setColorAt(0.0, QColor(255, 226, 170, 110))
        light.setColorAt(0.35, QColor(255, 226, 170, 30))
        light.setColorAt(1.0, QColor(0, 0, 0, 90))
        painter.fillRect(inside, light)
        sides = QLinearGradient(inside.topLeft(), inside.topRight())
        sides.setColorAt(0.0, QColor(0, 0, 0, 120))
        sides.setColorAt(0.08, QColor(0, 0, 0, 0))
        sides.setColorAt(0.92, QColor(0, 0, 0, 0))
        sides.setColorAt(1.0, QColor(0, 0, 0, 120))
        painter.fillRect(inside, sides)
        strip = QRectF(inside.left() + 6, inside.top(), inside.width() - 12, 5)
        painter.fillRect(strip, QColor(255, 246, 220))
        glow = QLinearGradient(strip.bottomLeft(), strip.bottomLeft() + QPointF(0, 40))
        glow.setColorAt(0.0, QColor(255, 236, 190, 140))
        glow.setColorAt(1.0, QColor(255, 236, 190, 0))
        painter.fillRect(QRectF(strip.left(), strip.bottom(), strip.width(), 40), glow)

    def _paint_shelves(self, painter: QPainter) -> None:
        inside = self.geometry.interior()
        for shelf in range(1, self.geometry.shelf_count + 1):
            surface = self.geometry.shelf_surface(shelf)
            glass = QRectF(inside.left(), surface, inside.width(), 7)
            tint = QLinearGradient(glass.topLeft(), glass.bottomLeft())
            tint.setColorAt(0.0, QColor(220, 245, 240, 150))
            tint.setColorAt(1.0, QColor(120, 170, 165, 90))
            painter.fillRect(glass, tint)
            below = QLinearGradient(glass.bottomLeft(), glass.bottomLeft() + QPointF(0, 22))
            below.setColorAt(0.0, QColor(0, 0, 0, 90))
            below.setColorAt(1.0, QColor(0, 0, 0, 0))
            painter.fillRect(QRectF(glass.left(), glass.bottom(), glass.width(), 22), below)
            painter.setPen(QPen(QColor(255, 255, 255, 170), 1.2))
            painter.drawLine(glass.topLeft(), glass.topRight())
            painter.setPen(Qt.PenStyle.NoPen)
        for x in (inside.left() + 3, inside.right() - 9):  # brass shelf supports
            painter.fillRect(QRectF(x, inside.top(), 6, inside.height()),
                             QColor(150, 115, 55, 120))

    def _paint_crown(self, painter: QPainter, scale: float) -> None:
        cornice = QRectF(-CORNICE_OVERHANG, 0, self.outer.width() + 2 * CORNICE_OVERHANG, 20)
        painter.setBrush(brush("cabinet_wood"))
        painter.drawRect(cornice)
        top_light = QLinearGradient(cornice.topLeft(), cornice.bottomLeft())
        top_light.setColorAt(0.0, QColor(255, 220, 170, 90))
        top_light.setColorAt(0.5, QColor(0, 0, 0, 0))
        top_light.setColorAt(1.0, QColor(0, 0, 0, 140))
        painter.fillRect(cornice, top_light)
        painter.fillRect(QRectF(-6, 20, self.outer.width() + 12, 6), QColor(25, 14, 8))
        plate = self._plate_rect()
        painter.setBrush(QColor(0, 0, 0, 120))
        painter.drawRoundedRect(plate.translated(1.5, 2), 4, 4)
        painter.setBrush(brass_gradient(plate))
        painter.drawRoundedRect(plate, 4, 4)
        if scale * 15 < 4:
            return
        font = QFont("DejaVu Serif")
        font.setPixelSize(15)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        painter.setFont(font)
        text = painter.fontMetrics().elidedText(self.name.upper(), Qt.TextElideMode.ElideRight,
                                                int(plate.width() - 16))
        painter.setPen(QColor(255, 244, 210, 120))
        painter.drawText(plate.translated(0, 0.8), Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(ENGRAVING)
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, text)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        if self.scene() is not None:
            self.scene().cabinet_menu_requested.emit(self.name, event.screenPos())
            event.accept()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.scene() is not None:
            self.scene().cabinet_clicked.emit(self.name)
        event.ignore()  # let the view pan when the drag starts on the cabinet itself

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.scene() is not None:
            self.scene().cabinet_double_clicked.emit(self.name)
            event.accept()
        else:
            event.ignore()


class GlassFront(QGraphicsItem):
    """Reflections on the cabinet's glass doors, painted over the exhibits; never takes clicks."""

    def __init__(self, cabinet: CabinetItem) -> None:
        super().__init__(cabinet)
        self._inside = cabinet.geometry.interior()
        self._doors = 2 if cabinet.geometry.width % 2 == 0 else 1  # never through an item
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:
        return self._inside

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Nothing: the rim and the doors' stiles are in the cabinet's own picture, behind the
        # items (the doors never cross an item, and the rim is faint). Drawn live over them,
        # the rim alone cost 3 ms of every frame of the tour for each cabinet on screen.
        return

    def paint_reflections(self, painter: QPainter) -> None:
        """Faint streaks of light on the glass. Drawn behind the items (in the cabinet's
        picture): at this faintness no one can tell, and a frame is spared blending them."""
        inside = self._inside
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setClipRect(inside)
        for start, width in ((0.08, 0.1), (0.22, 0.04), (0.62, 0.07)):
            streak = QPainterPath()
            x0 = inside.left() + inside.width() * start
            w = inside.width() * width
            streak.moveTo(x0 + inside.height() * 0.35, inside.top())
            streak.lineTo(x0 + inside.height() * 0.35 + w, inside.top())
            streak.lineTo(x0 + w, inside.bottom())
            streak.lineTo(x0, inside.bottom())
            streak.closeSubpath()
            painter.setBrush(QColor(255, 255, 255, 13))
            painter.drawPath(streak)
        painter.restore()

    def paint_glass(self, painter: QPainter) -> None:
        inside = self._inside
        painter.save()
        painter.setPen(QPen(QColor(255, 255, 255, 40), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(inside.adjusted(1, 1, -1, -1))
        if self._doors == 2:  # the meeting stiles of two glass doors
            middle = inside.center().x()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.fillRect(QRectF(middle - 3, inside.top(), 6, inside.height()),
                             brush("cabinet_wood"))
            painter.fillRect(QRectF(middle - 3, inside.top(), 1.2, inside.height()),
                             QColor(255, 220, 170, 50))
            painter.fillRect(QRectF(middle + 4, inside.top() + inside.height() * .45, 3, 26),
                             brass_gradient(QRectF(0, 0, 3, 26)))
        painter.restore()
