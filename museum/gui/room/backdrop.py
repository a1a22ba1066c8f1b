"""The room around the cabinets: for each wall a papered wall with lamps, wainscot and a strip
of parquet; a plaster ceiling above the first wall; the floor running on below the last; and
beyond the room's ends the same walls fading into the dark, so a view wider or taller than the
room still looks into a room rather than at a black frame.

Painted once per tile and zoom level (see scene.RoomScene.drawBackground), never per frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen, QRadialGradient

from museum.gui.room.materials import average_colour, brass_gradient, brush

WAINSCOT = 250.0
CORNICE = 34.0
FADE = 900.0  # how far beyond the room's ends its walls fade into the dark
DARK = QColor("#120b08")
CEILING = QColor("#2b1d15")


@dataclass
class Wall:
    """One wall of the room: its top, the line where it meets the floor, where its floor strip
    ends, and the top centre of each cabinet, where its lamp shines."""

    top: float
    floor_line: float
    bottom: float
    lights: list[QPointF] = field(default_factory=list)  # the top centre of each cabinet


def paint_backdrop(painter: QPainter, rect: QRectF, walls: list[Wall], room: QRectF) -> None:
    """Paint the part `rect` of the room (and what lies beyond its ends) in scene units."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(rect, DARK)
    if walls:
        _paint_ceiling(painter, rect, walls[0].top)
        for wall in walls:
            _paint_wall(painter, rect, wall)
        last = walls[-1]
        below = QRectF(rect.left(), last.bottom, rect.width(),
                       max(0.0, rect.bottom() - last.bottom))
        if below.intersects(rect):
            _paint_floor(painter, below & rect, last.bottom, last.bottom + FADE)
    _fade_beyond(painter, rect, room)
    painter.restore()


def paint_flat_backdrop(painter: QPainter, rect: QRectF, walls: list[Wall]) -> None:
    """The part `rect` of the room in flat colours (paper, wainscot, floor): what the first
    frames of a room show for a moment, before even its rough picture is painted."""
    painter.fillRect(rect, DARK)
    paper, panel = average_colour("wall").darker(140), average_colour("cabinet_wood")
    floor = average_colour("wood_floor").darker(150)
    for wall in walls:
        painter.fillRect(QRectF(rect.left(), wall.top, rect.width(),
                                wall.floor_line - wall.top - WAINSCOT) & rect, paper)
        painter.fillRect(QRectF(rect.left(), wall.floor_line - WAINSCOT, rect.width(),
                                WAINSCOT) & rect, panel)
        painter.fillRect(QRectF(rect.left(), wall.floor_line, rect.width(),
                                wall.bottom - wall.floor_line) & rect, floor)


def _paint_ceiling(painter: QPainter, rect: QRectF, wall_top: float) -> None:
    ceiling = QRectF(rect.left(), rect.top(), rect.width(), wall_top - rect.top())
    if ceiling.height() <= 0 or not ceiling.intersects(rect):
        return
    shade = QLinearGradient(QPointF(0, wall_top - FADE), QPointF(0, wall_top))
    shade.setColorAt(0.0, DARK)
    shade.setColorAt(1.0, CEILING)
    painter.fillRect(ceiling & rect, shade)
    beam = 420.0  # coffered beams running away from the viewer
    x = (rect.left() // beam) * beam
    while x < rect.right():
        painter.fillRect(QRectF(x, ceiling.top(), 26, ceiling.height()) & rect,
                         QColor(0, 0, 0, 55))
        painter.fillRect(QRectF(x + 26, ceiling.top(), 2, ceiling.height()) & rect,
                         QColor(255, 220, 170, 14))
        x += beam


def _paint_wall(painter: QPainter, rect: QRectF, wall: Wall) -> None:
    band = QRectF(rect.left(), wall.top, rect.width(), wall.bottom - wall.top)
    if not band.intersects(rect):
        return
    paper = QRectF(rect.left(), wall.top, rect.width(), wall.floor_line - wall.top)
    painter.fillRect(paper & rect, brush("wall"))
    dim = QLinearGradient(paper.topLeft(), paper.bottomLeft())
    dim.setColorAt(0.0, QColor(0, 0, 0, 170))
    dim.setColorAt(0.45, QColor(0, 0, 0, 60))
    dim.setColorAt(1.0, QColor(0, 0, 0, 100))
    painter.fillRect(paper & rect, dim)
    _paint_lights_on_wall(painter, rect, wall)
    _paint_wainscot(painter, rect, paper)
    floor = QRectF(rect.left(), wall.floor_line, rect.width(), wall.bottom - wall.floor_line)
    if floor.intersects(rect):
        _paint_floor(painter, floor & rect, wall.floor_line, wall.bottom)
        for light in wall.lights:
            if abs(light.x() - rect.center().x()) <= rect.width() / 2 + 600:
                _soft_ellipse(painter, QPointF(light.x(), wall.floor_line + 90), 420, 110,
                              ((0.0, QColor(255, 210, 140, 45)),
                               (1.0, QColor(255, 210, 140, 0))))
    cornice = QRectF(rect.left(), wall.top, rect.width(), CORNICE)
    if cornice.intersects(rect):
        painter.fillRect(cornice & rect, QColor("#2a1610"))
        painter.fillRect(QRectF(rect.left(), wall.top, rect.width(), 3) & rect,
                         QColor(0, 0, 0, 160))
        painter.fillRect(QRectF(rect.left(), wall.top + 30, rect.width(), 5) & rect,
                         brass_gradient(QRectF(0, wall.top + 30, 1, 5)))


def _paint_lights_on_wall(painter: QPainter, rect: QRectF, wall: Wall) -> None:
    for light in wall.lights:
        x = light.x()
        if abs(x - rect.center().x()) > rect.width() / 2 + 700:
            continue
        _soft_ellipse(painter, light - QPointF(0, 40), 560, 420,
                      ((0.0, QColor(255, 200, 130, 95)), (0.5, QColor(255, 190, 120, 35)),
                       (1.0, QColor(255, 190, 120, 0))))
        lamp = QRectF(x - 26, wall.top + CORNICE + 2, 52, 22)
        painter.setBrush(brass_gradient(lamp))
        painter.drawRoundedRect(lamp, 6, 6)
        painter.setBrush(QColor(255, 246, 220))
        painter.drawEllipse(QPointF(x, lamp.bottom()), 14, 4)


def _paint_wainscot(painter: QPainter, rect: QRectF, paper: QRectF) -> None:
    band = QRectF(paper.left(), paper.bottom() - WAINSCOT, paper.width(), WAINSCOT)
    if not band.intersects(rect):
        return
    painter.fillRect(band & rect, brush("cabinet_wood"))
    painter.fillRect(band & rect, QColor(0, 0, 0, 70))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left = (rect.left() // 270) * 270 + 30
    while left < rect.right():
        panel = QRectF(left, band.top() + 40, 240, WAINSCOT - 80)
        painter.setPen(QPen(QColor(0, 0, 0, 120), 3))
        painter.drawRect(panel)
        painter.setPen(QPen(QColor(255, 210, 150, 35), 1.5))
        painter.drawRect(panel.adjusted(3, 3, -3, -3))
        left += 270
    painter.setPen(Qt.PenStyle.NoPen)
    rail = QRectF(band.left(), band.top() - 10, band.width(), 14)
    painter.fillRect(rail & rect, brush("cabinet_wood"))
    painter.fillRect(QRectF(rail.left(), rail.top(), rail.width(), 3) & rect,
                     QColor(255, 220, 170, 70))
    skirting = QRectF(band.left(), paper.bottom() - 34, band.width(), 34)
    painter.fillRect(skirting & rect, QColor("#1e120b"))
    painter.fillRect(QRectF(skirting.left(), skirting.top(), skirting.width(), 2) & rect,
                     QColor(255, 220, 170, 60))


def _paint_floor(painter: QPainter, area: QRectF, top: float, bottom: float) -> None:
    painter.fillRect(area, brush("wood_floor", scale=1.2))
    depth = QLinearGradient(QPointF(0, top), QPointF(0, bottom))
    depth.setColorAt(0.0, QColor(0, 0, 0, 150))
    depth.setColorAt(0.3, QColor(0, 0, 0, 40))
    depth.setColorAt(1.0, QColor(0, 0, 0, 120))
    painter.fillRect(area, depth)


def _fade_beyond(painter: QPainter, rect: QRectF, room: QRectF) -> None:
    """Darken everything outside the room, more the further away: the room is lit, the
    corridors beyond it are not."""
    sides = (
        (QRectF(room.left() - FADE, rect.top(), FADE, rect.height()),
         QPointF(room.left(), 0), QPointF(room.left() - FADE, 0)),
        (QRectF(room.right(), rect.top(), FADE, rect.height()),
         QPointF(room.right(), 0), QPointF(room.right() + FADE, 0)),
        (QRectF(rect.left(), room.top() - FADE, rect.width(), FADE),
         QPointF(0, room.top()), QPointF(0, room.top() - FADE)),
        (QRectF(rect.left(), room.bottom(), rect.width(), FADE),
         QPointF(0, room.bottom()), QPointF(0, room.bottom() + FADE)),
    )
    for area, start, end in sides:
        if area.intersects(rect):
            fade = QLinearGradient(start, end)
            fade.setColorAt(0.0, QColor(18, 11, 8, 0))
            fade.setColorAt(1.0, QColor(18, 11, 8, 235))
            painter.fillRect(area & rect, fade)
    far = QColor(18, 11, 8, 235)
    outer = room.adjusted(-FADE, -FADE, FADE, FADE)
    for area in (QRectF(rect.left(), rect.top(), outer.left() - rect.left(), rect.height()),
                 QRectF(outer.right(), rect.top(), rect.right() - outer.right(), rect.height()),
                 QRectF(rect.left(), rect.top(), rect.width(), outer.top() - rect.top()),
                 QRectF(rect.left(), outer.bottom(), rect.width(),
                        rect.bottom() - outer.bottom())):
        if area.width() > 0 and area.height() > 0:
            painter.fillRect(area & rect, far)


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
