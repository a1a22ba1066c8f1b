"""At rest, the room copies each picture at exactly its size on screen (scaled once, in idle
time) instead of scaling it smoothly in every frame; the frame looks the same."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from museum.gui.room import exact_cache, level_cache
from museum.gui.room.room_page import RoomPage
from tests.gui.room_support import mean_difference, shown_room_page


def _stripes() -> QPixmap:
    image = QImage(100, 60, QImage.Format.Format_ARGB32_Premultiplied)
    for x in range(100):
        colour = QColor(255, 0, 0) if x % 2 else QColor(0, 0, 255)
        for y in range(60):
            image.setPixelColor(x, y, colour)
    return QPixmap.fromImage(image)


def _paint(picture: QPixmap, ratio: float = 1.0) -> QImage:
    canvas = QImage(round(200 * ratio), round(120 * ratio),
                    QImage.Format.Format_ARGB32_Premultiplied)
    canvas.setDevicePixelRatio(ratio)
    canvas.fill(Qt.GlobalColor.white)
    painter = QPainter(canvas)
    painter.translate(10.3, 20.6)
    painter.scale(0.8, 0.8)
    exact_cache.draw(painter, "stripes", QRectF(0, 0, 100, 60), picture,
                     QRectF(0, 0, 100, 60))
    painter.end()
    return canvas


def test_a_picture_at_rest_is_copied_at_its_exact_size_once_scaled(qapp):
    exact_cache.clear()
    picture = _stripes()
    exact_cache.settled = True
    try:
        first = _paint(picture)
        assert exact_cache.pending() == 1  # drawn nearest-pixel meanwhile, the copy queued
        assert exact_cache.scale_some() == 1
        second = _paint(picture)
    finally:
        exact_cache.settled = False
        exact_cache.clear()
    expected = picture.scaled(80, 48, Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation).toImage()
    for x, y in ((0, 0), (7, 5), (40, 24), (79, 47)):
        assert second.pixelColor(10 + x, 21 + y) == expected.pixelColor(x, y)
    # Nearest-pixel sampling keeps pure stripes; the smooth copy blends them to purple.
    assert first.pixelColor(50, 40) in (QColor(255, 0, 0), QColor(0, 0, 255))
    blended = second.pixelColor(50, 40)
    assert blended.red() > 40 and blended.blue() > 40
    assert second.pixelColor(5, 5) == QColor(Qt.GlobalColor.white)  # nothing outside it


def test_on_a_high_density_screen_the_copy_has_the_screen_s_pixels(qapp):
    exact_cache.clear()
    picture = _stripes()
    exact_cache.settled = True
    try:
        _paint(picture, 2.0)
        exact_cache.scale_some()
        canvas = _paint(picture, 2.0)  # 100 × 60 at 0.8 × 2: 160 × 96 device pixels
    finally:
        exact_cache.settled = False
        exact_cache.clear()
    expected = picture.scaled(160, 96, Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation).toImage()
    for x, y in ((0, 0), (33, 17), (159, 95)):
        assert canvas.pixelColor(21 + x, 41 + y) == expected.pixelColor(x, y)


def _frame(page: RoomPage) -> QImage:
    page.view.viewport().repaint()
    return page.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _quiet(page: RoomPage) -> bool:
    return not (page.view.moving or page.view.animating or page.photos.busy or
                level_cache.warm_pending() or exact_cache.pending())


def test_the_room_at_rest_looks_as_it_did_when_every_picture_was_scaled_smoothly(
        qtbot, demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue)
    qtbot.waitUntil(lambda: _quiet(page), timeout=10_000)
    page.card.hide()
    page.view.fit_all()
    page.view.zoom_by(1.37)
    qtbot.waitUntil(lambda: _quiet(page), timeout=10_000)
    exact = _frame(page)
    assert exact_cache.copies() > 10  # the cabinets' and items' pictures, at their exact size
    page.view.exact_at_rest = False
    smooth = _frame(page)
    assert mean_difference(exact, smooth) < 4


def _tile_picture() -> QPixmap:
    """A level cache's tile: 256 device pixels square plus a pixel's margin all round."""
    picture = QPixmap(258, 258)
    picture.fill(QColor(40, 60, 40))
    return picture


def test_tiles_copied_side_by_side_below_full_size_leave_no_white_line(qapp):
    # An empty room at rest in a 1001-px-wide page (zoom 0.598) showed a white line down and
    # across the view: each tile's exact copy was drawn from a rectangle one pixel past the
    # copy's edge, and that column was left unpainted.
    exact_cache.clear()
    picture = _tile_picture()
    exact_cache.settled = True
    gaps = []
    try:
        for scale in (0.5984, 0.6128, 0.6537, 0.7071):
            for shift in (0.0, 0.27, 0.5, 0.73):
                canvas = QImage(400, 60, QImage.Format.Format_RGB32)
                canvas.fill(Qt.GlobalColor.white)
                for _ in range(2):  # the first frame queues the copies, the second uses them
                    painter = QPainter(canvas)
                    painter.translate(shift, 0)
                    painter.scale(scale, scale)
                    for x in range(2):
                        exact_cache.draw(painter, ("tile", scale, x), QRectF(x * 256, 0, 256, 80),
                                         picture, QRectF(1, 1, 256, 80))
                    painter.end()
                    exact_cache.scale_some()
                right = int(512 * scale + shift) - 1
                gaps += [(scale, shift, x) for x in range(1, right)
                         if canvas.pixelColor(x, 20) == QColor(Qt.GlobalColor.white)]
    finally:
        exact_cache.settled = False
        exact_cache.clear()
    assert gaps == []
