"""Files dragged in from the file manager: which local files a drop carries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, SignalInstance
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView

from museum.gui.item_model import IdRole

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


def drop_photos_on_item(view: QAbstractItemView, event: QDropEvent,
                        files_dropped: SignalInstance) -> None:
    """Emit files_dropped(item id under the drop or None, photo paths), or ignore the drop."""
    paths = photo_files(event.mimeData())
    if not paths:
        event.ignore()
        return
    index = view.indexAt(event.position().toPoint())
    event.acceptProposedAction()
    files_dropped.emit(index.data(IdRole) if index.isValid() else None, paths)
