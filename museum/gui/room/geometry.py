"""Where things stand in the room, in scene units (one unit is one pixel at 100 % zoom)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

SLOT_WIDTH = 150.0  # room for one item side by side on a shelf
SHELF_HEIGHT = 200.0  # from one glass shelf to the next
PLAQUE_HEIGHT = 30.0  # the engraved plaque hanging under the shelf's front edge
PLAQUE_GAP = 6.0
EXHIBIT_TOP_MARGIN = 14.0
FRAME = 26.0  # the cabinet's wooden sides
INNER_PAD = 12.0
CROWN = 78.0  # the top with the name plate and the light
BASE = 96.0  # the plinth under the lowest shelf
CABINET_GAP = 150.0
WALL_MARGIN = 260.0
WALL_ABOVE = 300.0  # wall visible above the tallest cabinet
FLOOR_DEPTH = 300.0

# How much of the shelf's height (and how wide, relative to height) each kind of item takes:
# a trophy stands tall, a medal sits in its small case, a shirt hangs framed.
KIND_SHAPES: dict[str, tuple[float, float]] = {
    "trophy": (1.0, 0.62), "replica": (1.0, 0.5), "shirt": (0.98, 0.84),
    "medal": (0.56, 0.78), "ball": (0.55, 0.9), "boots": (0.44, 1.55),
    "cap": (0.46, 1.15), "pennant": (0.82, 0.62), "certificate": (0.76, 0.76),
    "ticket": (0.42, 1.5), "programme": (0.7, 0.72), "photograph": (0.66, 1.28),
    "other": (0.6, 0.8),
}
FRAMED_KINDS = frozenset({"shirt", "certificate", "photograph"})


@dataclass(frozen=True)
class CabinetGeometry:
    """A cabinet's outer size and where its shelves and slots are, relative to its top-left."""

    shelf_count: int
    width: int

    @property
    def outer_width(self) -> float:
        return 2 * FRAME + 2 * INNER_PAD + self.width * SLOT_WIDTH

    @property
    def outer_height(self) -> float:
        return CROWN + self.shelf_count * SHELF_HEIGHT + BASE

    def interior(self) -> QRectF:
        return QRectF(FRAME, CROWN, self.outer_width - 2 * FRAME,
                      self.shelf_count * SHELF_HEIGHT)

    def shelf_top(self, shelf: int) -> float:
        """The y of the top of shelf `shelf`'s space (1 is the top shelf)."""
        return CROWN + (shelf - 1) * SHELF_HEIGHT

    def shelf_surface(self, shelf: int) -> float:
        """The y of the glass a shelf's items stand on."""
        return self.shelf_top(shelf) + SHELF_HEIGHT - PLAQUE_HEIGHT - 2 * PLAQUE_GAP

    def slot_rect(self, shelf: int, slot: int, count: int | None = None) -> QRectF:
        """The space of the `slot`-th item on a shelf; a shelf holding more than fits (after a
        restore from the trash) squeezes its items closer rather than hiding one."""
        step = SLOT_WIDTH
        if count and count > self.width:
            step = self.width * SLOT_WIDTH / count
        left = FRAME + INNER_PAD + slot * step
        return QRectF(left, self.shelf_top(shelf), step, SHELF_HEIGHT)


def exhibit_box(kind: str, slot: QRectF, surface: float) -> QRectF:
    """The rectangle an item's picture occupies, standing on the glass at y=surface."""
    height_share, aspect = KIND_SHAPES.get(kind, KIND_SHAPES["other"])
    available = surface - slot.top() - EXHIBIT_TOP_MARGIN
    height = available * height_share
    width = min(height * aspect, slot.width() - 16)
    height = min(height, width / aspect)
    return QRectF(slot.center().x() - width / 2, surface - height, width, height)


def fit_box(box: QRectF, aspect: float) -> QRectF:
    """The largest rectangle of this width/height ratio in box, standing on its bottom."""
    width, height = box.width(), box.height()
    if width / height > aspect:
        width = height * aspect
    else:
        height = width / aspect
    return QRectF(box.center().x() - width / 2, box.bottom() - height, width, height)
