"""Helpers shared by the room's picture tests."""

from __future__ import annotations

from PySide6.QtGui import QImage


def mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per colour channel over a grid of sample pixels (0–255)."""
    step, total, count = 7, 0, 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            total += abs(pa.red() - pb.red()) + abs(pa.green() - pb.green()) + \
                abs(pa.blue() - pb.blue())
            count += 3
    return total / count
