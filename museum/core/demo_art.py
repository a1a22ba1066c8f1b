"""Plausible "photos" of memorabilia for the generated demo museum.

Pure Pillow. Objects are drawn at a modest internal resolution onto a
photographic backdrop (velvet or a table top with soft light falloff), given
a soft shadow and a little grain, then scaled to the requested size.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw

from museum.core import demo_art_paper as paper
from museum.core import demo_art_shapes as shapes
from museum.core.demo_art_kit import RGB, Stage, Subject, mix, new_layer, shade, soften

__all__ = ["KINDS", "draw_item_photo"]

# Long edge of the internal canvas: large enough to look crisp at 800 px,
# small enough that a 4000 px photo stays far below a second. Small photos
# are drawn at twice their size (antialiasing) but never from a tiny canvas.
MAX_WORK_EDGE = 1000
MIN_WORK_EDGE = 320

Drawer = Callable[[Image.Image, Stage, random.Random, Subject], None]


@dataclass(frozen=True)
class KindStyle:
    draw: Drawer
    standing: bool  # photographed upright on a table rather than lying flat
    max_tilt: float = 0.0  # degrees a flat item may lie askew


_STYLES: dict[str, KindStyle] = {
    "medal": KindStyle(shapes.draw_medal, standing=False, max_tilt=4),
    "trophy": KindStyle(shapes.draw_trophy, standing=True),
    "replica": KindStyle(shapes.draw_replica, standing=True),
    "shirt": KindStyle(paper.draw_shirt, standing=False, max_tilt=3),
    "boots": KindStyle(shapes.draw_boots, standing=True),
    "ball": KindStyle(shapes.draw_ball, standing=True),
    "cap": KindStyle(shapes.draw_cap, standing=True),
    "pennant": KindStyle(paper.draw_pennant, standing=False, max_tilt=3),
    "certificate": KindStyle(paper.draw_certificate, standing=False, max_tilt=3),
    "ticket": KindStyle(paper.draw_ticket, standing=False, max_tilt=8),
    "programme": KindStyle(paper.draw_programme, standing=False, max_tilt=6),
    "photograph": KindStyle(paper.draw_photograph, standing=False, max_tilt=3),
    "other": KindStyle(shapes.draw_other, standing=True),
}

KINDS: tuple[str, ...] = tuple(_STYLES)

# Surfaces things are photographed on, as (colour, is_wood).
_SURFACES: tuple[tuple[RGB, bool], ...] = (
    ((92, 18, 30), False),
    ((20, 52, 36), False),
    ((22, 28, 58), False),
    ((40, 34, 32), False),
    ((122, 76, 42), True),
    ((70, 42, 26), True),
)
_WALLS: tuple[RGB, ...] = ((58, 46, 40), (34, 44, 40), (66, 56, 50), (44, 38, 40), (74, 36, 36))


def draw_item_photo(
    *, kind: str, seed: int, size: tuple[int, int], label: str = "", number: int | None = None
) -> Image.Image:
    """Return an RGB image of exactly ``size`` showing a ``kind`` of memorabilia.

    The same arguments always give byte-identical pixels; different seeds vary
    colours, metals, patterns and backdrop (``label`` and ``number`` do not, so
    renaming an item keeps its look). Unknown kinds are drawn as
    ``"other"``. ``label`` appears where the object carries text (certificates,
    tickets, programmes, pennants, plinth plaques); ``number`` is a shirt
    number or ticket seat. Rendering cost is bounded by a fixed internal
    resolution, so even very large sizes take well under a second.
    """
    width, height = size
    if width < 1 or height < 1:
        raise ValueError(f"image size must be positive, got {size!r}")
    if kind not in _STYLES:
        kind = "other"
    style = _STYLES[kind]
    rng = random.Random(f"{kind}|{seed}")
    work = _work_size(width, height)
    scene = _table_scene(work, rng) if style.standing else _flat_scene(work, rng)
    stage = _stage_for(work, style.standing)
    layer = new_layer(work)
    style.draw(layer, stage, rng, Subject(label=label, number=number))
    if style.max_tilt:
        layer = layer.rotate(
            rng.uniform(-style.max_tilt, style.max_tilt),
            Image.Resampling.BICUBIC,
            center=(stage.cx, stage.cy),
        )
    _cast_shadows(scene, layer, stage, style.standing)
    scene.paste(layer, None, layer.getchannel("A"))
    photo = _add_grain(scene.convert("RGB"), rng)
    if photo.size != (width, height):
        resample = Image.Resampling.BICUBIC if width > work[0] else Image.Resampling.LANCZOS
        photo = photo.resize((width, height), resample)
    return photo


def _work_size(width: int, height: int) -> tuple[int, int]:
    long_edge = max(width, height)
    k = min(MAX_WORK_EDGE, max(MIN_WORK_EDGE, 2 * long_edge)) / long_edge
    return max(8, round(width * k)), max(8, round(height * k))


def _stage_for(work: tuple[int, int], standing: bool) -> Stage:
    w, h = work
    half = 0.44 * min(w, h)
    if standing:
        # Stand the object's base (y = 0.85) on the table, near the bottom.
        return Stage(work, w / 2, h * 0.88 - 0.85 * half, half)
    return Stage(work, w / 2, h / 2, half)


# ------------------------------------------------------------------ backdrops


def _light_falloff(size: tuple[int, int], centre: tuple[float, float], reach: float) -> Image.Image:
    """L mask: 0 where the light is brightest, 255 in the dark corners."""
    w, h = size
    radial = Image.radial_gradient("L")
    span = max(w, h) * reach
    scaled = radial.resize(
        (max(1, int(span * 2)), max(1, int(span * 2))), Image.Resampling.BILINEAR
    )
    out = Image.new("L", size, 255)
    out.paste(scaled, (int(centre[0] * w - span), int(centre[1] * h - span)))
    return out


def _lit(
    size: tuple[int, int], colour: RGB, centre: tuple[float, float], reach: float, contrast: float
) -> Image.Image:
    bright = Image.new("RGB", size, shade(colour, 1 + contrast))
    dim = Image.new("RGB", size, shade(colour, 1 - contrast * 0.8))
    return Image.composite(dim, bright, _light_falloff(size, centre, reach))


def _surface(
    size: tuple[int, int],
    rng: random.Random,
    colour: RGB,
    is_wood: bool,
    centre: tuple[float, float],
) -> Image.Image:
    base = _lit(size, colour, centre, rng.uniform(0.75, 0.95), 0.45)
    # Low-frequency mottling reads as velvet pile or wood figure.
    blotch_size = (8, 40) if is_wood else (12, 9)
    blotches = Image.frombytes("L", blotch_size, rng.randbytes(blotch_size[0] * blotch_size[1]))
    blotches = blotches.resize(size, Image.Resampling.BICUBIC)
    tint = Image.new("RGB", size, shade(colour, 0.6))
    return Image.composite(tint, base, blotches.point(lambda v: v * 45 // 255))


def _flat_scene(size: tuple[int, int], rng: random.Random) -> Image.Image:
    colour, is_wood = rng.choice(_SURFACES)
    centre = (rng.uniform(0.4, 0.6), rng.uniform(0.35, 0.5))
    if is_wood:
        return _wood_grain(_surface(size, rng, colour, True, centre), rng).convert("RGBA")
    return _surface(size, rng, colour, False, centre).convert("RGBA")


def _table_scene(size: tuple[int, int], rng: random.Random) -> Image.Image:
    w, h = size
    colour, is_wood = rng.choice(_SURFACES)
    table = _surface(size, rng, colour, is_wood, (0.5, 0.8))
    if is_wood:
        table = _wood_grain(table, rng)
    wall = _lit(size, rng.choice(_WALLS), (0.5, 0.3), 0.8, 0.5)
    horizon = rng.uniform(0.5, 0.6)
    # A 24-step column resized up gives the table edge a soft focus blur.
    rows = [0 if i / 23 < horizon else 255 for i in range(24)]
    edge = Image.new("L", (1, 24))
    edge.putdata(rows)
    mask = edge.resize(size, Image.Resampling.BILINEAR)
    return Image.composite(table, wall, mask).convert("RGBA")


def _wood_grain(image: Image.Image, rng: random.Random) -> Image.Image:
    w, h = image.size
    streaks = Image.frombytes("L", (1, h // 3), rng.randbytes(h // 3)).resize(
        (w, h), Image.Resampling.BICUBIC
    )
    dark = Image.new("RGB", image.size, shade(image.getpixel((w // 2, h // 2))[:3], 0.7))
    return Image.composite(dark, image, streaks.point(lambda v: v * 70 // 255))


# -------------------------------------------------------------------- shadows


def _cast_shadows(scene: Image.Image, layer: Image.Image, st: Stage, standing: bool) -> None:
    alpha = layer.getchannel("A")
    dark = Image.new("RGBA", scene.size, (8, 5, 4, 255))
    if standing:
        contact = Image.new("L", scene.size, 0)
        base = alpha.getbbox() or (0, 0, 0, 0)
        ImageDraw.Draw(contact).ellipse(
            [
                base[0] - st.px(0.05),
                base[3] - st.px(0.06),
                base[2] + st.px(0.05),
                base[3] + st.px(0.05),
            ],
            fill=255,
        )
        _darken(scene, dark, soften(contact, st.px(0.08)), 0.7)
        _darken(scene, dark, _offset(soften(alpha, st.px(0.12)), st.px(0.08), st.px(-0.02)), 0.35)
    else:
        _darken(scene, dark, _offset(soften(alpha, st.px(0.05)), st.px(0.04), st.px(0.06)), 0.6)
        _darken(scene, dark, _offset(soften(alpha, st.px(0.012)), st.px(0.008), st.px(0.012)), 0.5)


def _offset(mask: Image.Image, dx: float, dy: float) -> Image.Image:
    out = Image.new("L", mask.size, 0)
    out.paste(mask, (round(dx), round(dy)))
    return out


def _darken(scene: Image.Image, dark: Image.Image, mask: Image.Image, strength: float) -> None:
    scene.paste(dark, None, mask.point(lambda v: round(v * strength)))


def _add_grain(image: Image.Image, rng: random.Random) -> Image.Image:
    """Fine sensor-like noise; seeded so output stays deterministic."""
    w, h = image.size
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(
        lambda v: 128 + (v - 128) * 7 // 128
    )
    graded = ImageChops.add(
        image, Image.merge("RGB", (noise, noise, noise)), scale=1.0, offset=-128
    )
    warm = Image.new("RGB", image.size, mix((255, 236, 200), (255, 255, 255), 0.5))
    return ImageChops.multiply(graded, warm)
