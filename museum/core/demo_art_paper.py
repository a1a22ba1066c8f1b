"""Drawings of flat memorabilia: shirts, pennants, paper items, photographs.

Each ``draw_*`` function paints one object onto a transparent layer through
a :class:`Stage`; backgrounds and shadows are the caller's business.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from museum.core.demo_art_kit import (
    METALS,
    RGB,
    TEAM_COLOURS,
    Point,
    Stage,
    Subject,
    darken_edges,
    ellipse_mask,
    ellipses_mask,
    emboss,
    font,
    lines_mask,
    mask_of,
    mirrored,
    outline_mask,
    paint,
    paint_gradient,
    polygon_mask,
    polygons_mask,
    shade,
    smooth,
    soften,
    star_points,
    text_at,
    wrap,
)

PAPER: RGB = (240, 230, 206)
INK: RGB = (46, 38, 32)
CREAM: RGB = (246, 242, 232)


def _contrasting_pair(rng: random.Random) -> tuple[RGB, RGB]:
    first = rng.choice(TEAM_COLOURS)
    return first, rng.choice([c for c in TEAM_COLOURS if abs(sum(c) - sum(first)) > 180])


def _legible_on(background: RGB) -> RGB:
    return CREAM if sum(background) < 450 else INK


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _paper(layer: Image.Image, st: Stage, x: float, y: float, colour: RGB = PAPER) -> Image.Image:
    sheet = polygon_mask(st, _rect(-x, -y, x, y))
    paint_gradient(layer, sheet, [shade(colour, 1.04), colour, shade(colour, 0.93)], diagonal=True)
    darken_edges(layer, sheet, st, 0.18)
    return sheet


def _text_lines(
    layer: Image.Image,
    st: Stage,
    rng: random.Random,
    left: float,
    right: float,
    top: float,
    rows: int,
    gap: float,
) -> None:
    ends = [right] * (rows - 1) + [left + (right - left) * rng.uniform(0.3, 0.7)]
    bars = [
        _rect(left, top + i * gap, end, top + i * gap + gap * 0.3) for i, end in enumerate(ends)
    ]
    paint(layer, polygons_mask(st, bars), INK, 0.45)


# ---------------------------------------------------------------------- shirt

_SHIRT = [(0.0, -0.74), (0.15, -0.79), (0.42, -0.72), (0.86, -0.36), (0.68, -0.16), (0.46, -0.36),
          (0.48, 0.84), (0.0, 0.86)]  # fmt: skip


def _shirt_pattern(st: Stage, style: str) -> list[list[Point]]:
    """Polygons in the accent colour for a kit design."""
    if style == "stripes":
        return [_rect(i * 0.09 - 0.045, -1, i * 0.09 + 0.045, 1) for i in range(-6, 7, 2)]
    if style == "hoops":
        return [_rect(-1, i * 0.16 - 0.08, 1, i * 0.16 + 0.08) for i in range(-5, 6, 2)]
    if style == "halves":
        return [_rect(0, -1, 1, 1)]
    if style == "sash":
        return [[(0.5, -0.9), (0.75, -0.7), (-0.4, 0.95), (-0.65, 0.75)]]
    return []


def draw_shirt(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A football shirt laid flat, back up, in a seeded kit with its number."""
    base, accent = _contrasting_pair(rng)
    style = rng.choice(("plain", "plain", "stripes", "hoops", "halves", "sash"))
    body = polygon_mask(st, smooth(mirrored(_SHIRT), 1))
    paint(layer, body, base)
    paint(layer, ImageChops.multiply(polygons_mask(st, _shirt_pattern(st, style)), body), accent)
    trim = accent if style == "plain" else base
    cuffs = [
        [(s * 0.8, -0.42), (s * 0.9, -0.33), (s * 0.71, -0.13), (s * 0.62, -0.22)] for s in (-1, 1)
    ]
    paint(layer, polygons_mask(st, cuffs), trim)
    neckline = smooth([(-0.16, -0.8), (0.0, -0.73), (0.16, -0.8)], 2, closed=False)
    paint(layer, lines_mask(st, [neckline], 0.05), trim)
    number = str(subject.number if subject.number is not None else rng.randint(1, 23))
    fill = accent if style == "plain" else _legible_on(base)
    # An outline keeps the number readable over stripes, hoops and sashes.
    for colour, stroke in ((CREAM if fill == INK else INK, 0.025), (fill, 0.0)):
        paint(layer, _number_mask(st, number, stroke), colour, 0.9 if stroke else 1.0)
    _fabric_folds(layer, body, st, rng)


def _number_mask(st: Stage, number: str, stroke: float) -> Image.Image:
    def draw(d: ImageDraw.ImageDraw, s: Stage) -> None:
        f = font(int(s.px(0.62)), "bold")
        width = round(s.px(stroke))
        d.text(
            s.pt(0.0, -0.02),
            number,
            fill=255,
            font=f,
            anchor="mm",
            stroke_width=width,
            stroke_fill=255,
        )

    return mask_of(st, draw)


def _fabric_folds(layer: Image.Image, body: Image.Image, st: Stage, rng: random.Random) -> None:
    for colour, strength in (((0, 0, 0), 0.3), ((255, 255, 255), 0.12)):
        creases = [
            [(rng.uniform(-0.5, 0.5), rng.uniform(-0.7, 0.8)) for _ in range(2)] for _ in range(4)
        ]
        folds = soften(lines_mask(st, creases, 0.05), st.px(0.06))
        paint(layer, ImageChops.multiply(folds, body), colour, strength)
    darken_edges(layer, body, st, 0.3)


# -------------------------------------------------------------------- pennant


def draw_pennant(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A fringed exchange pennant hanging from a gilt rod, with the label."""
    field, border = _contrasting_pair(rng)
    dark, mid, light, shine = METALS["gold"]
    top, tip = -0.72, 0.92
    strands = []
    for side in (-1, 1):
        for t in (i / 40 for i in range(41)):
            y = top + t * (tip - top)
            strands.append([(side * (0.5 - t * 0.5), y), (side * (0.56 - t * 0.52), y + 0.03)])
    paint(layer, lines_mask(st, strands, 0.012), light)
    outer = polygon_mask(st, [(-0.5, top), (0.5, top), (0.0, tip)])
    paint(layer, outer, border)
    inner = polygon_mask(st, [(-0.43, top + 0.06), (0.43, top + 0.06), (0.0, tip - 0.14)])
    paint_gradient(layer, inner, [shade(field, 1.12), field, shade(field, 0.8)], vertical=True)
    crest = [(-0.15, -0.58), (0.15, -0.58), (0.15, -0.36), (0.0, -0.22), (-0.15, -0.36)]
    paint(layer, polygon_mask(st, smooth(crest, 1)), border)
    paint(layer, polygon_mask(st, star_points(0.0, -0.42, 0.09)), light)
    inner_top, inner_tip = top + 0.06, tip - 0.14
    for i, line in enumerate(wrap((subject.label or "Friendship Match").upper(), 14, 3)):
        y = -0.1 + i * 0.14
        # The pennant narrows towards its tip: fit each line to the width under its baseline.
        room = 2 * 0.43 * (inner_tip - y - 0.05) / (inner_tip - inner_top)
        text_at(layer, st, (0.0, y), line, border, 0.09, 0.85 * room, "bold")
    paint_gradient(
        layer,
        polygon_mask(st, _rect(-0.58, top - 0.05, 0.58, top)),
        [shine, mid, dark],
        vertical=True,
    )
    paint(
        layer,
        lines_mask(st, [[(-0.52, top - 0.04), (0.0, top - 0.24), (0.52, top - 0.04)]], 0.014),
        mid,
    )
    darken_edges(layer, outer, st, 0.25)


# ---------------------------------------------------------------- certificate


def _seal(layer: Image.Image, st: Stage, x: float, y: float) -> None:
    wax = (150, 24, 26)
    tails = [
        [
            (x - 0.06, y),
            (x - 0.12, y + 0.26),
            (x - 0.06, y + 0.22),
            (x - 0.01, y + 0.27),
            (x + 0.02, y),
        ],
        [
            (x + 0.02, y),
            (x + 0.06, y + 0.27),
            (x + 0.1, y + 0.21),
            (x + 0.15, y + 0.24),
            (x + 0.08, y),
        ],
    ]
    paint(layer, polygons_mask(st, tails), (26, 60, 130))
    rosette = polygon_mask(st, star_points(x, y, 0.13, 0.82, 18))
    paint_gradient(layer, rosette, [shade(wax, 1.4), wax, shade(wax, 0.6)], diagonal=True)
    boss = ellipse_mask(st, x - 0.07, y - 0.07, x + 0.07, y + 0.07)
    emboss(layer, boss, shade(wax, 1.6), shade(wax, 0.4), st.px(0.008))
    paint(layer, boss, wax)


def draw_certificate(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A bordered certificate with title, label, signature and wax seal."""
    _paper(layer, st, 0.94, 0.68)
    trim = rng.choice(((150, 110, 40), (30, 70, 50), (110, 30, 40), (30, 50, 100)))
    paint(layer, outline_mask(st, (-0.86, -0.6, 0.86, 0.6), 0.02), trim)
    paint(layer, outline_mask(st, (-0.82, -0.56, 0.82, 0.56), 0.006), trim)
    corners = [star_points(x * 0.86, y * 0.6, 0.07, 0.3, 4) for x in (-1, 1) for y in (-1, 1)]
    paint(layer, polygons_mask(st, corners), trim)
    text_at(layer, st, (0.0, -0.4), "CERTIFICATE", trim, 0.16, 1.3, "serif")
    kind = rng.choice(("OF HONOUR", "OF MERIT", "OF ACHIEVEMENT"))
    text_at(layer, st, (0.0, -0.25), kind, INK, 0.06, 0.8)
    title = subject.label or "Awarded for Outstanding Service"
    text_at(layer, st, (0.0, -0.06), title, INK, 0.1, 1.4, "serif")
    _text_lines(layer, st, rng, -0.55, 0.55, 0.08, 3, 0.07)
    wobble = rng.random()
    squiggle = [(0.3 + i * 0.012, 0.4 + 0.03 * math.sin(i * 0.9 + wobble)) for i in range(30)]
    paint(layer, lines_mask(st, [squiggle], 0.01), (30, 40, 90))
    paint(layer, lines_mask(st, [[(0.25, 0.46), (0.7, 0.46)]], 0.005), INK)
    _seal(layer, st, -0.55, 0.38)


# --------------------------------------------------------------------- ticket


def draw_ticket(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A match ticket with coloured header, seat details and tear-off stub."""
    colour, _ = _contrasting_pair(rng)
    _paper(layer, st, 0.9, 0.42, rng.choice((PAPER, (236, 214, 170), (214, 226, 236))))
    paint(layer, polygon_mask(st, _rect(-0.9, -0.42, 0.9, -0.22)), colour)
    heading = rng.choice(("MATCH TICKET", "CUP FINAL", "LEAGUE MATCH"))
    text_at(layer, st, (-0.2, -0.32), heading, _legible_on(colour), 0.1, 1.1, "bold")
    text_at(layer, st, (-0.2, -0.08), subject.label or "Home v Away", INK, 0.1, 1.1, "serif")
    seat = subject.number if subject.number is not None else rng.randint(1, 60)
    where = f"GATE {rng.randint(1, 24)}   ROW {chr(65 + rng.randrange(20))}   SEAT {seat}"
    text_at(layer, st, (-0.2, 0.1), where, INK, 0.065, 1.05)
    price = rng.choice(("2/6", "5/-", "£1.50", "£12"))
    text_at(layer, st, (-0.2, 0.25), f"KICK-OFF 3.00 PM   PRICE {price}", INK, 0.055, 1.05)
    holes = [(0.47, y - 0.01, 0.49, y + 0.01) for y in (i * 0.05 - 0.4 for i in range(17))]
    paint(layer, ellipses_mask(st, holes), INK, 0.35)
    bars = [0.6 + i * 0.016 for i in range(14) if rng.random() < 0.7]
    paint(layer, polygons_mask(st, [_rect(x, -0.1, x + 0.008, 0.3) for x in bars]), INK, 0.85)
    text_at(layer, st, (0.69, -0.16), "ADMIT ONE", INK, 0.05, 0.36, "bold")


# ------------------------------------------------------------------ programme


def draw_programme(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A match-day programme cover with a stadium picture and the label."""
    cover, accent = _contrasting_pair(rng)
    sheet = _paper(layer, st, 0.64, 0.9, cover)
    paint(layer, polygon_mask(st, _rect(-0.64, -0.9, 0.64, -0.62)), accent)
    text_at(layer, st, (0.0, -0.76), "OFFICIAL PROGRAMME", _legible_on(accent), 0.09, 1.1, "bold")
    photo = _stadium((int(st.px(1.0)), int(st.px(0.8))), rng)
    tinted = ImageOps.colorize(photo, shade(cover, 0.35), (250, 244, 226)).convert("RGBA")
    layer.paste(tinted, tuple(round(v) for v in st.pt(-0.5, -0.5)))
    for i, line in enumerate(wrap(subject.label or "Season Review", 18, 2)):
        text_at(layer, st, (0.0, 0.46 + i * 0.13), line, _legible_on(cover), 0.11, 1.1, "serif")
    paint(layer, ellipse_mask(st, 0.34, 0.64, 0.56, 0.86), accent)
    price = rng.choice(("6d", "1/-", "£3", "50p"))
    text_at(layer, st, (0.45, 0.75), price, _legible_on(accent), 0.08, 0.18, "bold")
    paint(layer, polygon_mask(st, _rect(-0.64, -0.9, -0.58, 0.9)), (0, 0, 0), 0.25)  # spine
    darken_edges(layer, sheet, st, 0.2)


def _stadium(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A grainy greyscale stand-and-pitch picture for a programme cover."""
    w, h = size
    photo = Image.linear_gradient("L").resize(size).point(lambda v: 200 - v * 40 // 255)
    d = ImageDraw.Draw(photo)
    stand_top, pitch_top = h * 0.28, h * 0.62
    d.polygon([(0, stand_top), (w, stand_top - h * 0.1), (w, pitch_top), (0, pitch_top)], fill=60)
    crowd = Image.frombytes("L", size, rng.randbytes(w * h)).point(lambda v: 40 + v * 100 // 255)
    stand = Image.new("L", size, 0)
    ImageDraw.Draw(stand).rectangle([0, stand_top, w, pitch_top], fill=120)
    photo = Image.composite(crowd, photo, stand)
    d = ImageDraw.Draw(photo)
    for i in range(8):
        top = pitch_top + i * h * 0.05
        d.rectangle([0, top, w, top + h * 0.05], fill=110 if i % 2 else 130)
    return photo.filter(ImageFilter.GaussianBlur(0.8))


# ----------------------------------------------------------------- photograph


def _team_photo(size: tuple[int, int], rng: random.Random) -> Image.Image:
    w, h = size
    photo = Image.new("L", size, 190)
    d = ImageDraw.Draw(photo)
    d.rectangle([0, h * 0.2, w, h * 0.5], fill=150)
    d.polygon([(0, h * 0.2), (w, h * 0.12), (w, h * 0.18), (0, h * 0.26)], fill=90)
    d.rectangle([0, h * 0.5, w, h], fill=120)
    kit = rng.choice(((60, 230), (215, 40), (100, 235), (35, 35)))
    for row, (count, feet, tall) in enumerate(((6, 0.7, 0.56), (5, 0.96, 0.46))):
        for i in range(count):
            x = w * (0.5 + (i - (count - 1) / 2) * 0.15)
            _figure(d, (x, h * feet), h * tall, kit, seated=row == 1)
    d.ellipse([w * 0.475, h * 0.87, w * 0.525, h * 0.95], fill=225)
    photo = photo.filter(ImageFilter.GaussianBlur(max(0.8, w / 400)))
    # Old prints fade towards their corners.
    fade = Image.radial_gradient("L").resize(size).point(lambda v: max(0, v - 150))
    return Image.composite(Image.new("L", size, 70), photo, fade)


def _figure(
    d: ImageDraw.ImageDraw, feet_at: Point, tall: float, kit: tuple[int, int], seated: bool
) -> None:
    (x, feet), (shirt, shorts), u = feet_at, kit, tall / 8
    skin, dark = 168, 40
    top = feet - tall
    hips = top + u * 4.0
    for side in (-1, 1):
        d.line(
            [(x + side * u * 1.05, top + u * 1.6), (x + side * u * 1.2, hips)],
            fill=shirt,
            width=int(u * 0.6),
        )
    d.polygon(
        [
            (x - u * 1.1, top + u * 1.4),
            (x + u * 1.1, top + u * 1.4),
            (x + u * 0.85, hips),
            (x - u * 0.85, hips),
        ],
        fill=shirt,
    )
    d.rectangle([x - u * 0.9, hips, x + u * 0.9, hips + u * 1.1], fill=shorts)
    knees = hips + u * (1.6 if seated else 2.3)
    for side in (-1, 1):
        lx = x + side * u * (0.75 if seated else 0.45)
        d.line([(lx, hips + u), (lx, knees)], fill=skin, width=int(u * 0.55))
        d.line([(lx, knees), (lx, feet - u * 0.3)], fill=shirt, width=int(u * 0.55))
        d.ellipse([lx - u * 0.35, feet - u * 0.5, lx + u * 0.45, feet], fill=dark)
    d.ellipse([x - u * 0.5, top, x + u * 0.5, top + u * 1.25], fill=skin)
    d.chord([x - u * 0.52, top - u * 0.05, x + u * 0.52, top + u * 0.9], 180, 360, fill=dark)


def _frame(layer: Image.Image, st: Stage, wood: RGB, outer: Point, inner: Point) -> None:
    """Four mitred mouldings, each lit differently so the frame looks bevelled."""
    (ox, oy), (ix, iy) = outer, inner
    sides = {
        1.45: [(-ox, -oy), (ox, -oy), (ix, -iy), (-ix, -iy)],
        1.15: [(-ox, -oy), (-ix, -iy), (-ix, iy), (-ox, oy)],
        0.7: [(ox, -oy), (ox, oy), (ix, iy), (ix, -iy)],
        0.55: [(-ox, oy), (-ix, iy), (ix, iy), (ox, oy)],
    }
    for light, points in sides.items():
        tones = [shade(wood, light * 1.2), shade(wood, light * 0.8)]
        paint_gradient(layer, polygon_mask(st, points), tones)


def draw_photograph(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A framed, mounted black-and-white or sepia team photograph."""
    wood = rng.choice(((176, 132, 60), (60, 34, 20), (24, 22, 20)))
    _frame(layer, st, wood, (0.92, 0.72), (0.8, 0.6))
    paint(layer, polygon_mask(st, _rect(-0.8, -0.6, 0.8, 0.6)), (236, 228, 210))
    box = [round(v) for v in st.box(-0.64, -0.44, 0.64, 0.44)]
    photo = _team_photo((box[2] - box[0], box[3] - box[1]), rng)
    if rng.random() < 0.6:
        photo = ImageOps.colorize(photo, (40, 26, 14), (238, 222, 190))
    layer.paste(photo.convert("RGBA"), (box[0], box[1]))
    paint(layer, outline_mask(st, (-0.64, -0.44, 0.64, 0.44), 0.012), (250, 246, 236))
