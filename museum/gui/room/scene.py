"""The room as a QGraphicsScene: cabinets standing along one or more walls, each wall with its
lamps, wainscot and strip of floor, walls stacked one above the other on screen.

The scene knows nothing of the catalogue: it is given a RoomLayout and the records to show,
and reports clicks and drops as signals for the page to act on.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGraphicsRectItem, QGraphicsScene, QGraphicsSceneDragDropEvent, QStyleOptionGraphicsItem,
)

from museum.core.records import ItemRecord
from museum.core.room import RoomLayout
from museum.gui.mime import item_ids_from_mime
from museum.gui.room import level_cache
from museum.gui.room.backdrop import Wall, paint_backdrop
from museum.gui.room.cabinet_item import CabinetItem
from museum.gui.room.exhibit_item import ExhibitItem
from museum.gui.room.geometry import (
    CABINET_GAP, CROWN, FLOOR_DEPTH, FRAME, INNER_PAD, SHELF_HEIGHT, SLOT_WIDTH, WALL_ABOVE,
    WALL_MARGIN,
)
from museum.gui.room.walls import plan_walls

CABINET_FOOT = 36.0  # cabinets stand a little in front of the wall
TILE = 1024.0  # background tiles, in scene units
DEFAULT_ASPECT = 16 / 10  # the shape of view the walls are planned for until told otherwise
_tile_tokens = itertools.count(1)


class RoomScene(QGraphicsScene):
    """Cabinets along the walls. Rebuild it with show_room() whenever the layout changes, and
    tell it the view's shape with set_aspect() so the walls fill the screen."""

    exhibit_clicked = Signal(int)
    exhibit_double_clicked = Signal(int)
    cabinet_clicked = Signal(str)
    items_dropped = Signal(list, str, int, int)  # ids, cabinet name, shelf (1-based), index

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.cabinets: dict[str, CabinetItem] = {}
        self.exhibits: dict[int, ExhibitItem] = {}
        self.layout: RoomLayout | None = None
        self.walls: list[Wall] = []
        self.wall_runs: list[list[str]] = []  # cabinet names on each wall, left to right
        self.aspect = DEFAULT_ASPECT
        self._tiles_token = next(_tile_tokens)
        self._indicator = QGraphicsRectItem()
        self._indicator.setBrush(QColor(255, 220, 140, 200))
        self._indicator.setPen(Qt.PenStyle.NoPen)
        self._indicator.setZValue(100)
        self.addItem(self._indicator)
        self._indicator.hide()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # --- building ---------------------------------------------------------------------------

    def show_room(self, layout: RoomLayout, records: dict[int, ItemRecord], *,
                  aspect: float | None = None) -> None:
        """Stand the layout's cabinets along the walls with the given items on their shelves."""
        for cabinet in self.cabinets.values():
            cabinet.release_pictures()
            self.removeItem(cabinet)
        self.cabinets.clear()
        self.exhibits.clear()
        self.layout = layout
        if aspect is not None:
            self.aspect = aspect
        for cabinet in layout.cabinets:
            item = CabinetItem(cabinet)
            self.addItem(item)
            self.cabinets[cabinet.name] = item
            self._add_exhibits(item, records)
        self.wall_runs = []
        self._hang_walls()

    def set_aspect(self, aspect: float) -> bool:
        """Plan the walls for a view of this shape (width / height); True if they changed."""
        self.aspect = aspect
        return self._hang_walls()

    def _hang_walls(self) -> bool:
        items = list(self.cabinets.values())
        tallest = max([3 * SHELF_HEIGHT] + [item.outer.height() for item in items])
        band = WALL_ABOVE + tallest + FLOOR_DEPTH
        runs = plan_walls([item.outer.width() for item in items], gap=CABINET_GAP,
                          margin=WALL_MARGIN, band_height=band, aspect=self.aspect)
        named = [[items[i].name for i in run] for run in runs]
        if named == self.wall_runs and self.walls:
            return False
        self.wall_runs = named
        widths = [sum(items[i].outer.width() for i in run) + CABINET_GAP * max(0, len(run) - 1)
                  for run in runs]
        room_width = max(widths + [4 * SLOT_WIDTH])
        self.walls = []
        for number, run in enumerate(runs):
            top = number * band
            floor_line = top + WALL_ABOVE + tallest
            wall = Wall(top=top, floor_line=floor_line, bottom=top + band)
            x = (room_width - widths[number]) / 2  # each wall's cabinets stand centred on it
            for index in run:
                item = items[index]
                item.setPos(x, floor_line + CABINET_FOOT - item.outer.height())
                wall.lights.append(QPointF(x + item.outer.width() / 2, item.pos().y()))
                x += item.outer.width() + CABINET_GAP
            self.walls.append(wall)
        level_cache.forget_all(self._tiles_token)
        self._tiles_token = next(_tile_tokens)
        self.setSceneRect(QRectF(-WALL_MARGIN, 0, room_width + 2 * WALL_MARGIN,
                                 band * len(self.walls)))
        self.invalidate(QRectF(), QGraphicsScene.SceneLayer.BackgroundLayer)
        return True

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
        """The walls and floors, from tiles cached per zoom level: a frame blits a few pixmaps
        rather than blending a dozen gradients over the whole view."""
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        bucket = level_cache.bucket_for(lod * painter.device().devicePixelRatioF(), most=1.0)
        for key, tile in self.background_tiles(rect):
            picture = level_cache.cached_picture(
                (self._tiles_token, key), tile, bucket,
                lambda p, t=tile: paint_backdrop(p, t, self.walls, self.sceneRect()),
                opaque=True)
            painter.drawPixmap(tile, picture, QRectF(picture.rect()))

    def background_tiles(self, rect: QRectF) -> list[tuple[tuple[int, int], QRectF]]:
        """The background tiles (key, scene rectangle) that cover `rect`."""
        origin = self.sceneRect().topLeft()
        first_x = math.floor((rect.left() - origin.x()) / TILE)
        first_y = math.floor((rect.top() - origin.y()) / TILE)
        last_x = math.ceil((rect.right() - origin.x()) / TILE)
        last_y = math.ceil((rect.bottom() - origin.y()) / TILE)
        return [((x, y), QRectF(origin.x() + x * TILE, origin.y() + y * TILE, TILE, TILE))
                for x in range(first_x, last_x) for y in range(first_y, last_y)]
