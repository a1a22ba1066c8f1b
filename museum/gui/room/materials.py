"""The room's materials: wood, wallpaper, velvet, brass and floor as tiling pixmaps.

Each comes from assets/textures/<name>.png when that file ships with the app, and is otherwise
woven here from seeded noise, so the room looks the same on every run and never needs a file.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap, QTransform,
)

ASSETS_DIR = Path(__file__).resolve().parents[3] / "assets"
TEXTURES_DIR = ASSETS_DIR / "textures"

WALL = QColor("#4a1a1f")
WALL_PATTERN = QColor("#5e2228")
WOOD = QColor("#4b2e1c")
WOOD_GRAIN = QColor("#2e1a0f")
VELVET = QColor("#18223a")
BRASS_LIGHT = QColor("#f3dc9a")
BRASS = QColor("#c9a14f")
BRASS_DARK = QColor("#7a5a22")
FLOOR = QColor("#8a5a32")
ENGRAVING = QColor("#3a2a10")


@cache
def texture(name: str) -> QPixmap:
    """The tiling pixmap for wood_floor, wall, velvet, brushed_brass or cabinet_wood."""
    shipped = TEXTURES_DIR / f"{name}.png"
    if shipped.exists():
        pixmap = QPixmap(str(shipped))
        if not pixmap.isNull():
            return pixmap
    return QPixmap.fromImage(_WOVEN[name]())


def load_textures() -> None:
    """Read every texture into memory (a few milliseconds each, the first time)."""
    for name in _WOVEN:
        texture(name)


@cache
def average_colour(name: str) -> QColor:
    """A texture's mean colour: how it looks from far away, for flat stand-ins."""
    return QColor(texture(name).toImage().scaled(
        1, 1, Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation).pixelColor(0, 0))


def brush(name: str, *, scale: float = 1.0) -> QBrush:
    result = QBrush(texture(name))
    if scale != 1.0:
        result.setTransform(QTransform.fromScale(scale, scale))
    return result


def brass_gradient(rect: QRectF) -> QLinearGradient:
    """Polished brass, lit from above: bright band near the top, darker edges."""
    gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
    gradient.setColorAt(0.0, BRASS_DARK)
    gradient.setColorAt(0.18, BRASS_LIGHT)
    gradient.setColorAt(0.5, BRASS)
    gradient.setColorAt(1.0, BRASS_DARK)
    return gradient


def _canvas(width: int, height: int, colour: QColor) -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colour)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def _wood(base: QColor = WOOD, grain: QColor = WOOD_GRAIN, seed: int = 7) -> QImage:
    rng = random.Random(seed)
    image, painter = _canvas(512, 256, base)
    for _ in range(260):
        y = rng.uniform(0, 256)
        colour = QColor(grain if rng.random() < 0.7 else base.lighter(125))
        colour.setAlpha(rng.randint(18, 70))
        painter.setPen(QPen(colour, rng.uniform(0.6, 2.4)))
        path = QPainterPath(QPointF(-10, y))
        wobble = rng.uniform(1, 5)
        for x in range(0, 540, 60):
            path.quadTo(QPointF(x + 30, y + rng.uniform(-wobble, wobble)), QPointF(x + 60, y))
        painter.drawPath(path)
        # draw the line again one tile height away so the texture tiles vertically
        painter.drawPath(path.translated(0, 256 if y < 128 else -256))
    painter.end()
    return image


def _wall() -> QImage:
    rng = random.Random(11)
    image, painter = _canvas(160, 160, WALL)
    painter.setPen(Qt.PenStyle.NoPen)
    for x in (0, 80):  # a quiet damask stripe: a row of soft lozenges
        for y in (0, 80, 160):
            painter.setBrush(WALL_PATTERN)
            diamond = QPainterPath()
            diamond.moveTo(x + 40, y - 26)
            diamond.quadTo(x + 62, y, x + 40, y + 26)
            diamond.quadTo(x + 18, y, x + 40, y - 26)
            painter.drawPath(diamond)
    for _ in range(900):
        colour = QColor(0, 0, 0, rng.randint(4, 14)) if rng.random() < .5 else \
            QColor(255, 220, 200, rng.randint(3, 8))
        painter.fillRect(QRectF(rng.uniform(0, 160), rng.uniform(0, 160), 1.5, 1.5), colour)
    painter.end()
    return image


def _velvet() -> QImage:
    rng = random.Random(3)
    image, painter = _canvas(128, 128, VELVET)
    for _ in range(2500):
        shade = QColor(255, 255, 255, rng.randint(2, 10)) if rng.random() < .5 else \
            QColor(0, 0, 0, rng.randint(6, 20))
        painter.fillRect(QRectF(rng.uniform(0, 128), rng.uniform(0, 128), 1, 2), shade)
    painter.end()
    return image


def _brass() -> QImage:
    rng = random.Random(5)
    image, painter = _canvas(256, 64, BRASS)
    for _ in range(400):
        colour = QColor(BRASS_LIGHT if rng.random() < .5 else BRASS_DARK)
        colour.setAlpha(rng.randint(20, 60))
        painter.setPen(QPen(colour, 0.7))
        y = rng.uniform(0, 64)
        painter.drawLine(QPointF(0, y), QPointF(256, y + rng.uniform(-0.5, 0.5)))
    painter.end()
    return image


def _floor() -> QImage:
    rng = random.Random(19)
    image, painter = _canvas(720, 240, FLOOR)
    plank_height = 40
    for row in range(6):
        offset = rng.uniform(0, 240)
        for column in range(-1, 4):
            left = offset + column * 240
            tone = QColor(FLOOR).lighter(rng.randint(88, 116))
            painter.fillRect(QRectF(left, row * plank_height, 240, plank_height), tone)
            painter.setPen(QPen(QColor(40, 22, 10, 120), 1.5))
            painter.drawLine(QPointF(left, row * plank_height),
                             QPointF(left, (row + 1) * plank_height))
        painter.setPen(QPen(QColor(40, 22, 10, 140), 1.5))
        painter.drawLine(QPointF(0, row * plank_height), QPointF(720, row * plank_height))
    grain = _wood(QColor(0, 0, 0, 0), QColor("#3a2312"), seed=23)
    painter.setOpacity(0.35)
    painter.drawImage(QRectF(0, 0, 720, 240), grain, QRectF(0, 0, 512, 256))
    painter.end()
    return image


_WOVEN = {
    "cabinet_wood": _wood, "wall": _wall, "velvet": _velvet, "brushed_brass": _brass,
    "wood_floor": _floor,
}
