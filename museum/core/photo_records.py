"""Plain, session-free views of photos and of what an import did."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from museum.core.changes import Changes


@dataclass
class PhotoRecord:
    """One photo of an item. `position` is 1-based (1 = first shown); `primary` is the item's
    main photo: the one the user chose, or the first when none was chosen. `width` and `height`
    are the size as shown, after the EXIF orientation; `taken_at` is ISO 8601 from EXIF, if any.
    """

    id: int
    item_id: int
    position: int
    primary: bool
    caption: str | None
    filename: str
    format: str
    width: int
    height: int
    bytes: int
    sha256: str
    taken_at: str | None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict keyed by field name."""
        return asdict(self)


@dataclass
class ImportReport:
    """What an import did: the new photo ids in the order given, and one sentence per failure.

    `duplicates` lists files that were already photos of their item (nothing new was stored);
    `cancelled` is True when the user stopped the import before every file was looked at.
    """

    changes: Changes
    photo_ids: list[int]
    failures: list[tuple[str, str]]
    duplicates: list[str] = field(default_factory=list)
    cancelled: bool = False
