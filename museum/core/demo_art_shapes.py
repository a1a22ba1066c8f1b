"""Drawings of the solid memorabilia: medals, cups, balls, boots, caps, boxes.

Each ``draw_*`` function paints one object onto a transparent layer through
a :class:`Stage`; backgrounds and shadows are the caller's business.
"""

from __future__ import annotations

import itertools
import math
import random

from PIL import Image, ImageChops

from museum.core.demo_art_kit import (
    METALS,
    RGB,
    TEAM_COLOURS,
    Point,
    Stage,
    Subject,
    arc_mask,
    composite_at,
    cylinder,
    darken_edges,
    ellipse_mask,
    emboss,
    glint,
    gradient,
    lines_mask,
    mirrored,
    mix,
    paint,
    paint_gradient,
    polygon_mask,
    polygons_mask,
    shade,
    smooth,
    star_points,
    text_at,
)

Vec3 = tuple[float, float, float]


def _two_colours(rng: random.Random) -> tuple[RGB, RGB]:
    first, second = rng.sample(TEAM_COLOURS, 2)
    return first, second


# --------------------------------------------------------------------- medal


def _ribbon_strap(
    layer: Image.Image, st: Stage, top: Point, bottom: Point, width: float, colours: list[RGB]
) -> None:
    (x0, y0), (x1, y1) = st.pt(*top), st.pt(*bottom)
    length, w = int(math.hypot(x1 - x0, y1 - y0)), max(4, int(st.px(width)))
    stripes = Image.new("RGB", (len(colours), 1))
    stripes.putdata(colours)
    cloth = stripes.resize((w, length), Image.Resampling.NEAREST)
    # Ribbon cloth curls slightly, so its edges catch less light.
    curl = gradient([(150,) * 3, (255,) * 3, (235,) * 3, (140,) * 3], (w, length)).convert("L")
    cloth = Image.composite(cloth, Image.new("RGB", cloth.size), curl).convert("RGBA")
    angle = math.degrees(math.atan2(x0 - x1, y1 - y0))
    turned = cloth.rotate(-angle, Image.Resampling.BICUBIC, expand=True)
    composite_at(layer, turned, (x0 + x1 - turned.width) / 2, (y0 + y1 - turned.height) / 2)


def _ribbon_colours(rng: random.Random) -> list[RGB]:
    a, b = _two_colours(rng)
    pattern = rng.choice(("aba", "abababa", "ba_ab", "aabaa"))
    return [a if ch == "a" else b if ch == "b" else (238, 232, 220) for ch in pattern]


def _leaf(cy: float, angle: float, lean: float) -> list[Point]:
    """A pointed leaf on the wreath circle, leaning off the tangent."""
    a = math.radians(angle)
    x, y = 0.25 * math.sin(a), cy - 0.25 * math.cos(a)
    heading = a + math.radians(lean)
    dx, dy = math.cos(heading) * 0.06, math.sin(heading) * 0.06
    return [
        (x - dx, y - dy),
        (x - dy * 0.35, y + dx * 0.35),
        (x + dx, y + dy),
        (x + dy * 0.35, y - dx * 0.35),
    ]


def _medal_motif(st: Stage, rng: random.Random, cy: float) -> Image.Image:
    if rng.random() < 0.5:
        return polygon_mask(st, star_points(0.0, cy, 0.2))
    # A laurel wreath, open at the top, around a football.
    leaves = [_leaf(cy, a, lean) for a in range(60, 301, 24) for lean in (-35, 35)]
    motif = polygons_mask(st, leaves)
    motif.paste(255, None, ellipse_mask(st, -0.09, cy - 0.09, 0.09, cy + 0.09))
    return motif


def draw_medal(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A gold, silver or bronze medal hanging from a striped neck ribbon."""
    dark, mid, light, shine = METALS[rng.choice(("gold", "gold", "silver", "bronze"))]
    colours = _ribbon_colours(rng)
    cy, r = 0.34, 0.46
    for side in (-1, 1):
        _ribbon_strap(layer, st, (side * 0.62, -1.3), (side * 0.06, cy - r - 0.12), 0.3, colours)
    clasp = polygon_mask(st, [(-0.2, -0.3), (0.2, -0.3), (0.17, -0.22), (-0.17, -0.22)])
    paint_gradient(layer, clasp, [light, shine, mid, dark], vertical=True)
    ring = arc_mask(st, (-0.07, -0.25, 0.07, -0.08), 0, 360, 0.03)
    paint_gradient(layer, ring, [shine, mid, dark], diagonal=True)
    disc = ellipse_mask(st, -r, cy - r, r, cy + r)
    paint_gradient(layer, disc, [shine, light, mid, dark], diagonal=True)
    field = ellipse_mask(st, -r * 0.8, cy - r * 0.8, r * 0.8, cy + r * 0.8)
    paint_gradient(layer, field, [dark, mid, light, mid], diagonal=True)
    motif = _medal_motif(st, rng, cy)
    emboss(layer, motif, shine, dark, st.px(0.012))
    paint_gradient(layer, motif, [light, mid, light], diagonal=True)
    glint(layer, disc, st, (-0.18, cy - 0.2), (0.16, 0.1), 0.75)


# ------------------------------------------------------------------- trophies


def _bowl(top: float, bottom: float, rim: float, neck: float, belly: float) -> list[Point]:
    """Right-hand outline of a cup bowl, rim to neck."""
    return [
        (neck + (rim - neck) * (1 - (i / 12) ** belly) ** 0.55, top + (bottom - top) * i / 12)
        for i in range(13)
    ]


def _plinth(layer: Image.Image, st: Stage, rng: random.Random, label: str) -> None:
    top, bottom, hw = 0.45, 0.84, 0.34
    wood = rng.choice(((46, 26, 16), (22, 18, 16), (86, 44, 22)))
    block = polygon_mask(st, [(-hw, top), (hw, top), (hw * 1.08, bottom), (-hw * 1.08, bottom)])
    paint_gradient(layer, block, [shade(wood, 0.6), shade(wood, 1.6), wood, shade(wood, 0.5)])
    band = polygon_mask(st, [(-hw, top), (hw, top), (hw, top + 0.04), (-hw, top + 0.04)])
    paint_gradient(layer, band, cylinder("silver"))
    plate = polygon_mask(st, [(-0.2, 0.56), (0.2, 0.56), (0.2, 0.74), (-0.2, 0.74)])
    paint_gradient(layer, plate, cylinder("gold"), diagonal=True)
    text = (label or "CHAMPIONS").upper()[:28]
    text_at(layer, st, (0.0, 0.65), text, (70, 44, 12), 0.07, 0.34, "serif")


def _handles(
    layer: Image.Image, st: Stage, metal: str, centre: Point, radii: Point, width: float
) -> None:
    (cx, cy), (rx, ry) = centre, radii
    for side, (start, end) in ((1, (-90, 90)), (-1, (90, 270))):
        box = (side * cx - rx, cy - ry, side * cx + rx, cy + ry)
        paint_gradient(layer, arc_mask(st, box, start, end, width), cylinder(metal))


def _open_mouth(layer: Image.Image, st: Stage, metal: str, rim: float, y: float) -> None:
    dark, mid, light, _ = METALS[metal]
    mouth = ellipse_mask(st, -rim, y - 0.04, rim, y + 0.04)
    paint_gradient(layer, mouth, [mid, dark, mix(dark, mid, 0.3), light])


def draw_trophy(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A two-handled cup, sometimes lidded, on a wooden plinth with a plaque."""
    metal = "gold" if rng.random() < 0.7 else "silver"
    rim, top = rng.uniform(0.34, 0.42), -0.66
    _handles(layer, st, metal, (rim * 0.75, -0.4), (0.25, 0.22), 0.055)
    stem_rows = [(0.07, 0.02), (0.055, 0.1), (0.1, 0.14), (0.055, 0.19), (0.065, 0.3), (0.2, 0.4)]
    stem = polygon_mask(st, smooth(mirrored([*stem_rows, (0.26, 0.45)]), 2))
    paint_gradient(layer, stem, cylinder(metal))
    bowl = polygon_mask(st, mirrored(_bowl(top, 0.04, rim, 0.07, 2.2)))
    paint_gradient(layer, bowl, cylinder(metal))
    bands = [[(-rim, y), (rim, y), (rim, y + 0.012), (-rim, y + 0.012)] for y in (-0.56, -0.5)]
    paint(layer, ImageChops.multiply(polygons_mask(st, bands), bowl), METALS[metal][0], 0.5)
    if rng.random() < 0.5:
        dome = [(rim * 0.95, top), (rim * 0.6, top - 0.12), (0.06, top - 0.2), (0.05, top - 0.24)]
        paint_gradient(
            layer, polygon_mask(st, mirrored(smooth(dome, 2, closed=False))), cylinder(metal)
        )
        dark, mid, _, shine = METALS[metal]
        finial = ellipse_mask(st, -0.06, top - 0.34, 0.06, top - 0.22)
        paint_gradient(layer, finial, [shine, mid, dark], diagonal=True)
    else:
        _open_mouth(layer, st, metal, rim, top)
    glint(layer, bowl, st, (-rim * 0.45, -0.35), (0.05, 0.2), 0.7)
    _plinth(layer, st, rng, subject.label)


def draw_replica(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A big-eared replica cup on a round black base."""
    metal = "silver" if rng.random() < 0.75 else "gold"
    _handles(layer, st, metal, (0.3, -0.28), (0.36, 0.42), 0.07)
    body_rows = _bowl(-0.72, 0.2, 0.36, 0.08, 1.6) + [(0.06, 0.34), (0.1, 0.44), (0.2, 0.5)]
    body = polygon_mask(st, mirrored(body_rows))
    paint_gradient(layer, body, cylinder(metal))
    _open_mouth(layer, st, metal, 0.36, -0.72)
    glint(layer, body, st, (-0.14, -0.3), (0.05, 0.25), 0.8)
    base_side = polygon_mask(st, [(-0.32, 0.51), (0.32, 0.51), (0.32, 0.8), (-0.32, 0.8)])
    base_side.paste(255, None, ellipse_mask(st, -0.32, 0.75, 0.32, 0.85))
    paint_gradient(layer, base_side, [(14, 14, 16), (70, 70, 76), (30, 30, 34), (8, 8, 10)])
    paint(layer, ellipse_mask(st, -0.32, 0.46, 0.32, 0.56), (40, 40, 44))
    text = (subject.label or "REPLICA").upper()[:24]
    text_at(layer, st, (0.0, 0.66), text, METALS[metal][1], 0.07, 0.48, "serif")


# ----------------------------------------------------------------------- ball


def _icosahedron() -> tuple[list[Vec3], list[tuple[int, int]]]:
    g = (1 + 5**0.5) / 2
    verts: list[Vec3] = []
    for a, b in itertools.product((-1, 1), (-g, g)):
        verts += [(0, a, b), (a, b, 0), (b, 0, a)]
    pairs = itertools.combinations(range(12), 2)
    edges = [(i, j) for i, j in pairs if abs(math.dist(verts[i], verts[j]) - 2) < 1e-6]
    return verts, edges


def _cross(a: Vec3, b: Vec3) -> Vec3:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _dot(a: Vec3, b: Vec3) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _turn(p: Vec3, yaw: float, pitch: float) -> Vec3:
    """Rotate, then push onto the unit sphere (a ball is inflated)."""
    x, y, z = p
    x, z = x * math.cos(yaw) + z * math.sin(yaw), -x * math.sin(yaw) + z * math.cos(yaw)
    y, z = y * math.cos(pitch) - z * math.sin(pitch), y * math.sin(pitch) + z * math.cos(pitch)
    n = math.sqrt(x * x + y * y + z * z)
    return x / n, y / n, z / n


def _ball_panels(yaw: float, pitch: float) -> tuple[list[list[Vec3]], list[tuple[Vec3, Vec3]]]:
    """Pentagons and seams of a truncated icosahedron, i.e. a classic football."""
    verts, edges = _icosahedron()

    def cut(a: int, b: int, t: float) -> Vec3:
        (ax, ay, az), (bx, by, bz) = verts[a], verts[b]
        return _turn((ax + (bx - ax) * t, ay + (by - ay) * t, az + (bz - az) * t), yaw, pitch)

    pentagons = []
    for v in range(12):
        ring = [cut(v, b if a == v else a, 1 / 3) for a, b in edges if v in (a, b)]
        centre = _turn(verts[v], yaw, pitch)
        # Order the corners by angle around the pentagon's own centre.
        ux = _cross(centre, (0.0, 0.0, 1.0) if abs(centre[2]) < 0.9 else (1.0, 0.0, 0.0))
        uy = _cross(centre, ux)
        ring.sort(key=lambda p: math.atan2(_dot(p, uy), _dot(p, ux)))  # noqa: B023
        pentagons.append(ring)
    seams = [(cut(a, b, 1 / 3), cut(a, b, 2 / 3)) for a, b in edges]
    seams += [(ring[i], ring[(i + 1) % 5]) for ring in pentagons for i in range(5)]
    return pentagons, seams


def draw_ball(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A classic 32-panel football, modern white or vintage leather."""
    cx, cy, r = 0.0, 0.1, 0.72
    vintage = rng.random() < 0.3
    leather, patch = ((150, 92, 48), (120, 70, 34)) if vintage else ((246, 244, 238), (22, 22, 26))
    ball = ellipse_mask(st, cx - r, cy - r, cx + r, cy + r)
    paint(layer, ball, leather)
    pentagons, seams = _ball_panels(rng.uniform(0, 2 * math.pi), rng.uniform(-0.8, 0.8))

    def flat(p: Vec3) -> Point:
        return (cx + p[0] * r, cy + p[1] * r)

    visible = [[flat(p) for p in ring] for ring in pentagons if sum(p[2] for p in ring) > 0]
    paint(layer, polygons_mask(st, visible), patch)
    front = [[flat(a), flat(b)] for a, b in seams if a[2] > 0 and b[2] > 0]
    paint(layer, lines_mask(st, front, 0.012), shade(leather, 0.45), 0.8)
    darken_edges(layer, ball, st, 0.75)
    glint(layer, ball, st, (cx - r * 0.35, cy - r * 0.4), (r * 0.3, r * 0.22), 0.55)


# ---------------------------------------------------------------------- boots

_BOOT = [(0.03, 0.0), (0.0, -0.1), (0.01, -0.24), (0.05, -0.33), (0.12, -0.31), (0.2, -0.27),
         (0.28, -0.31), (0.34, -0.36), (0.38, -0.33), (0.5, -0.24), (0.66, -0.17), (0.8, -0.13),
         (0.92, -0.1), (0.99, -0.06), (1.0, -0.02), (0.98, 0.0)]  # fmt: skip
_HEEL = [(0.0, -0.02), (0.01, -0.2), (0.06, -0.26), (0.16, -0.12), (0.18, 0.0)]
_SOLE = [(0.02, -0.02), (0.99, -0.02), (1.01, 0.0), (0.96, 0.035), (0.04, 0.035)]
_STUDS = (0.08, 0.2, 0.52, 0.66, 0.8, 0.92)


def _boot(
    layer: Image.Image, st: Stage, origin: Point, scale: float, colours: tuple[RGB, RGB], dim: float
) -> None:
    upper, flash = colours

    def local(points: list[Point]) -> list[Point]:
        return [(origin[0] + x * scale, origin[1] + y * scale) for x, y in points]

    body = polygon_mask(st, local(smooth(_BOOT, 2)))
    tones = [shade(upper, 1.6 * dim), shade(upper, dim), shade(upper, 0.5 * dim)]
    paint_gradient(layer, body, tones, vertical=True)
    heel = polygon_mask(st, local(smooth(_HEEL, 1)))
    paint(layer, ImageChops.multiply(heel, body), shade(flash, 0.8 * dim))
    stripes = [local([(0.2 + i * 0.07, -0.01), (0.3 + i * 0.07, -0.25)]) for i in range(3)]
    paint(
        layer, ImageChops.multiply(lines_mask(st, stripes, 0.02 * scale), body), shade(flash, dim)
    )
    sole = polygon_mask(st, local(smooth(_SOLE, 1)))
    paint_gradient(layer, sole, [shade((70, 70, 74), dim), shade((20, 20, 22), dim)], vertical=True)
    studs = [
        local([(x - 0.025, 0.03), (x + 0.025, 0.03), (x + 0.016, 0.08), (x - 0.016, 0.08)])
        for x in _STUDS
    ]
    grey = [shade((200, 200, 206), dim), shade((120, 120, 126), dim)]
    paint_gradient(layer, polygons_mask(st, studs), grey, vertical=True)
    eyelets = [(0.37 + i * 0.05, -0.3 + i * 0.034) for i in range(5)]
    laces = [local([(x - 0.03, y + 0.045), (x + 0.03, y - 0.01)]) for x, y in eyelets]
    paint(
        layer,
        ImageChops.multiply(lines_mask(st, laces, 0.008 * scale), body),
        shade((240, 238, 230), dim),
    )
    glint(layer, body, st, local([(0.86, -0.11)])[0], (0.07 * scale, 0.012 * scale), 0.35)


def draw_boots(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A pair of studded football boots seen from the side."""
    colours = ((30, 28, 28), (238, 236, 228)) if rng.random() < 0.4 else _two_colours(rng)
    _boot(layer, st, (-0.6, 0.56), 1.5, colours, 0.78)
    _boot(layer, st, (-0.86, 0.78), 1.5, colours, 1.0)


# ------------------------------------------------------------------------ cap

_VELVETS: tuple[RGB, ...] = (
    (110, 18, 34),
    (22, 30, 86),
    (18, 72, 44),
    (28, 60, 150),
    (20, 20, 24),
    (170, 24, 30),
)
_DOME = [
    (-0.66, 0.3),
    (-0.68, -0.1),
    (-0.4, -0.55),
    (0.0, -0.66),
    (0.4, -0.55),
    (0.68, -0.1),
    (0.66, 0.3),
    (0.0, 0.36),
]
_PEAK = [(-0.6, 0.26), (0.0, 0.34), (0.6, 0.26), (0.5, 0.44), (0.0, 0.54), (-0.5, 0.44)]
_SHIELD = [(-0.13, -0.3), (0.13, -0.3), (0.13, -0.12), (0.0, 0.0), (-0.13, -0.12)]


def _cap_braid(layer: Image.Image, st: Stage) -> None:
    dark, mid, light, shine = METALS["gold"]
    seams = [
        smooth([(0, -0.64), (x * 0.6, -0.2), (x, 0.31)], 2, closed=False)
        for x in (-0.62, -0.34, 0.34, 0.62)
    ]
    seams.append(smooth([(-0.66, 0.28), (0.0, 0.35), (0.66, 0.28)], 2, closed=False))
    braid = lines_mask(st, seams, 0.016)
    emboss(layer, braid, shine, (20, 10, 4), st.px(0.004))
    paint(layer, braid, light)
    cord = smooth(
        [(0.0, -0.66), (0.2, -0.7), (0.52, -0.5), (0.74, -0.2), (0.78, 0.1)], 3, closed=False
    )
    paint(layer, lines_mask(st, [cord], 0.022), mid)
    fringe = [[(0.78, 0.08), (0.78 + dx, 0.34)] for dx in (-0.05, -0.025, 0, 0.025, 0.05)]
    paint(layer, lines_mask(st, fringe, 0.012), mid)
    paint_gradient(
        layer, ellipse_mask(st, -0.05, -0.71, 0.05, -0.61), [shine, mid, dark], diagonal=True
    )


def draw_cap(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A velvet honours cap with gold braid, tassel and season."""
    velvet = rng.choice(_VELVETS)
    dome = polygon_mask(st, smooth(_DOME, 3))
    tones = [shade(velvet, 0.45), shade(velvet, 1.25), shade(velvet, 1.05), shade(velvet, 0.4)]
    paint_gradient(layer, dome, tones)
    darken_edges(layer, dome, st, 0.55)
    peak = polygon_mask(st, smooth(_PEAK, 2))
    tones = [shade(velvet, 0.35), shade(velvet, 0.8), shade(velvet, 0.3)]
    paint_gradient(layer, peak, tones, vertical=True)
    _cap_braid(layer, st)
    gold = METALS["gold"]
    shield = polygon_mask(st, smooth(_SHIELD, 1))
    emboss(layer, shield, gold[3], (10, 6, 2), st.px(0.006))
    paint(layer, shield, gold[2])
    year = 1920 + rng.randrange(90)
    text_at(layer, st, (0.0, 0.14), f"{year}-{(year + 1) % 100:02d}", gold[2], 0.1, 0.5, "serif")


# ---------------------------------------------------------------------- other


def draw_other(layer: Image.Image, st: Stage, rng: random.Random, subject: Subject) -> None:
    """A closed presentation box in three-quarter view."""
    leather = rng.choice(((96, 22, 30), (26, 34, 70), (40, 26, 18), (22, 60, 40)))
    dark, mid, light, shine = METALS["gold"]
    front = [(-0.7, -0.05), (0.45, -0.05), (0.45, 0.65), (-0.7, 0.65)]
    top = [(-0.7, -0.05), (-0.42, -0.42), (0.72, -0.42), (0.45, -0.05)]
    side = [(0.45, -0.05), (0.72, -0.42), (0.72, 0.26), (0.45, 0.65)]
    paint_gradient(
        layer, polygon_mask(st, front), [shade(leather, 1.1), shade(leather, 0.8)], vertical=True
    )
    paint_gradient(
        layer, polygon_mask(st, top), [shade(leather, 1.7), shade(leather, 1.3)], vertical=True
    )
    paint_gradient(layer, polygon_mask(st, side), [shade(leather, 0.55), shade(leather, 0.4)])
    paint(
        layer, lines_mask(st, [[(-0.7, 0.12), (0.45, 0.12), (0.72, -0.25)]], 0.01), (10, 6, 6), 0.8
    )
    inset = [(-0.62, 0.0), (0.37, 0.0), (0.37, 0.6), (-0.62, 0.6), (-0.62, 0.0)]
    paint(layer, lines_mask(st, [inset], 0.012), light)
    clasp = polygon_mask(st, [(-0.2, 0.08), (-0.05, 0.08), (-0.05, 0.24), (-0.2, 0.24)])
    paint_gradient(layer, clasp, [shine, mid, dark], diagonal=True)
    glint(layer, polygon_mask(st, top), st, (-0.1, -0.3), (0.3, 0.04), 0.15)
