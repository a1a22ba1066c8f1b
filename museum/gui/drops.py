"""Files dragged in from the file manager: which local files a drop carries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif",
                            ".heic", ".heif"})


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files in a drop (folders and remote URLs left out), in the order given."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


def photo_files(mime: QMimeData | None) -> list[Path]:
    """The dropped files that look like photos by their name; core checks their content."""
    return [path for path in local_files(mime) if path.suffix.lower() in PHOTO_SUFFIXES]
