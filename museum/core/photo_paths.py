"""Where a photo's original and its thumbnails live inside a catalogue folder.

Originals are content-addressed: photos/ab/abcdef….jpg for SHA-256 abcdef…. They are written
once and never changed. Thumbnails are cache/<size>/ab/abcdef….jpg and can always be rebuilt.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from museum.core.errors import PhotoError

FORMAT_EXTENSIONS = {
    "JPEG": "jpg", "PNG": "png", "WEBP": "webp", "TIFF": "tif", "BMP": "bmp", "GIF": "gif",
    "HEIF": "heic",
}
THUMBNAIL_SIZES = {"grid": 320, "preview": 1600}
_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_sha256(text: str) -> bool:
    """Whether text is a SHA-256 as the store names files: 64 lower-case hex digits."""
    return bool(_SHA256.fullmatch(text or ""))


def readable_name(name: str) -> str:
    """A file name as text that can be stored and shown: bytes the file system gave that are
    not UTF-8 (Python's lone surrogates) become U+FFFD, the replacement character."""
    return re.sub("[\ud800-\udfff]", "\ufffd", name)


def _checked(sha256: str) -> str:
    # A record is data, not a path: a forged hash like '../x' must never reach the file system.
    if not is_sha256(sha256):
        raise PhotoError("A photo record is damaged (its file name is not a SHA-256); "
                         "run `museum check`.")
    return sha256


def original_relpath(sha256: str, image_format: str) -> PurePosixPath:
    """The original's path relative to the catalogue folder."""
    return PurePosixPath(original_name(sha256, image_format))


def original_name(sha256: str, image_format: str) -> str:
    """original_relpath as a '/'-separated string (also its member name in a backup)."""
    extension = FORMAT_EXTENSIONS.get((image_format or "").upper(), "bin")
    sha256 = _checked(sha256)
    return f"photos/{sha256[:2]}/{sha256}.{extension}"


def thumbnail_relpath(sha256: str, size: str) -> PurePosixPath:
    """A thumbnail's path relative to the catalogue folder; size is a key of THUMBNAIL_SIZES."""
    if size not in THUMBNAIL_SIZES:
        raise ValueError(f"unknown thumbnail size {size!r}")
    sha256 = _checked(sha256)
    return PurePosixPath("cache", size, sha256[:2], f"{sha256}.jpg")
