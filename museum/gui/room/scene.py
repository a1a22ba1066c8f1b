"""The room as a QGraphicsScene: wall, floor and lights behind a row of cabinets.

The scene knows nothing of the catalogue: it is given a RoomLayout and the records to show,
and reports clicks and drops as signals for the page to act on.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen, QRadialGradient
from PySide6.QtWidgets import (
    QGraphicsRectItem, QGraphicsScene, QGraphicsSceneDragDropEvent, QStyleOptionGraphicsItem,
)

from museum.core.records import ItemRecord
from museum.core.room import RoomLayout
from museum.gui.mime import item_ids_from_mime
from museum.gui.room import level_cache
from museum.gui.room.cabinet_item import CabinetItem
from museum.gui.room.exhibit_item import ExhibitItem
from museum.gui.room.geometry import (
    CABINET_GAP, CROWN, FLOOR_DEPTH, FRAME, INNER_PAD, SHELF_HEIGHT, SLOT_WIDTH, WALL_ABOVE,
    WALL_MARGIN,
)
from museum.gui.room.materials import brass_gradient, brush

FLOOR_LINE = 0.0  # where the wall meets the floor
CABINET_FOOT = 36.0  # cabinets stand a little in front of the wall
WAINSCOT = 250.0
TILE = 1024.0  # background tiles, in scene units
_tile_tokens = itertools.count(1)


class RoomScene(QGraphicsScene):
    """Cabinets along one wall. Rebuild it with show_room() whenever the layout changes."""

    exhibit_clicked = Signal(int)
    exhibit_double_clicked = Signal(int)
    cabinet_clicked = Signal(str)
    items_dropped = Signal(list, str, int, int)  # ids, cabinet name, shelf (1-based), index

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.cabinets: dict[str, CabinetItem] = {}
        self.exhibits: dict[int, ExhibitItem] = {}
        self.layout: RoomLayout | None = None
        self._lights: list[QPointF] = []
        self._tiles_token = next(_tile_tokens)
        self._indicator = QGraphicsRectItem()
        self._indicator.setBrush(QColor(255, 220, 140, 200))
        self._indicator.setPen(Qt.PenStyle.NoPen)
        self._indicator.setZValue(100)
        self.addItem(self._indicator)
        self._indicator.hide()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # --- building ---------------------------------------------------------------------------

    def show_room(self, layout: RoomLayout, records: dict[int, ItemRecord]) -> None:
        """Stand the layout's cabinets along the wall with the given items on their shelves."""
        for cabinet in self.cabinets.values():
            cabinet.release_pictures()
            self.removeItem(cabinet)
        self.cabinets.clear()
        self.exhibits.clear()
        self.layout = layout
        self._lights = []
        level_cache.forget_all(self._tiles_token)
        self._tiles_token = next(_tile_tokens)
        x = 0.0
        tallest = 3 * SHELF_HEIGHT
        for cabinet in layout.cabinets:
            item = CabinetItem(cabinet)
            item.setPos(x, FLOOR_LINE + CABINET_FOOT - item.outer.height())
            self.addItem(item)
            self.cabinets[cabinet.name] = item
            self._add_exhibits(item, records)
            self._lights.append(QPointF(x + item.outer.width() / 2, item.pos().y()))
            tallest = max(tallest, item.outer.height())
            x += item.outer.width() + CABINET_GAP
        width = max(x - CABINET_GAP, 4 * SLOT_WIDTH)
        self.setSceneRect(QRectF(-WALL_MARGIN, FLOOR_LINE - tallest - WALL_ABOVE,
                                 width + 2 * WALL_MARGIN, tallest + WALL_ABOVE + FLOOR_DEPTH))

    def _add_exhibits(self, cabinet: CabinetItem, records: dict[int, ItemRecord]) -> None:
        geometry = cabinet.geometry
        for number, shelf in enumerate(cabinet.cabinet.shelves, start=1):
            shown = [records[i] for i in shelf if i in records]
            for slot, record in enumerate(shown):
                rect = geometry.slot_rect(number, slot, len(shown))
                exhibit = ExhibitItem(record, rect, geometry.shelf_surface(number), cabinet)
                self.exhibits[record.id] = exhibit

    def cabinet_rect(self, name: str) -> QRectF:
        """A cabinet's outline in scene coordinates, with a little air around it."""
        item = self.cabinets[name]
        return item.mapRectToScene(item.outer).adjusted(-40, -40, 40, 60)

    def exhibit_rect(self, item_id: int) -> QRectF:
        """An exhibit's shelf space and plaque in scene coordinates."""
        exhibit = self.exhibits[item_id]
        return exhibit.mapRectToScene(exhibit.boundingRect())

    def room_rect(self) -> QRectF:
        return self.sceneRect()

    def spotlight(self, item_id: int | None) -> None:
        for exhibit_id, exhibit in self.exhibits.items():
            exhibit.set_spotlit(exhibit_id == item_id)

    def select_cabinet(self, name: str | None) -> None:
        for cabinet_name, cabinet in self.cabinets.items():
            cabinet.set_selected_cabinet(cabinet_name == name)

    # --- dropping ---------------------------------------------------------------------------

    def drop_target(self, point: QPointF) -> tuple[str, int, int] | None:
        """(cabinet, shelf, index) a drop at this scene point means, or None if not a shelf."""
        for name, cabinet in self.cabinets.items():
            local = cabinet.mapFromScene(point)
            inside = cabinet.geometry.interior()
            if not inside.adjusted(-FRAME, -CROWN / 2, FRAME, 0).contains(local):
                continue
            shelf = int((local.y() - CROWN) // SHELF_HEIGHT) + 1
            shelf = max(1, min(cabinet.geometry.shelf_count, shelf))
            count = len(cabinet.cabinet.shelves[shelf - 1])
            step = SLOT_WIDTH if count <= cabinet.geometry.width else \
                cabinet.geometry.width * SLOT_WIDTH / count
            index = round((local.x() - FRAME - INNER_PAD) / step)
            return name, shelf, max(0, min(count, index))
        return None

    def _show_indicator(self, target: tuple[str, int, int] | None) -> None:
        if target is None:
            self._indicator.hide()
            return
        name, shelf, index = target
        cabinet = self.cabinets[name]
        count = len(cabinet.cabinet.shelves[shelf - 1])
        rect = cabinet.geometry.slot_rect(shelf, index, max(count, 1))
        top_left = cabinet.mapToScene(QPointF(rect.left() - 2, rect.top() + 12))
        self._indicator.setRect(QRectF(top_left, cabinet.mapToScene(
            QPointF(rect.left() + 2, cabinet.geometry.shelf_surface(shelf)))))
        self._indicator.show()

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.setAccepted(bool(item_ids_from_mime(event.mimeData())))

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        target = self.drop_target(event.scenePos()) if item_ids_from_mime(event.mimeData()) \
            else None
        self._show_indicator(target)
        event.setAccepted(target is not None)
        if target is not None:
            event.setDropAction(Qt.DropAction.MoveAction)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._indicator.hide()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._indicator.hide()
        ids = item_ids_from_mime(event.mimeData())
        target = self.drop_target(event.scenePos())
        if not ids or target is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.items_dropped.emit(ids, *target)

    # --- the room itself ----------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        """The wall and floor, from tiles cached per zoom level: a frame blits a few pixmaps
        rather than blending a dozen gradients over the whole view."""
        painter.fillRect(rect, QColor("#120b08"))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        bucket = level_cache.bucket_for(lod * painter.device().devicePixelRatioF(), most=1.0)
        room = self.sceneRect() & rect
        first_x = math.floor((room.left() - self.sceneRect().left()) / TILE)
        first_y = math.floor((room.top() - self.sceneRect().top()) / TILE)
        x = first_x
        while self.sceneRect().left() + x * TILE < room.right():
            y = first_y
            while self.sceneRect().top() + y * TILE < room.bottom():
                tile = QRectF(self.sceneRect().left() + x * TILE,
                              self.sceneRect().top() + y * TILE, TILE, TILE)
                picture = level_cache.cached_picture(
                    (self._tiles_token, (x, y)), tile, bucket,
                    lambda p, t=tile: self.paint_room(p, t), opaque=True)
                painter.drawPixmap(tile, picture, QRectF(picture.rect()))
                y += 1
            x += 1

    def paint_room(self, painter: QPainter, rect: QRectF) -> None:
        room = self.sceneRect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(rect, QColor("#120b08"))
        painter.save()
        painter.setClipRect(room)
        wall = QRectF(room.left(), room.top(), room.width(), FLOOR_LINE - room.top())
        floor = QRectF(room.left(), FLOOR_LINE, room.width(), room.bottom() - FLOOR_LINE)
        painter.fillRect(wall & rect, brush("wall"))
        self._paint_wall_light(painter, wall, rect)
        self._paint_wainscot(painter, wall, rect)
        painter.fillRect(floor & rect, brush("wood_floor", scale=1.2))
        depth = QLinearGradient(floor.topLeft(), floor.bottomLeft())
        depth.setColorAt(0.0, QColor(0, 0, 0, 150))
        depth.setColorAt(0.3, QColor(0, 0, 0, 40))
        depth.setColorAt(1.0, QColor(0, 0, 0, 120))
        painter.fillRect(floor & rect, depth)
        for light in self._lights:
            if abs(light.x() - rect.center().x()) > rect.width() / 2 + 600:
                continue
            _soft_ellipse(painter, QPointF(light.x(), FLOOR_LINE + 90), 420, 110,
                          ((0.0, QColor(255, 210, 140, 45)), (1.0, QColor(255, 210, 140, 0))))
        painter.restore()

    def _paint_wall_light(self, painter: QPainter, wall: QRectF, rect: QRectF) -> None:
        dim = QLinearGradient(wall.topLeft(), wall.bottomLeft())
        dim.setColorAt(0.0, QColor(0, 0, 0, 170))
        dim.setColorAt(0.45, QColor(0, 0, 0, 60))
        dim.setColorAt(1.0, QColor(0, 0, 0, 100))
        painter.fillRect(wall & rect, dim)
        cornice = QRectF(wall.left(), wall.top(), wall.width(), 34)
        if cornice.intersects(rect):
            painter.fillRect(cornice & rect, QColor("#2a1610"))
            painter.fillRect(QRectF(wall.left(), wall.top() + 30, wall.width(), 5) & rect,
                             brass_gradient(QRectF(0, wall.top() + 30, 1, 5)))
        for light in self._lights:
            if abs(light.x() - rect.center().x()) > rect.width() / 2 + 700:
                continue
            centre = QPointF(light.x(), light.y() - 40)
            _soft_ellipse(painter, centre, 560, 420,
                          ((0.0, QColor(255, 200, 130, 95)), (0.5, QColor(255, 190, 120, 35)),
                           (1.0, QColor(255, 190, 120, 0))))
            lamp = QRectF(light.x() - 26, wall.top() + 36, 52, 22)
            painter.setBrush(brass_gradient(lamp))
            painter.drawRoundedRect(lamp, 6, 6)
            painter.setBrush(QColor(255, 246, 220))
            painter.drawEllipse(QPointF(light.x(), lamp.bottom()), 14, 4)

    def _paint_wainscot(self, painter: QPainter, wall: QRectF, rect: QRectF) -> None:
        panel_band = QRectF(wall.left(), FLOOR_LINE - WAINSCOT, wall.width(), WAINSCOT)
        if not panel_band.intersects(rect):
            return
        painter.fillRect(panel_band & rect, brush("cabinet_wood"))
        painter.fillRect(panel_band & rect, QColor(0, 0, 0, 70))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        left = wall.left() + 30
        while left < wall.right() - 200:
            if rect.intersects(QRectF(left, panel_band.top(), 240, WAINSCOT)):
                panel = QRectF(left, panel_band.top() + 40, 240, WAINSCOT - 80)
                painter.setPen(QPen(QColor(0, 0, 0, 120), 3))
                painter.drawRect(panel)
                painter.setPen(QPen(QColor(255, 210, 150, 35), 1.5))
                painter.drawRect(panel.adjusted(3, 3, -3, -3))
            left += 270
        painter.setPen(Qt.PenStyle.NoPen)
        rail = QRectF(wall.left(), panel_band.top() - 10, wall.width(), 14)
        painter.fillRect(rail & rect, brush("cabinet_wood"))
        painter.fillRect(QRectF(rail.left(), rail.top(), rail.width(), 3) & rect,
                         QColor(255, 220, 170, 70))
        skirting = QRectF(wall.left(), FLOOR_LINE - 34, wall.width(), 34)
        painter.fillRect(skirting & rect, QColor("#1e120b"))
        painter.fillRect(QRectF(skirting.left(), skirting.top(), skirting.width(), 2) & rect,
                         QColor(255, 220, 170, 60))


def _soft_ellipse(painter: QPainter, centre: QPointF, rx: float, ry: float,
                  stops: tuple[tuple[float, QColor], ...]) -> None:
    """A pool of light that fades to nothing exactly at its edge, however flat it is."""
    painter.save()
    painter.translate(centre)
    painter.scale(1.0, ry / rx)
    gradient = QRadialGradient(QPointF(0, 0), rx)
    for stop, colour in stops:
        gradient.setColorAt(stop, colour)
    painter.setBrush(gradient)
    painter.drawEllipse(QPointF(0, 0), rx, rx)
    painter.restore()
