"""The drag-and-drop format every Museum view uses to carry items: comma-separated ids."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMimeData

ITEM_IDS_MIME = "application/x-museum-item-ids"


def item_ids_mime(item_ids: Iterable[int]) -> QMimeData:
    """Mime data carrying these item ids (as ITEM_IDS_MIME and as plain text)."""
    text = ",".join(str(int(item_id)) for item_id in item_ids)
    mime = QMimeData()
    mime.setData(ITEM_IDS_MIME, text.encode("ascii"))
    mime.setText(text)
    return mime


def item_ids_from_mime(mime: QMimeData | None) -> list[int]:
    """The item ids a drag carries; [] when it carries none (or something else)."""
    if mime is None or not mime.hasFormat(ITEM_IDS_MIME):
        return []
    text = bytes(mime.data(ITEM_IDS_MIME).data()).decode("ascii", errors="ignore")
    ids = []
    for part in text.split(","):
        part = part.strip()
        if part.isdigit():
            ids.append(int(part))
    return list(dict.fromkeys(ids))
