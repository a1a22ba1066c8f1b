"""Every accepted format, EXIF orientation and colour handling, through the real import path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from museum.core import photos
from museum.core.catalogue import Catalogue
from museum.core.items import add_item
from museum.core.photo_paths import THUMBNAIL_SIZES
from tests.photo_samples import (
    BLUE, GREEN, RED, YELLOW, close_to, corner_colours, quadrants, swapped_rgb_profile, write,
    write_heic,
)

T = Image.Transpose
# How to store an upright picture so that a viewer applying EXIF orientation N shows it upright
# (the inverse of what the EXIF specification says a viewer must do for N).
STORE_FOR_ORIENTATION = {
    1: None, 2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,
    6: T.ROTATE_90,  # viewer turns it 90° clockwise, so it is stored turned 90° anticlockwise
    7: T.TRANSVERSE, 8: T.ROTATE_270,
}


@pytest.fixture
def item_id(catalogue: Catalogue) -> int:
    return add_item(catalogue, fields={"kind": "medal", "title": "Medal"}).created_ids[0]


def import_one(catalogue: Catalogue, item_id: int, path: Path) -> photos.PhotoRecord:
    report = photos.import_photos(catalogue, item_id=item_id, paths=[path])
    assert report.failures == []
    return photos.get_photo(catalogue, photo_id=report.photo_ids[0])


def assert_upright_quadrants(path: Path) -> None:
    top_left, top_right, bottom_left, bottom_right = corner_colours(path)
    assert close_to(top_left, RED) and close_to(top_right, GREEN)
    assert close_to(bottom_left, BLUE) and close_to(bottom_right, YELLOW)


@pytest.mark.parametrize("name, options, expected_format", [
    ("p.jpg", {"quality": 92}, "JPEG"), ("p.png", {}, "PNG"), ("p.webp", {"quality": 90}, "WEBP"),
    ("p.tif", {}, "TIFF"), ("p.bmp", {}, "BMP"), ("p.gif", {}, "GIF"),
])
def test_each_format_is_stored_byte_for_byte_with_both_thumbnails(
        catalogue, item_id, tmp_path, name, options, expected_format):
    source = write(tmp_path / name, **options)
    record = import_one(catalogue, item_id, source)
    assert (record.format, record.width, record.height) == (expected_format, 400, 300)
    assert record.bytes == source.stat().st_size
    stored = photos.original_path(catalogue, photo_id=record.id)
    assert stored.read_bytes() == source.read_bytes()
    assert stored.parent.parent == catalogue.photos_dir and stored.stem == record.sha256
    for size in THUMBNAIL_SIZES:
        assert_upright_quadrants(photos.thumbnail_path(catalogue, photo_id=record.id, size=size))


def test_heic_is_read_through_pillow_heif(catalogue, item_id, tmp_path):
    record = import_one(catalogue, item_id, write_heic(tmp_path / "phone.heic"))
    assert (record.format, record.width, record.height) == ("HEIF", 400, 300)
    assert photos.original_path(catalogue, photo_id=record.id).suffix == ".heic"
    assert_upright_quadrants(photos.thumbnail_path(catalogue, photo_id=record.id, size="grid"))


def test_gif_animation_shows_its_first_frame(catalogue, item_id, tmp_path):
    frames = [quadrants(), Image.new("RGB", (400, 300), (0, 0, 0))]
    source = tmp_path / "anim.gif"
    frames[0].save(source, save_all=True, append_images=frames[1:], duration=100)
    record = import_one(catalogue, item_id, source)
    assert_upright_quadrants(photos.thumbnail_path(catalogue, photo_id=record.id, size="grid"))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_right_way_up(catalogue, item_id, tmp_path, orientation):
    method = STORE_FOR_ORIENTATION[orientation]
    stored = quadrants() if method is None else quadrants().transpose(method)
    exif = Image.Exif()
    exif[0x0112] = orientation
    record = import_one(catalogue, item_id, write(tmp_path / "o.jpg", stored, exif=exif,
                                                  quality=95))
    assert (record.width, record.height) == (400, 300)  # the size as shown
    for size in THUMBNAIL_SIZES:
        thumbnail = photos.thumbnail_path(catalogue, photo_id=record.id, size=size)
        assert Image.open(thumbnail).size[0] > Image.open(thumbnail).size[1]
        assert_upright_quadrants(thumbnail)


@pytest.mark.parametrize("name", ["o.png", "o.tif", "o.webp"])
def test_orientation_is_applied_in_other_formats_too(catalogue, item_id, tmp_path, name):
    exif = Image.Exif()
    exif[0x0112] = 6
    record = import_one(catalogue, item_id,
                        write(tmp_path / name, quadrants().transpose(T.ROTATE_90), exif=exif))
    assert (record.width, record.height) == (400, 300)
    assert_upright_quadrants(photos.thumbnail_path(catalogue, photo_id=record.id, size="grid"))


def test_big_camera_jpeg_gets_thumbnails_of_the_promised_sizes(catalogue, item_id, tmp_path):
    source = write(tmp_path / "camera.jpg", quadrants(4000, 3000), quality=85)
    record = import_one(catalogue, item_id, source)
    assert Image.open(photos.thumbnail_path(catalogue, photo_id=record.id, size="grid")).size \
        == (320, 240)
    assert Image.open(photos.thumbnail_path(catalogue, photo_id=record.id, size="preview")).size \
        == (1600, 1200)


def test_small_photo_is_never_enlarged(catalogue, item_id, tmp_path):
    record = import_one(catalogue, item_id, write(tmp_path / "s.png", quadrants(200, 100)))
    assert Image.open(photos.thumbnail_path(catalogue, photo_id=record.id, size="preview")).size \
        == (200, 100)


def test_cmyk_jpeg_is_neither_inverted_nor_washed_out(catalogue, item_id, tmp_path):
    cmyk = Image.new("CMYK", (400, 300), (0, 255, 255, 0))  # pure red ink
    record = import_one(catalogue, item_id, write(tmp_path / "print.jpg", cmyk, quality=95))
    thumbnail = photos.thumbnail_path(catalogue, photo_id=record.id, size="grid")
    with Image.open(thumbnail) as image:
        assert image.mode == "RGB"
        assert close_to(image.getpixel((100, 100)), (255, 0, 0))


def test_icc_profile_is_converted_to_srgb(catalogue, item_id, tmp_path):
    tagged = Image.new("RGB", (400, 300), (255, 0, 0))
    source = write(tmp_path / "tagged.png", tagged, icc_profile=swapped_rgb_profile())
    record = import_one(catalogue, item_id, source)
    with Image.open(photos.thumbnail_path(catalogue, photo_id=record.id, size="grid")) as image:
        assert close_to(image.getpixel((100, 100)), (0, 0, 255), tolerance=60)


def test_sixteen_bit_png_keeps_its_tones(catalogue, item_id, tmp_path):
    grey = Image.new("I", (400, 300), 0)
    grey.paste(40000, (200, 0, 400, 300))  # about 61 % grey on the right, black on the left
    grey = grey.convert("I;16")
    assert grey.getpixel((300, 100)) == 40000
    record = import_one(catalogue, item_id, write(tmp_path / "scan16.png", grey))
    with Image.open(photos.thumbnail_path(catalogue, photo_id=record.id, size="grid")) as image:
        assert close_to(image.getpixel((40, 100)), (0, 0, 0), tolerance=10)
        assert close_to(image.getpixel((280, 100)), (156, 156, 156), tolerance=10)


def test_transparent_parts_are_shown_on_white(catalogue, item_id, tmp_path):
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    image.paste((20, 20, 220, 255), (0, 0, 200, 300))
    record = import_one(catalogue, item_id, write(tmp_path / "cutout.png", image))
    with Image.open(photos.thumbnail_path(catalogue, photo_id=record.id, size="grid")) as thumb:
        assert close_to(thumb.getpixel((40, 100)), BLUE)
        assert close_to(thumb.getpixel((280, 100)), (255, 255, 255), tolerance=5)


def test_exif_date_taken_is_kept_as_iso_8601(catalogue, item_id, tmp_path):
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2022:12:18 18:42:07"
    exif.get_ifd(0x8769)[0x9011] = "+03:00"
    record = import_one(catalogue, item_id, write(tmp_path / "final.jpg", exif=exif))
    assert record.taken_at == "2022-12-18T18:42:07+03:00"
    plain = import_one(catalogue, item_id, write(tmp_path / "plain.png", quadrants(40, 30)))
    assert plain.taken_at is None
