"""Drawn pictures of each kind of item, for items that have no photo yet.

Each painter draws into a rectangle with gradients so that metal shines and cloth has folds;
`silhouette_pixmap` keeps the results, since all medals of one metal look alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap,
    QRadialGradient,
)

from museum.gui.room.variants import Variant

METALS = {
    "gold": ("#6b4a12", "#f8e7a6", "#d4a63c", "#8a6418"),
    "silver": ("#55595e", "#ffffff", "#c4c9cf", "#6e737a"),
    "bronze": ("#4e2b12", "#f0c09a", "#b0703c", "#6a3c18"),
}
DARK_WOOD = ("#1c110a", "#5a3a22", "#2a1a0f")


def metal_brush(rect: QRectF, metal: str = "gold") -> QBrush:
    """Polished metal lit from the left: dark edge, bright highlight, body, shadowed side."""
    edge, light, body, shade = METALS.get(metal, METALS["gold"])
    gradient = QLinearGradient(rect.topLeft(), rect.topRight())
    gradient.setColorAt(0.0, QColor(edge))
    gradient.setColorAt(0.22, QColor(light))
    gradient.setColorAt(0.45, QColor(body))
    gradient.setColorAt(0.8, QColor(shade))
    gradient.setColorAt(1.0, QColor(edge))
    return QBrush(gradient)


def _wood_brush(rect: QRectF) -> QBrush:
    gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
    for stop, colour in zip((0.0, 0.3, 1.0), DARK_WOOD, strict=True):
        gradient.setColorAt(stop, QColor(colour))
    return QBrush(gradient)


def _cloth_brush(rect: QRectF, colour: str) -> QBrush:
    base = QColor(colour)
    gradient = QLinearGradient(rect.topLeft(), rect.topRight())
    gradient.setColorAt(0.0, base.darker(135))
    gradient.setColorAt(0.35, base.lighter(112))
    gradient.setColorAt(0.65, base)
    gradient.setColorAt(1.0, base.darker(140))
    return QBrush(gradient)


def _at(r: QRectF) -> Callable[[float, float], QPointF]:
    return lambda x, y: QPointF(r.left() + x * r.width(), r.top() + y * r.height())


def _box(r: QRectF, x0: float, y0: float, x1: float, y1: float) -> QRectF:
    return QRectF(_at(r)(x0, y0), _at(r)(x1, y1))


def _plinth(p: QPainter, r: QRectF, top: float, *, bands: str | None = None) -> None:
    base = _box(r, 0.12, top, 0.88, 1.0)
    p.setBrush(_wood_brush(base))
    p.drawRoundedRect(base, 2, 2)
    if bands:
        for y in (top + (1 - top) * 0.25, top + (1 - top) * 0.62):
            band = _box(r, 0.12, y, 0.88, y + (1 - top) * 0.14)
            p.setBrush(_cloth_brush(band, bands))
            p.drawRect(band)
    plate = _box(r, 0.36, top + (1 - top) * 0.42, 0.64, top + (1 - top) * 0.72)
    p.setBrush(metal_brush(plate))
    p.drawRect(plate)


def paint_trophy(p: QPainter, r: QRectF, v: Variant) -> None:
    at = _at(r)
    _plinth(p, r, 0.8)
    p.setBrush(metal_brush(r, v.metal))
    stem = QPainterPath(at(0.42, 0.8))
    stem.quadTo(at(0.46, 0.66), at(0.47, 0.58))
    stem.lineTo(at(0.53, 0.58))
    stem.quadTo(at(0.54, 0.66), at(0.58, 0.8))
    stem.closeSubpath()
    p.drawPath(stem)
    foot = _box(r, 0.3, 0.76, 0.7, 0.81)
    p.drawRoundedRect(foot, 3, 3)
    knot = _box(r, 0.42, 0.55, 0.58, 0.62)
    p.drawEllipse(knot)
    cup = QPainterPath(at(0.16, 0.1))
    cup.lineTo(at(0.84, 0.1))
    cup.cubicTo(at(0.84, 0.4), at(0.7, 0.56), at(0.5, 0.57))
    cup.cubicTo(at(0.3, 0.56), at(0.16, 0.4), at(0.16, 0.1))
    p.drawPath(cup)
    p.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(metal_brush(r, v.metal), max(1.5, r.width() * 0.055))
    p.setPen(pen)
    for side in (-1, 1):
        handle = QPainterPath(at(0.5 + side * 0.33, 0.16))
        handle.cubicTo(at(0.5 + side * 0.52, 0.14), at(0.5 + side * 0.5, 0.38),
                       at(0.5 + side * 0.22, 0.44))
        p.drawPath(handle)
    p.setPen(Qt.PenStyle.NoPen)
    rim = _box(r, 0.13, 0.07, 0.87, 0.12)
    p.setBrush(metal_brush(rim, v.metal))
    p.drawEllipse(rim)
    p.setBrush(QColor(0, 0, 0, 90))
    p.drawEllipse(_box(r, 0.19, 0.08, 0.81, 0.11))


def paint_replica(p: QPainter, r: QRectF, v: Variant) -> None:
    at = _at(r)
    _plinth(p, r, 0.86, bands=None)
    body = QPainterPath(at(0.22, 0.86))
    body.cubicTo(at(0.2, 0.72), at(0.42, 0.66), at(0.38, 0.5))
    body.cubicTo(at(0.3, 0.38), at(0.14, 0.3), at(0.22, 0.16))
    body.lineTo(at(0.78, 0.16))
    body.cubicTo(at(0.86, 0.3), at(0.7, 0.38), at(0.62, 0.5))
    body.cubicTo(at(0.58, 0.66), at(0.8, 0.72), at(0.78, 0.86))
    body.closeSubpath()
    p.setBrush(metal_brush(r, v.metal))
    p.drawPath(body)
    for y in (0.74, 0.8):  # the two malachite rings at the foot
        ring = _box(r, 0.22, y, 0.78, y + 0.04)
        p.setBrush(_cloth_brush(ring, "#1f7a4d"))
        p.drawRect(ring)
    globe = _box(r, 0.2, 0.0, 0.8, 0.3)
    gradient = QRadialGradient(_at(globe)(0.35, 0.3), globe.width() * 0.7)
    gradient.setColorAt(0.0, QColor("#fff6d0"))
    gradient.setColorAt(0.4, QColor(METALS["gold"][2]))
    gradient.setColorAt(1.0, QColor(METALS["gold"][0]))
    p.setBrush(gradient)
    p.drawEllipse(globe)
    p.setPen(QPen(QColor(90, 60, 10, 120), max(0.8, r.width() * 0.012)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(_box(r, 0.3, 0.02, 0.7, 0.28), 0, 180 * 16)
    p.drawArc(_box(r, 0.22, 0.1, 0.78, 0.22), 180 * 16, 180 * 16)
    p.setPen(Qt.PenStyle.NoPen)


def paint_medal(p: QPainter, r: QRectF, v: Variant) -> None:
    case = _box(r, 0.0, 0.0, 1.0, 1.0)
    p.setBrush(_wood_brush(case))
    p.drawRoundedRect(case, 4, 4)
    lining = _box(r, 0.07, 0.06, 0.93, 0.94)
    p.setBrush(QColor("#f1e8d4"))
    p.drawRoundedRect(lining, 3, 3)
    at = _at(r)
    for side, colour in ((-1, v.primary), (1, v.secondary)):
        strip = QPainterPath(at(0.5 + side * 0.32, 0.08))
        strip.lineTo(at(0.5 + side * 0.08, 0.08))
        strip.lineTo(at(0.5 + side * 0.06, 0.5))
        strip.lineTo(at(0.5 + side * 0.2, 0.44))
        strip.closeSubpath()
        p.setBrush(_cloth_brush(strip.boundingRect(), colour))
        p.drawPath(strip)
    side = min(r.width(), r.height()) * 0.46
    disc = QRectF(at(0.5, 0.66).x() - side / 2, at(0.5, 0.66).y() - side / 2, side, side)
    p.setBrush(QColor(0, 0, 0, 50))
    p.drawEllipse(disc.translated(side * 0.04, side * 0.05))
    edge, light, body, shade = METALS.get(v.metal, METALS["gold"])
    gradient = QRadialGradient(disc.topLeft() + QPointF(side * 0.35, side * 0.3), side * 0.8)
    for stop, colour in ((0.0, light), (0.35, body), (0.85, shade), (1.0, edge)):
        gradient.setColorAt(stop, QColor(colour))
    p.setBrush(gradient)
    p.drawEllipse(disc)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor(edge), max(0.8, side * 0.035)))
    p.drawEllipse(disc.adjusted(side * 0.14, side * 0.14, -side * 0.14, -side * 0.14))
    p.setPen(Qt.PenStyle.NoPen)


def paint_shirt(p: QPainter, r: QRectF, v: Variant) -> None:
    _frame(p, r, mat="#ece5d6")
    inner = _box(r, 0.16, 0.12, 0.84, 0.9)
    at = _at(inner)
    shirt = QPainterPath(at(0.36, 0.0))
    shirt.quadTo(at(0.5, 0.09), at(0.64, 0.0))
    shirt.lineTo(at(0.96, 0.14))
    shirt.lineTo(at(1.0, 0.36))
    shirt.lineTo(at(0.82, 0.38))
    shirt.lineTo(at(0.8, 1.0))
    shirt.lineTo(at(0.2, 1.0))
    shirt.lineTo(at(0.18, 0.38))
    shirt.lineTo(at(0.0, 0.36))
    shirt.lineTo(at(0.04, 0.14))
    shirt.closeSubpath()
    p.setBrush(_cloth_brush(inner, v.primary))
    p.drawPath(shirt)
    p.save()
    p.setClipPath(shirt)
    p.setBrush(_cloth_brush(inner, v.secondary))
    if v.pattern == "stripes":
        for x in (0.22, 0.42, 0.62, 0.82):
            p.drawRect(_box(inner, x - 0.06, 0, x + 0.04, 1))
    elif v.pattern == "band":
        p.drawRect(_box(inner, 0, 0.42, 1, 0.56))
    elif v.pattern == "sash":
        sash = QPainterPath(at(0.1, 0.2))
        sash.lineTo(at(0.3, 0.1))
        sash.lineTo(at(0.95, 0.9))
        sash.lineTo(at(0.75, 1.0))
        sash.closeSubpath()
        p.drawPath(sash)
    elif v.pattern == "sleeves":
        p.drawRect(_box(inner, 0, 0, 0.2, 0.4))
        p.drawRect(_box(inner, 0.8, 0, 1, 0.4))
    elif v.pattern == "hoops":
        for y in (0.3, 0.55, 0.8):
            p.drawRect(_box(inner, 0, y, 1, y + 0.1))
    p.setBrush(QColor(0, 0, 0, 28))  # a fold down the middle
    p.drawRect(_box(inner, 0.48, 0.12, 0.53, 1))
    p.restore()
    number_colour = QColor(v.secondary if v.pattern == "plain" else "#1b1b1b")
    if QColor(v.primary).lightness() > 200 and v.pattern == "plain":
        number_colour = QColor("#1b1b1b")
    font = QFont("DejaVu Sans", 10, QFont.Weight.Black)
    font.setPixelSize(max(4, int(inner.height() * 0.32)))
    p.setFont(font)
    p.setPen(number_colour)
    p.drawText(_box(inner, 0.2, 0.3, 0.8, 0.8), Qt.AlignmentFlag.AlignCenter, str(v.number))
    p.setPen(Qt.PenStyle.NoPen)


def _frame(p: QPainter, r: QRectF, *, mat: str) -> None:
    p.setBrush(QColor(0, 0, 0, 70))
    p.drawRect(r.translated(r.width() * 0.03, r.height() * 0.025))
    p.setBrush(_wood_brush(r))
    p.drawRect(r)
    edge = min(r.width(), r.height()) * 0.07
    gilt = r.adjusted(edge * 0.6, edge * 0.6, -edge * 0.6, -edge * 0.6)
    p.setBrush(metal_brush(gilt))
    p.drawRect(gilt)
    p.setBrush(QColor(mat))
    p.drawRect(r.adjusted(edge, edge, -edge, -edge))


def paint_ball(p: QPainter, r: QRectF, v: Variant) -> None:
    stand = _box(r, 0.25, 0.86, 0.75, 1.0)
    p.setBrush(metal_brush(stand))
    p.drawRoundedRect(stand, 2, 2)
    side = min(r.width(), r.height() * 0.9)
    ball = QRectF(r.center().x() - side / 2, r.top(), side, side)
    gradient = QRadialGradient(ball.topLeft() + QPointF(side * 0.35, side * 0.3), side * 0.75)
    gradient.setColorAt(0.0, QColor("#ffffff"))
    gradient.setColorAt(0.6, QColor("#e6e2d8"))
    gradient.setColorAt(1.0, QColor("#8c877b"))
    p.setBrush(gradient)
    p.drawEllipse(ball)
    p.save()
    clip = QPainterPath()
    clip.addEllipse(ball)
    p.setClipPath(clip)
    p.setBrush(QColor(25, 25, 30, 220))
    at = _at(ball)
    for cx, cy, s in ((0.5, 0.42, 0.2), (0.12, 0.3, 0.15), (0.88, 0.3, 0.15),
                      (0.25, 0.85, 0.15), (0.75, 0.85, 0.15), (0.5, 0.02, 0.1)):
        patch = QPainterPath()
        for corner in range(5):
            angle = -math.pi / 2 + corner * 2 * math.pi / 5
            point = at(cx + s * 0.55 * math.cos(angle), cy + s * 0.55 * math.sin(angle))
            patch.moveTo(point) if corner == 0 else patch.lineTo(point)
        patch.closeSubpath()
        p.drawPath(patch)
    p.restore()


def paint_boots(p: QPainter, r: QRectF, v: Variant) -> None:
    for index, dx in enumerate((0.0, 0.42)):
        boot = _box(r, dx, 0.1 + index * 0.06, dx + 0.58, 0.95 + index * 0.05)
        at = _at(boot)
        shape = QPainterPath(at(0.05, 0.0))
        shape.lineTo(at(0.38, 0.0))
        shape.quadTo(at(0.42, 0.4), at(0.62, 0.46))
        shape.quadTo(at(1.0, 0.52), at(1.0, 0.78))
        shape.lineTo(at(0.98, 0.9))
        shape.lineTo(at(0.02, 0.9))
        shape.closeSubpath()
        leather = QColor(v.primary).darker(115 if index else 100)
        p.setBrush(_cloth_brush(boot, leather.name()))
        p.drawPath(shape)
        p.setBrush(QColor(v.secondary))
        p.drawRect(_box(boot, 0.3, 0.55, 0.7, 0.62))
        p.setBrush(metal_brush(boot, "silver"))
        for stud in (0.12, 0.3, 0.62, 0.85):
            p.drawRect(_box(boot, stud, 0.9, stud + 0.06, 1.0))


def paint_cap(p: QPainter, r: QRectF, v: Variant) -> None:
    stand = _box(r, 0.3, 0.8, 0.7, 1.0)
    p.setBrush(_wood_brush(stand))
    p.drawRect(stand)
    dome = _box(r, 0.08, 0.1, 0.78, 0.85)
    p.setBrush(_cloth_brush(dome, v.primary))
    p.drawChord(dome, 0, 180 * 16)
    peak = _box(r, 0.5, 0.42, 1.0, 0.56)
    p.setBrush(_cloth_brush(peak, v.primary))
    p.drawEllipse(peak)
    p.setBrush(metal_brush(dome))
    p.drawRect(_box(r, 0.1, 0.44, 0.76, 0.48))
    tassel = QPainterPath(_at(r)(0.43, 0.1))
    tassel.quadTo(_at(r)(0.2, 0.22), _at(r)(0.18, 0.42))
    p.setPen(QPen(metal_brush(r), max(1.0, r.width() * 0.025)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tassel)
    p.setPen(Qt.PenStyle.NoPen)


def paint_pennant(p: QPainter, r: QRectF, v: Variant) -> None:
    at = _at(r)
    p.setBrush(metal_brush(r))
    p.drawRect(_box(r, 0.47, 0.05, 0.53, 1.0))
    p.drawRect(_box(r, 0.25, 0.96, 0.75, 1.0))
    p.drawRect(_box(r, 0.08, 0.05, 0.92, 0.08))
    flag = QPainterPath(at(0.1, 0.08))
    flag.lineTo(at(0.9, 0.08))
    flag.lineTo(at(0.5, 0.82))
    flag.closeSubpath()
    p.setBrush(_cloth_brush(flag.boundingRect(), v.primary))
    p.drawPath(flag)
    band = QPainterPath(at(0.18, 0.22))
    band.lineTo(at(0.82, 0.22))
    band.lineTo(at(0.76, 0.33))
    band.lineTo(at(0.24, 0.33))
    band.closeSubpath()
    p.setBrush(QColor(v.secondary))
    p.drawPath(band)
    badge = _box(r, 0.4, 0.38, 0.6, 0.52)
    p.setBrush(metal_brush(badge))
    p.drawEllipse(badge)


def paint_certificate(p: QPainter, r: QRectF, v: Variant) -> None:
    _frame(p, r, mat="#f3ead2")
    paper = _box(r, 0.16, 0.14, 0.84, 0.86)
    p.setBrush(QColor(90, 70, 40, 110))
    for y in (0.12, 0.26, 0.36, 0.46, 0.56):
        width = 0.8 if y > 0.2 else 0.6
        p.drawRect(_box(paper, (1 - width) / 2, y, (1 + width) / 2, y + 0.035))
    seal = _box(paper, 0.62, 0.66, 0.9, 0.92)
    p.setBrush(QColor("#a11d24"))
    p.drawEllipse(seal)
    p.setBrush(metal_brush(seal))
    p.drawEllipse(seal.adjusted(seal.width() * .25, seal.height() * .25,
                                -seal.width() * .25, -seal.height() * .25))


def paint_ticket(p: QPainter, r: QRectF, v: Variant) -> None:
    block = _box(r, 0.0, 0.05, 1.0, 1.0)
    p.setBrush(QColor(210, 230, 240, 60))
    p.drawRoundedRect(block, 3, 3)
    ticket = _box(r, 0.08, 0.15, 0.92, 0.88)
    p.setBrush(_cloth_brush(ticket, "#efe6cf"))
    p.drawRect(ticket)
    p.setBrush(QColor(v.primary))
    p.drawRect(_box(ticket, 0, 0, 1, 0.22))
    p.setBrush(QColor(60, 50, 40, 130))
    for y in (0.38, 0.55, 0.72):
        p.drawRect(_box(ticket, 0.08, y, 0.62, y + 0.07))
    p.setPen(QPen(QColor(60, 50, 40, 150), 1, Qt.PenStyle.DotLine))
    p.drawLine(_at(ticket)(0.72, 0.25), _at(ticket)(0.72, 1.0))
    p.setPen(Qt.PenStyle.NoPen)


def paint_programme(p: QPainter, r: QRectF, v: Variant) -> None:
    stand = _box(r, 0.1, 0.92, 0.9, 1.0)
    p.setBrush(QColor(210, 230, 240, 70))
    p.drawRect(stand)
    cover = _box(r, 0.1, 0.0, 0.9, 0.94)
    p.setBrush(QColor(0, 0, 0, 60))
    p.drawRect(cover.translated(3, 2))
    p.setBrush(_cloth_brush(cover, v.primary))
    p.drawRect(cover)
    p.setBrush(QColor(v.secondary))
    p.drawRect(_box(cover, 0.08, 0.08, 0.92, 0.22))
    picture = _box(cover, 0.14, 0.32, 0.86, 0.8)
    p.setBrush(QColor(255, 255, 255, 200))
    p.drawRect(picture)
    p.setBrush(_cloth_brush(picture, "#6f8a5a"))
    p.drawRect(picture.adjusted(3, 3, -3, -3))


def paint_photograph(p: QPainter, r: QRectF, v: Variant) -> None:
    _frame(p, r, mat="#f1ede4")
    picture = _box(r, 0.15, 0.16, 0.85, 0.84)
    gradient = QLinearGradient(picture.topLeft(), picture.bottomLeft())
    gradient.setColorAt(0.0, QColor("#b9a98a"))
    gradient.setColorAt(0.55, QColor("#8c7a5c"))
    gradient.setColorAt(1.0, QColor("#5b6a3e"))
    p.setBrush(gradient)
    p.drawRect(picture)
    p.setBrush(QColor(50, 40, 30, 200))
    for index in range(6):  # a row of players
        x = 0.1 + index * 0.14
        p.drawEllipse(_box(picture, x + 0.02, 0.36, x + 0.09, 0.5))
        p.drawRoundedRect(_box(picture, x, 0.5, x + 0.11, 0.86), 2, 2)


def paint_other(p: QPainter, r: QRectF, v: Variant) -> None:
    base = _box(r, 0.05, 0.86, 0.95, 1.0)
    p.setBrush(_wood_brush(base))
    p.drawRoundedRect(base, 2, 2)
    thing = _box(r, 0.32, 0.45, 0.68, 0.86)
    p.setBrush(metal_brush(thing, v.metal))
    p.drawRoundedRect(thing, 4, 4)
    dome = QPainterPath(_at(r)(0.12, 0.86))
    dome.lineTo(_at(r)(0.12, 0.3))
    dome.cubicTo(_at(r)(0.12, -0.05), _at(r)(0.88, -0.05), _at(r)(0.88, 0.3))
    dome.lineTo(_at(r)(0.88, 0.86))
    gradient = QLinearGradient(r.topLeft(), r.topRight())
    gradient.setColorAt(0.0, QColor(255, 255, 255, 25))
    gradient.setColorAt(0.2, QColor(255, 255, 255, 90))
    gradient.setColorAt(0.3, QColor(255, 255, 255, 15))
    gradient.setColorAt(1.0, QColor(255, 255, 255, 35))
    p.setBrush(gradient)
    p.setPen(QPen(QColor(255, 255, 255, 90), 1))
    p.drawPath(dome)
    p.setPen(Qt.PenStyle.NoPen)


PAINTERS: dict[str, Callable[[QPainter, QRectF, Variant], None]] = {
    "trophy": paint_trophy, "replica": paint_replica, "medal": paint_medal,
    "shirt": paint_shirt, "ball": paint_ball, "boots": paint_boots, "cap": paint_cap,
    "pennant": paint_pennant, "certificate": paint_certificate, "ticket": paint_ticket,
    "programme": paint_programme, "photograph": paint_photograph, "other": paint_other,
}


def paint_silhouette(painter: QPainter, rect: QRectF, variant: Variant) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    PAINTERS.get(variant.kind, paint_other)(painter, rect, variant)
    painter.restore()


@lru_cache(maxsize=2048)
def silhouette_pixmap(variant: Variant, width: int, height: int) -> QPixmap:
    """The drawn picture at this pixel size; shared by every item that looks the same."""
    pixmap = QPixmap(max(1, width), max(1, height))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_silhouette(painter, QRectF(0, 0, width, height), variant)
    painter.end()
    return pixmap
