"""Small Pillow drawing toolkit shared by the demo-art drawings.

Every drawing works in a normalised square ([-1, 1] on both axes, y down)
that a :class:`Stage` maps onto the pixels of a transparent RGBA layer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

RGB = tuple[int, int, int]
Point = tuple[float, float]
Box = tuple[float, float, float, float]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

# Masks are drawn at twice the size and reduced: ImageDraw has no antialiasing.
SUPERSAMPLE = 2

# dark, mid, light, shine
METALS: dict[str, tuple[RGB, RGB, RGB, RGB]] = {
    "gold": ((92, 60, 14), (186, 138, 40), (240, 204, 104), (255, 246, 206)),
    "silver": ((58, 60, 66), (148, 151, 158), (212, 214, 220), (255, 255, 255)),
    "bronze": ((64, 32, 14), (146, 84, 40), (206, 138, 82), (252, 216, 170)),
}

TEAM_COLOURS: tuple[RGB, ...] = (
    (196, 28, 40),
    (238, 236, 228),
    (116, 176, 222),
    (24, 34, 84),
    (28, 70, 168),
    (22, 118, 62),
    (246, 200, 36),
    (26, 26, 30),
    (116, 24, 50),
    (236, 108, 28),
    (90, 40, 120),
)

_FONT_FILES = {
    "sans": ("DejaVuSans.ttf",),
    "bold": ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf"),
    "serif": ("DejaVuSerif-Bold.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans.ttf"),
}


@dataclass(frozen=True)
class Stage:
    """Maps the normalised object square onto layer pixels."""

    size: tuple[int, int]
    cx: float
    cy: float
    half: float

    def pt(self, x: float, y: float) -> Point:
        return (self.cx + x * self.half, self.cy + y * self.half)

    def pts(self, points: Sequence[Point]) -> list[Point]:
        return [self.pt(x, y) for x, y in points]

    def box(self, x0: float, y0: float, x1: float, y1: float) -> list[float]:
        (a, b), (c, d) = self.pt(x0, y0), self.pt(x1, y1)
        return [min(a, c), min(b, d), max(a, c), max(b, d)]

    def px(self, length: float) -> float:
        return length * self.half

    def scaled(self, k: int) -> Stage:
        return Stage((self.size[0] * k, self.size[1] * k), self.cx * k, self.cy * k, self.half * k)


@dataclass(frozen=True)
class Subject:
    """The caller's optional text and number for an item."""

    label: str
    number: int | None


ShapeDrawer = Callable[[ImageDraw.ImageDraw, Stage], None]


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from ``a`` (t=0) to ``b`` (t=1)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def shade(colour: RGB, k: float) -> RGB:
    """``colour`` scaled by ``k`` (below 1 darker, above 1 lighter), clipped."""
    return (
        min(255, round(colour[0] * k)),
        min(255, round(colour[1] * k)),
        min(255, round(colour[2] * k)),
    )


def new_layer(size: tuple[int, int]) -> Image.Image:
    """A fully transparent RGBA layer of ``size``."""
    return Image.new("RGBA", size, (0, 0, 0, 0))


def mask_of(st: Stage, shape: ShapeDrawer) -> Image.Image:
    """Return an antialiased L mask of whatever ``shape`` draws in white."""
    big = st.scaled(SUPERSAMPLE)
    mask = Image.new("L", big.size, 0)
    shape(ImageDraw.Draw(mask), big)
    return mask.reduce(SUPERSAMPLE)


def polygon_mask(st: Stage, points: Sequence[Point]) -> Image.Image:
    """Antialiased mask of one filled polygon."""
    return mask_of(st, lambda d, s: d.polygon(s.pts(points), fill=255))


def ellipse_mask(st: Stage, x0: float, y0: float, x1: float, y1: float) -> Image.Image:
    """Antialiased mask of one filled ellipse in the given box."""
    return mask_of(st, lambda d, s: d.ellipse(s.box(x0, y0, x1, y1), fill=255))


def polygons_mask(st: Stage, polygons: Iterable[Sequence[Point]]) -> Image.Image:
    """Antialiased mask of several filled polygons."""
    shapes = [list(p) for p in polygons]
    return mask_of(st, lambda d, s: [d.polygon(s.pts(p), fill=255) for p in shapes])


def ellipses_mask(st: Stage, boxes: Iterable[Box]) -> Image.Image:
    """Antialiased mask of several filled ellipses."""
    shapes = list(boxes)
    return mask_of(st, lambda d, s: [d.ellipse(s.box(*b), fill=255) for b in shapes])


def lines_mask(st: Stage, polylines: Iterable[Sequence[Point]], width: float) -> Image.Image:
    """Strokes ``width`` normalised units wide along each polyline."""
    shapes = [list(p) for p in polylines]
    return mask_of(
        st,
        lambda d, s: [d.line(s.pts(p), fill=255, width=max(1, round(s.px(width)))) for p in shapes],
    )


def arc_mask(st: Stage, box: Box, start: float, end: float, width: float) -> Image.Image:
    """Antialiased mask of an arc stroke; angles in degrees, clockwise from 3 o'clock."""
    return mask_of(
        st, lambda d, s: d.arc(s.box(*box), start, end, fill=255, width=max(1, round(s.px(width))))
    )


def outline_mask(st: Stage, box: Box, width: float, round_shape: bool = False) -> Image.Image:
    """Antialiased mask of a rectangle (or ellipse) outline."""

    def draw(d: ImageDraw.ImageDraw, s: Stage) -> None:
        outline = d.ellipse if round_shape else d.rectangle
        outline(s.box(*box), outline=255, width=max(1, round(s.px(width))))

    return mask_of(st, draw)


def text_at(
    layer: Image.Image,
    st: Stage,
    at: Point,
    text: str,
    colour: RGB,
    px: float,
    max_width: float,
    style: str = "sans",
) -> None:
    """Centre ``text`` on ``at``, ``px`` units tall, shrunk to fit ``max_width``."""
    f = fitted_font(text, st.px(max_width), int(st.px(px)), style)
    ImageDraw.Draw(layer).text(st.pt(*at), text, fill=colour + (255,), font=f, anchor="mm")


def paint(layer: Image.Image, mask: Image.Image, colour: RGB, opacity: float = 1.0) -> None:
    """Fill ``mask`` on ``layer`` with a flat ``colour`` at ``opacity``."""
    if opacity < 1.0:
        mask = mask.point(lambda v: round(v * opacity))
    layer.paste(colour + (255,), None, mask)


def gradient(stops: Sequence[RGB], size: tuple[int, int], vertical: bool = False) -> Image.Image:
    """A smooth blend through ``stops`` across the width (or height)."""
    samples = 128
    strip = Image.new("RGB", (samples, 1))
    last = len(stops) - 1
    row = []
    for i in range(samples):
        pos = i / (samples - 1) * last
        j = min(int(pos), last - 1)
        row.append(mix(stops[j], stops[j + 1], pos - j))
    strip.putdata(row)
    if vertical:
        strip = strip.transpose(Image.Transpose.ROTATE_270)
    return strip.resize((max(1, size[0]), max(1, size[1])), Image.Resampling.BILINEAR)


def paint_gradient(
    layer: Image.Image,
    mask: Image.Image,
    stops: Sequence[RGB],
    *,
    vertical: bool = False,
    diagonal: bool = False,
) -> None:
    """Fill ``mask`` with a gradient spanning the mask's own bounding box."""
    box = mask.getbbox()
    if box is None:
        return
    w, h = box[2] - box[0], box[3] - box[1]
    if diagonal:
        side = int(math.hypot(w, h)) + 2
        fill = gradient(stops, (side, side)).rotate(-45, Image.Resampling.BILINEAR)
        left, top = (side - w) // 2, (side - h) // 2
        fill = fill.crop((left, top, left + w, top + h))
    else:
        fill = gradient(stops, (w, h), vertical)
    layer.paste(fill.convert("RGBA"), box[:2], mask.crop(box))


def cylinder(metal: str) -> list[RGB]:
    """Colour stops that read as a polished cylinder lit from the left."""
    dark, mid, light, shine = METALS[metal]
    return [dark, mid, light, shine, light, mid, mix(mid, dark, 0.5), mid, dark]


def soften(mask: Image.Image, radius: float) -> Image.Image:
    """Cheap wide blur: blur a quarter-size copy and scale it back."""
    small = mask.reduce(4).filter(ImageFilter.GaussianBlur(max(0.5, radius / 4)))
    return small.resize(mask.size, Image.Resampling.BILINEAR)


def shifted(mask: Image.Image, dx: float, dy: float) -> Image.Image:
    """``mask`` moved by (dx, dy) pixels, without wrapping round."""
    out = Image.new("L", mask.size, 0)
    out.paste(mask, (round(dx), round(dy)))
    return out


def emboss(layer: Image.Image, mask: Image.Image, light: RGB, dark: RGB, depth: float) -> None:
    """Raised-relief edges for ``mask``; the caller paints the face itself."""
    paint(layer, shifted(mask, depth, depth), dark)
    paint(layer, shifted(mask, -depth, -depth), light)


def glint(
    layer: Image.Image,
    within: Image.Image,
    st: Stage,
    centre: Point,
    radii: Point,
    strength: float = 0.8,
) -> None:
    """A soft specular highlight, clipped to ``within``."""
    (x, y), (rx, ry) = centre, radii
    blob = soften(ellipse_mask(st, x - rx, y - ry, x + rx, y + ry), st.px(min(rx, ry)) * 0.7)
    blob = ImageChops.multiply(blob, within)
    paint(layer, blob, (255, 252, 236), strength)


def darken_edges(layer: Image.Image, within: Image.Image, st: Stage, strength: float = 0.5) -> None:
    """Shade a shape towards its rim so it reads as rounded."""
    inner = soften(within.point(lambda v: 255 - v), st.px(0.08))
    paint(layer, ImageChops.multiply(inner, within), (10, 6, 4), strength)


def smooth(points: Sequence[Point], rounds: int = 2, closed: bool = True) -> list[Point]:
    """Chaikin corner cutting: turns a rough outline into a soft curve."""
    pts = list(points)
    for _ in range(rounds):
        out: list[Point] = [] if closed else [pts[0]]
        ends = pts[1:] + pts[:1] if closed else pts[1:]
        pairs = zip(pts[: len(ends)], ends, strict=True)
        for (x0, y0), (x1, y1) in pairs:
            out.append((x0 * 0.75 + x1 * 0.25, y0 * 0.75 + y1 * 0.25))
            out.append((x0 * 0.25 + x1 * 0.75, y0 * 0.25 + y1 * 0.75))
        if not closed:
            out.append(pts[-1])
        pts = out
    return pts


def mirrored(right_side: Sequence[Point]) -> list[Point]:
    """A symmetric outline from its right half, listed top to bottom."""
    return list(right_side) + [(-x, y) for x, y in reversed(right_side)]


def star_points(
    cx: float, cy: float, r: float, inner: float = 0.45, points: int = 5
) -> list[Point]:
    """Outline of a star with ``points`` tips of radius ``r``."""
    out = []
    for i in range(points * 2):
        rad = r if i % 2 == 0 else r * inner
        a = math.pi * i / points - math.pi / 2
        out.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return out


def composite_at(layer: Image.Image, piece: Image.Image, x: float, y: float) -> None:
    """Alpha-composite ``piece`` with its top-left at (x, y), even off-canvas."""
    x, y = round(x), round(y)
    crop = piece.crop((max(0, -x), max(0, -y), piece.width, piece.height))
    layer.alpha_composite(crop, (max(0, x), max(0, y)))


@lru_cache(maxsize=64)
def font(px: int, style: str = "sans") -> Font:
    """DejaVu at ``px`` pixels, falling back to Pillow's built-in font."""
    for name in _FONT_FILES[style]:
        try:
            return ImageFont.truetype(name, px)
        except OSError:
            continue
    return ImageFont.load_default(size=px)


def fitted_font(text: str, max_width: float, px: int, style: str = "sans") -> Font:
    """The largest font no bigger than ``px`` that fits ``text`` in ``max_width``."""
    px = max(6, px)
    f = font(px, style)
    width = f.getlength(text) if text else 0
    if width > max_width > 0:
        f = font(max(6, int(px * max_width / width)), style)
    return f


def wrap(text: str, max_chars: int, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines of ``max_chars``."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:max_lines]
