"""The room's picture caches keep to their byte budgets without pushing out what the frames on
screen draw: pictures painted ahead only fill free room, the rough stand-ins stay, and queued
exact copies (each holding its source picture) are bounded."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from museum.gui.room import exact_cache, level_cache

TILE = QRectF(0, 0, 256, 256)  # 256 KB at 1:1
MB = 1024 * 1024


def _fill(painter: QPainter) -> None:
    painter.fillRect(TILE, QColor(120, 80, 40))


def test_pictures_painted_ahead_never_push_out_the_ones_on_screen(qapp, monkeypatch):
    level_cache.clear()
    monkeypatch.setattr(level_cache, "BUDGET_BYTES", 8 * MB)
    try:
        on_screen = [("screen", n) for n in range(24)]  # 6 MB a frame has drawn
        for key in on_screen:
            level_cache.cached_picture(key, TILE, 1.0, _fill)
        for n in range(64):  # 16 MB of pictures a zoom that may come would need
            level_cache.warm(("ahead", n), TILE, 1.0, _fill, urgent=False)
        while level_cache.warm_pending():
            level_cache.warm_some()
        assert all(level_cache.lookup(key, 1.0) is not None for key in on_screen)
        assert level_cache.held_bytes() <= 8 * MB
    finally:
        level_cache.clear()


def test_the_budget_holds_and_the_rough_stand_ins_stay(qapp, monkeypatch):
    level_cache.clear()
    monkeypatch.setattr(level_cache, "BUDGET_BYTES", 4 * MB)
    try:
        rough = QRectF(0, 0, 2048, 2048)  # 256 × 256 pixels at 1/8: a cabinet's stand-in
        level_cache.cached_picture("rough", rough, 1 / 8, _fill)
        for n in range(100):  # 25 MB drawn by frames, the oldest first
            level_cache.cached_picture(("tile", n), TILE, 1.0, _fill)
        assert level_cache.held_bytes() <= 4 * MB
        assert level_cache.lookup("rough", 1 / 8) is not None
        assert level_cache.lookup(("tile", 99), 1.0) is not None
        assert level_cache.lookup(("tile", 0), 1.0) is None
    finally:
        level_cache.clear()


def test_queued_exact_copies_are_bounded(qapp):
    exact_cache.clear()
    try:
        for n in range(3 * exact_cache.MAX_PENDING):
            picture = QPixmap(64, 64)
            picture.fill(Qt.GlobalColor.darkRed)
            exact_cache.exact(("sprite", n), picture, 40, 40)
        assert exact_cache.pending() == exact_cache.MAX_PENDING
    finally:
        exact_cache.clear()


def test_two_sizes_of_one_picture_are_both_kept(qapp):
    exact_cache.clear()
    try:
        picture = QPixmap(64, 64)
        picture.fill(Qt.GlobalColor.darkRed)
        assert exact_cache.exact("sprite", picture, 40, 40) is None
        assert exact_cache.exact("sprite", picture, 30, 30) is None
        while exact_cache.pending():
            exact_cache.scale_some()
        assert exact_cache.exact("sprite", picture, 40, 40) is not None  # the tour's view
        assert exact_cache.exact("sprite", picture, 30, 30) is not None  # the room's, behind
    finally:
        exact_cache.clear()
