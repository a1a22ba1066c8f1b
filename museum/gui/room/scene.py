"""The room as a QGraphicsScene: cabinets standing along one or more walls, each wall with its
lamps, wainscot and strip of floor, walls stacked one above the other on screen.

The scene knows nothing of the catalogue: it is given a RoomLayout and the records to show,
and reports clicks and drops as signals for the page to act on.
"""

from __future__ import annotations

import dataclasses
import itertools
import weakref
from functools import partial

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QGraphicsRectItem, QGraphicsScene, QGraphicsSceneDragDropEvent, QGraphicsView,
    QStyleOptionGraphicsItem,
)

from museum.core.records import ItemRecord
from museum.core.room import CabinetLayout, RoomLayout
from museum.gui.mime import item_ids_from_mime
from museum.gui.room import level_cache, room_placing
from museum.gui.room.backdrop import DARK, FADE, Wall, paint_backdrop, paint_flat_backdrop
from museum.gui.room.cabinet_item import FAR_SCALE, THUMB_BUCKET, CabinetItem
from museum.gui.room.exhibit_item import ExhibitItem
from museum.gui.room.materials import load_textures
from museum.gui.room.geometry import (
    CABINET_GAP, CROWN, FLOOR_DEPTH, FRAME, INNER_PAD, SHELF_HEIGHT, SLOT_WIDTH, WALL_ABOVE,
    WALL_MARGIN,
)
from museum.gui.room.walls import plan_walls

CABINET_FOOT = 36.0  # cabinets stand a little in front of the wall
BACKDROP_BUCKET = 1.0  # the walls are soft anyway: never painted sharper than 1:1
DEFAULT_ASPECT = 16 / 10  # the shape of view the walls are planned for until told otherwise
_tile_tokens = itertools.count(1)
MARKER_COLOUR = QColor(255, 220, 140, 200)  # where a drop will land
FULL_COLOUR = QColor(220, 60, 40, 110)  # a shelf of a cabinet with no room for the drop


class RoomScene(QGraphicsScene):
    """Cabinets along the walls. Rebuild it with show_room() whenever the layout changes, and
    tell it the view's shape with set_aspect() so the walls fill the screen."""

    exhibit_clicked = Signal(int)
    exhibit_double_clicked = Signal(int)
    cabinet_clicked = Signal(str)
    items_dropped = Signal(list, str, int, int)  # ids, cabinet name, shelf (1-based), index
    exhibit_menu_requested = Signal(int, QPoint)  # item id, screen position
    cabinet_menu_requested = Signal(str, QPoint)  # cabinet name, screen position
    cabinet_double_clicked = Signal(str)
    full_cabinet_hovered = Signal(str)  # a drag is over a cabinet with no room for it ("": left)
    full_cabinet_dropped = Signal(list, str)  # ids dropped on a cabinet with no room for them

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.cabinets: dict[str, CabinetItem] = {}
        self.exhibits: dict[int, ExhibitItem] = {}
        self.layout: RoomLayout | None = None
        self.walls: list[Wall] = []
        self.wall_runs: list[list[str]] = []  # cabinet names on each wall, left to right
        self.aspect = DEFAULT_ASPECT
        self._smooth_thumb = True  # whether the frame being drawn samples pictures smoothly
        self.far_view = False
        self._far_views: weakref.WeakKeyDictionary[QGraphicsView, bool] = \
            weakref.WeakKeyDictionary()
        self.lit_ids: frozenset[int] | None = None  # what a search lights (None: everything)
        self._tiles_token = ("room", next(_tile_tokens))  # never a cabinet's token
        self._indicator = QGraphicsRectItem()
        self._indicator.setPen(Qt.PenStyle.NoPen)
        self._indicator.setZValue(100)
        self.addItem(self._indicator)
        self._indicator.hide()
        self.full_target: str | None = None  # the full cabinet a drag hovers over
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        load_textures()  # now, rather than in the middle of the room's first frame

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

    def cabinets_to_rebuild(self, layout: RoomLayout) -> list[CabinetLayout]:
        """The cabinets of `layout` that differ from the ones standing (by name, size or
        contents; a cabinet that only moved along the wall is not among them)."""
        standing = {item.cabinet.id: item.cabinet for item in self.cabinets.values()}
        return [cabinet for cabinet in layout.cabinets
                if not _same_cabinet(standing.get(cabinet.id), cabinet)]

    def update_room(self, layout: RoomLayout,
                    records: dict[int, ItemRecord]) -> list[ExhibitItem]:
        """Bring the room to `layout` after a small change, rebuilding only the cabinets that
        changed: the rest keep their items and cached pictures, and only move along the wall.
        `records` must hold the items of the rebuilt cabinets not shown before (an exhibit
        that moves keeps its record and photo). Returns the exhibits built anew."""
        unchanged = {cabinet.id for cabinet in layout.cabinets} - \
            {cabinet.id for cabinet in self.cabinets_to_rebuild(layout)}
        kept = {item.cabinet.id: item for item in self.cabinets.values()
                if item.cabinet.id in unchanged}
        known = dict(records)
        photos: dict[int, tuple[QPixmap, str]] = {}
        for item in [i for i in self.cabinets.values() if i.cabinet.id not in kept]:
            for item_id in item.cabinet.item_ids:
                exhibit = self.exhibits.pop(item_id, None)
                if exhibit is not None:
                    known.setdefault(item_id, exhibit.record)
                    if exhibit.photo is not None:
                        photos[item_id] = (exhibit.photo, exhibit.photo_size)
            item.release_pictures()
            self.removeItem(item)
        self.cabinets = {}
        built: list[ExhibitItem] = []
        for cabinet in layout.cabinets:
            item = kept.get(cabinet.id)
            if item is None:
                item = CabinetItem(cabinet)
                self.addItem(item)
                built += self._add_exhibits(item, known)
            item.cabinet = cabinet  # its position along the wall may have changed
            self.cabinets[cabinet.name] = item
        for exhibit in built:
            if exhibit.item_id in photos:
                exhibit.adopt_photo(*photos[exhibit.item_id])
        self.layout = layout
        self._hang_walls()
        return built

    def view_about_to_paint(self, view: QGraphicsView, *, far: bool) -> None:
        """A view is about to paint the room, from afar (cabinets as whole pictures) or not.
        Items are told to skip painting only while every view shown sees them from afar: with
        two views at different zooms (the room behind the tour), flipping every item at each
        view's frame marked the whole scene dirty for the other view, whose frame flipped it
        back — the two repainted each other for ever and input was starved."""
        self._far_views[view] = far
        shown = [v for v in self.views() if v.isVisible()]
        self.set_far_view(bool(shown) and all(self._far_views.get(v, False) for v in shown))

    def set_far_view(self, far: bool) -> None:
        """Whether the views about to paint see the cabinets from afar (as whole pictures)."""
        if far != self.far_view:
            self.far_view = far
            for exhibit in self.exhibits.values():
                exhibit.set_far_view(far)

    def set_aspect(self, aspect: float) -> bool:
        """Plan the walls for a view of this shape (width / height); True if they changed."""
        self.aspect = aspect
        return self._hang_walls()

    def _hang_walls(self) -> bool:
        """Stand every cabinet in its place along the walls; True if the walls themselves
        (and so the backdrop's cached tiles) changed."""
        items = list(self.cabinets.values())
        tallest = max([3 * SHELF_HEIGHT] + [item.outer.height() for item in items])
        band = WALL_ABOVE + tallest + FLOOR_DEPTH
        runs = plan_walls([item.outer.width() for item in items], gap=CABINET_GAP,
                          margin=WALL_MARGIN, band_height=band, aspect=self.aspect)
        self.wall_runs = [[items[i].name for i in run] for run in runs]
        widths = [sum(items[i].outer.width() for i in run) + CABINET_GAP * max(0, len(run) - 1)
                  for run in runs]
        room_width = max(widths + [4 * SLOT_WIDTH])
        walls = []
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
            walls.append(wall)
        rect = QRectF(-WALL_MARGIN, 0, room_width + 2 * WALL_MARGIN, band * len(walls))
        if walls == self.walls and rect == self.sceneRect():
            return False
        self.walls = walls
        level_cache.forget_all(self._tiles_token)
        self._tiles_token = ("room", next(_tile_tokens))  # never a cabinet's token
        self.setSceneRect(rect)
        self.invalidate(QRectF(), QGraphicsScene.SceneLayer.BackgroundLayer)
        return True

    def _add_exhibits(self, cabinet: CabinetItem,
                      records: dict[int, ItemRecord]) -> list[ExhibitItem]:
        geometry = cabinet.geometry
        built = []
        for number, shelf in enumerate(cabinet.cabinet.shelves, start=1):
            shown = [records[i] for i in shelf if i in records]
            for slot, record in enumerate(shown):
                rect = geometry.slot_rect(number, slot, len(shown))
                exhibit = ExhibitItem(record, rect, geometry.shelf_surface(number), cabinet)
                exhibit.set_far_view(self.far_view)
                exhibit.set_dimmed(self.lit_ids is not None and record.id not in self.lit_ids)
                self.exhibits[record.id] = exhibit
                built.append(exhibit)
        return built

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

    def light_only(self, item_ids: frozenset[int] | None) -> None:
        """Light the items a search found and leave the rest in the dark; None lights all."""
        self.lit_ids = item_ids
        for exhibit_id, exhibit in self.exhibits.items():
            exhibit.set_dimmed(item_ids is not None and exhibit_id not in item_ids)

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

    def has_room_for(self, name: str, ids: list[int]) -> bool:
        """Whether cabinet `name` can take `ids` (those already in it only move)."""
        cabinet = self.cabinets[name].cabinet
        return room_placing.arriving(cabinet, ids) <= cabinet.free_slots

    def drop_marker_shown(self) -> bool:
        """Whether the marker of where a drop will land is showing."""
        return self._indicator.isVisible() and self.full_target is None

    def _show_indicator(self, target: tuple[str, int, int] | None, ids: list[int]) -> None:
        full = target is not None and not self.has_room_for(target[0], ids)
        self._set_full_target(target[0] if full else None)
        if target is None:
            self._indicator.hide()
            return
        name, shelf, index = target
        cabinet = self.cabinets[name]
        if full:  # the whole shelf glows red: nothing more fits in this cabinet
            inside, top = cabinet.geometry.interior(), cabinet.geometry.shelf_top(shelf)
            self._indicator.setBrush(FULL_COLOUR)
            self._indicator.setRect(cabinet.mapRectToScene(QRectF(
                inside.left(), top + 12, inside.width(),
                cabinet.geometry.shelf_surface(shelf) - top - 12)))
            self._indicator.show()
            return
        count = len(cabinet.cabinet.shelves[shelf - 1])
        rect = cabinet.geometry.slot_rect(shelf, index, max(count, 1))
        top_left = cabinet.mapToScene(QPointF(rect.left() - 2, rect.top() + 12))
        self._indicator.setBrush(MARKER_COLOUR)
        self._indicator.setRect(QRectF(top_left, cabinet.mapToScene(
            QPointF(rect.left() + 2, cabinet.geometry.shelf_surface(shelf)))))
        self._indicator.show()

    def _set_full_target(self, name: str | None) -> None:
        if name != self.full_target:
            self.full_target = name
            self.full_cabinet_hovered.emit(name or "")

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.setAccepted(bool(item_ids_from_mime(event.mimeData())))

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        ids = item_ids_from_mime(event.mimeData())
        target = self.drop_target(event.scenePos()) if ids else None
        self._show_indicator(target, ids)
        event.setAccepted(target is not None)
        if target is not None:
            event.setDropAction(Qt.DropAction.MoveAction)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._indicator.hide()
        self._set_full_target(None)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._indicator.hide()
        self._set_full_target(None)
        ids = item_ids_from_mime(event.mimeData())
        target = self.drop_target(event.scenePos())
        if not ids or target is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if self.has_room_for(target[0], ids):
            self.items_dropped.emit(ids, *target)
        else:
            self.full_cabinet_dropped.emit(ids, target[0])

    # --- the room itself ----------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        """The walls and floors, from tiles cached per zoom level: a frame blits a few pixmaps
        rather than blending a dozen gradients over the whole view."""
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        bucket = level_cache.bucket_for(lod * painter.device().devicePixelRatioF(),
                                        most=BACKDROP_BUCKET)
        smooth = painter.testRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._smooth_thumb = smooth
        # Nearest-pixel sampling: the walls are soft textures, and it halves the cost of a frame.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        level_cache.draw_tiled(
            painter, (self._tiles_token, "backdrop"), rect, bucket, self._paint_backdrop,
            origin=self.sceneRect().topLeft(), opaque=True, stand_in=self._paint_backdrop_thumb,
            done=lambda tile: self.invalidate(tile, QGraphicsScene.SceneLayer.BackgroundLayer))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)

    def _paint_backdrop(self, painter: QPainter, tile: QRectF) -> None:
        paint_backdrop(painter, tile, self.walls, self.sceneRect())

    def _paint_backdrop_thumb(self, painter: QPainter, tile: QRectF) -> None:
        """A rough stand-in for a backdrop tile not painted yet: the same part of a small
        picture of the room, itself in tiles (a couple of milliseconds each to paint); flat
        colours where the frame has no time left to paint one."""
        world = self.sceneRect().adjusted(-FADE, -FADE, FADE, FADE)
        # Smooth (it is rough) only at rest: while the camera moves, blowing the missing tiles
        # up smoothly cost 6-7 ms of every frame of the tour.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._smooth_thumb)
        inside = tile & world
        if inside != tile:
            painter.fillRect(tile, DARK)
        for key, rough, padded in level_cache.tiles((self._tiles_token, "thumb"), inside,
                                                    THUMB_BUCKET, origin=world.topLeft(),
                                                    bounds=world):
            part = inside & rough
            paint = partial(self._paint_backdrop, tile=padded)
            thumb = level_cache.lookup(key, THUMB_BUCKET)
            if thumb is None and level_cache.frame_time_left():
                thumb = level_cache.cached_picture(key, padded, THUMB_BUCKET, paint, opaque=True)
            if thumb is None:
                level_cache.warm(key, padded, THUMB_BUCKET, paint, opaque=True, done=partial(
                    self.invalidate, rough, QGraphicsScene.SceneLayer.BackgroundLayer))
                paint_flat_backdrop(painter, part, self.walls)
                continue
            scale_x, scale_y = thumb.width() / padded.width(), thumb.height() / padded.height()
            painter.drawPixmap(part, thumb, QRectF(
                (part.left() - padded.left()) * scale_x, (part.top() - padded.top()) * scale_y,
                part.width() * scale_x, part.height() * scale_y))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)

    def warm_around(self, visible: QRectF, pixels: float) -> None:
        """Queue for idle time the pictures a step of zoom or pan from here would need, so that
        the frames of that step do not have to stand in for them: this zoom level and the ones
        just above and below, for what is on screen and half a screen around it."""
        around = visible.adjusted(-visible.width() / 2, -visible.height() / 2,
                                  visible.width() / 2, visible.height() / 2)
        for step in (1.0, 1 / 1.5, 1.5):
            scale = pixels * step
            for cabinet in self.cabinets.values():
                if not around.intersects(cabinet.sceneBoundingRect()):
                    continue
                if scale < FAR_SCALE:
                    cabinet.warm_far(scale)
                else:
                    cabinet.warm_close(scale)

    def warm_far_view(self, pixels: float) -> None:
        """Queue every cabinet's far picture (what fit-all shows) for idle time."""
        for cabinet in self.cabinets.values():
            cabinet.warm_far(pixels)

    def warm_on_open(self, pixels: float) -> None:
        """Queue for idle time, right after the room opens, what the first zoom in will need:
        every cabinet's far picture at `pixels` (fit-all), then its body and its items'
        pictures at the zoom where cabinets open up into single items. A frame at that switch
        then draws cached pictures (or near zoom levels of them) instead of painting dozens of
        items live."""
        self.warm_far_view(pixels)
        for cabinet in self.cabinets.values():
            cabinet.warm_close(FAR_SCALE)


def _same_cabinet(old: CabinetLayout | None, new: CabinetLayout) -> bool:
    """Whether a cabinet looks the same (wherever it stands along the wall)."""
    return old is not None and dataclasses.replace(old, position=new.position) == new
