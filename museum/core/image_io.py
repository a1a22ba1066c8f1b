"""Opening untrusted image files safely, and turning them into upright sRGB pictures.

Only the formats Museum accepts are tried, the pixel count is checked from the header before a
single pixel is decoded, and every failure becomes a PhotoError with one sentence naming the file.
"""

from __future__ import annotations

import datetime as dt
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PIL import Image, ImageCms, UnidentifiedImageError

from museum.core.errors import PhotoError

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF", "HEIF")
FORMAT_NAMES = "JPEG, PNG, WebP, TIFF, BMP, GIF or HEIC"
PIXEL_LIMIT = 250_000_000
# Formats other than JPEG are decoded at full size, at 1 to 4 bytes a pixel: a 1 MB PNG of 225
# megapixels needs 900 MB. No single decode may need more than this, nor all threads together.
DECODE_MEMORY_LIMIT = 400_000_000
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2, "I;16N": 2}
# Modes Image.reduce works on without a full-size converted copy first.
_REDUCIBLE_IN_PLACE = frozenset({"L", "RGB", "RGBX", "RGBa", "La", "CMYK", "YCbCr", "I", "F"})
BACKGROUND = (255, 255, 255)  # what transparent parts of a photo are shown on

# Our own check below refuses anything over PIXEL_LIMIT with a clear sentence; Pillow's global
# bomb guard stays on as a backstop at twice that, and its warning would only repeat our check.
Image.MAX_IMAGE_PIXELS = PIXEL_LIMIT
warnings.simplefilter("ignore", Image.DecompressionBombWarning)

_ORIENTATION_TRANSPOSE = {  # EXIF orientation -> what turns the stored pixels right way up
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_90,
}
# Pillow's TIFF reader (and pillow-heif) report the upright size and turn the pixels themselves.
_SELF_ORIENTING = frozenset({"TIFF", "HEIF"})
_EXIF_IFD = 0x8769
_DATE_TAGS = (0x9003, 0x9004)  # DateTimeOriginal, DateTimeDigitized
_OFFSET_TAGS = {0x9003: 0x9011, 0x9004: 0x9012}
_MAX_EXIF_BYTES = 1024 * 1024
_heif_lock = threading.Lock()
_heif_registered = False
_srgb_profile: ImageCms.ImageCmsProfile | None = None


@dataclass(frozen=True)
class ImageFacts:
    """What the header of an image file says: its format, upright pixel size, orientation, date."""

    format: str
    width: int  # as shown, i.e. after the EXIF orientation is applied
    height: int
    orientation: int
    taken_at: str | None


def open_image(stream: IO[bytes], name: str) -> Image.Image:
    """Open an image for reading, refusing unknown formats and decompression bombs.

    Only the header is read; the pixels are decoded later, by whoever loads the image.
    """
    _register_heif_if_needed(stream)
    try:
        image = Image.open(stream, formats=_usable_formats())
    except Image.DecompressionBombError:
        raise PhotoError(f"{name} is too large to open safely (more than "
                         f"{PIXEL_LIMIT // 1_000_000} megapixels).") from None
    except UnidentifiedImageError:
        raise PhotoError(f"{name} is not a photo Museum can read; it accepts "
                         f"{FORMAT_NAMES}.") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise PhotoError(f"{name} is damaged and cannot be read ({_reason(error)}).") from None
    _check_pixel_count(image, name)
    return image


def read_facts(image: Image.Image) -> ImageFacts:
    """Format, upright size, orientation and EXIF date of an opened (not yet loaded) image."""
    exif = _exif(image)
    orientation = 1 if image.format in _SELF_ORIENTING else _orientation(exif)
    width, height = image.size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return ImageFacts(format=str(image.format), width=width, height=height,
                      orientation=orientation, taken_at=_taken_at(exif))


def load_upright_rgb(image: Image.Image, name: str, *, long_edge: int,
                     orientation: int) -> Image.Image:
    """Decode image to an sRGB RGB picture whose long edge is at most long_edge, right way up.

    JPEGs are decoded at a reduced scale when that still gives at least long_edge pixels, so a
    12-megapixel photo never has to be decoded in full for a thumbnail. Other formats are
    decoded whole, so an image whose decoding would take more than DECODE_MEMORY_LIMIT is
    refused, and decodes in all threads together stay within that much memory. The full-size
    pixels are released (image is closed) as soon as a reduced copy is made.
    """
    image.draft(None, _target_size(image.size, long_edge))
    needed = decode_memory(image)
    if needed > DECODE_MEMORY_LIMIT:
        raise PhotoError(
            f"{name} is too large to open safely: {image.size[0]:,} × {image.size[1]:,} pixels "
            f"would take {needed // 1_000_000:,} MB of memory to decode, more than the "
            f"{DECODE_MEMORY_LIMIT // 1_000_000} MB Museum allows.")
    with _decode_budget.reserve(needed):
        try:
            image.seek(0)
            image.load()
        except (OSError, SyntaxError, ValueError, EOFError):
            raise PhotoError(f"{name} is damaged or incomplete: its picture data cannot be "
                             "read to the end.") from None
        reduced = _reduced(image, long_edge)
        if reduced is not image:
            image.close()  # frees the full-size pixels before any colour work
    picture = to_srgb(reduced)
    # After a reduced decode the last step is small (2000 -> 1600 px for a 12-MP photo), where
    # Hamming looks as sharp as Lanczos at half the cost.
    picture.thumbnail((long_edge, long_edge), Image.Resampling.HAMMING, reducing_gap=2.0)
    if orientation in _ORIENTATION_TRANSPOSE:
        picture = picture.transpose(_ORIENTATION_TRANSPOSE[orientation])
    return picture


def to_srgb(image: Image.Image) -> Image.Image:
    """An 8-bit RGB copy of image in sRGB: ICC profiles applied, alpha flattened onto white."""
    icc = image.info.get("icc_profile")
    image = _to_eight_bit(image)
    if icc:
        image = _apply_profile(image, icc)
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def _to_eight_bit(image: Image.Image) -> Image.Image:
    # 16-bit and float greyscale would be clipped to white by a plain convert; scale instead.
    if image.mode.startswith("I;16"):
        image = image.convert("I")
    if image.mode == "I":
        return image.point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "F":
        return image.point(lambda value: value * 255).convert("L")
    if image.mode == "1":
        return image.convert("L")
    return image


def _apply_profile(image: Image.Image, icc: bytes) -> Image.Image:
    global _srgb_profile
    if image.mode not in ("RGB", "RGBA", "CMYK", "L", "LA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(ImageCms.core.profile_frombytes(icc))
        if _srgb_profile is None:
            _srgb_profile = ImageCms.createProfile("sRGB")
        output_mode = "RGBA" if image.mode in ("RGBA", "LA") else "RGB"
        if image.mode == "LA":
            image = image.convert("RGBA")
        return ImageCms.profileToProfile(image, source, _srgb_profile, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken or mismatched profile: showing the pixels as they are beats refusing the photo.
        return image


def decode_memory(image: Image.Image) -> int:
    """About how many bytes decoding image (and reducing it) takes, from its header alone."""
    width, height = image.size
    pixels = width * height
    total = pixels * _BYTES_PER_PIXEL.get(image.mode, 4)
    if image.mode not in _REDUCIBLE_IN_PLACE:
        total += pixels * 4  # converted to 32-bit pixels before it can be reduced
    if image.mode in ("P", "PA"):
        total += pixels * 4  # a palette with transparency goes through RGBA on the way
    return total


def _reduced(image: Image.Image, long_edge: int) -> Image.Image:
    """A copy of image cut down by a whole factor towards long_edge (image if it is small)."""
    factor = max(image.size) // (2 * long_edge)  # leaves >= 2x long_edge for a sharp resize
    if factor < 2:
        return image
    source = image if image.mode in _REDUCIBLE_IN_PLACE else _reducible_copy(image)
    reduced = source.reduce(factor)
    if source is not image:
        source.close()
    # Alpha is reduced premultiplied (so transparent pixels do not bleed their colour).
    return reduced.convert({"RGBa": "RGBA", "La": "LA"}[reduced.mode]) \
        if reduced.mode in ("RGBa", "La") else reduced


def _reducible_copy(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA"):
        return image.convert({"RGBA": "RGBa", "LA": "La"}[image.mode])
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "1"):
        return _to_eight_bit(image)
    if "transparency" in image.info or image.mode == "PA":
        rgba = image.convert("RGBA")
        try:
            return rgba.convert("RGBa")
        finally:
            rgba.close()
    return image.convert("RGB")


class _DecodeBudget:
    """Memory for decoding, shared by every thread: a decode waits until its share is free."""

    def __init__(self, limit: int) -> None:
        self._free = limit
        self._condition = threading.Condition()

    @contextmanager
    def reserve(self, amount: int) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: self._free >= amount)
            self._free -= amount
        try:
            yield
        finally:
            with self._condition:
                self._free += amount
                self._condition.notify_all()


_decode_budget = _DecodeBudget(DECODE_MEMORY_LIMIT)


def _target_size(size: tuple[int, int], long_edge: int) -> tuple[int, int]:
    scale = min(1.0, long_edge / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _check_pixel_count(image: Image.Image, name: str) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise PhotoError(f"{name} is damaged: it says it has no pixels.")
    if width * height > PIXEL_LIMIT:
        raise PhotoError(
            f"{name} is too large to open safely: {width:,} × {height:,} pixels is more than "
            f"the limit of {PIXEL_LIMIT // 1_000_000} megapixels."
        )


def _exif(image: Image.Image) -> Image.Exif | None:
    try:
        if image.format == "PNG" and "exif" not in image.info:
            # Pillow would decode every pixel to look for an eXIf chunk after the image data;
            # walking the chunk headers finds it without decoding (and without the memory).
            late = _png_exif_chunk(image.fp)
            if late is None:
                return None
            image.info["exif"] = b"Exif\x00\x00" + late
        return image.getexif()
    except Exception:  # noqa: BLE001 — a broken EXIF block must not cost the user the photo
        return None


def _png_exif_chunk(stream: IO[bytes] | None) -> bytes | None:
    """The data of a PNG's eXIf chunk, found by skipping from chunk header to chunk header."""
    if stream is None:
        return None
    position = stream.tell()
    try:
        stream.seek(8)  # the PNG signature
        while header := stream.read(8):
            if len(header) < 8:
                return None
            length, kind = int.from_bytes(header[:4], "big"), header[4:]
            if kind == b"eXIf":
                return stream.read(min(length, _MAX_EXIF_BYTES))
            if kind == b"IEND":
                return None
            stream.seek(length + 4, 1)  # the data and its CRC
        return None
    finally:
        stream.seek(position)


def _orientation(exif: Image.Exif | None) -> int:
    value = exif.get(0x0112) if exif is not None else None
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _taken_at(exif: Image.Exif | None) -> str | None:
    if exif is None:
        return None
    try:
        details = exif.get_ifd(_EXIF_IFD)
    except Exception:  # noqa: BLE001
        return None
    for tag in _DATE_TAGS:
        stamp = _parse_exif_date(details.get(tag), details.get(_OFFSET_TAGS[tag]))
        if stamp:
            return stamp
    return None


def _parse_exif_date(value: object, offset: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.strptime(value.strip().rstrip("\x00")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    stamp = moment.isoformat()
    if isinstance(offset, str) and len(offset.strip("\x00")) == 6:
        try:
            return dt.datetime.fromisoformat(stamp + offset.strip("\x00")).isoformat()
        except ValueError:
            pass
    return stamp


def _usable_formats() -> list[str]:
    # Pillow raises KeyError for a format name whose plugin is not registered yet.
    return [name for name in ACCEPTED_FORMATS if name != "HEIF" or _heif_registered]


def _register_heif_if_needed(stream: IO[bytes]) -> None:
    # pillow-heif costs 50 ms to import, so it is loaded only when a file looks like HEIF/ISO-BMFF.
    global _heif_registered
    if _heif_registered:
        return
    position = stream.tell()
    head = stream.read(12)
    stream.seek(position)
    if head[4:8] != b"ftyp":
        return
    with _heif_lock:
        if not _heif_registered:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif_registered = True


def _reason(error: BaseException) -> str:
    text = str(error).strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else type(error).__name__


def describe_path_problem(path: Path) -> str | None:
    """One sentence if path cannot be a photo file (missing, a folder, empty), else None."""
    name = path.name or str(path)
    try:
        if not path.exists():
            return f"{path} does not exist."
        if path.is_dir():
            return f"{name} is a folder, not a photo."
        if not path.is_file():
            return f"{name} is not a regular file."
        if path.stat().st_size == 0:
            return f"{name} is empty (0 bytes)."
    except OSError as error:
        return f"Cannot read {path}: {error.strerror or error}."
    return None
