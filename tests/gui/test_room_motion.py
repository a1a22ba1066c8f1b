"""While the camera moves the room is drawn with fast nearest-pixel sampling; once it stops,
one smooth frame is painted, and it shows the same room."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter

from museum.gui.room import level_cache
from museum.gui.room.room_page import RoomPage
from tests.gui.room_support import mean_difference, shown_room_page

SMOOTH = QPainter.RenderHint.SmoothPixmapTransform


def _frame(page: RoomPage) -> QImage:
    page.view.viewport().repaint()
    return page.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _quiet(page: RoomPage) -> bool:
    """The camera is still and nothing is being loaded or painted ahead."""
    return not (page.view.moving or page.view.animating or page.photos.busy or
                level_cache.warm_pending())


def test_moving_frames_are_fast_and_the_still_one_is_smooth(qtbot, demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue)
    # It fades in, then walks to the item of the day: wait for both (quiet while it fades).
    qtbot.waitUntil(lambda: page.view.curtain.opacity == 0.0 and _quiet(page), timeout=10_000)
    page.card.hide()
    page.view.fit_all()
    qtbot.waitUntil(lambda: _quiet(page), timeout=10_000)
    page.view.zoom_by(1.37)  # still far enough that no larger photos are loaded
    moving = _frame(page)
    assert page.view.moving and not page.view.renderHints() & SMOOTH
    qtbot.waitUntil(lambda: _quiet(page), timeout=10_000)
    assert page.view.renderHints() & SMOOTH
    still = _frame(page)
    difference = mean_difference(moving, still)
    assert 0 < difference < 8  # the same picture, only sampled more finely


def test_a_view_told_never_to_settle_is_always_smooth(qtbot, demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue, width=800, height=600)
    page.view.settle_ms = 0
    page.view.zoom_by(1.5)
    page.view.viewport().repaint()
    assert not page.view.moving and page.view.renderHints() & SMOOTH
