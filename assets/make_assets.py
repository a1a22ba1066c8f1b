"""Generate Museum's bundled images with Pillow: the app icon and room textures.

Run from anywhere: ``python assets/make_assets.py``. Output is deterministic.
Textures are tileable: every pattern is built from functions periodic in the
tile size, or drawn with wrap-around copies, so opposite edges meet cleanly.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ASSETS = Path(__file__).resolve().parent
RGB = tuple[int, int, int]

GOLD: Sequence[RGB] = (
    (96, 62, 14),
    (190, 140, 40),
    (244, 210, 110),
    (255, 248, 214),
    (226, 186, 88),
    (150, 104, 28),
    (96, 62, 14),
)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    t = min(1.0, max(0.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def ramp(stops: Sequence[RGB], t: float) -> RGB:
    """Colour at ``t`` in [0, 1] along evenly spaced ``stops``."""
    pos = min(max(t, 0.0), 1.0) * (len(stops) - 1)
    i = min(int(pos), len(stops) - 2)
    return mix(stops[i], stops[i + 1], pos - i)


def gradient(stops: Sequence[RGB], size: tuple[int, int], vertical: bool = False) -> Image.Image:
    strip = Image.new("RGB", (256, 1))
    strip.putdata([ramp(stops, i / 255) for i in range(256)])
    if vertical:
        strip = strip.transpose(Image.Transpose.ROTATE_270)
    return strip.resize(size, Image.Resampling.BILINEAR)


def periodic_noise(
    size: tuple[int, int], cells: tuple[int, int], rng: random.Random
) -> Image.Image:
    """Smooth L noise that tiles: a periodic random grid, upscaled 3x3 and cropped."""
    (w, h), (cw, ch) = size, cells
    grid = Image.frombytes("L", cells, rng.randbytes(cw * ch))
    tiled = Image.new("L", (cw * 3, ch * 3))
    for i in range(3):
        for j in range(3):
            tiled.paste(grid, (i * cw, j * ch))
    return tiled.resize((w * 3, h * 3), Image.Resampling.BICUBIC).crop((w, h, w * 2, h * 2))


def colourise(values: Image.Image, stops: Sequence[RGB]) -> Image.Image:
    """Map an L image through a colour ramp."""
    table = [ramp(stops, i / 255) for i in range(256)]
    lut = [c[0] for c in table] + [c[1] for c in table] + [c[2] for c in table]
    return Image.merge("RGB", (values, values, values)).point(lut)


# ----------------------------------------------------------------------- icon


def draw_icon(size: int = 1024) -> Image.Image:
    icon = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    s = size / 1024
    tile = Image.new("L", icon.size, 0)
    ImageDraw.Draw(tile).rounded_rectangle(
        [40 * s, 40 * s, 984 * s, 984 * s], radius=190 * s, fill=255
    )
    icon.paste(
        gradient([(138, 34, 54), (96, 18, 36), (60, 8, 22)], icon.size, vertical=True), None, tile
    )
    rim = Image.new("L", icon.size, 0)
    ImageDraw.Draw(rim).rounded_rectangle(
        [78 * s, 78 * s, 946 * s, 946 * s], radius=156 * s, outline=255, width=int(10 * s)
    )
    icon.paste((204, 158, 70, 255), None, rim.point(lambda v: v * 6 // 10))
    _draw_cup(icon, s)
    return icon


def _fill(
    icon: Image.Image, mask: Image.Image, stops: Sequence[RGB], vertical: bool = False
) -> None:
    box = mask.getbbox()
    if box:
        fill = gradient(stops, (box[2] - box[0], box[3] - box[1]), vertical).convert("RGBA")
        icon.paste(fill, box[:2], mask.crop(box))


def _shape(icon: Image.Image, draw: Callable[[ImageDraw.ImageDraw], object]) -> Image.Image:
    mask = Image.new("L", icon.size, 0)
    draw(ImageDraw.Draw(mask))
    return mask


def _draw_cup(icon: Image.Image, s: float) -> None:
    def p(x: float, y: float) -> tuple[float, float]:
        return (512 * s + x * s, y * s)

    for side, (start, end) in ((1, (-80, 100)), (-1, (80, 260))):
        cx = 512 + side * 190
        box = [(cx - 120) * s, 250 * s, (cx + 120) * s, 520 * s]
        handle = Image.new("L", icon.size, 0)
        ImageDraw.Draw(handle).arc(box, start, end, fill=255, width=int(44 * s))
        _fill(icon, handle, GOLD)
    rows = [(230, 250), (300, 246), (380, 226), (450, 186), (520, 122), (570, 60), (610, 44)]
    right = [p(hw, y) for y, hw in rows]
    bowl = _shape(
        icon,
        lambda d: d.polygon(right + [(2 * 512 * s - x, y) for x, y in reversed(right)], fill=255),
    )
    _fill(icon, bowl, GOLD)
    stem = _shape(
        icon,
        lambda d: d.polygon(
            [p(-40, 600), p(40, 600), p(34, 700), p(120, 760), p(-120, 760), p(-34, 700)], fill=255
        ),
    )
    _fill(icon, stem, GOLD)
    base = _shape(
        icon,
        lambda d: d.rounded_rectangle([*p(-190, 760), *p(190, 850)], radius=int(16 * s), fill=255),
    )
    _fill(icon, base, [(70, 40, 22), (130, 80, 44), (54, 30, 16)], vertical=True)
    plate = _shape(icon, lambda d: d.rectangle([*p(-100, 785), *p(100, 825)], fill=255))
    _fill(icon, plate, GOLD)
    mouth = _shape(icon, lambda d: d.ellipse([*p(-250, 214), *p(250, 262)], fill=255))
    _fill(icon, mouth, [(150, 104, 28), (96, 62, 14), (120, 80, 20), (226, 186, 88)])
    star = [
        p(
            70 * math.cos(a) * (1 if i % 2 == 0 else 0.42),
            400 + 70 * math.sin(a) * (1 if i % 2 == 0 else 0.42),
        )
        for i, a in enumerate(math.pi * k / 5 - math.pi / 2 for k in range(10))
    ]
    star_mask = _shape(icon, lambda d: d.polygon(star, fill=255))
    icon.paste((255, 246, 206, 255), (int(-4 * s), int(-4 * s)), star_mask)
    icon.paste((120, 80, 18, 255), (int(4 * s), int(4 * s)), star_mask)
    _fill(icon, star_mask, GOLD[1:4])


# ------------------------------------------------------------------- textures


def _plank_joints(rng: random.Random, size: int) -> list[int]:
    count = rng.choice((2, 3, 3))
    first = rng.randrange(size)
    return sorted(
        (first + k * size // count + rng.randint(-size // 12, size // 12)) % size
        for k in range(count)
    )


def wood_floor(size: int = 512, plank_h: int = 64) -> Image.Image:
    """Oak planks in staggered rows; grain is periodic along x so rows wrap."""
    rng = random.Random("wood_floor")
    mottling = periodic_noise((size, size), (8, 8), rng).load()
    streaks = periodic_noise((size, size), (4, size // 4), rng).load()
    image = Image.new("RGB", (size, size))
    pixels = image.load()
    oak = ((84, 46, 20), (140, 88, 44), (184, 126, 70), (214, 164, 104))
    for row in range(size // plank_h):
        joints = _plank_joints(rng, size)
        planks = [
            (
                rng.uniform(0.7, 1.12),
                rng.uniform(0.3, 0.9),
                rng.random() * 6.28,
                rng.randint(1, 3),
                rng.random() * 6.28,
                rng.uniform(2, 12),
            )
            for _ in joints
        ]
        for x in range(size):
            plank = sum(1 for j in joints if j <= x) % len(joints)
            tint, freq, phase, waves, wave_phase, sway = planks[plank]
            warp = sway * math.sin(2 * math.pi * waves * x / size + wave_phase) + 2 * math.sin(
                2 * math.pi * 7 * x / size + phase
            )
            at_joint = any((x - j) % size in (0, 1) for j in joints)
            for yy in range(plank_h):
                y = row * plank_h + yy
                grain = max(0.0, math.sin((yy + warp) * freq + phase)) ** 6
                figure = 0.75 + 0.25 * mottling[x, y] / 255 + 0.2 * (streaks[x, y] / 255 - 0.5)
                shade = tint * figure * (1 - 0.22 * grain)
                if at_joint or yy == plank_h - 1:
                    shade *= 0.4
                elif yy == 0:
                    shade *= 1.12
                pixels[x, y] = ramp(oak, 0.1 + 0.72 * shade)
    fine = periodic_noise((size, size), (size // 2, size // 8), rng)
    return Image.blend(image, colourise(fine, [(110, 68, 34), (196, 140, 84)]), 0.1)


def _wrapped_copies(x: float, y: float, size: int) -> list[tuple[float, float]]:
    return [(x + dx, y + dy) for dx in (-size, 0, size) for dy in (-size, 0, size)]


def _damask_motif(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    d.ellipse([cx - r * 0.28, cy - r * 0.28, cx + r * 0.28, cy + r * 0.28], fill=255)
    for angle in range(0, 360, 45):
        a = math.radians(angle)
        reach = r if angle % 90 == 0 else r * 0.6
        tip = (cx + reach * math.cos(a), cy + reach * math.sin(a))
        side = (-math.sin(a) * r * 0.16, math.cos(a) * r * 0.16)
        mid = (cx + reach * 0.5 * math.cos(a), cy + reach * 0.5 * math.sin(a))
        d.polygon(
            [
                (cx, cy),
                (mid[0] + side[0], mid[1] + side[1]),
                tip,
                (mid[0] - side[0], mid[1] - side[1]),
            ],
            fill=255,
        )


def wall(size: int = 512, cell: int = 128) -> Image.Image:
    """Warm dark-green damask over mottled plaster."""
    rng = random.Random("wall")
    ss = 2
    pattern = Image.new("L", (size * ss, size * ss), 0)
    d = ImageDraw.Draw(pattern)
    for i in range(size // cell):
        for j in range(size // cell):
            for ox, oy, r in ((0, 0, 0.3), (0.5, 0.5, 0.18)):
                for x, y in _wrapped_copies((i + ox) * cell, (j + oy) * cell, size):
                    _damask_motif(d, x * ss, y * ss, r * cell * ss)
    for k in range(-1, size // cell + 2):
        for sign in (-1, 1):
            curve = [
                (
                    (k * cell + sign * cell * 0.25 * math.sin(2 * math.pi * y / (cell * 2))) * ss,
                    y * ss,
                )
                for y in range(0, size + 1, 4)
            ]
            d.line(curve, fill=160, width=2 * ss)
    pattern = pattern.reduce(ss).filter(ImageFilter.GaussianBlur(0.8))
    plaster = Image.blend(
        periodic_noise((size, size), (6, 6), rng), periodic_noise((size, size), (48, 48), rng), 0.35
    )
    base = colourise(plaster, [(26, 42, 30), (40, 60, 44), (50, 72, 52)])
    sheen = colourise(plaster, [(52, 76, 54), (66, 92, 66)])
    return Image.composite(sheen, base, pattern.point(lambda v: v * 7 // 10))


def wrapped_blur(image: Image.Image, radius: float) -> Image.Image:
    """Gaussian blur that wraps around the edges, keeping a tile seamless."""
    w, h = image.size
    tiled = Image.new(image.mode, (w * 3, h * 3))
    for i in range(3):
        for j in range(3):
            tiled.paste(image, (i * w, j * h))
    return tiled.filter(ImageFilter.GaussianBlur(radius)).crop((w, h, w * 2, h * 2))


def velvet(size: int = 256) -> Image.Image:
    """Dark burgundy velvet: broad soft sheen plus fine pile."""
    rng = random.Random("velvet")
    sheen = Image.blend(
        periodic_noise((size, size), (3, 3), rng), periodic_noise((size, size), (8, 8), rng), 0.3
    )
    sheen = wrapped_blur(sheen, 6)
    pile = wrapped_blur(Image.frombytes("L", (size, size), rng.randbytes(size * size)), 0.6)
    values = Image.blend(sheen, pile.point(lambda v: max(0, min(255, 128 + (v - 128) * 3))), 0.1)
    return colourise(values, [(26, 3, 9), (48, 6, 17), (76, 14, 28), (112, 32, 48)])


def brushed_brass(size: tuple[int, int] = (256, 64)) -> Image.Image:
    """Horizontal brush marks: noise stretched along x, periodic both ways."""
    rng = random.Random("brass")
    w, h = size
    fine = periodic_noise(size, (w // 32, h), rng)
    long = periodic_noise(size, (w // 128, h), rng)
    streaks = Image.blend(fine, long, 0.5).point(
        lambda v: max(0, min(255, 128 + (v - 128) * 3 // 2))
    )
    band = Image.new("L", size)
    band.putdata(
        [round(128 + 70 * math.cos(2 * math.pi * y / h)) for y in range(h) for _ in range(w)]
    )
    values = Image.blend(streaks, band, 0.55)
    return colourise(values, [(116, 88, 42), (168, 134, 70), (210, 178, 108), (238, 214, 152)])


def cabinet_wood(size: tuple[int, int] = (512, 256)) -> Image.Image:
    """Dark walnut with long wavy grain, wrapping top to bottom and side to side."""
    rng = random.Random("cabinet_wood")
    w, h = size
    base = (75, 46, 28)
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(260):
        y = rng.uniform(0, h)
        dark = rng.random() < 0.7
        colour = (46, 26, 15) if dark else (94, 58, 35)
        alpha = rng.randint(18, 70)
        width = max(1, round(rng.uniform(0.6, 2.4)))
        wobble = rng.uniform(1, 5)
        waves = rng.randint(2, 6)  # whole waves across: the line meets itself at the edges
        phase = rng.random() * 2 * math.pi
        points = [(x, y + wobble * math.sin(2 * math.pi * waves * x / w + phase))
                  for x in range(0, w + 1, 8)]
        for shift in (-h, 0, h):
            draw.line([(x, py + shift) for x, py in points], fill=(*colour, alpha), width=width)
    return image


def main() -> None:
    (ASSETS / "textures").mkdir(exist_ok=True)
    icon = draw_icon()
    icon.resize((256, 256), Image.Resampling.LANCZOS).save(ASSETS / "icon.png", optimize=True)
    icon.resize((64, 64), Image.Resampling.LANCZOS).save(ASSETS / "icon-64.png", optimize=True)
    wood_floor().save(ASSETS / "textures" / "wood_floor.png", optimize=True)
    wall().save(ASSETS / "textures" / "wall.png", optimize=True)
    velvet().save(ASSETS / "textures" / "velvet.png", optimize=True)
    brushed_brass().save(ASSETS / "textures" / "brushed_brass.png", optimize=True)
    cabinet_wood().save(ASSETS / "textures" / "cabinet_wood.png", optimize=True)
    print(f"assets written to {ASSETS}")


if __name__ == "__main__":
    main()
