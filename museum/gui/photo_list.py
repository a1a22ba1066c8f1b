"""The GUI's one door to museum.core.photos, so that every window asks for photos the same way."""

from __future__ import annotations

from museum.core.catalogue import Catalogue


def list_item_photos(catalogue: Catalogue, item_id: int) -> list:
    """The item's photos in their order (PhotoRecord), primary first is not implied."""
    try:
        from museum.core.photos import list_photos
    except ImportError:  # the photo store is not part of this build yet
        return []
    return list_photos(catalogue, item_id=item_id)


def photos_available() -> bool:
    try:
        import museum.core.photos  # noqa: F401
    except ImportError:
        return False
    return True
