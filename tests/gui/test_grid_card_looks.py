"""How a grid card looks: a long title ends in an ellipsis on its last line, and a photo sits on
the same kind of backdrop whether it is landscape or portrait."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from museum.core import items, photos
from museum.gui.card_painting import MARGIN, PHOTO_HEIGHT, card_rect, photo_area
from museum.gui.grid_view import CARD, CardDelegate
from museum.gui.item_model import ItemModel
from museum.gui.thumbnail_loader import ThumbnailLoader

LONG_TITLE = ("Golden Ball, best player of the tournament at the FIFA World Cup, presented after "
              "the final in Lusail on 18 December 2022")


def _paint_card(delegate: CardDelegate, model: ItemModel, row: int, width: int,
                palette: QPalette, font: QFont) -> QImage:
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, width, CARD.height())
    option.palette = palette
    option.font = font
    image = QImage(QSize(width, CARD.height()), QImage.Format.Format_RGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(row, 0))
    painter.end()
    return image


def _ink_right_edge(image: QImage, band: QRect, background: QColor) -> int | None:
    """The rightmost column in band holding a pixel clearly unlike the background."""
    for x in range(band.right(), band.left() - 1, -1):
        for y in range(band.top(), band.bottom() + 1):
            pixel = image.pixelColor(x, y)
            if abs(pixel.lightness() - background.lightness()) > 60:
                return x
    return None


def test_a_long_title_ends_in_an_ellipsis_at_every_card_width(qtbot, catalogue) -> None:
    from PySide6.QtWidgets import QApplication

    items.add_item(catalogue, fields={"title": LONG_TITLE, "kind": "medal",
                                      "date": "2022-12-18"})
    model = ItemModel(catalogue)
    model.refresh()
    delegate = CardDelegate(ThumbnailLoader(catalogue))
    palette, font = QApplication.palette(), QApplication.font()
    bold = QFont(font)
    bold.setBold(True)
    line = QFontMetrics(bold).height()
    ellipsis = QFontMetrics(bold).horizontalAdvance("…W")
    short_lines = []
    for width in range(196, 320):
        card = _paint_card(delegate, model, 0, width, palette, font)
        text = card_rect(QRect(0, 0, width, CARD.height())).toRect().adjusted(
            MARGIN + 2, PHOTO_HEIGHT + 6, -MARGIN - 2, -MARGIN)
        second = QRect(text.left(), text.top() + line, text.width(), line)
        right = _ink_right_edge(card, second, palette.color(QPalette.ColorRole.Base))
        # The second line is the title's last: it runs to the right edge and ends in "…"
        # (a line cut short, with the rest hidden below it, ends far from the edge).
        if right is None or right < text.right() - ellipsis:
            short_lines.append(width)
    assert short_lines == []


def _photo(folder: Path, name: str, size: tuple[int, int]) -> Path:
    path = folder / name
    Image.new("RGB", size, (200, 30, 30)).save(path, quality=95)
    return path


def test_landscape_and_portrait_photos_sit_on_the_same_backdrop(qtbot, catalogue,
                                                               tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    ids = []
    for name, size in (("wide.jpg", (1200, 600)), ("tall.jpg", (600, 1200))):
        changes = items.add_item(catalogue, fields={"title": name, "kind": "medal"})
        item_id = next(iter(changes.item_ids))
        photos.import_photos(catalogue, item_id=item_id, paths=[_photo(tmp_path, name, size)])
        ids.append(item_id)
    model = ItemModel(catalogue)
    model.refresh()
    thumbnails = ThumbnailLoader(catalogue)
    delegate = CardDelegate(thumbnails)
    rows = [model.row_of(item_id) for item_id in ids]
    for row in rows:
        thumbnails.pixmap(model.record_at(row).primary_photo_id)
    qtbot.waitUntil(lambda: all(thumbnails.pixmap(model.record_at(row).primary_photo_id)
                                is not None for row in rows), timeout=10_000)
    palette, font = QApplication.palette(), QApplication.font()
    width = CARD.width()
    area = photo_area(QRect(0, 0, width, CARD.height()))
    # A little in from the photo area's four corners: backdrop on both cards; and the middle
    # of the edges the photo leaves free (top of the wide one, left of the tall one).
    corners = [(area.left() + 10, area.top() + 10), (area.right() - 10, area.top() + 10),
               (area.left() + 10, area.bottom() - 10), (area.right() - 10, area.bottom() - 10)]
    wide_card, tall_card = (_paint_card(delegate, model, row, width, palette, font)
                            for row in rows)
    wide = [wide_card.pixelColor(x, y) for x, y in corners]
    wide.append(wide_card.pixelColor(area.center().x(), area.top() + 4))
    tall = [tall_card.pixelColor(x, y) for x, y in corners]
    tall.append(tall_card.pixelColor(area.left() + 4, area.center().y()))
    grey = palette.color(QPalette.ColorRole.AlternateBase)
    for spot, (a, b) in enumerate(zip(wide, tall, strict=True)):
        # The same look at every spot whichever way the photo is turned...
        assert max(abs(a.red() - b.red()), abs(a.green() - b.green()),
                   abs(a.blue() - b.blue())) <= 24, (spot, a.name(), b.name())
        # ...and no bare grey bar: the backdrop belongs to the photo.
        assert a.red() - a.green() > 40, (spot, a.name(), grey.name())
