"""Where a photo's original and its thumbnails live inside a catalogue folder.

Originals are content-addressed: photos/ab/abcdef….jpg for SHA-256 abcdef…. They are written
once and never changed. Thumbnails are cache/<size>/ab/abcdef….jpg and can always be rebuilt.
"""

from __future__ import annotations

from pathlib import PurePosixPath

FORMAT_EXTENSIONS = {
    "JPEG": "jpg", "PNG": "png", "WEBP": "webp", "TIFF": "tif", "BMP": "bmp", "GIF": "gif",
    "HEIF": "heic",
}
THUMBNAIL_SIZES = {"grid": 320, "preview": 1600}


def original_relpath(sha256: str, image_format: str) -> PurePosixPath:
    """The original's path relative to the catalogue folder."""
    extension = FORMAT_EXTENSIONS.get(image_format.upper(), "bin")
    return PurePosixPath("photos", sha256[:2], f"{sha256}.{extension}")


def thumbnail_relpath(sha256: str, size: str) -> PurePosixPath:
    """A thumbnail's path relative to the catalogue folder; size is a key of THUMBNAIL_SIZES."""
    if size not in THUMBNAIL_SIZES:
        raise ValueError(f"unknown thumbnail size {size!r}")
    return PurePosixPath("cache", size, sha256[:2], f"{sha256}.jpg")
