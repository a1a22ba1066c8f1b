"""Posters: the whole room or one cabinet as a large PNG, for printing or sharing.

render_poster_file is also what `museum room poster` runs, with no window on screen.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from museum.core.atomic import atomic_write_bytes
from museum.core.catalogue import Catalogue
from museum.core.errors import NotFoundError, ValidationError
from museum.core.items import get_records
from museum.core.output_file import checked_output_path, write_error_sentence
from museum.core.room import room_layout
from museum.gui.room import level_cache
from museum.gui.room.cabinet_item import FAR_SCALE
from museum.gui.room.photo_loader import load_photo_image
from museum.gui.room.scene import RoomScene

MIN_WIDTH = 200
MAX_WIDTH = 20000
DEFAULT_WIDTH = 4800
BAND_ROWS = 160


def render_scene(scene: RoomScene, source: QRectF, width: int) -> QImage:
    """The part `source` of the scene drawn `width` pixels wide, in its own proportions, in
    one pass (the app draws it in bands, between which it answers the user; cut into bands, the
    items that cross a band's edges are painted once per band: twice the work in all)."""
    image = blank_poster(source, width)
    render_band(scene, source, image, 0, image.height())
    return image


def blank_poster(source: QRectF, width: int) -> QImage:
    """The image a poster of `source`, `width` pixels wide, is drawn on."""
    height = max(1, round(width * source.height() / source.width()))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ValidationError("There is not enough memory for a poster that large; "
                              "choose a smaller width.")
    image.fill(Qt.GlobalColor.black)
    return image


def poster_bands(image: QImage) -> list[tuple[int, int]]:
    """The poster cut into bands of rows (top, bottom), each drawn on its own: a band of a
    large poster takes a few tens of milliseconds, the whole poster a second or more."""
    return [(top, min(image.height(), top + BAND_ROWS))
            for top in range(0, image.height(), BAND_ROWS)]


def render_band(scene: RoomScene, source: QRectF, image: QImage, top: int, bottom: int) -> None:
    """Draw rows top..bottom of the poster of `source` on `image`, live and at full quality."""
    scale = image.width() / source.width()
    band = QRectF(source.left(), source.top() + top / scale, source.width(),
                  (bottom - top) / scale)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing |
                           QPainter.RenderHint.SmoothPixmapTransform |
                           QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(QRect(0, top, image.width(), bottom - top))
    far_before = scene.far_view
    # The poster's own level of detail, whatever the view on screen shows.
    scene.set_far_view(scale < FAR_SCALE)
    try:
        with level_cache.painting_live():
            scene.render(painter, QRectF(0, top, image.width(), bottom - top), band,
                         Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()
        scene.set_far_view(far_before)


def poster_source(scene: RoomScene, cabinet: str | None) -> QRectF:
    if cabinet is None:
        return scene.room_rect()
    for name in scene.cabinets:
        if name.casefold() == " ".join(cabinet.split()).casefold():
            return scene.cabinet_rect(name)
    raise NotFoundError(f"There is no cabinet called '{cabinet}'.")


def check_width(width: int) -> None:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ValidationError(f"A poster is between {MIN_WIDTH} and {MAX_WIDTH} pixels wide.")


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValidationError("The poster could not be encoded as PNG (out of memory?).")
    buffer.close()
    return bytes(data.data())


def build_scene(catalogue: Catalogue, *, photo_size: str = "preview") -> RoomScene:
    """The room's scene with every photo loaded now (for posters and the command line)."""
    layout = room_layout(catalogue)
    records = {r.id: r for r in get_records(catalogue, layout.displayed_ids)}
    scene = RoomScene()
    scene.show_room(layout, records)
    for exhibit in scene.exhibits.values():
        if exhibit.photo_id is not None:
            image = load_photo_image(catalogue, exhibit.photo_id, photo_size)
            if image is not None:
                exhibit.set_photo(QPixmap.fromImage(image), photo_size)
    return scene


def render_poster_file(catalogue: Catalogue, *, out: Path, cabinet: str | None = None,
                       width: int = DEFAULT_WIDTH, overwrite: bool = False) -> tuple[int, int]:
    """Write the room (or one cabinet) as a PNG `width` pixels wide; returns its size.

    An existing file is replaced only with `overwrite`; a bad destination (a folder, under a
    file, a full disk) is a ValidationError sentence, with no file, whole or partial, left.
    """
    check_width(width)
    out = checked_output_path(out, what="poster", overwrite=overwrite)
    if not cabinet and not room_layout(catalogue).cabinets:
        raise ValidationError("The room has no cabinets yet; add one or run 'museum room "
                              "arrange' first.")
    ensure_application()
    scene = build_scene(catalogue, photo_size="preview" if cabinet else "grid")
    try:
        image = render_scene(scene, poster_source(scene, cabinet), width)
        data = png_bytes(image)
        # Checked again: drawing takes seconds, in which the name may have been taken.
        checked_output_path(out, what="poster", overwrite=overwrite)
        try:
            atomic_write_bytes(out, data)
        except OSError as error:
            raise ValidationError(write_error_sentence(error, out, what="poster")) from None
        return image.width(), image.height()
    finally:
        # Drop every Qt object now, while the application still exists: pixmaps freed at
        # interpreter exit, after Qt has gone, crash the process.
        scene.clear()
        del scene
        release_pixmap_caches()


def release_pixmap_caches() -> None:
    from museum.gui.room.materials import texture
    from museum.gui.room.silhouettes import silhouette_pixmap

    texture.cache_clear()
    silhouette_pixmap.cache_clear()
    gc.collect()


def ensure_application() -> None:
    """A QApplication for drawing; offscreen when there is no display to talk to."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication([sys.argv[0] if sys.argv else "museum"])
