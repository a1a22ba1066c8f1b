"""Which cabinets stand on which wall: the room is hung as several walls, one above the other
on screen (like walking from one gallery room into the next), so that a long row of cabinets
fills a screen instead of running across it as a thin strip.

Pure arithmetic, no Qt: cabinets keep their order, read left to right, wall after wall.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

MAX_WALLS = 8
PREFER_FEWER = 1.04
"""A wall more must make the cabinets this much larger on screen to be worth the break."""


def split_in_order(widths: Sequence[float], walls: int, gap: float) -> list[list[int]]:
    """Cut the sequence of cabinet widths into `walls` consecutive runs whose widest run (with
    `gap` between neighbours) is as narrow as possible. Returns the indices on each wall."""
    count = len(widths)
    walls = max(1, min(walls, count))
    if count == 0:
        return [[]]

    before = list(itertools.accumulate(widths, initial=0.0))  # before[i]: widths of 0..i-1

    def run_width(start: int, end: int) -> float:  # cabinets start..end-1 on one wall
        return before[end] - before[start] + gap * (end - start - 1)

    # best[k][i]: the narrowest widest wall when the first i cabinets stand on k walls
    infinity = float("inf")
    best = [[infinity] * (count + 1) for _ in range(walls + 1)]
    cut = [[0] * (count + 1) for _ in range(walls + 1)]
    best[0][0] = 0.0
    for k in range(1, walls + 1):
        for i in range(1, count + 1):
            for j in range(k - 1, i):
                widest = max(best[k - 1][j], run_width(j, i))
                if widest < best[k][i]:
                    best[k][i], cut[k][i] = widest, j
    runs: list[list[int]] = []
    end = count
    for k in range(walls, 0, -1):
        start = cut[k][end]
        runs.append(list(range(start, end)))
        end = start
    return [run for run in reversed(runs) if run]


def plan_walls(widths: Sequence[float], *, gap: float, margin: float, band_height: float,
               aspect: float) -> list[list[int]]:
    """The cabinets (by index, in order) on each wall, choosing the number of walls that shows
    them largest in a view `aspect` (width / height) wide: a wide window keeps one long wall,
    a squarer one stacks two or three."""
    return [list(run) for run in _plan(tuple(widths), gap, margin, band_height, aspect)]


@functools.lru_cache(maxsize=32)
def _plan(widths: tuple[float, ...], gap: float, margin: float, band_height: float,
          aspect: float) -> tuple[tuple[int, ...], ...]:
    """plan_walls, remembered: every small write in the room asks again for the same walls."""
    return tuple(tuple(run) for run in _plan_now(widths, gap, margin, band_height, aspect))


def _plan_now(widths: Sequence[float], gap: float, margin: float, band_height: float,
              aspect: float) -> list[list[int]]:
    if not widths:
        return [[]]
    aspect = max(0.2, aspect)
    best_runs: list[list[int]] = [list(range(len(widths)))]
    best_scale = 0.0
    for walls in range(1, min(MAX_WALLS, len(widths)) + 1):
        runs = split_in_order(widths, walls, gap)
        widest = max(sum(widths[i] for i in run) + gap * (len(run) - 1) for run in runs)
        width, height = widest + 2 * margin, len(runs) * band_height
        scale = min(aspect / width, 1.0 / height)  # on-screen size in a view 1 unit high
        if scale > best_scale * PREFER_FEWER:
            best_runs, best_scale = runs, scale
    return best_runs
