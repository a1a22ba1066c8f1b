"""The thumbnail cache in cache/: JPEGs at the sizes of photo_paths.THUMBNAIL_SIZES.

Thumbnails are always made from the original file (never from a fully decoded copy), upright and
in sRGB, written atomically, and rebuilt whenever one is missing, empty or older than its original.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from museum.core.atomic import atomic_write_bytes
from museum.core.errors import PhotoError
from museum.core.image_io import load_upright_rgb, open_image, read_facts
from museum.core.photo_paths import THUMBNAIL_SIZES, thumbnail_relpath
from museum.core.regular_files import open_regular_file

JPEG_QUALITY = {"grid": 82, "preview": 88}


def thumbnail_file(root: Path, sha256: str, size: str) -> Path:
    """Where the thumbnail of this original at this size lives (it may not exist yet)."""
    return root / thumbnail_relpath(sha256, size)


def is_fresh(thumbnail: Path, original: Path) -> bool:
    """True when thumbnail exists, is not empty and is not older than its original."""
    try:
        made = thumbnail.stat()
    except OSError:
        return False
    try:
        source_time = original.stat().st_mtime
    except OSError:
        source_time = 0.0
    return made.st_size > 0 and made.st_mtime >= source_time


def render_all(image: Image.Image, name: str, orientation: int) -> dict[str, bytes]:
    """Every thumbnail size of an opened image, from one reduced decode, as JPEG bytes."""
    sizes = sorted(THUMBNAIL_SIZES.items(), key=lambda pair: -pair[1])
    picture = load_upright_rgb(image, name, long_edge=sizes[0][1], orientation=orientation)
    rendered = {}
    for size, long_edge in sizes:
        # A no-op for the largest size; each smaller one is made from the one before.
        picture.thumbnail((long_edge, long_edge), Image.Resampling.LANCZOS, reducing_gap=2.0)
        rendered[size] = encode_jpeg(picture, JPEG_QUALITY[size])
    return rendered


def encode_jpeg(picture: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def write_thumbnails(root: Path, sha256: str, rendered: dict[str, bytes]) -> None:
    """Store rendered thumbnails in the cache, each atomically."""
    for size, data in rendered.items():
        atomic_write_bytes(thumbnail_file(root, sha256, size), data)


def ensure_thumbnail(root: Path, original: Path, sha256: str, size: str, *, name: str) -> Path:
    """The path of a fresh thumbnail of original at size, building only that one if needed."""
    if size not in THUMBNAIL_SIZES:
        raise PhotoError(f"There is no thumbnail size called {size!r}; use grid or preview.")
    target = thumbnail_file(root, sha256, size)
    if is_fresh(target, original):
        return target
    try:
        stream = open_regular_file(original)
    except FileNotFoundError:
        raise PhotoError(f"The original of {name} is missing from the catalogue.") from None
    except OSError as error:
        raise PhotoError(f"Cannot read the original of {name}: {error.strerror}.") from None
    with stream:
        image = open_image(stream, name)
        facts = read_facts(image)
        picture = load_upright_rgb(image, name, long_edge=THUMBNAIL_SIZES[size],
                                   orientation=facts.orientation)
    atomic_write_bytes(target, encode_jpeg(picture, JPEG_QUALITY[size]))
    return target
